/**
 * Reusable helpers for browser tests of the player: mount a module, walk through it with the
 * mouse or with the keyboard only, run axe-core, and look for horizontal overflow.
 *
 * `walkModule(module, lang, chooseOption, options)` works for any CompiledModule, so the
 * integrator can point it at a real built module (dist/content/<id>.json) as well.
 */
import { sendKeys } from '@web/test-runner-commands';
import axe from 'axe-core';
import '../../src/components/index.js';
import type { AkPlayer } from '../../src/components/player/player.component.js';
import { ModuleEngine } from '../../src/engine/module-engine.js';
import { correctResponse, sumPoints } from '../../src/engine/scoring.js';
import { isScored, type CompiledModule, type DecisionScene, type Lang, type QuizScene, type Scene } from '../../src/model/compiled.js';
import fixture from '../fixtures/mini-module.json';
import { AssertionError, ok } from './assert.js';

/** The hand-written fixture: one scene of each type, each medium, each quiz kind, one branch. */
export const miniModule = fixture as unknown as CompiledModule;

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// ---------------------------------------------------------------------------------------------
// Choosing answers

/** Picks the response to give to a decision or quiz. */
export type ChooseOption = (scene: DecisionScene | QuizScene) => string[];

/** The best decision option (most points) and the correct quiz answer. */
export const bestChoice: ChooseOption = (scene) => {
  if (scene.type === 'quiz') return correctResponse(scene);
  const best = [...scene.options].sort((a, b) => sumPoints(b.points ?? {}) - sumPoints(a.points ?? {}))[0];
  return [best.id];
};

/** The weakest decision option and a wrong quiz answer (to see the "not right" feedback). */
export const wrongChoice: ChooseOption = (scene) => {
  if (scene.type === 'decision') {
    const worst = [...scene.options].sort((a, b) => sumPoints(a.points ?? {}) - sumPoints(b.points ?? {}))[0];
    return [worst.id];
  }
  const right = correctResponse(scene);
  if (scene.question === 'true-false') return [right[0] === 'true' ? 'false' : 'true'];
  const wrong = (scene.options ?? []).find((o) => !o.correct);
  return wrong ? [wrong.id] : right;
};

/** Takes a decision option that branches (has `next`) when there is one, else the best choice. */
export const branchChoice: ChooseOption = (scene) => {
  if (scene.type === 'decision') {
    const branch = scene.options.find((o) => o.next);
    if (branch) return [branch.id];
  }
  return bestChoice(scene);
};

// ---------------------------------------------------------------------------------------------
// Mounting and querying

export interface Mounted {
  player: AkPlayer;
  engine: ModuleEngine;
  /** Every ak-* event that reached the document, in order. */
  events: CustomEvent[];
  remove(): void;
}

export const PLAYER_EVENTS = ['ak-answer', 'ak-scene-change', 'ak-language', 'ak-finish'] as const;

export async function mountPlayer(
  module: CompiledModule,
  lang: Lang = 'da',
  init: { resume?: string; notice?: string | null } = {},
): Promise<Mounted> {
  const engine = new ModuleEngine(module, init.resume);
  const player = document.createElement('ak-player');
  player.engine = engine;
  player.lang = lang;
  player.notice = init.notice ?? null;
  const events: CustomEvent[] = [];
  const record = (e: Event) => events.push(e as CustomEvent);
  for (const name of PLAYER_EVENTS) document.addEventListener(name, record);
  document.body.append(player);
  await settle(player);
  return {
    player,
    engine,
    events,
    remove() {
      for (const name of PLAYER_EVENTS) document.removeEventListener(name, record);
      player.remove();
    },
  };
}

export function shadow(el: Element): ShadowRoot {
  ok(el.shadowRoot, `${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** querySelector that fails loudly. */
export function q<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new AssertionError(`nothing matches ${selector}`);
  return el;
}

type LitLike = HTMLElement & { updateComplete: Promise<boolean> };

/** The current scene element (ak-story, ak-decision, …) inside the player. */
export function sceneOf(player: AkPlayer): LitLike {
  return q<LitLike>(shadow(player), 'main > *');
}

/** Spot the signs: the toggle buttons on the pieces of the medium, in document order. */
export function spotButtons(sceneElement: Element): HTMLButtonElement[] {
  const medium = shadow(sceneElement).querySelector('ak-medium');
  return medium ? Array.from(shadow(medium).querySelectorAll<HTMLButtonElement>('button[data-sign]')) : [];
}

export function headingOf(player: AkPlayer): HTMLElement | null {
  return shadow(player).querySelector('main > *')?.shadowRoot?.querySelector('h2') ?? null;
}

export function nextButton(player: AkPlayer): HTMLButtonElement | null {
  return shadow(player).querySelector('nav button.next');
}

export function backButton(player: AkPlayer): HTMLButtonElement | null {
  return shadow(player).querySelector('nav button.back');
}

/** The focused element, looking through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Every element under `root`, including those in open shadow roots. */
export function deepElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** Visible text, through shadow roots (textContent does not cross them). */
export function deepText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const el = node as Element;
    if (el.shadowRoot) visit(el.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Waits for the player and its scene element to finish rendering. */
export async function settle(player: AkPlayer): Promise<void> {
  await player.updateComplete;
  const scene = shadow(player).querySelector<LitLike>('main > *');
  await scene?.updateComplete;
  await frame();
}

export async function waitFor(condition: () => unknown, what: string, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new AssertionError(`timed out waiting for ${what}`);
    await frame();
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Runs axe-core with the WCAG 2.1 A/AA rules on `context` and fails on any violation. */
export async function expectNoAxeViolations(context: Element, label: string): Promise<void> {
  // Feedback fades in (0.2 s); on a busy machine axe could measure its colours half-way.
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  const result = await axe.run(context, {
    runOnly: { type: 'tag', values: WCAG_TAGS },
    resultTypes: ['violations'],
  });
  if (result.violations.length > 0) {
    const lines = result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    );
    throw new AssertionError(`axe found ${result.violations.length} violation(s) on ${label}:\n${lines.join('\n')}`);
  }
}

/**
 * Describes anything wider than the viewport: document overflow, an element or a line of text
 * sticking out, or content clipped or scrolled sideways inside a box (which hides it at 320 px
 * as surely as page overflow would).
 */
export function overflowProblems(root: Element): string[] {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const problems: string[] = [];
  const name = (el: Element) => `<${el.localName} class="${el.getAttribute('class') ?? ''}">`;
  if (doc.scrollWidth > width) problems.push(`document scrollWidth ${doc.scrollWidth} > clientWidth ${width}`);
  for (const el of deepElements(root)) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) problems.push(`${name(el)} spans ${r.left}..${r.right}`);
    const clipped = getComputedStyle(el).overflowX !== 'visible' && r.width > 2;
    if (clipped && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} hides content sideways (${el.scrollWidth} > ${el.clientWidth})`);
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width > 0 && rect.right > width + 0.5) {
          problems.push(`text "${node.textContent.trim().slice(0, 30)}" in ${name(el)} ends at ${rect.right}`);
        }
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Walking a module

export interface WalkStep {
  scene: Scene;
  /** 'shown': just arrived; 'answered': the feedback is on screen. */
  phase: 'shown' | 'answered';
  player: AkPlayer;
  engine: ModuleEngine;
  lang: Lang;
}

export interface WalkOptions {
  /** Drive with the keyboard only (Tab, Space, Enter; arrow keys inside a radio group). */
  keyboard?: boolean;
  /** Called on every scene when shown, and again after answering a decision or quiz. */
  onScene?: (step: WalkStep) => void | Promise<void>;
  /** Stop (without leaving) when this scene is reached. */
  stopAt?: string;
  /** Text to type into reflections. */
  reflectionText?: string;
  /** Press the finish button on the summary. */
  finish?: boolean;
  /** A status notice to show in the player (as the app does when no LMS was found). */
  notice?: string;
}

export interface WalkResult extends Mounted {
  /** Scene ids in the order they were shown. */
  visited: string[];
  /** Keys pressed (keyboard walks). */
  keys: string[];
}

/**
 * Walks through `module` in `lang` from the first scene to the summary (or `stopAt`), answering
 * each decision and quiz with `chooseOption`. It asserts on the way that focus lands on the
 * feedback after each answer and on the new scene's heading after each Next.
 * The caller removes the player (`result.remove()`).
 */
export async function walkModule(
  module: CompiledModule,
  lang: Lang,
  chooseOption: ChooseOption = bestChoice,
  options: WalkOptions = {},
): Promise<WalkResult> {
  const mounted = await mountPlayer(module, lang, { notice: options.notice ?? null });
  const { player, engine } = mounted;
  const visited: string[] = [];
  const keys: string[] = [];
  const result: WalkResult = { ...mounted, visited, keys };

  const press = async (key: string) => {
    keys.push(key);
    await sendKeys({ press: key });
    await settle(player);
  };
  const tabTo = async (found: (el: Element) => boolean, what: string, max = 60): Promise<Element> => {
    for (let i = 0; i < max; i++) {
      const active = deepActiveElement();
      if (active && found(active)) return active;
      await press('Tab');
    }
    throw new AssertionError(`Tab never reached ${what} on scene "${engine.scene.id}"`);
  };

  /** Spot the signs: the pieces are toggle buttons inside the medium. */
  const answerSpot = async (response: string[]) => {
    const root = shadow(sceneOf(player));
    const signs = spotButtons(sceneOf(player));
    const confirm = q<HTMLButtonElement>(root, '[part="confirm"]');
    ok(signs.length > 0, `no pieces to mark on "${engine.scene.id}"`);
    const pressed = (b: HTMLButtonElement) => b.getAttribute('aria-pressed') === 'true';
    if (!options.keyboard) {
      for (const b of signs) if (response.includes(b.dataset.sign!) !== pressed(b)) b.click();
      await settle(player);
      confirm.click();
      return;
    }
    await tabTo((el) => signs.includes(el as HTMLButtonElement), 'the pieces of the medium');
    for (let i = 0; deepActiveElement() !== confirm; i++) {
      if (i > 60) throw new AssertionError('Tab never reached the confirm button');
      const active = deepActiveElement() as HTMLButtonElement;
      if (signs.includes(active) && response.includes(active.dataset.sign!) !== pressed(active)) await press('Space');
      await press('Tab');
    }
    const chosen = signs.filter(pressed).map((b) => b.dataset.sign);
    ok(chosen.length === response.length && chosen.every((v) => response.includes(v!)), `marked ${JSON.stringify(chosen)} is not ${JSON.stringify(response)}`);
    await press('Enter');
  };

  const answer = async (scene: DecisionScene | QuizScene, response: string[]) => {
    if (scene.type === 'quiz' && scene.question === 'spot') return answerSpot(response);
    const root = shadow(sceneOf(player));
    const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('fieldset input'));
    const confirm = q<HTMLButtonElement>(root, '[part="confirm"]');
    ok(inputs.length > 0, `no inputs on "${scene.id}"`);
    if (!options.keyboard) {
      for (const input of inputs) if (response.includes(input.value) !== input.checked) input.click();
      confirm.click();
      return;
    }
    const isInput = (el: Element) => inputs.includes(el as HTMLInputElement);
    await tabTo(isInput, 'the options');
    if (inputs[0].type === 'radio') {
      await press('Space');
      for (let i = 0; (deepActiveElement() as HTMLInputElement).value !== response[0]; i++) {
        if (i > inputs.length) throw new AssertionError(`arrow keys never reached option ${response[0]}`);
        await press('ArrowDown');
      }
    } else {
      for (let i = 0; deepActiveElement() !== confirm; i++) {
        if (i > 60) throw new AssertionError('Tab never reached the confirm button');
        const active = deepActiveElement() as HTMLInputElement;
        if (isInput(active) && response.includes(active.value) !== active.checked) await press('Space');
        await press('Tab');
      }
    }
    const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
    ok(
      chosen.length === response.length && chosen.every((v) => response.includes(v)),
      `keyboard selection ${JSON.stringify(chosen)} is not ${JSON.stringify(response)}`,
    );
    await tabTo((el) => el === confirm, 'the confirm button');
    await press('Enter');
  };

  for (let guard = 0; guard < module.scenes.length * 3; guard++) {
    await settle(player);
    const scene = engine.scene;
    visited.push(scene.id);
    if (options.stopAt === scene.id) return result;
    await options.onScene?.({ scene, phase: 'shown', player, engine, lang });

    if (isScored(scene) && !engine.answerOf(scene.id)) {
      await answer(scene, chooseOption(scene));
      await waitFor(() => engine.answerOf(scene.id), `an answer to "${scene.id}"`);
      await settle(player);
      const feedback = shadow(sceneOf(player)).querySelector('#feedback-heading');
      ok(feedback, `no feedback shown on "${scene.id}"`);
      await waitFor(() => deepActiveElement() === feedback, `focus on the feedback of "${scene.id}"`);
      await options.onScene?.({ scene, phase: 'answered', player, engine, lang });
    }

    if (scene.type === 'reflection' && options.reflectionText) {
      const textarea = q<HTMLTextAreaElement>(shadow(sceneOf(player)), 'textarea');
      if (options.keyboard) await tabTo((el) => el === textarea, 'the reflection text area');
      else textarea.focus();
      await sendKeys({ type: options.reflectionText });
      await settle(player);
    }

    if (scene.type === 'summary') {
      if (options.finish) {
        const finish = q<HTMLButtonElement>(shadow(sceneOf(player)), '[part="finish"]');
        if (options.keyboard) {
          await tabTo((el) => el === finish, 'the finish button');
          await press('Enter');
        } else finish.click();
        await waitFor(() => result.events.some((e) => e.type === 'ak-finish'), 'ak-finish');
      }
      return result;
    }
    if (!engine.canGoNext) return result;

    const next = nextButton(player);
    ok(next, `no Next button on "${scene.id}"`);
    const step = engine.step;
    if (options.keyboard) {
      await tabTo((el) => el === next, 'the Next button');
      await press('Enter');
    } else next.click();
    await waitFor(() => engine.step === step + 1, `leaving "${scene.id}"`);
    await settle(player);
    await waitFor(() => deepActiveElement() === headingOf(player) && headingOf(player) !== null, `focus on the heading of "${engine.scene.id}"`);
  }
  throw new AssertionError(`walk did not reach the summary: ${visited.join(' → ')}`);
}
