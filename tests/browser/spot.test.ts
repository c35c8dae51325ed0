/**
 * Spot the signs: the learner marks pieces of a mock e-mail. Each piece is a toggle button
 * (aria-pressed), reachable with Tab and toggled with Space without losing focus; "Svar"
 * answers with the marked pieces; afterwards every piece says what it was, in words.
 */
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { deepEqual, equal, includes, notIncludes, ok } from './assert.js';
import { deepActiveElement, deepText, expectNoAxeViolations, mountPlayer, overflowProblems, q, sceneOf, settle, shadow, spotButtons, waitFor } from './helpers.js';
import type { CompiledModule } from '../../src/model/compiled.js';

/** A compiled module with one spot question (texts as the build renders them). */
const spotModule = {
  id: 'spot-test',
  version: '1.0.0',
  title: { da: 'Find tegnene', en: 'Spot the signs' },
  description: { da: '<p>Test.</p>', en: '<p>Test.</p>' },
  roles: ['frontline'],
  minutes: 2,
  passingScore: 0.8,
  license: 'CC-BY-4.0',
  areas: [{ id: 'recognise-threats', code: 'K4', title: { da: 'Genkend trusler', en: 'Recognise threats' }, description: { da: '<p>x</p>' }, advice: { da: '<p>x</p>' }, readMore: { da: '<p>x</p>' } }],
  scenes: [
    {
      id: 'spot',
      type: 'quiz',
      question: 'spot',
      title: { da: 'Find tegnene', en: 'Spot the signs' },
      prompt: { da: '<p>Markér tegnene på, at mailen er falsk.</p>', en: '<p>Mark the signs that the email is fake.</p>' },
      medium: {
        kind: 'email',
        from: '[[sender]]',
        to: 'dig@aaby-kommune.example',
        subject: { da: '[[urgent]] om din konto', en: '[[urgent]] about your account' },
        body: {
          da: '<p>Kære medarbejder</p>\n<p>Bekræft din konto her: [[link]]</p>\n<p>[[greeting]]</p>',
          en: '<p>Dear colleague</p>\n<p>Confirm your account here: [[link]]</p>\n<p>[[greeting]]</p>',
        },
      },
      options: [
        { id: 'sender', text: { da: 'IT &lt;it@aaby-kornmune.example&gt;', en: 'IT &lt;it@aaby-kornmune.example&gt;' }, correct: true },
        { id: 'urgent', text: { da: 'HASTER', en: 'URGENT' }, correct: true },
        {
          id: 'link',
          // As the build renders a piece: medium text, so a URL stays text.
          text: { da: 'https://aaby-kommune.login-check-and-verify-your-account.example.com/x' },
          correct: true,
        },
        { id: 'greeting', text: { da: 'Venlig hilsen IT', en: 'Kind regards, IT' }, correct: false },
      ],
      explanation: { da: '<p>Afsender, hastværk og link er tegnene.</p>', en: '<p>Sender, urgency and link are the signs.</p>' },
      points: { 'recognise-threats': 3 },
    },
    { id: 'summary', type: 'summary', title: { da: 'Slut', en: 'The end' } },
  ],
} as unknown as CompiledModule;

const pressed = (b: HTMLButtonElement) => b.getAttribute('aria-pressed');
const ids = (buttons: HTMLButtonElement[]) => buttons.map((b) => b.dataset.sign);

describe('spot the signs', () => {
  afterEach(async () => {
    localStorage.clear();
    await setViewport({ width: 800, height: 600 });
  });

  it('every piece is a toggle button in the mail, in reading order, and no marker is left as text', async () => {
    const m = await mountPlayer(spotModule, 'da');
    try {
      const buttons = spotButtons(sceneOf(m.player));
      deepEqual(ids(buttons), ['sender', 'urgent', 'link', 'greeting'], 'pieces in reading order: from, subject, body');
      deepEqual(buttons.map(pressed), ['false', 'false', 'false', 'false'], 'none marked at first');
      equal(buttons[0].textContent, 'IT <it@aaby-kornmune.example>', 'the sender shows as text');
      notIncludes(deepText(m.player), '[[', 'no marker is left in the text');
    } finally {
      m.remove();
    }
  });

  it('a click marks and a second click unmarks; the count says how many are marked', async () => {
    const m = await mountPlayer(spotModule, 'da');
    try {
      const scene = sceneOf(m.player);
      const count = () => q(shadow(scene), '.count').textContent;
      const [sender, urgent] = spotButtons(scene);
      sender.click();
      urgent.click();
      await settle(m.player);
      deepEqual([pressed(sender), pressed(urgent)], ['true', 'true'], 'both marked');
      equal(count(), '2 steder markeret', 'count');
      equal(q(shadow(scene), '.count').getAttribute('aria-live'), 'polite', 'the count is announced');
      urgent.click();
      await settle(m.player);
      deepEqual([pressed(sender), pressed(urgent)], ['true', 'false'], 'second click unmarks');
      equal(count(), '1 sted markeret', 'count after unmarking');
      equal(m.engine.answerOf('spot'), undefined, 'marking alone does not answer');
    } finally {
      m.remove();
    }
  });

  it('keyboard: Tab to a piece, Space marks it and keeps focus; Enter on Svar answers with what is marked', async () => {
    const m = await mountPlayer(spotModule, 'da');
    try {
      const scene = sceneOf(m.player);
      const buttons = spotButtons(scene);
      const tabUntil = async (target: Element) => {
        for (let i = 0; i < 20 && deepActiveElement() !== target; i++) await sendKeys({ press: 'Tab' });
        equal(deepActiveElement(), target, 'Tab reached the element');
      };
      await tabUntil(buttons[0]);
      await sendKeys({ press: 'Space' });
      await settle(m.player);
      equal(pressed(buttons[0]), 'true', 'Space marked the sender');
      equal(deepActiveElement(), buttons[0], 'focus stays on the piece just marked');
      await tabUntil(buttons[3]);
      await sendKeys({ press: 'Space' });
      await settle(m.player);
      await tabUntil(q(shadow(scene), '[part="confirm"]'));
      await sendKeys({ press: 'Enter' });
      await waitFor(() => m.engine.answerOf('spot'), 'the answer');
      deepEqual(m.engine.answerOf('spot'), ['sender', 'greeting'], 'the answer is the marked pieces');
      await settle(m.player);
      const feedback = q(shadow(scene), '[part="feedback"]');
      includes(feedback.textContent ?? '', 'Du fandt 1 af 3 faresignaler og markerede 1 sted, der ikke er et faresignal.', 'the tally');
      equal(spotButtons(scene).length, 0, 'no piece can be marked after answering');
      const medium = shadow(q(shadow(scene), 'ak-medium'));
      const verdicts = Array.from(medium.querySelectorAll('mark.sign')).map((el) => [el.className, el.querySelector('.tag')!.textContent]);
      deepEqual(
        verdicts,
        [
          ['sign found', 'Faresignal – du fandt det'],
          ['sign missed', 'Faresignal – du fandt det ikke'],
          ['sign missed', 'Faresignal – du fandt det ikke'],
          ['sign wrong', 'Ikke et faresignal – du markerede det'],
        ],
        'each piece says in words what it was',
      );
    } finally {
      m.remove();
    }
  });

  it('Svar with nothing marked asks for a mark and answers nothing', async () => {
    const m = await mountPlayer(spotModule, 'en');
    try {
      const scene = sceneOf(m.player);
      q<HTMLButtonElement>(shadow(scene), '[part="confirm"]').click();
      await settle(m.player);
      const error = q(shadow(scene), '#missing');
      equal(error.textContent, 'Mark at least one place first.', 'message');
      equal(error.getAttribute('role'), 'alert', 'announced');
      equal(m.engine.answerOf('spot'), undefined, 'no answer');
      spotButtons(scene)[1].click();
      await settle(m.player);
      equal(shadow(scene).querySelector('#missing'), null, 'marking clears the message');
    } finally {
      m.remove();
    }
  });

  it('switching language while marking keeps the marks', async () => {
    const m = await mountPlayer(spotModule, 'da');
    try {
      const scene = sceneOf(m.player);
      spotButtons(scene)[0].click();
      spotButtons(scene)[3].click();
      await settle(m.player);
      m.player.lang = 'en';
      await settle(m.player);
      const now = sceneOf(m.player);
      deepEqual(spotButtons(now).map(pressed), ['true', 'false', 'false', 'true'], 'the same pieces are marked');
      equal(spotButtons(now)[3].textContent, 'Kind regards, IT', 'now in English');
      equal(q(shadow(now), '.count').textContent, '2 places marked', 'count in English');
    } finally {
      m.remove();
    }
  });

  it('English falls back to Danish for a piece without English, and says so with lang', async () => {
    const m = await mountPlayer(spotModule, 'en');
    try {
      const [, urgent, link] = spotButtons(sceneOf(m.player));
      equal(urgent.textContent, 'URGENT', 'English text');
      equal(urgent.getAttribute('lang'), null, 'no lang on an English piece');
      equal(link.getAttribute('lang'), 'da', 'the Danish fallback is marked lang="da"');
    } finally {
      m.remove();
    }
  });

  for (const lang of ['da', 'en'] as const) {
    it(`axe finds nothing before, while marking and after answering; nothing overflows at 320 px (${lang})`, async () => {
      await setViewport({ width: 320, height: 640 });
      const m = await mountPlayer(spotModule, lang);
      try {
        const scene = sceneOf(m.player);
        await expectNoAxeViolations(m.player, `spot (shown, ${lang})`);
        spotButtons(scene)[2].click();
        await settle(m.player);
        await expectNoAxeViolations(m.player, `spot (marked, ${lang})`);
        deepEqual(overflowProblems(m.player), [], 'no overflow with a long URL piece');
        q<HTMLButtonElement>(shadow(scene), '[part="confirm"]').click();
        await waitFor(() => m.engine.answerOf('spot'), 'the answer');
        await settle(m.player);
        await expectNoAxeViolations(m.player, `spot (answered, ${lang})`);
        deepEqual(overflowProblems(m.player), [], 'no overflow after answering');
        ok(m.engine.answerOf('spot')!.length === 1, 'answered with one piece');
      } finally {
        m.remove();
      }
    });
  }
});
