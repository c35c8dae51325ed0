/**
 * axe-core (WCAG 2.1 A and AA rules) on every scene of the fixture, in Danish and English,
 * before and after answering, with the right and with the wrong answers.
 */
import { deepEqual } from './assert.js';
import { branchChoice, expectNoAxeViolations, miniModule, walkModule, wrongChoice, type ChooseOption } from './helpers.js';

const allSceneIds = miniModule.scenes.map((s) => s.id).sort();

async function checkEveryScene(lang: 'da' | 'en', choose: ChooseOption): Promise<string[]> {
  const checked: string[] = [];
  const walk = await walkModule(miniModule, lang, choose, {
    notice: lang === 'da' ? 'Din fremdrift gemmes ikke.' : 'Your progress is not saved.',
    onScene: async ({ scene, phase, player }) => {
      await expectNoAxeViolations(player, `"${scene.id}" (${phase}, ${lang})`);
      checked.push(`${scene.id}:${phase}`);
    },
  });
  walk.remove();
  return checked;
}

for (const lang of ['da', 'en'] as const) {
  describe(`axe-core, WCAG 2.1 A/AA (${lang})`, () => {
    it('reports no violations on any scene, before and after answering', async () => {
      const checked = await checkEveryScene(lang, branchChoice);
      deepEqual([...new Set(checked.map((c) => c.split(':')[0]))].sort(), allSceneIds, 'every fixture scene was checked');
      deepEqual(
        checked.filter((c) => c.endsWith(':answered')).map((c) => c.split(':')[0]),
        ['dilemma', 'quiz-single', 'quiz-multiple', 'quiz-tf'],
        'every scored scene was checked with its feedback shown',
      );
    });

    it('reports no violations with the "not right" feedback and a failed summary', async () => {
      const checked = await checkEveryScene(lang, wrongChoice);
      deepEqual(checked.includes('summary:shown'), true, 'summary checked');
    });
  });
}
