/**
 * The module as the runtime receives it: validated, with scenes in order and every text
 * rendered from Markdown to sanitised HTML at build time (see build-scripts/markdown.ts).
 * The shapes are the authoring shapes from schema.ts; only the meaning of text values changes.
 */
import type { CompetenceArea, ModuleFile, Scene } from './schema.js';

export type { CompetenceArea, Scene } from './schema.js';
export type {
  DecisionScene,
  DecisionOption,
  QuizScene,
  QuizOption,
  StoryScene,
  ReflectionScene,
  SummaryScene,
  Medium,
  LangText,
} from './schema.js';

export type Lang = 'da' | 'en';
export const languages: readonly Lang[] = ['da', 'en'];

export interface CompiledModule extends Omit<ModuleFile, 'scenes' | 'competences'> {
  /** The competence areas this module trains, in framework order, with their texts. */
  areas: CompetenceArea[];
  scenes: Scene[];
}

/** Scene types that carry points and need an answer before the learner can go on. */
export function isScored(scene: Scene): scene is Extract<Scene, { type: 'decision' | 'quiz' }> {
  return scene.type === 'decision' || scene.type === 'quiz';
}
