/** The build refuses a module whose resume state could outgrow SCORM 1.2's suspend_data. */
import { describe, expect, it } from 'vitest';
import { validateAll } from '../../build-scripts/cli.js';
import { stateBudgetProblems, SUSPEND_DATA_LIMIT, worstResumeState } from '../../build-scripts/state-budget.js';
import { ModuleEngine } from '../../src/engine/module-engine.js';
import { modulePaths } from '../../build-scripts/coverage.js';
import { loadMini } from './module-fixture.js';

describe('the resume-state budget', () => {
  it('every shipped module stays within SCORM 1.2’s 4096 characters on its worst path', () => {
    const { modules } = validateAll();
    expect(modules.length).toBeGreaterThan(0);
    expect(stateBudgetProblems(modules)).toEqual([]);
    for (const m of modules) expect(worstResumeState(m).max, m.id).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
  });

  it('a module over the limit is refused, naming the module, its worst path and where it goes over', () => {
    const mini = loadMini();
    const worst = worstResumeState(mini);
    const limit = worst.max - 1;
    const [problem] = stateBudgetProblems([mini], limit);
    expect(problem).toContain(`module mini: its resume state reaches ${worst.max} characters, more than SCORM 1.2's ${limit}`);
    expect(problem).toContain(`on the path ${worst.path.join(' → ')}`);
    expect(stateBudgetProblems([mini], worst.max)).toEqual([]);
  });

  it('is the worst case: no path, answer or seed of the test module makes a longer state', () => {
    const mini = loadMini();
    const worst = worstResumeState(mini);
    expect(worst.paths).toBe(modulePaths(mini).length);
    // Every option of every item, on a fresh engine each time, with small and large seeds.
    let longest = 0;
    for (const seed of [0, 1, 36 ** 5, 36 ** 6 - 1]) {
      for (let pick = 0; pick < 4; pick++) {
        const engine = new ModuleEngine(mini, null, seed);
        for (let guard = 0; guard < 100 && engine.scene.type !== 'summary'; guard++) {
          const scene = engine.scene;
          if (scene.type === 'decision') engine.answer([scene.options[pick % scene.options.length].id]);
          else if (scene.type === 'quiz') {
            const ids = (scene.options ?? []).map((o) => o.id);
            engine.answer(scene.question === 'true-false' ? [pick % 2 ? 'true' : 'false'] : scene.question === 'single' ? [ids[pick % ids.length]] : ids.slice(0, 1 + (pick % ids.length)));
          }
          engine.next();
          longest = Math.max(longest, engine.serialize().length);
        }
      }
    }
    expect(longest).toBeLessThanOrEqual(worst.max);
  });
});
