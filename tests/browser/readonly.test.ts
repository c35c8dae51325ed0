/**
 * Answers are final: an answered decision or quiz visited again (Back) shows the answer and
 * the feedback read-only, and cannot be answered again.
 */
import { deepEqual, equal, ok } from './assert.js';
import {
  backButton,
  deepActiveElement,
  headingOf,
  miniModule,
  nextButton,
  q,
  sceneOf,
  settle,
  shadow,
  waitFor,
  walkModule,
  wrongChoice,
  type WalkResult,
} from './helpers.js';

async function goBack(walk: WalkResult, to: string) {
  backButton(walk.player)!.click();
  await waitFor(() => walk.engine.scene.id === to, `back to ${to}`);
  await settle(walk.player);
  await waitFor(() => deepActiveElement() === headingOf(walk.player), 'focus on the heading');
}

function expectReadOnly(walk: WalkResult, sceneId: string) {
  const root = shadow(sceneOf(walk.player));
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('fieldset input'));
  ok(inputs.length > 0, 'inputs shown');
  ok(q<HTMLFieldSetElement>(root, 'fieldset').disabled, 'the fieldset is disabled');
  ok(inputs.every((i) => i.matches(':disabled')), 'every input is disabled');
  deepEqual(
    inputs.filter((i) => i.checked).map((i) => i.value),
    walk.engine.answerOf(sceneId),
    'the given answer is shown checked',
  );
  equal(root.querySelector('[part="confirm"]'), null, 'no confirm button');
  ok(root.querySelector('[part="feedback"] #feedback-heading'), 'feedback shown');
  equal(nextButton(walk.player)?.getAttribute('aria-disabled'), 'false', 'Next is enabled');
  // Clicking another option changes nothing.
  const other = inputs.find((i) => !i.checked)!;
  other.click();
  equal(other.checked, false, 'another option cannot be checked');
  return root;
}

describe('answered scenes on Back', () => {
  it('are read-only, show the answer and the feedback, and keep the engine answer', async () => {
    const walk = await walkModule(miniModule, 'da', wrongChoice, { stopAt: 'reflect' });
    try {
      const answers = {
        dilemma: walk.engine.answerOf('dilemma'),
        'quiz-tf': walk.engine.answerOf('quiz-tf'),
      };
      const answerEvents = walk.events.filter((e) => e.type === 'ak-answer').length;

      await goBack(walk, 'quiz-tf');
      const tf = expectReadOnly(walk, 'quiz-tf');
      equal(q(tf, '#feedback-heading').textContent?.trim(), 'Ikke det rigtige svar');
      ok(tf.textContent?.includes('Dit svar'), 'marks the learner answer');
      ok(tf.textContent?.includes('Rigtigt svar'), 'marks the correct answer');
      // A ticked option that is wrong says so in words, beside "Dit svar".
      const wrongTags = Array.from(tf.querySelectorAll('.tag.wrong')).map((t) => t.closest('label')!.querySelector('input')!.value);
      deepEqual(wrongTags, walk.engine.answerOf('quiz-tf'), 'the wrong answer is marked "Ikke rigtigt"');
      ok(tf.querySelector('.tag.wrong')!.textContent!.includes('Ikke rigtigt'));

      await goBack(walk, 'quiz-multiple');
      expectReadOnly(walk, 'quiz-multiple');
      await goBack(walk, 'quiz-single');
      expectReadOnly(walk, 'quiz-single');

      await goBack(walk, 'dilemma');
      const dilemma = expectReadOnly(walk, 'dilemma');
      equal(q(dilemma, '#feedback-heading').textContent?.trim(), 'Der var et bedre valg');
      ok(dilemma.textContent?.includes('Dit valg'), 'marks the choice');
      ok(dilemma.textContent?.includes('To kolleger giver deres kode videre'), 'shows the consequence');

      deepEqual(walk.engine.answerOf('dilemma'), answers.dilemma, 'decision answer unchanged');
      deepEqual(walk.engine.answerOf('quiz-tf'), answers['quiz-tf'], 'quiz answer unchanged');
      equal(walk.events.filter((e) => e.type === 'ak-answer').length, answerEvents, 'no new ak-answer');
      deepEqual(
        walk.events.filter((e) => e.type === 'ak-scene-change').slice(-4).map((e) => e.detail.scene.id),
        ['quiz-tf', 'quiz-multiple', 'quiz-single', 'dilemma'],
        'ak-scene-change after each Back',
      );

      // Forward again along the same path, without answering again.
      nextButton(walk.player)!.click();
      await waitFor(() => walk.engine.scene.id === 'quiz-single', 'forward to quiz-single');
      await settle(walk.player);
      expectReadOnly(walk, 'quiz-single');
    } finally {
      walk.remove();
    }
  });
});
