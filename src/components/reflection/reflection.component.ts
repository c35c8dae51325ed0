/**
 * @summary A reflection scene: a prompt and a labelled text area. The text is kept ONLY in this
 * browser's localStorage under `ak:<moduleId>[:<learnerKey>]:reflection:<sceneId>`; it is never put in an
 * event, never reported and never sent anywhere. The learner can delete it; the app deletes it at
 * Finish and at starting over (see `reflectionKey`).
 *
 * @events none (on purpose: nothing the learner types leaves this element)
 *
 * @csspart heading - The scene heading (h2, takes focus on a scene change).
 * @csspart prompt - The reflection prompt.
 * @csspart textarea - The text area.
 * @csspart privacy - The note that the text stays in this browser until the module is finished.
 * @csspart clear - The delete button.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ReflectionScene } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { SceneElement } from '../shared/scene-element.js';
import { base } from '../shared/styles.js';
import { fallbackLang, rich } from '../shared/text.js';
import { styles } from './reflection.styles.js';

/** The localStorage key of a reflection text; per learner when the LMS tells who it is. */
export function reflectionKey(moduleId: string, sceneId: string, learnerKey: string | null = null): string {
  return `ak:${moduleId}:${learnerKey ? `${learnerKey}:` : ''}reflection:${sceneId}`;
}

export class AkReflection extends SceneElement<ReflectionScene> {
  static override styles = [base, styles];

  /** The module id, part of the storage key. */
  @property({ attribute: 'module-id' }) moduleId = '';

  /** Keeps learners sharing a computer apart (from the LMS learner id); null outside an LMS. */
  @property({ attribute: false }) learnerKey: string | null = null;

  /** The text as typed; kept only here and in localStorage. */
  @state() private text = '';

  /** False when localStorage cannot be used (then the text lives only on the page). */
  @state() private storable = true;

  private get key(): string {
    return reflectionKey(this.moduleId, this.scene?.id ?? '', this.learnerKey);
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('scene') || changed.has('moduleId') || changed.has('learnerKey')) {
      try {
        this.text = localStorage.getItem(this.key) ?? '';
      } catch {
        this.storable = false;
      }
    }
  }

  override render() {
    const scene = this.scene;
    if (!scene) return nothing;
    const s = ui(this.lang);
    return html`${this.heading(scene)}
      <div id="prompt" class="body" part="prompt" lang=${fallbackLang(scene.prompt, this.lang)}>${rich(scene.prompt, this.lang)}</div>
      <label for="text">${s.reflectionLabel}</label>
      <textarea
        id="text"
        part="textarea"
        rows="6"
        aria-describedby="prompt privacy"
        .value=${this.text}
        @input=${this.onInput}
      ></textarea>
      <p id="privacy" class="hint" part="privacy">${this.storable ? s.reflectionPrivacy : s.reflectionNoStorage}</p>
      ${this.text
        ? html`<div class="actions"><button class="secondary" part="clear" @click=${this.clear}>${s.reflectionClear}</button></div>`
        : nothing}`;
  }

  private onInput(e: Event) {
    this.text = (e.target as HTMLTextAreaElement).value;
    this.store();
  }

  private clear() {
    this.text = '';
    this.store();
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private store() {
    if (!this.storable) return;
    try {
      if (this.text) localStorage.setItem(this.key, this.text);
      else localStorage.removeItem(this.key);
    } catch {
      this.storable = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-reflection': AkReflection;
  }
}
