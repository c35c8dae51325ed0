/**
 * The resume state's worst case, checked at build time: SCORM 1.2 keeps at most 4096 characters
 * of suspend_data, and a module whose state could outgrow it would lose a learner's progress
 * (the runtime then saves none rather than a cut one). Measured, not estimated: the engine plays
 * every path through the module (every branch) with the widest answer at each item and the
 * longest seed, and the state is measured after every scene.
 */
import { ModuleEngine } from '../src/engine/module-engine.js';
import type { CompiledModule } from '../src/model/compiled.js';
import { modulePaths } from './coverage.js';

/** SCORM 1.2's cmi.suspend_data (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096;
/** The largest seed the engine draws: its base-36 form is the longest. */
const LONGEST_SEED = 36 ** 6 - 1;

export interface StateSize {
  /** The longest state, in characters. */
  max: number;
  /** The path (scene ids) on which it is reached. */
  path: string[];
  /** The state's length after each scene of that path. */
  perScene: number[];
  paths: number;
}

/**
 * Which option is chosen at a decision changes the state only through the branch it takes, so
 * the paths are enough; at each item the answer with the longest encoding is given (all pieces of
 * a multiple-choice or spot question, the last option of the others, whose index is longest).
 */
export function worstResumeState(module: CompiledModule): StateSize {
  const index = new Map(module.scenes.map((s, i) => [s.id, i]));
  const paths = modulePaths(module);
  let worst: StateSize = { max: 0, path: [], perScene: [], paths: paths.length };
  for (const path of paths) {
    const engine = new ModuleEngine(module, null, LONGEST_SEED);
    const sizes = [engine.serialize().length];
    for (let step = 0; step < path.length - 1; step++) {
      const scene = engine.scene;
      if (scene.type === 'decision') {
        const following = scene.next ?? module.scenes[index.get(scene.id)! + 1]?.id;
        const onPath = scene.options.filter((o) => (o.next ?? following) === path[step + 1]);
        engine.answer([onPath.at(-1)!.id]);
      } else if (scene.type === 'quiz') {
        const ids = (scene.options ?? []).map((o) => o.id);
        engine.answer(scene.question === 'multiple' || scene.question === 'spot' ? ids : scene.question === 'true-false' ? ['false'] : [ids.at(-1)!]);
      }
      engine.next();
      sizes.push(engine.serialize().length);
    }
    const longest = Math.max(...sizes);
    if (longest >= worst.max) worst = { max: longest, path, perScene: sizes, paths: paths.length };
  }
  return worst;
}

/** A message for each module whose state could outgrow SCORM 1.2's suspend_data. */
export function stateBudgetProblems(modules: readonly CompiledModule[], limit = SUSPEND_DATA_LIMIT): string[] {
  return modules.flatMap((module) => {
    const worst = worstResumeState(module);
    if (worst.max <= limit) return [];
    const at = worst.perScene.findIndex((n) => n > limit);
    return [
      `module ${module.id}: its resume state reaches ${worst.max} characters, more than SCORM 1.2's ${limit} (cmi.suspend_data), on the path ${worst.path.join(' → ')} (over the limit from scene "${worst.path[at]}"); shorten that path, or split the module`,
    ];
  });
}
