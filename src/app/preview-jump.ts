/**
 * The live preview's "go to scene": walks a fresh engine to the scene a trainer is editing,
 * answering every scored item on the way as well as possible, or, for a scene that only a
 * poorer choice leads to, with the first poorer option. Only the preview build uses it.
 */
import type { ModuleEngine } from '../engine/module-engine.js';
import { bestOption, correctResponse, isBest } from '../engine/scoring.js';
import { isScored, type Scene } from '../model/compiled.js';

type Choose = (scene: Extract<Scene, { type: 'decision' | 'quiz' }>) => string[];

const best: Choose = (scene) => (scene.type === 'decision' ? [bestOption(scene)] : correctResponse(scene));
const poorer: Choose = (scene) =>
  scene.type === 'decision' ? [scene.options.find((o) => !isBest(scene, [o.id]))?.id ?? bestOption(scene)] : correctResponse(scene);

/** Walks `fresh()` engines towards `sceneId`; returns the engine there, or null when no walk gets there. */
export function walkTo(fresh: () => ModuleEngine, sceneId: string): ModuleEngine | null {
  for (const choose of [best, poorer]) {
    const engine = fresh();
    for (let step = 0; step < 500 && engine.scene.id !== sceneId && engine.scene.type !== 'summary'; step++) {
      const scene = engine.scene;
      if (isScored(scene) && !engine.answerOf(scene.id)) engine.answer(choose(scene));
      engine.next();
    }
    if (engine.scene.id === sceneId) return engine;
  }
  return null;
}
