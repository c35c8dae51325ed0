/**
 * The <ak-player> contract: layout and landmarks, progress, notice, Next/Back rules,
 * ak-answer / ak-scene-change / ak-finish, focus after answering, the summary, reduced motion.
 */
import { emulateMedia } from '@web/test-runner-commands';
import { deepEqual, equal, includes, ok } from './assert.js';
import type { AnswerOutcome } from '../../src/engine/module-engine.js';
import {
  backButton,
  bestChoice,
  deepActiveElement,
  deepText,
  miniModule,
  mountPlayer,
  nextButton,
  q,
  sceneOf,
  settle,
  shadow,
  waitFor,
  walkModule,
  wrongChoice,
  type Mounted,
} from './helpers.js';

async function clickNext(m: Mounted) {
  const step = m.engine.step;
  nextButton(m.player)!.click();
  await waitFor(() => m.engine.step === step + 1, 'next scene');
  await settle(m.player);
}

describe('ak-player', () => {
  afterEach(() => localStorage.clear());

  it('has header, main and nav landmarks, the module title, progress and step', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      const root = shadow(m.player);
      ok(q(root, 'header h1'), 'header with h1');
      ok(q(root, 'main ak-story'), 'main with the story');
      equal(q(root, 'nav').getAttribute('aria-label'), 'Skift trin', 'named nav');
      const progress = q<HTMLProgressElement>(root, 'progress');
      equal(progress.getAttribute('aria-label'), 'Fremdrift');
      equal(progress.value, 0);
      equal(q(root, '.step').textContent?.trim(), 'Trin 1');
      equal(backButton(m.player), null, 'no Back on the first scene');
      await clickNext(m);
      equal(q(root, '.step').textContent?.trim(), 'Trin 2');
      equal(progress.value, Math.round(m.engine.progress * 100));
      ok(progress.value > 0, 'progress moved');
      ok(backButton(m.player), 'Back shown');
    } finally {
      m.remove();
    }
  });

  it('shows the notice in a polite live region', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      const region = q(shadow(m.player), '[part="notice"]');
      equal(region.getAttribute('role'), 'status');
      equal(region.getAttribute('aria-live'), 'polite');
      equal(region.textContent?.trim(), '', 'empty without a notice');
      m.player.notice = 'Din fremdrift gemmes ikke.';
      await settle(m.player);
      equal(q(shadow(m.player), '[part="notice"]'), region, 'the same live region is kept');
      equal(region.textContent?.trim(), 'Din fremdrift gemmes ikke.');
      m.player.notice = null;
      await settle(m.player);
      equal(region.textContent?.trim(), '');
    } finally {
      m.remove();
    }
  });

  it('dispatches ak-scene-change after Next and Back', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      await clickNext(m);
      backButton(m.player)!.click();
      await waitFor(() => m.engine.step === 1, 'back');
      await settle(m.player);
      const changes = m.events.filter((e) => e.type === 'ak-scene-change');
      deepEqual(changes.map((e) => e.detail.scene.id), ['call', 'intro-email']);
      ok(changes.every((e) => e.bubbles && e.composed), 'bubbling and composed');
    } finally {
      m.remove();
    }
  });

  it('keeps Next disabled with a reason until the decision is answered, then reports ak-answer', async () => {
    const walk = await walkModule(miniModule, 'da', bestChoice, { stopAt: 'dilemma' });
    try {
      const next = nextButton(walk.player)!;
      equal(next.getAttribute('aria-disabled'), 'true');
      const hint = q(shadow(walk.player), `#${next.getAttribute('aria-describedby')}`);
      equal(hint.textContent?.trim(), 'Svar først for at gå videre.');
      const before = walk.events.length;
      next.click();
      await settle(walk.player);
      equal(walk.engine.scene.id, 'dilemma', 'Next did not move');
      equal(walk.events.length, before, 'no event');

      // Confirming with nothing chosen explains and does not answer.
      const decision = shadow(sceneOf(walk.player));
      q<HTMLButtonElement>(decision, '[part="confirm"]').click();
      await settle(walk.player);
      const error = q(decision, '#missing');
      equal(error.getAttribute('role'), 'alert');
      equal(walk.engine.answerOf('dilemma'), undefined, 'not answered');

      q<HTMLInputElement>(decision, 'input[value="report"]').click();
      await settle(walk.player);
      equal(decision.querySelector('#missing'), null, 'error cleared after choosing');
      q<HTMLButtonElement>(decision, '[part="confirm"]').click();
      await waitFor(() => walk.engine.answerOf('dilemma'), 'answer');
      await settle(walk.player);

      const answers = walk.events.filter((e) => e.type === 'ak-answer');
      equal(answers.length, 1);
      const detail = answers[0].detail as { outcome: AnswerOutcome; scene: { id: string } };
      equal(detail.scene.id, 'dilemma');
      equal(detail.outcome.sceneId, 'dilemma');
      deepEqual(detail.outcome.response, ['report']);
      equal(detail.outcome.correct, true);
      deepEqual(detail.outcome.earned, { 'recognise-threats': 2, incidents: 2 });
      ok(answers[0].bubbles && answers[0].composed, 'bubbling and composed');

      const feedback = q(decision, '#feedback-heading');
      await waitFor(() => deepActiveElement() === feedback, 'focus on the feedback');
      equal(feedback.textContent?.trim(), 'Godt valg');
      includes(q(decision, '[part="feedback"]').textContent ?? '', 'Rigtig it-support beder aldrig om koder');
      includes(q(decision, '[part="feedback"]').textContent ?? '', 'It-sikkerhed advarer alle');
      equal(next.getAttribute('aria-disabled'), 'false', 'Next enabled');
      equal(next.hasAttribute('aria-describedby'), false);
      equal(shadow(walk.player).querySelector('#next-hint'), null, 'reason gone');
    } finally {
      walk.remove();
    }
  });

  it('renders each quiz kind with the right controls and result', async () => {
    const kinds: string[] = [];
    const walk = await walkModule(miniModule, 'en', wrongChoice, {
      onScene: ({ scene, phase, player }) => {
        if (scene.type !== 'quiz' || phase !== 'answered') return;
        kinds.push(scene.question);
        const root = shadow(sceneOf(player));
        const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('fieldset input'));
        if (scene.question === 'multiple') {
          ok(inputs.every((i) => i.type === 'checkbox'), 'checkboxes');
          includes(q(root, 'legend').textContent ?? '', 'Choose all that apply.');
        } else {
          ok(inputs.every((i) => i.type === 'radio'), 'radios');
        }
        if (scene.question === 'true-false') {
          deepEqual(
            Array.from(root.querySelectorAll('label')).map((l) => l.textContent?.trim().split(/\s+/)[0]),
            ['True', 'False'],
            'true/false labels',
          );
        }
        ok(inputs.every((i) => i.labels?.length === 1), 'every input has a label');
        equal(root.querySelector('legend p'), null, 'the block prompt is unwrapped inside the legend');
        equal(q(root, '#feedback-heading').textContent?.trim(), 'Not the right answer');
        includes(q(root, '[part="feedback"]').textContent ?? '', scene.explanation.en!.replace(/<[^>]+>/g, '').trim());
        equal(root.querySelector('[part="confirm"]'), null, 'no check button after answering');
      },
    });
    walk.remove();
    deepEqual(kinds, ['single', 'multiple', 'true-false'], 'all quiz kinds seen');
  });

  it('shows the summary: score, pass status, per-area table, no Next, and dispatches ak-finish', async () => {
    const walk = await walkModule(miniModule, 'da', wrongChoice, { finish: true });
    try {
      equal(nextButton(walk.player), null, 'no Next on the summary');
      const results = walk.engine.results;
      const root = shadow(sceneOf(walk.player));
      const pct = Math.round(results.scaled * 100);
      includes(q(root, '.total').textContent ?? '', `${pct}\u00a0%`);
      equal(results.passed, false, 'wrong answers fail');
      includes(q(root, '.status').textContent ?? '', 'Ikke bestået (kravet er 60\u00a0%)');
      const rows = Array.from(root.querySelectorAll('tbody tr'));
      equal(rows.length, miniModule.areas.length, 'one row per area');
      results.areas.forEach((area, i) => {
        const cells = rows[i].querySelectorAll('th, td');
        equal(cells[0].textContent?.trim(), miniModule.areas[i].title.da);
        includes(cells[1].textContent ?? '', area.scaled === null ? 'Ikke mødt' : `${Math.round(area.scaled * 100)}\u00a0%`);
        if (area.possible) includes(cells[1].textContent ?? '', `${area.earned} af ${area.possible} point`);
        // The target, and in words whether it was reached (not by colour alone).
        includes(cells[2].textContent ?? '', `${Math.round(area.target * 100)}\u00a0%`);
        if (area.passed !== null) includes(cells[2].textContent ?? '', area.passed ? 'nået' : 'ikke nået endnu');
      });
      equal(q(root, 'table caption').textContent?.trim(), 'Resultat pr. kompetenceområde');
      equal(root.querySelectorAll('thead th[scope="col"]').length, 3);
      equal(root.querySelectorAll('tbody th[scope="row"]').length, rows.length);
      // The chart: one image for assistive technology, pointing to the table; a bar per area met,
      // as long as its score, with a mark at the role's target.
      const chart = q(root, '[part="chart"] [role="img"]');
      includes(chart.getAttribute('aria-label') ?? '', 'Tallene står i tabellen');
      const met = results.areas.filter((a) => a.scaled !== null);
      const bars = Array.from(chart.querySelectorAll('.row'));
      equal(bars.length, met.length, 'a bar per area met');
      met.forEach((area, i) => {
        equal((bars[i].querySelector('.fill') as HTMLElement).style.width, `${Math.round(area.scaled! * 100)}%`);
        equal((bars[i].querySelector('.mark') as HTMLElement).style.left, `${Math.round(area.target * 100)}%`);
        equal(bars[i].getAttribute('aria-hidden'), 'true');
      });
      // Focus goes to the closing message that replaced the finish button.
      await waitFor(() => root.activeElement === root.querySelector('.finished'), 'focus on the closing message');
      const finish = walk.events.filter((e) => e.type === 'ak-finish');
      equal(finish.length, 1);
      ok(finish[0].composed && finish[0].bubbles, 'ak-finish leaves the player');
      equal(finish[0].target, walk.player, 'retargeted to the player');
    } finally {
      walk.remove();
    }
  });

  it('shows a passed summary, and the passing score the engine was given (e.g. the LMS mastery score)', async () => {
    const walk = await walkModule(miniModule, 'en', bestChoice);
    try {
      const root = shadow(sceneOf(walk.player));
      includes(q(root, '.total').textContent ?? '', '100%');
      includes(q(root, '.status').textContent ?? '', 'Passed (required: 60%)');
      includes(deepText(walk.player), 'Finish');
    } finally {
      walk.remove();
    }
    // The app passes an LMS mastery score by giving the engine a module with that passingScore.
    const strict = { ...miniModule, passingScore: 0.9 };
    const failed = await walkModule(strict, 'en', wrongChoice);
    try {
      const root = shadow(sceneOf(failed.player));
      equal(failed.engine.results.passed, false);
      includes(q(root, '.status').textContent ?? '', 'Not passed (required: 90%)');
      ok(q(root, '[part="score"]').classList.contains('failed'), 'styled as not passed');
    } finally {
      failed.remove();
    }
  });

  it('respects prefers-reduced-motion', async () => {
    const walk = await walkModule(miniModule, 'da', bestChoice, { stopAt: 'quiz-single' });
    try {
      const quiz = shadow(sceneOf(walk.player));
      q<HTMLInputElement>(quiz, 'input[value="requester"]').click();
      q<HTMLButtonElement>(quiz, '[part="confirm"]').click();
      await waitFor(() => quiz.querySelector('[part="feedback"]'), 'feedback');
      const feedback = q(quiz, '[part="feedback"]');
      equal(getComputedStyle(feedback).animationName, 'ak-appear', 'animated normally');
      await emulateMedia({ reducedMotion: 'reduce' });
      equal(getComputedStyle(feedback).animationName, 'none', 'no animation with reduced motion');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      walk.remove();
    }
  });
});
