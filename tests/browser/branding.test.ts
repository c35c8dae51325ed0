/**
 * A branded module (org.yaml with an id): the player shows the organisation's logo and name and
 * takes its colours, and with the palest colour validate lets through (4.5:1 against white) axe
 * still finds no violation on any scene, answered well or poorly.
 */
import { deepEqual, AssertionError } from './assert.js';
import { bestChoice, expectNoAxeViolations, mountPlayer, walkModule, wrongChoice } from './helpers.js';
import type { Branding, CompiledModule } from '../../src/model/compiled.js';

/** As built by npm run build (npm test builds first); the test server turns .json into modules. */
const built = '/dist/content/phishing-og-svindel.json';
const phishing = ((await import(built)) as { default: CompiledModule }).default;
const LOGO = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#767676"/></svg>')}`;

/** The colours build-scripts/org.ts derives from #767676, the palest grey with 4.5:1 on white. */
const palest: Branding['colours'] = {
  '--ak-color-primary': '#767676',
  '--ak-color-primary-hover': '#595959',
  '--ak-color-primary-text': '#ffffff',
  '--ak-color-focus': '#595959',
  '--ak-color-link': '#767676',
};
const branded: CompiledModule = { ...phishing, org: { id: 'graa-kommune', name: { da: 'Grå Kommune', en: 'Grey Municipality' }, logo: LOGO, colours: palest } };

describe('a branded module', () => {
  it('shows the logo (decorative) beside the organisation\'s name, in the learner\'s language, and uses its colours', async () => {
    const { player } = await mountPlayer(branded, 'en');
    const brand = player.shadowRoot!.querySelector('[part="brand"]');
    if (!brand) throw new AssertionError('no brand part in the header');
    deepEqual(brand.textContent!.trim(), 'Grey Municipality');
    const img = brand.querySelector('img')!;
    deepEqual([img.getAttribute('src'), img.getAttribute('alt')], [LOGO, '']);
    deepEqual(getComputedStyle(player).getPropertyValue('--ak-color-primary').trim(), '#767676');
    player.remove();
  });

  it('an unbranded module has no brand part and keeps the default colours', async () => {
    const { player } = await mountPlayer(phishing, 'da');
    deepEqual(player.shadowRoot!.querySelector('[part="brand"]'), null);
    deepEqual(getComputedStyle(player).getPropertyValue('--ak-color-primary').trim(), '#0f5499');
    player.remove();
  });

  for (const [name, choose] of [['best', bestChoice], ['poorest', wrongChoice]] as const) {
    it(`passes axe on every scene with the palest allowed colour (${name} answers)`, async () => {
      const walk = await walkModule(branded, 'da', choose, {
        onScene: async ({ scene, phase, player }) => expectNoAxeViolations(player, `branded "${scene.id}" (${phase}, ${name})`),
      });
      walk.remove();
    });
  }
});
