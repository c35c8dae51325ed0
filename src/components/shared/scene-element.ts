/**
 * The little every scene element shares: the scene, the language, and a heading that takes
 * focus on a scene change so screen readers announce the new scene.
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AnswerOutcome } from '../../engine/module-engine.js';
import type { Lang, LangText } from '../../model/compiled.js';
import { fallbackLang, inline } from './text.js';

export abstract class SceneElement<S extends { id: string; title: LangText }> extends LitElement {
  /** The scene to show (from the CompiledModule). */
  @property({ attribute: false }) scene?: S;

  /** Display language; content without English falls back to Danish. */
  @property({ reflect: true }) override lang: Lang = 'da';

  /** Moves focus to the scene heading (h2, tabindex=-1). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected heading(scene: S) {
    return html`<h2 id="heading" part="heading" tabindex="-1" lang=${fallbackLang(scene.title, this.lang)}>
      ${inline(scene.title, this.lang)}
    </h2>`;
  }

  /** Dispatches a bubbling, composed `ak-*` CustomEvent. */
  protected emit<T>(name: string, detail: T, composed = true): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed }));
  }
}

/** A scene the learner answers (decision, quiz): the outcome once answered, and feedback focus. */
export abstract class AnsweredSceneElement<S extends { id: string; title: LangText }> extends SceneElement<S> {
  /** The outcome once answered; makes the scene read-only and shows the feedback. */
  @property({ attribute: false }) outcome?: AnswerOutcome;

  /** Set when the learner confirms without choosing. */
  @state() protected missing = false;

  /** Moves focus to the feedback heading (after answering). */
  async focusFeedback(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#feedback-heading')?.focus();
  }
}
