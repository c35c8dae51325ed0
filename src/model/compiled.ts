/**
 * The module as the runtime receives it: validated, with scenes in order and every text
 * rendered from Markdown to sanitised HTML at build time (see build-scripts/markdown.ts).
 * The shapes are the authoring shapes from schema.ts; only the meaning of text values changes.
 */
import type { CompetenceArea, DialogueCard, DialogueFile, ModuleFile, Role, Scene } from './schema.js';

export type { Scene } from './schema.js';
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

/** What the runtime needs of a competence area (behaviours are for the publication). */
export type AreaInfo = Pick<CompetenceArea, 'id' | 'code' | 'title' | 'description' | 'advice' | 'readMore'>;

/** The role the module is scored for, with the target per area it trains. */
export interface ProfileInfo {
  role: Role;
  title: { da: string; en?: string };
  /** By area id: the target level and the scaled score that reaches it. */
  targets: Record<string, { level: 1 | 2 | 3; minScore: number }>;
}

export interface CompiledModule extends Omit<ModuleFile, 'scenes' | 'competences'> {
  /** The competence areas this module trains, in framework order, with their texts. */
  areas: AreaInfo[];
  /** The profile of the module's first role. */
  profile: ProfileInfo;
  /** Titles of the module's roles (all of them), for reports that group by role. */
  roleTitles: Partial<Record<Role, { da: string; en?: string }>>;
  /** The organisation's base IRI for xAPI activities (xapi/activities.ts). */
  activityBase: string;
  /** The language the module opens in when the LMS does not say (org.yaml). */
  language: Lang;
  /** A branded build's organisation (org.yaml with an id); absent in the unbranded packages. */
  org?: { id: string } & Branding;
  scenes: Scene[];
}

/** What the player shows of an organisation: its name, logo and colours. */
export interface Branding {
  name: { da: string; en?: string };
  /** A data: URL (checked at build time: a small SVG, PNG, JPEG or WebP). */
  logo?: string;
  /** CSS custom properties of ak-player (see components/shared/styles.ts), checked for contrast. */
  colours?: Record<'--ak-color-primary' | '--ak-color-primary-hover' | '--ak-color-primary-text' | '--ak-color-focus' | '--ak-color-link', string>;
}

/** Scene types that carry points and need an answer before the learner can go on. */
export function isScored(scene: Scene): scene is Extract<Scene, { type: 'decision' | 'quiz' }> {
  return scene.type === 'decision' || scene.type === 'quiz';
}

/** A module's dialogue tool (dialogue.yaml) as its page receives it: texts rendered, areas named. */
export interface CompiledDialogue extends Omit<DialogueFile, 'cards'> {
  moduleId: string;
  moduleTitle: { da: string; en?: string };
  version: string;
  license: string;
  /** The areas the cards refer to, with code and title. */
  areas: Array<Pick<CompetenceArea, 'id' | 'code' | 'title'>>;
  cards: DialogueCard[];
}
