/**
 * @summary A quiz scene: single choice (radios), multiple choice (checkboxes, "choose all that
 * apply"), true/false (two radios) or spot the signs (toggle buttons on the pieces of an e-mail
 * or screen). "Svar" checks the answer; then a correct/incorrect message and the explanation
 * are shown and the question turns read-only, marking the learner's answer and the correct one.
 * An answered quiz shows the same read-only view.
 *
 * @event ak-respond - The learner checked an answer. detail: `{ response: string[] }` (option
 *   ids, or `['true']` / `['false']`). Bubbles, not composed: it stays inside the player.
 *
 * @csspart heading - The scene heading (h2, takes focus on a scene change).
 * @csspart medium - The ak-medium mock.
 * @csspart options - The fieldset with the choices.
 * @csspart option - One choice (label with radio or checkbox).
 * @csspart confirm - The check-answer button ("Svar").
 * @csspart feedback - The result and explanation shown after answering.
 */
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { correctResponse } from '../../engine/scoring.js';
import type { LangText, QuizScene } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { AnsweredSceneElement } from '../shared/scene-element.js';
import { base } from '../shared/styles.js';
import { fallbackLang, inline, rich } from '../shared/text.js';
import { styles } from './quiz.styles.js';

interface Choice {
  id: string;
  /** Content text, or a UI string for true/false. */
  text: LangText | string;
}

export class AkQuiz extends AnsweredSceneElement<QuizScene> {
  static override styles = [base, styles];

  /** Spot the signs: the pieces marked so far, in the order they were marked. */
  @state() private marked: string[] = [];

  override render() {
    const scene = this.scene;
    if (!scene) return nothing;
    if (scene.question === 'spot') return this.renderSpot(scene);
    const s = ui(this.lang);
    const lang = this.lang;
    const response = this.outcome?.response;
    const answered = response !== undefined;
    const multiple = scene.question === 'multiple';
    const right = answered ? correctResponse(scene) : [];
    const choices: Choice[] =
      scene.question === 'true-false'
        ? [
            { id: 'true', text: s.trueLabel },
            { id: 'false', text: s.falseLabel },
          ]
        : (scene.options ?? []);
    return html`${this.heading(scene)}
      ${scene.medium ? html`<ak-medium part="medium" .medium=${scene.medium} lang=${lang}></ak-medium>` : nothing}
      <fieldset part="options" ?disabled=${answered} aria-describedby=${this.missing ? 'missing' : nothing}>
        <legend>
          <span lang=${fallbackLang(scene.prompt, lang)}>${inline(scene.prompt, lang)}</span>
          ${multiple ? html`<span class="hint">${s.chooseAll}</span>` : nothing}
        </legend>
        <div class="choices">
          ${choices.map((c) => {
            const mine = response?.includes(c.id) ?? false;
            return html`<label class="choice" part="option">
              <input
                type=${multiple ? 'checkbox' : 'radio'}
                name="answer"
                value=${c.id}
                ?checked=${mine}
                @change=${this.onChange}
              />
              <span class="choice-text">
                ${typeof c.text === 'string'
                  ? c.text
                  : html`<span lang=${fallbackLang(c.text, lang)}>${inline(c.text, lang)}</span>`}
                ${answered && (mine || right.includes(c.id))
                  ? html`<br /><span class="tags">
                        ${mine ? html`<span class="tag">${s.yourAnswer}</span>` : nothing}
                        ${right.includes(c.id)
                          ? html`<span class="tag right">${s.correctAnswer}</span>`
                          : html`<span class="tag wrong">${s.notCorrect}</span>`}
                      </span>`
                  : nothing}
              </span>
            </label>`;
          })}
        </div>
      </fieldset>
      ${answered ? this.feedback(scene) : this.confirm(s.pickOne)}`;
  }

  private renderSpot(scene: QuizScene) {
    const s = ui(this.lang);
    const lang = this.lang;
    const response = this.outcome?.response;
    const answered = response !== undefined;
    const options = scene.options ?? [];
    const signs = options.filter((o) => o.correct).map((o) => o.id);
    const marks = { options, marked: response ?? this.marked, revealed: answered };
    const described = ['spot-hint', ...(this.missing ? ['missing'] : [])].join(' ');
    return html`${this.heading(scene)}
      <div class="spot" role="group" aria-labelledby="spot-prompt" aria-describedby=${described}>
        <p id="spot-prompt" class="prompt" lang=${fallbackLang(scene.prompt, lang)}>${inline(scene.prompt, lang)}</p>
        <p id="spot-hint" class="hint">${s.spotHint}</p>
        <ak-medium part="medium" .medium=${scene.medium} .marks=${marks} lang=${lang} @ak-mark=${this.toggleMark}></ak-medium>
        ${answered ? nothing : html`<p class="count" aria-live="polite">${s.spotMarked(this.marked.length)}</p>`}
      </div>
      ${answered
        ? this.feedback(scene, html`<p class="tally">${s.spotTally(signs.filter((id) => response.includes(id)).length, signs.length, response.filter((id) => !signs.includes(id)).length)}</p>`)
        : this.confirm(s.pickSign)}`;
  }

  /** Right or not, then the explanation (after `before`, e.g. the spot tally). */
  private feedback(scene: QuizScene, before: unknown = nothing) {
    const s = ui(this.lang);
    return html`<div class="feedback ${this.outcome!.correct ? 'good' : ''}" part="feedback">
      <h3 id="feedback-heading" tabindex="-1">${this.outcome!.correct ? s.correct : s.incorrect}</h3>
      ${before}
      <div class="body" lang=${fallbackLang(scene.explanation, this.lang)}>${rich(scene.explanation, this.lang)}</div>
    </div>`;
  }

  /** "Svar", and what is missing when it was pressed too early. */
  private confirm(missingMessage: string) {
    return html`<div class="actions">
      <button part="confirm" @click=${this.check}>${ui(this.lang).checkAnswer}</button>
      ${this.missing ? html`<p id="missing" class="error" role="alert">${missingMessage}</p>` : nothing}
    </div>`;
  }

  private toggleMark(event: CustomEvent<{ id: string }>) {
    const id = event.detail.id;
    this.marked = this.marked.includes(id) ? this.marked.filter((m) => m !== id) : [...this.marked, id];
    this.missing = false;
  }

  private onChange() {
    this.missing = false;
  }

  private check() {
    const checked =
      this.scene?.question === 'spot'
        ? [...this.marked]
        : [...this.renderRoot.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    if (checked.length === 0) {
      this.missing = true;
      return;
    }
    this.emit('ak-respond', { response: checked }, false);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-quiz': AkQuiz;
  }
}
