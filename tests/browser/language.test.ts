/**
 * The language switch: texts change, `lang` attributes follow, `ak-language` is dispatched,
 * and content without English falls back to Danish marked lang="da".
 */
import { sendKeys } from '@web/test-runner-commands';
import { deepEqual, equal, ok } from './assert.js';
import {
  bestChoice,
  deepActiveElement,
  headingOf,
  miniModule,
  mountPlayer,
  nextButton,
  q,
  sceneOf,
  settle,
  shadow,
  walkModule,
} from './helpers.js';

describe('language switch', () => {
  it('changes texts and lang attributes and dispatches ak-language', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      const root = shadow(m.player);
      const base = q(root, '[part="base"]');
      equal(m.player.getAttribute('lang'), 'da', 'host lang');
      equal(base.getAttribute('lang'), 'da', 'root lang');
      equal(q(root, 'h1').textContent?.trim(), 'Mini-modul: Phishing og tavshedspligt');
      equal(nextButton(m.player)?.textContent?.trim(), 'Næste');
      equal(q(root, '.step').textContent?.trim(), 'Trin 1');
      equal(headingOf(m.player)?.textContent?.trim(), 'En mail fra »it-support«');
      const group = q(root, '[part="language"]');
      equal(group.getAttribute('role'), 'group');
      equal(group.getAttribute('aria-label'), 'Sprog');
      const [daButton, enButton] = Array.from(group.querySelectorAll('button'));
      equal(daButton.getAttribute('aria-pressed'), 'true');
      equal(enButton.getAttribute('aria-pressed'), 'false');
      equal(enButton.getAttribute('lang'), 'en', 'the English button is marked English');

      enButton.click();
      await settle(m.player);
      equal(m.player.lang, 'en');
      equal(m.player.getAttribute('lang'), 'en', 'host lang');
      equal(base.getAttribute('lang'), 'en', 'root lang');
      equal(sceneOf(m.player).getAttribute('lang'), 'en', 'scene element lang');
      equal(q(root, 'h1').textContent?.trim(), 'Mini module: phishing and confidentiality');
      equal(nextButton(m.player)?.textContent?.trim(), 'Next');
      equal(q(root, '.step').textContent?.trim(), 'Step 1');
      equal(group.getAttribute('aria-label'), 'Language');
      equal(headingOf(m.player)?.textContent?.trim(), 'An email from “IT support”');
      const medium = q(shadow(sceneOf(m.player)), 'ak-medium');
      equal(q(shadow(medium), '.subject').textContent?.trim(), 'Your password expires today');
      equal(q(shadow(medium), 'dt').textContent?.trim(), 'From');
      equal(enButton.getAttribute('aria-pressed'), 'true');
      deepEqual(
        m.events.filter((e) => e.type === 'ak-language').map((e) => e.detail),
        [{ lang: 'en' }],
        'ak-language events',
      );

      enButton.click(); // already English: nothing happens
      daButton.click();
      await settle(m.player);
      equal(m.player.getAttribute('lang'), 'da');
      equal(q(root, 'h1').textContent?.trim(), 'Mini-modul: Phishing og tavshedspligt');
      deepEqual(
        m.events.filter((e) => e.type === 'ak-language').map((e) => e.detail),
        [{ lang: 'en' }, { lang: 'da' }],
        'ak-language events',
      );
    } finally {
      m.remove();
    }
  });

  it('works from the keyboard and keeps focus on the switch', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      const enButton = deepActiveElement() as HTMLButtonElement;
      equal(enButton.textContent?.trim(), 'English');
      await sendKeys({ press: 'Enter' });
      await settle(m.player);
      equal(m.player.lang, 'en');
      equal(deepActiveElement(), enButton, 'focus stays on the button');
    } finally {
      m.remove();
    }
  });

  it('marks Danish fallback text lang="da" in English, and not in Danish', async () => {
    const walk = await walkModule(miniModule, 'en', bestChoice, { stopAt: 'call' });
    try {
      const story = shadow(sceneOf(walk.player));
      const heading = headingOf(walk.player)!;
      equal(heading.textContent?.trim(), 'The phone rings', 'translated title');
      equal(heading.hasAttribute('lang'), false, 'a translated title needs no lang');
      ok(!heading.querySelector('p'), 'no <p> inside the heading');
      const body = q(story, '.body');
      equal(body.getAttribute('lang'), 'da', 'the body has no English: lang="da"');
      ok(body.textContent?.includes('Lidt senere ringer en mand'), 'Danish body shown');
      const medium = shadow(q(story, 'ak-medium'));
      equal(q(medium, '.caller').getAttribute('lang'), 'da', 'caller without English');
      const texts = Array.from(medium.querySelectorAll('.line .text'));
      deepEqual(
        texts.map((t) => t.getAttribute('lang')),
        [null, null, 'da'],
        'only the line without English is marked Danish',
      );

      walk.player.lang = 'da';
      await settle(walk.player);
      equal(q(story, '.body').hasAttribute('lang'), false, 'no lang needed in Danish');
      equal(q(shadow(q(story, 'ak-medium')), '.caller').hasAttribute('lang'), false);
    } finally {
      walk.remove();
    }
  });
});
