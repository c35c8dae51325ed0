/**
 * @summary The summary scene: the overall score in %, passed or not against the passing score;
 * the learner's profile as a bar chart of each competence area against the role's target, with
 * the table that carries the same figures (title, %, earned/possible points, target, reached);
 * advice for each area below target; the author's closing text; the finish button.
 *
 * @event ak-restart - The learner asked to start the module over (only when `restartable`). No detail.
 * @event ak-finish - The learner pressed "Afslut modulet" / "Finish". No detail. Bubbles and is
 *   composed, so it leaves the player.
 *
 * @csspart heading - The scene heading (h2, takes focus on a scene change).
 * @csspart score - The overall score and pass status.
 * @csspart chart - The bar chart (an image for assistive technology; the table is its equivalent).
 * @csspart table - The per-area result table.
 * @csspart advice - Advice for the areas below their target, with where to read more.
 * @csspart finish - The finish button.
 * @csspart finished - The closing message that replaces it once pressed.
 * @csspart restart - "Start forfra" (only when `restartable`).
 */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Results } from '../../engine/scoring.js';
import type { AreaInfo, SummaryScene } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { SceneElement } from '../shared/scene-element.js';
import { base } from '../shared/styles.js';
import { fallbackLang, inline, rich } from '../shared/text.js';
import { styles } from './summary.styles.js';

const pct = (x: number) => Math.round(x * 100);
/** "67 %" in Danish (with a no-break space), "67%" in English. */
const percent = (x: number, lang: string) => (lang === 'da' ? `${pct(x)}\u00a0%` : `${pct(x)}%`);

export class AkSummary extends SceneElement<SummaryScene> {
  static override styles = [base, styles];

  /** The learner's results (engine.results). */
  @property({ attribute: false }) results?: Results;

  /** The module's competence areas, for their titles. */
  @property({ attribute: false }) areas: AreaInfo[] = [];

  /** Offer "start over" (the standalone web page, where no LMS starts a new attempt). */
  @property({ type: Boolean }) restartable = false;

  /** Set once the learner pressed finish: the button gives way to a closing message. */
  @property({ type: Boolean }) finished = false;

  /** Scaled score needed to pass, 0..1, for the "required" text (pass/fail itself is results.passed). */
  @property({ type: Number, attribute: 'passing-score' }) passingScore = 0.8;

  override render() {
    const scene = this.scene;
    const results = this.results;
    if (!scene || !results) return nothing;
    const s = ui(this.lang);
    const lang = this.lang;
    const passed = results.passed;
    const required = pct(this.passingScore);
    const met = results.areas.filter((r) => r.passed !== null);
    return html`${this.heading(scene)}
      <div class="score ${passed ? 'passed' : 'failed'}" part="score">
        <p class="total">${s.score}: <strong>${percent(results.scaled, lang)}</strong></p>
        <p class="status">${passed ? s.passed(required) : s.notPassed(required)}</p>
      </div>
      ${met.length ? this.chart(results) : nothing}
      <table part="table">
        <caption>${s.areaTable}</caption>
        <thead>
          <tr>
            <th scope="col">${s.area}</th>
            <th scope="col" class="num">${s.result}</th>
            <th scope="col" class="num">${s.target}</th>
          </tr>
        </thead>
        <tbody>
          ${results.areas.map((r) => {
            const area = this.areas.find((a) => a.id === r.id);
            return html`<tr>
              <th scope="row" lang=${fallbackLang(area?.title, lang)}>${area ? inline(area.title, lang) : r.id}</th>
              <td class="num">
                ${r.scaled === null ? s.notMet : percent(r.scaled, lang)}
                ${r.possible > 0 ? html`<br /><span class="detail">${s.pointsOf(r.earned, r.possible)}</span>` : nothing}
              </td>
              <td class="num">
                ${percent(r.target, lang)}
                ${r.passed === null ? nothing : html`<br /><span class="detail">${r.passed ? s.reached : s.notReached}</span>`}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${met.length && met.every((r) => r.passed) ? html`<p class="all-reached">${s.allReached}</p>` : this.adviceFor(results)}
      ${scene.body
        ? html`<div class="body intro" lang=${fallbackLang(scene.body, lang)}>${rich(scene.body, lang)}</div>`
        : nothing}
      <div class="actions" role="status">
        ${this.finished
          ? html`<p class="finished" part="finished" tabindex="-1">${s.finished}</p>`
          : html`<button part="finish" @click=${this.finish}>${s.finish}</button>`}
        ${this.restartable
          ? html`<button class="secondary" part="restart" @click=${() => this.emit('ak-restart', null)}>${s.restart}</button>`
          : nothing}
      </div>`;
  }

  /**
   * The profile as a chart: one bar per area met, a mark at the role's target. For assistive
   * technology it is one image with a name that points to the table, which has every figure.
   */
  private chart(results: Results) {
    const lang = this.lang;
    const s = ui(lang);
    return html`<figure class="chart" part="chart">
      <figcaption id="chart-title">${s.chartTitle}</figcaption>
      <div class="bars" role="img" aria-label=${s.chartLabel}>
        ${results.areas
          .filter((r) => r.scaled !== null)
          .map((r) => {
            const area = this.areas.find((a) => a.id === r.id);
            return html`<div class="row" aria-hidden="true">
              <span class="label" lang=${fallbackLang(area?.title, lang)}>${area ? inline(area.title, lang) : r.id}</span>
              <span class="track">
                <span class="fill ${r.passed ? 'reached' : ''}" style=${styleMap({ width: `${pct(r.scaled!)}%` })}></span>
                <span class="mark" style=${styleMap({ left: `${pct(r.target)}%` })}></span>
              </span>
              <span class="value">${percent(r.scaled!, lang)}</span>
            </div>`;
          })}
      </div>
      <p class="legend" aria-hidden="true"><span class="key-bar"></span><span class="key-mark"></span>${s.chartLegend}</p>
    </figure>`;
  }

  /** Concrete advice for every area below its target, with where to read more. */
  private adviceFor(results: Results) {
    const weak = results.areas.filter((r) => r.passed === false).map((r) => this.areas.find((a) => a.id === r.id));
    const lang = this.lang;
    const s = ui(lang);
    if (!weak.some((a) => a?.advice)) return nothing;
    return html`<section class="advice" part="advice" aria-labelledby="advice-heading">
      <h3 id="advice-heading">${s.adviceHeading}</h3>
      ${weak.map((area) =>
        area?.advice
          ? html`<h4 lang=${fallbackLang(area.title, lang)}>${inline(area.title, lang)}</h4>
              <div class="body" lang=${fallbackLang(area.advice, lang)}>${rich(area.advice, lang)}</div>
              ${area.readMore
                ? html`<p class="read-more"><strong>${s.readMore}:</strong></p>
                    <div class="body" lang=${fallbackLang(area.readMore, lang)}>${rich(area.readMore, lang)}</div>`
                : nothing}`
          : nothing,
      )}
    </section>`;
  }

  private async finish() {
    this.finished = true;
    this.emit('ak-finish', null);
    // The button is gone: focus goes to the message that replaced it, not to the page.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.finished')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-summary': AkSummary;
  }
}
