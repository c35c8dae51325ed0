/**
 * Takes a module in the browser as a learner does: clicks (or only keys) on the real player
 * inside the LMS frame. It reads the player only to know where it is; the tests check results
 * in what the LMS received.
 */
import type { Frame, Page } from 'playwright-core';
import type { CompiledModule, Scene } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { answerFor, type Strategy } from './package-fixtures.js';

const s = strings.da;

export async function currentSceneId(frame: Frame): Promise<string> {
  await frame.waitForFunction(() => !!(document.querySelector('ak-player') as unknown as { engine?: unknown })?.engine);
  return frame.evaluate(() => (document.querySelector('ak-player') as unknown as { engine: { scene: { id: string } } }).engine.scene.id);
}

/** The scene element's tag: ak-story, ak-decision, … */
const tagOf = (scene: Scene) => `ak-${scene.type}`;

const isSpot = (scene: Scene) => scene.type === 'quiz' && scene.question === 'spot';

async function answerWithMouse(frame: Frame, scene: Scene, response: string[]): Promise<void> {
  // Spot the signs: the pieces are toggle buttons in the e-mail or screen.
  if (isSpot(scene)) for (const id of response) await frame.locator(`ak-quiz button[data-sign="${id}"]`).click();
  else for (const id of response) await frame.locator(`${tagOf(scene)} input[value="${id}"]`).check();
  await frame.getByRole('button', { name: scene.type === 'decision' ? s.choose : s.checkAnswer, exact: true }).click();
  await frame.locator(`${tagOf(scene)} [part="feedback"]`).waitFor();
}

/**
 * Walks from the current scene until the summary (or `stopAt`, or until `stopAfterScored`
 * scored items were answered). Returns the scene ids passed.
 */
export async function walk(
  frame: Frame,
  module: CompiledModule,
  strategy: Strategy | ((scene: Scene) => string[]),
  options: { stopAfterScored?: number; stopAt?: string; keyboard?: Page; /** Called at each scene once it is answered (and at the summary). */ afterScene?: (id: string) => Promise<void> } = {},
): Promise<string[]> {
  const seen: string[] = [];
  let scored = 0;
  for (let guard = 0; guard < 200; guard++) {
    const id = await currentSceneId(frame);
    seen.push(id);
    const scene = module.scenes.find((x) => x.id === id)!;
    if (scene.type === 'summary') await options.afterScene?.(id);
    if (scene.type === 'summary' || id === options.stopAt) return seen;
    if (scene.type === 'decision' || scene.type === 'quiz') {
      const answered = await frame.evaluate(
        (sid) => !!(document.querySelector('ak-player') as unknown as { engine: { answerOf(id: string): unknown } }).engine.answerOf(sid),
        id,
      );
      if (!answered) {
        const response = typeof strategy === 'function' ? strategy(scene) : answerFor(scene, strategy);
        if (options.keyboard) await answerWithKeyboard(options.keyboard, frame, scene, response);
        else await answerWithMouse(frame, scene, response);
        scored++;
        if (options.stopAfterScored !== undefined && scored >= options.stopAfterScored) return seen;
      }
    }
    await options.afterScene?.(id);
    if (options.keyboard) await pressButton(options.keyboard, frame, s.next);
    else await frame.getByRole('button', { name: s.next, exact: true }).click();
    await frame.waitForFunction(
      (prev) => (document.querySelector('ak-player') as unknown as { engine: { scene: { id: string } } }).engine.scene.id !== prev,
      id,
    );
  }
  throw new Error('walk: no summary reached after 200 steps');
}

/** Describes the deepest focused element (through shadow roots). */
function focusedDescription(frame: Frame): Promise<{ tag: string; value: string; text: string; type: string; sign: string } | null> {
  return frame.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      value: (el as HTMLInputElement).value ?? '',
      text: (el.textContent ?? '').trim(),
      type: (el as HTMLInputElement).type ?? '',
      sign: (el as HTMLElement).dataset?.sign ?? '',
    };
  });
}

/** Presses Tab until `match` holds for the focused element. Fails if it never comes. */
async function tabTo(page: Page, frame: Frame, match: (f: { tag: string; value: string; text: string; type: string; sign: string }) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const focused = await focusedDescription(frame);
    if (focused && match(focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`keyboard: could not reach ${what} with Tab`);
}

async function pressButton(page: Page, frame: Frame, name: string): Promise<void> {
  await tabTo(page, frame, (f) => f.tag === 'button' && f.text === name, `the "${name}" button`);
  await page.keyboard.press('Enter');
}

async function answerWithKeyboard(page: Page, frame: Frame, scene: Scene, response: string[]): Promise<void> {
  const tag = tagOf(scene);
  const radios = !(scene.type === 'quiz' && (scene.question === 'multiple' || scene.question === 'spot'));
  if (isSpot(scene)) {
    // Tab only goes forward: mark the pieces in the order they appear.
    const order = await frame.locator('ak-quiz button[data-sign]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.sign!));
    for (const id of order.filter((o) => response.includes(o))) {
      await tabTo(page, frame, (f) => f.tag === 'button' && f.sign === id, `piece ${id}`);
      await page.keyboard.press('Space');
    }
  } else if (radios) {
    // A radio group is one Tab stop; arrow keys move within it (and select).
    await tabTo(page, frame, (f) => f.tag === 'input' && f.type === 'radio', 'the options');
    await page.keyboard.press('Space');
    for (let i = 0; i < 12; i++) {
      const focused = await focusedDescription(frame);
      if (focused?.value === response[0]) break;
      await page.keyboard.press('ArrowDown');
    }
    const chosen = await focusedDescription(frame);
    if (chosen?.value !== response[0]) throw new Error(`keyboard: could not reach option ${response[0]}`);
    await page.keyboard.press('Space');
  } else {
    for (const id of response) {
      await tabTo(page, frame, (f) => f.tag === 'input' && f.value === id, `option ${id}`);
      await page.keyboard.press('Space');
    }
  }
  await pressButton(page, frame, scene.type === 'decision' ? s.choose : s.checkAnswer);
  await frame.locator(`${tag} [part="feedback"]`).waitFor();
}
