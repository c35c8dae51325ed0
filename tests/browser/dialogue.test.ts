/**
 * The dialogue tool on a shared screen: start page, one card at a time, keys a presenter remote
 * sends, facilitator notes hidden until unfolded, focus on each card's heading, axe, 320 px,
 * and print media showing every card with its notes.
 */
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { deepEqual, equal, includes, notIncludes, ok } from './assert.js';
import { deepActiveElement, deepText, expectNoAxeViolations, overflowProblems, q, shadow, waitFor } from './helpers.js';
import { AkDialogue } from '../../src/components/dialogue/dialogue.component.js';
import type { CompiledDialogue } from '../../src/model/compiled.js';

if (!customElements.get('ak-dialogue')) customElements.define('ak-dialogue', AkDialogue);

const fixture: CompiledDialogue = {
  moduleId: 'ledere',
  moduleTitle: { da: 'Led en god sikkerhedskultur', en: 'Leading a security culture' },
  version: '1.0.0',
  license: 'CC-BY-4.0',
  title: { da: 'Dialog om dilemmaer', en: 'Talking about dilemmas' },
  intro: { da: '<p>Vælg to kort. Ingen rigtige navne.</p>', en: '<p>Pick two cards. No real names.</p>' },
  minutes: 40,
  areas: [
    { id: 'incidents', code: 'K5', title: { da: 'Håndter brud og hændelser', en: 'Act on incidents and mistakes' } },
    { id: 'culture', code: 'K7', title: { da: 'Sikkerhedskultur og dialog', en: 'Security culture and dialogue' } },
  ],
  cards: [
    {
      id: 'fejl',
      title: { da: 'Sara har sendt til den forkerte', en: 'Sara sent it to the wrong person' },
      situation: { da: '<p>Sara kommer ind på dit kontor, ked af det.</p>', en: '<p>Sara comes into your office, upset.</p>' },
      questions: [{ da: 'Hvad siger du først?', en: 'What do you say first?' }, { da: 'Hvad gør vi her hos os?', en: 'What do we do here?' }],
      facilitator: { da: '<p>Tak hende. Brud meldes internt med det samme (GDPR art. 33).</p>', en: '<p>Thank her. Breaches are reported internally at once (GDPR Article 33).</p>' },
      areas: ['culture', 'incidents'],
    },
    {
      id: 'travlt',
      title: { da: 'Bare denne uge', en: 'Just this week' },
      situation: { da: '<p>Teamet bruger almindelig mail, fordi sikker mail er langsom.</p>' },
      questions: [{ da: 'Hvad gør det svært at gøre det rigtige?' }],
      areas: ['culture'],
    },
    {
      id: 'vikar',
      title: { da: 'Vikaren på telefonen', en: 'The temp on the phones' },
      situation: { da: '<p>En ny vikar skal tage telefonen fra første dag.</p>', en: '<p>A new temp is to answer the phones from day one.</p>' },
      questions: [{ da: 'Hvad skal hun vide først?', en: 'What does she need to know first?' }],
      facilitator: { da: '<p>Kort introduktion, kun den adgang rollen kræver.</p>', en: '<p>A short induction; only the access the role needs.</p>' },
      areas: ['culture'],
    },
  ],
};

async function mount(lang: 'da' | 'en' = 'da'): Promise<AkDialogue> {
  const el = document.createElement('ak-dialogue');
  el.dialogue = fixture;
  el.lang = lang;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const heading = (el: AkDialogue) => q<HTMLElement>(shadow(el), 'main h1');
const button = (el: AkDialogue, name: string) => {
  const found = Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('button')).find((b) => b.textContent!.trim() === name);
  ok(found, `a button "${name}"`);
  return found;
};
async function key(el: AkDialogue, press: string): Promise<void> {
  await sendKeys({ press });
  await el.updateComplete;
}

describe('dialogue tool', () => {
  let el: AkDialogue | undefined;
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('starts with the guide and the list of cards, and says it is unscored', async () => {
    el = await mount();
    equal(heading(el).textContent!.trim(), 'Dialog om dilemmaer', 'title');
    const text = deepText(q(shadow(el), 'main'));
    includes(text, 'Forslag til varighed: 40 minutter. 3 dilemmakort.', 'length and number of cards');
    includes(text, 'intet af det, I taler om, bliver gemt eller sendt', 'says nothing is saved or sent');
    deepEqual(
      Array.from(shadow(el).querySelectorAll('.card-list li')).map((li) => li.textContent!.replace(/\s+/g, ' ').trim()),
      ['Sara har sendt til den forkerte K7 · K5', 'Bare denne uge K7', 'Vikaren på telefonen K7'],
      'cards with the codes of their areas',
    );
  });

  it('a card shows its situation, questions and areas; focus goes to its heading', async () => {
    el = await mount();
    button(el, 'Vikaren på telefonen').click();
    await el.updateComplete;
    equal(heading(el).textContent!.trim(), 'Vikaren på telefonen', 'the chosen card');
    equal(deepActiveElement(), heading(el), 'focus on the card heading');
    const text = deepText(q(shadow(el), 'main'));
    includes(text, 'Kort 3 af 3', 'position');
    includes(text, 'Hvad skal hun vide først?', 'question');
    includes(text, 'K7 Sikkerhedskultur og dialog', 'area named');
    equal(shadow(el).querySelector('.pager .next'), null, 'no Next on the last card');
  });

  it('arrow keys and PageUp/PageDown (a presenter remote) move between cards, never past the ends', async () => {
    el = await mount();
    await key(el, 'ArrowRight');
    equal(heading(el).textContent!.trim(), 'Sara har sendt til den forkerte', 'Right from the start page: card 1');
    equal(deepActiveElement(), heading(el), 'focus follows');
    await key(el, 'PageDown');
    await key(el, 'PageDown');
    await key(el, 'PageDown');
    equal(heading(el).textContent!.trim(), 'Vikaren på telefonen', 'stops at the last card');
    await key(el, 'PageUp');
    equal(heading(el).textContent!.trim(), 'Bare denne uge', 'PageUp goes back');
    await key(el, 'ArrowLeft');
    await key(el, 'ArrowLeft');
    equal(heading(el).textContent!.trim(), 'Dialog om dilemmaer', 'Left from card 1: the start page');
  });

  it('on a page taller than the screen, PageDown first scrolls it, and changes card only at the bottom', async () => {
    await setViewport({ width: 320, height: 200 });
    el = await mount();
    const page = document.scrollingElement!;
    page.scrollTop = 0;
    await key(el, 'PageDown');
    await waitFor(() => page.scrollTop > 0, 'the page to scroll');
    equal(heading(el).textContent!.trim(), 'Dialog om dilemmaer', 'still the start page');
    for (let i = 0; i < 30 && heading(el).textContent!.trim() === 'Dialog om dilemmaer'; i++) {
      const before = page.scrollTop;
      await key(el, 'PageDown');
      // Scrolling may be smooth: let it finish before the next key.
      await waitFor(() => page.scrollTop !== before || heading(el!).textContent!.trim() !== 'Dialog om dilemmaer', 'a scroll or a card', 1500).catch(() => {});
    }
    equal(heading(el).textContent!.trim(), 'Sara har sendt til den forkerte', 'at the bottom, PageDown goes to card 1');
    await key(el, 'ArrowRight');
    equal(heading(el).textContent!.trim(), 'Bare denne uge', 'the arrow keys always change card');
  });

  it('the facilitator notes are hidden on the shared screen until unfolded, and fold again on the next card', async () => {
    el = await mount();
    await el.show(0);
    const toggle = button(el, 'Vis noter til mødelederen');
    const notes = q(shadow(el), '#notes');
    equal(toggle.getAttribute('aria-expanded'), 'false', 'collapsed');
    equal(toggle.getAttribute('aria-controls'), 'notes', 'controls the notes');
    ok(notes.hidden && notes.getBoundingClientRect().height === 0, 'notes hidden');
    toggle.click();
    await el.updateComplete;
    equal(toggle.getAttribute('aria-expanded'), 'true', 'expanded');
    ok(!notes.hidden && notes.getBoundingClientRect().height > 0, 'notes shown');
    includes(notes.textContent!, 'GDPR art. 33', 'the notes');
    equal(toggle.textContent!.trim(), 'Skjul noter til mødelederen', 'the button says what it will do');
    await el.show(2);
    equal(button(el, 'Vis noter til mødelederen').getAttribute('aria-expanded'), 'false', 'folded on the next card');
    await el.show(1);
    equal(shadow(el).querySelector('#notes'), null, 'a card without notes has no toggle');
  });

  it('English, with Danish fallback marked by lang; the switch tells the page', async () => {
    el = await mount('en');
    await el.show(1);
    equal(q(shadow(el), '.situation').getAttribute('lang'), 'da', 'situation without English falls back to Danish');
    const events: string[] = [];
    el.addEventListener('ak-language', (e) => events.push((e as CustomEvent<{ lang: string }>).detail.lang));
    button(el, 'Dansk').click();
    await el.updateComplete;
    deepEqual(events, ['da'], 'ak-language');
    equal(q(shadow(el), '.count').textContent, 'Kort 2 af 3', 'now in Danish');
  });

  for (const lang of ['da', 'en'] as const) {
    it(`axe finds nothing on the start page and on a card with notes open; no overflow at 320 px (${lang})`, async () => {
      await setViewport({ width: 320, height: 640 });
      el = await mount(lang);
      await expectNoAxeViolations(el, `dialogue start (${lang})`);
      deepEqual(overflowProblems(el), [], 'start page at 320 px');
      await el.show(0);
      shadow(el).querySelector<HTMLButtonElement>('.notes-toggle button')!.click();
      await el.updateComplete;
      await expectNoAxeViolations(el, `dialogue card with notes (${lang})`);
      deepEqual(overflowProblems(el), [], 'card at 320 px');
    });
  }

  it('printing shows a cover, every card without its notes (to hand out), then the notes a page per card', async () => {
    el = await mount();
    await emulateMedia({ media: 'print' });
    await waitFor(() => getComputedStyle(q(shadow(el!), '.print')).display === 'block', 'the print view');
    equal(getComputedStyle(q(shadow(el), 'main')).display, 'none', 'the screen view is not printed');
    equal(getComputedStyle(q(shadow(el), 'header')).display, 'none', 'nor the buttons');
    includes(q(shadow(el), '.cover').innerText, 'K5 Håndter brud og hændelser', 'the cover says what the codes mean');
    const cards = Array.from(shadow(el).querySelectorAll<HTMLElement>('.printed-card'));
    equal(cards.length, 3, 'every card');
    includes(cards[0].innerText, 'Hvad gør vi her hos os?', 'questions are on the card');
    for (const card of cards) notIncludes(card.innerText, 'Til mødelederen', 'no notes on a card that goes round');
    const notes = Array.from(shadow(el).querySelectorAll<HTMLElement>('.printed-notes'));
    deepEqual(notes.map((n) => n.querySelector('h2')!.textContent!.trim()), ['Sara har sendt til den forkerte', 'Vikaren på telefonen'], 'notes for the cards that have them');
    includes(notes[0].innerText, 'GDPR art. 33', 'the notes');
    for (const page of [...cards, ...notes]) equal(getComputedStyle(page).breakBefore, 'page', 'each on a page of its own');
    await emulateMedia({ media: 'screen' });
  });

  it('Home goes to the start page, End to the last card, Escape folds the notes away', async () => {
    el = await mount();
    await key(el, 'End');
    equal(heading(el).textContent!.trim(), 'Vikaren på telefonen', 'End: the last card');
    button(el, 'Vis noter til mødelederen').click();
    await el.updateComplete;
    await key(el, 'Escape');
    equal(q(shadow(el), '#notes').hidden, true, 'Escape folds the notes');
    await key(el, 'Home');
    equal(heading(el).textContent!.trim(), 'Dialog om dilemmaer', 'Home: the start page');
  });
});
