/**
 * @summary A decision scene: a dilemma with options. The learner picks one option (a radio
 * group) and confirms; then the feedback (why) and the consequence are shown and the options
 * turn read-only, showing the choice. An answered decision shows the same read-only view.
 *
 * The element does not score: it asks its player to answer with `ak-respond`, and the player
 * gives the outcome back through the `outcome` property.
 *
 * @event ak-respond - The learner confirmed a choice. detail: `{ response: string[] }` (one
 *   option id). Bubbles, not composed: it stays inside the player.
 *
 * @csspart heading - The scene heading (h2, takes focus on a scene change).
 * @csspart medium - The ak-medium mock.
 * @csspart options - The fieldset with the options.
 * @csspart option - One option (label with radio).
 * @csspart confirm - The confirm button ("Vælg").
 * @csspart feedback - The feedback box shown after answering.
 */
import { html, nothing } from 'lit';
import type { DecisionScene } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { AnsweredSceneElement } from '../shared/scene-element.js';
import { base } from '../shared/styles.js';
import { fallbackLang, inline, rich } from '../shared/text.js';
import { styles } from './decision.styles.js';

export class AkDecision extends AnsweredSceneElement<DecisionScene> {
  static override styles = [base, styles];

  override render() {
    const scene = this.scene;
    if (!scene) return nothing;
    const s = ui(this.lang);
    const lang = this.lang;
    const chosen = this.outcome?.response[0];
    const answered = chosen !== undefined;
    return html`${this.heading(scene)}
      ${scene.medium ? html`<ak-medium part="medium" .medium=${scene.medium} lang=${lang}></ak-medium>` : nothing}
      <fieldset part="options" ?disabled=${answered} aria-describedby=${this.missing ? 'missing' : nothing}>
        <legend lang=${fallbackLang(scene.prompt, lang)}>${inline(scene.prompt, lang)}</legend>
        <div class="choices">
          ${scene.options.map(
            (o) => html`<label class="choice" part="option">
              <input type="radio" name="option" value=${o.id} ?checked=${o.id === chosen} @change=${this.onChange} />
              <span class="choice-text">
                <span lang=${fallbackLang(o.text, lang)}>${inline(o.text, lang)}</span>
                ${o.id === chosen ? html`<br /><span class="tag">${s.yourChoice}</span>` : nothing}
              </span>
            </label>`,
          )}
        </div>
      </fieldset>
      ${answered ? this.feedback() : html`<div class="actions">
            <button part="confirm" @click=${this.confirm}>${s.choose}</button>
            ${this.missing ? html`<p id="missing" class="error" role="alert">${s.pickOne}</p>` : nothing}
          </div>`}`;
  }

  private feedback() {
    const option = this.outcome!.option;
    if (!option) return nothing;
    const s = ui(this.lang);
    const lang = this.lang;
    const good = this.outcome!.correct;
    return html`<div class="feedback ${good ? 'good' : ''}" part="feedback">
      <h3 id="feedback-heading" tabindex="-1">${good ? s.goodChoice : s.betterChoice}</h3>
      <div class="body" lang=${fallbackLang(option.feedback, lang)}>${rich(option.feedback, lang)}</div>
      ${option.consequence
        ? html`<h4>${s.consequence}</h4>
            <div class="body" lang=${fallbackLang(option.consequence, lang)}>${rich(option.consequence, lang)}</div>`
        : nothing}
    </div>`;
  }

  private onChange() {
    this.missing = false;
  }

  private confirm() {
    const checked = this.renderRoot.querySelector<HTMLInputElement>('input:checked');
    if (!checked) {
      this.missing = true;
      return;
    }
    this.emit('ak-respond', { response: [checked.value] }, false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-decision': AkDecision;
  }
}
