/**
 * What the end-to-end tests need from a build: the built modules, their zips unpacked into a
 * temp folder, and a choice of answers (best / poor) derived from the module's own data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CompiledDialogue, CompiledModule, Scene } from '../../src/model/compiled.js';
export { unzipTo } from '../../build-scripts/package.js';
import { isBest, sumPoints, earnedPoints } from '../../src/engine/scoring.js';
import { ModuleEngine } from '../../src/engine/module-engine.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** The built modules (vitest's global setup, tests/support/build-once.ts, has built dist/). */
export async function builtModules(): Promise<CompiledModule[]> {
  const contentDir = join(DIST, 'content');
  return readdirSync(contentDir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json' && !f.endsWith('.dialogue.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(contentDir, f), 'utf8')) as CompiledModule);
}

/** The built dialogue tools (dist/content/<id>.dialogue.json), one per module with a dialogue.yaml. */
export function builtDialogues(): CompiledDialogue[] {
  const contentDir = join(DIST, 'content');
  return readdirSync(contentDir)
    .filter((f) => f.endsWith('.dialogue.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(contentDir, f), 'utf8')) as CompiledDialogue);
}

/**
 * The module the long suites (resume, leaving, failing LMS, outages, launch modes) run on:
 * they test the runtime, which is the same for every module. Every module gets its best and
 * poor paths in an LMS; only this one gets the rest, so the suite stays within CI's budget.
 * The phishing module has every kind of item (decisions, single, multiple, true-false and a spot
 * question) in few scenes. AK_E2E_MODULE picks another.
 */
export function referenceModule(modules: readonly CompiledModule[]): CompiledModule {
  const id = process.env.AK_E2E_MODULE || 'phishing-og-svindel';
  const found = modules.find((m) => m.id === id) ?? modules[0];
  if (!found) throw new Error('no built modules in dist/content');
  return found;
}

export type Strategy = 'best' | 'poor';

/** The answer a learner following `strategy` gives to a scored scene. */
export function answerFor(scene: Scene, strategy: Strategy): string[] {
  if (scene.type === 'decision') {
    if (strategy === 'best') return [scene.options.find((o) => isBest(scene, [o.id]))!.id];
    const worst = [...scene.options].sort((a, b) => sumPoints(earnedPoints(scene, [a.id])) - sumPoints(earnedPoints(scene, [b.id])))[0];
    return [worst.id];
  }
  if (scene.type === 'quiz') {
    if (scene.question === 'true-false') return [String(strategy === 'best' ? scene.answer : !scene.answer)];
    const options = scene.options ?? [];
    if (strategy === 'best') return options.filter((o) => o.correct).map((o) => o.id);
    return [options.find((o) => !o.correct)!.id];
  }
  return [];
}

/** The scored items (decisions and questions) the best path meets, in order. */
export function scoredOnBestPath(module: CompiledModule): string[] {
  return playOnEngine(module, 'best').path.filter((id) => ['decision', 'quiz'].includes(module.scenes.find((s) => s.id === id)!.type));
}

/** The module's own reckoning of a strategy, played on the engine in Node (what every format must report). */
export function playOnEngine(module: CompiledModule, strategy: Strategy): ModuleEngine {
  const engine = new ModuleEngine(module);
  for (let i = 0; i < 200 && engine.scene.type !== 'summary'; i++) {
    const scene = engine.scene;
    if ((scene.type === 'decision' || scene.type === 'quiz') && !engine.answerOf(scene.id)) engine.answer(answerFor(scene, strategy));
    engine.next();
  }
  return engine;
}
