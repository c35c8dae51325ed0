/**
 * Mobile first: at 320 CSS px wide nothing scrolls sideways or sticks out, on any scene,
 * with feedback shown, in both languages.
 */
import { setViewport } from '@web/test-runner-commands';
import { deepEqual } from './assert.js';
import { branchChoice, miniModule, overflowProblems, walkModule, wrongChoice } from './helpers.js';

describe('320 px viewport', () => {
  before(async () => {
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const lang of ['da', 'en'] as const) {
    for (const [name, choose] of [
      ['best', branchChoice],
      ['wrong', wrongChoice],
    ] as const) {
      it(`has no horizontal overflow on any scene (${lang}, ${name} answers)`, async () => {
        const seen: string[] = [];
        const walk = await walkModule(miniModule, lang, choose, {
          notice: lang === 'da' ? 'Din fremdrift gemmes ikke.' : 'Your progress is not saved.',
          onScene: ({ scene, phase, player }) => {
            deepEqual(overflowProblems(player), [], `overflow on "${scene.id}" (${phase})`);
            seen.push(scene.id);
          },
        });
        walk.remove();
        deepEqual(seen.includes('summary'), true, 'reached the summary');
        deepEqual(window.innerWidth, 320, 'viewport width');
      });
    }
  }
});
