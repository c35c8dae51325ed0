/**
 * Keyboard-only use: the whole fixture can be completed with Tab, Space and Enter (plus the
 * arrow keys a radio group uses to move between its options), focus lands on each new scene's
 * heading and on the feedback after an answer, and the finish button works.
 */
import { sendKeys } from '@web/test-runner-commands';
import { deepEqual, equal, ok } from './assert.js';
import {
  backButton,
  bestChoice,
  branchChoice,
  deepActiveElement,
  headingOf,
  miniModule,
  mountPlayer,
  nextButton,
  settle,
  shadow,
  sceneOf,
  waitFor,
  walkModule,
} from './helpers.js';

const allowedKeys = new Set(['Tab', 'Space', 'Enter', 'ArrowDown']);

describe('keyboard only', () => {
  afterEach(() => localStorage.clear());

  it('completes the whole module (every scene, with the branch) and finishes, in Danish', async () => {
    const headings: string[] = [];
    const walk = await walkModule(miniModule, 'da', branchChoice, {
      keyboard: true,
      finish: true,
      reflectionText: 'Kort svar',
      onScene: ({ phase, player }) => {
        if (phase === 'shown') headings.push(deepActiveElement() === headingOf(player) ? 'heading' : 'elsewhere');
      },
    });
    try {
      deepEqual(
        walk.visited,
        ['intro-email', 'call', 'dilemma', 'counter-branch', 'quiz-single', 'quiz-multiple', 'quiz-tf', 'reflect', 'summary'],
        'scenes visited',
      );
      ok(walk.engine.completed, 'the engine is completed');
      equal(walk.events.filter((e) => e.type === 'ak-finish').length, 1, 'ak-finish dispatched once');
      equal(walk.events.filter((e) => e.type === 'ak-answer').length, 4, 'one ak-answer per scored scene');
      // The first scene is not focused on load (the page decides); every later one is.
      deepEqual(headings.slice(1), Array(headings.length - 1).fill('heading'), 'focus on the heading after each Next');
      const unexpected = walk.keys.filter((k) => !allowedKeys.has(k));
      deepEqual(unexpected, [], 'only Tab, Space, Enter and arrows inside radio groups were used');
      ok(walk.keys.includes('Tab') && walk.keys.includes('Enter') && walk.keys.includes('Space'), 'keys were used');
    } finally {
      walk.remove();
    }
  });

  it('completes the module with the best answers in English', async () => {
    const walk = await walkModule(miniModule, 'en', bestChoice, { keyboard: true, finish: true });
    try {
      equal(walk.visited.at(-1), 'summary', 'reached the summary');
      ok(walk.engine.results.passed, 'best answers pass');
      equal(walk.engine.results.scaled, 1, 'best answers score 100 %');
    } finally {
      walk.remove();
    }
  });

  it('Next is reachable but does nothing until the decision is answered', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      m.engine.next();
      m.engine.next();
      m.player.requestUpdate();
      await settle(m.player);
      equal(m.engine.scene.id, 'dilemma');
      const next = nextButton(m.player)!;
      next.focus();
      await sendKeys({ press: 'Enter' });
      await settle(m.player);
      equal(m.engine.scene.id, 'dilemma', 'still on the decision');
      equal(deepActiveElement(), next, 'focus stays on Next');
    } finally {
      m.remove();
    }
  });

  it('Back by keyboard moves focus to the previous scene heading', async () => {
    const walk = await walkModule(miniModule, 'da', bestChoice, { stopAt: 'dilemma' });
    try {
      const back = backButton(walk.player);
      ok(back, 'Back is shown');
      back.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => walk.engine.scene.id === 'call', 'going back');
      await settle(walk.player);
      await waitFor(() => deepActiveElement() === headingOf(walk.player), 'focus on the heading');
      equal(headingOf(walk.player)?.textContent?.trim(), 'Telefonen ringer');
      const last = walk.events.at(-1)!;
      equal(last.type, 'ak-scene-change');
      equal((last.detail as { scene: { id: string } }).scene.id, 'call');
    } finally {
      walk.remove();
    }
  });

  it('shows a visible focus ring (3 px, at least 3:1 against the page) on keyboard focus', async () => {
    const m = await mountPlayer(miniModule, 'da');
    try {
      await sendKeys({ press: 'Tab' });
      const focused = deepActiveElement() as HTMLElement;
      ok(focused instanceof HTMLButtonElement, `a button has focus (got ${focused?.localName})`);
      ok(focused.matches(':focus-visible'), 'it matches :focus-visible');
      const style = getComputedStyle(focused);
      equal(style.outlineStyle, 'solid', 'outline style');
      equal(style.outlineWidth, '3px', 'outline width');
      ok(contrast(style.outlineColor, 'rgb(255, 255, 255)') >= 3, `outline contrast ${contrast(style.outlineColor, 'rgb(255, 255, 255)')}`);
      // The scene heading is focusable by script only: not a Tab stop.
      equal(shadow(sceneOf(m.player)).querySelector('h2')?.getAttribute('tabindex'), '-1');
    } finally {
      m.remove();
    }
  });
});

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
