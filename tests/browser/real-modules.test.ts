/**
 * The shipped modules, as built into dist/content by `npm run build` (npm test builds first):
 * axe-core finds no WCAG 2.1 A/AA violation on any scene, in Danish and English, before and
 * after answering, and nothing overflows at 320 px. The walks together visit every scene.
 */
import { setViewport } from '@web/test-runner-commands';
import { deepEqual, AssertionError } from './assert.js';
import { bestChoice, deepText, expectNoAxeViolations, overflowProblems, sceneOf, spotButtons, walkModule, wrongChoice, type ChooseOption } from './helpers.js';
import type { CompiledModule } from '../../src/model/compiled.js';

/** The test server turns .json files into modules (esbuild plugin), so import rather than fetch. */
async function fetchJson<T>(path: string): Promise<T> {
  try {
    return ((await import(path)) as { default: T }).default;
  } catch (error) {
    throw new AssertionError(`${path} could not be loaded — run npm run build first (${String(error)})`);
  }
}

const ids = await fetchJson<string[]>('/dist/content/index.json');
const modules = await Promise.all(ids.map((id) => fetchJson<CompiledModule>(`/dist/content/${id}.json`)));

for (const module of modules) {
  describe(`module ${module.id}`, () => {
    after(async () => {
      await setViewport({ width: 800, height: 600 });
    });

    for (const lang of ['da', 'en'] as const) {
      it(`every scene passes axe and reflows at 320 px (${lang})`, async () => {
        await setViewport({ width: 320, height: 640 });
        const visited = new Set<string>();
        const strategies: Array<[string, ChooseOption]> = [['best', bestChoice], ['poorest', wrongChoice]];
        for (const [name, choose] of strategies) {
          const walk = await walkModule(module, lang, choose, {
            onScene: async ({ scene, phase, player }) => {
              visited.add(scene.id);
              if (phase === 'shown' && scene.type === 'quiz' && scene.question === 'spot') {
                // As built: every piece of the medium is one button, none inside a link.
                const buttons = spotButtons(sceneOf(player));
                deepEqual(buttons.map((b) => b.dataset.sign).sort(), (scene.options ?? []).map((o) => o.id).sort(), `${scene.id}: one button per piece (${lang})`);
                deepEqual(buttons.filter((b) => b.closest('a') || b.querySelector('a')).length, 0, `${scene.id}: no piece in or with a link`);
                if (deepText(player).includes('[[')) throw new AssertionError(`${scene.id}: a marker is left as text (${lang})`);
              }
              await expectNoAxeViolations(player, `${module.id} "${scene.id}" (${phase}, ${lang}, ${name})`);
              const overflow = overflowProblems(player);
              if (overflow.length) throw new AssertionError(`${scene.id} at 320 px (${lang}): ${overflow.join('; ')}`);
            },
          });
          walk.remove();
        }
        deepEqual([...visited].sort(), module.scenes.map((s) => s.id).sort(), 'the walks visited every scene');
      });
    }
  });
}
