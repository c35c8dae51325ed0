/**
 * @summary The module player: a header (module title, progress, language switch), a polite
 * status notice, the current scene, and footer navigation (Back / Next). It drives the
 * ModuleEngine itself (answer, next, back) and tells the app what happened through events;
 * the app saves progress and reports to the LMS.
 *
 * Focus: after Next/Back focus moves to the new scene's heading; after an answer to the
 * feedback heading. Next stays focusable but `aria-disabled` (with a visible reason) until a
 * decision or quiz is answered, and is hidden on the summary.
 *
 * @event ak-answer - Right after an answer. detail: `{ outcome: AnswerOutcome, scene: Scene }`.
 * @event ak-scene-change - After every navigation (next/back). detail: `{ scene: Scene }`.
 * @event ak-language - The learner switched language. detail: `{ lang: 'da' | 'en' }`.
 * @event ak-finish - The learner pressed the finish button on the summary (from ak-summary).
 *   All events bubble and are composed.
 *
 * @csspart base - The root wrapper (carries `lang`).
 * @csspart header - The header.
 * @csspart brand - A branded module's organisation: logo and name (module.org).
 * @csspart title - The module title (h1).
 * @csspart progress - The progress bar.
 * @csspart language - The language switch group.
 * @csspart notice - The status notice (polite live region).
 * @csspart main - The main area with the scene.
 * @csspart nav - The footer navigation.
 * @csspart back - The Back button.
 * @csspart next - The Next button.
 *
 * @cssproperty --ak-color-primary - Brand colour of buttons, bars and selected options.
 * @cssproperty --ak-color-primary-text - Text on the brand colour.
 * @cssproperty --ak-color-primary-hover - Buttons on hover.
 * @cssproperty --ak-color-focus - The focus ring (≥ 3:1 against the background).
 * @cssproperty --ak-color-text, --ak-color-muted, --ak-color-bg, --ak-color-surface,
 *   --ak-color-border, --ak-color-border-subtle, --ak-color-success(-bg),
 *   --ak-color-danger(-bg), --ak-color-warning-bg, --ak-color-warning-text, --ak-font, --ak-radius
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AnswerOutcome, ModuleEngine } from '../../engine/module-engine.js';
import { isScored, languages, type Lang, type Scene } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { base, brand, languageSwitch } from '../shared/styles.js';
import { fallbackLang, inline } from '../shared/text.js';
import { styles } from './player.styles.js';

/** What the player needs from a scene element. */
interface SceneHost extends HTMLElement {
  updateComplete: Promise<boolean>;
  focusHeading(): Promise<void>;
  focusFeedback?(): Promise<void>;
}

export interface AnswerDetail {
  outcome: AnswerOutcome;
  scene: Scene;
}
export interface SceneChangeDetail {
  scene: Scene;
}
export interface LanguageDetail {
  lang: Lang;
}

export class AkPlayer extends LitElement {
  static override styles = [brand, base, languageSwitch, styles];

  /** The engine to drive; the player calls answer(), next() and back() on it. */
  @property({ attribute: false }) engine?: ModuleEngine;

  /** Display language, 'da' (default) or 'en'; the language switch changes it. */
  @property({ reflect: true }) override lang: Lang = 'da';

  /** A status message shown at the top in a polite live region, e.g. "Din fremdrift gemmes ikke". */
  @property() notice: string | null = null;

  /** Lets the learner start over from the summary (set by the app for the standalone web page). */
  @property({ type: Boolean }) restartable = false;

  /** Keeps reflections of different learners on one computer apart (a hash of the LMS learner id). */
  @property({ attribute: false }) learnerKey: string | null = null;

  /** Bumped after every engine change, since the engine itself is not reactive. */
  @state() private revision = 0;

  private get sceneElement(): SceneHost | null {
    return this.renderRoot.querySelector<SceneHost>('main > *');
  }

  /** A branded module's colours (checked for contrast at build time) override the defaults on this element. */
  override willUpdate(): void {
    for (const [name, value] of Object.entries(this.engine?.module.org?.colours ?? {})) this.style.setProperty(name, value);
  }

  override render() {
    const engine = this.engine;
    if (!engine) return nothing;
    const s = ui(this.lang);
    const lang = this.lang;
    const scene = engine.scene;
    const title = engine.module.title;
    const pct = Math.round(engine.progress * 100);
    const waiting = isScored(scene) && !engine.answerOf(scene.id);
    const showNext = scene.type !== 'summary' && (waiting || engine.canGoNext);
    const org = engine.module.org;
    return html`<div class="root" part="base" lang=${lang}>
      <header part="header">
        <div class="notice" part="notice" role="status" aria-live="polite">
          ${this.notice ? html`<p>${this.notice}</p>` : nothing}
        </div>
        ${org
          ? html`<div class="brand" part="brand">
              ${org.logo ? html`<img src=${org.logo} alt="" />` : nothing}
              <span lang=${fallbackLang(org.name, lang)}>${inline(org.name, lang)}</span>
            </div>`
          : nothing}
        <div class="bar">
          <h1 part="title" lang=${fallbackLang(title, lang)}>${inline(title, lang)}</h1>
          <div class="language" part="language" role="group" aria-label=${s.language}>
            ${languages.map(
              (l) => html`<button
                class="secondary"
                lang=${l}
                aria-pressed=${l === lang ? 'true' : 'false'}
                @click=${() => this.setLang(l)}
              >
                ${s.langName[l]}
              </button>`,
            )}
          </div>
        </div>
        <div class="progress">
          <span class="step">${s.step(engine.step)}</span>
          <progress part="progress" max="100" .value=${pct} aria-label=${s.progress}>${s.percentDone(pct)}</progress>
        </div>
      </header>
      <main part="main" @ak-respond=${this.onRespond}>${keyed(scene.id, this.renderScene(scene))}</main>
      <nav part="nav" aria-label=${s.nav}>
        ${engine.canGoBack
          ? html`<button class="secondary back" part="back" @click=${() => this.go('back')}>${s.back}</button>`
          : nothing}
        ${showNext
          ? html`<button
              class="next"
              part="next"
              aria-disabled=${waiting ? 'true' : 'false'}
              aria-describedby=${waiting ? 'next-hint' : nothing}
              @click=${() => this.go('next')}
            >
              ${s.next}
            </button>`
          : nothing}
        ${waiting && showNext ? html`<p id="next-hint" class="hint">${s.answerFirst}</p>` : nothing}
      </nav>
    </div>`;
  }

  private renderScene(scene: Scene) {
    const engine = this.engine!;
    const lang = this.lang;
    switch (scene.type) {
      case 'story':
        return html`<ak-story .scene=${scene} .lang=${lang}></ak-story>`;
      case 'decision':
        return html`<ak-decision .scene=${engine.presented(scene)} .outcome=${engine.outcomeOf(scene.id)} .lang=${lang}></ak-decision>`;
      case 'quiz':
        return html`<ak-quiz .scene=${engine.presented(scene)} .outcome=${engine.outcomeOf(scene.id)} .lang=${lang}></ak-quiz>`;
      case 'reflection':
        return html`<ak-reflection
          .scene=${scene}
          .moduleId=${engine.module.id}
          .learnerKey=${this.learnerKey}
          .lang=${lang}
        ></ak-reflection>`;
      case 'summary':
        return html`<ak-summary
          .scene=${scene}
          .results=${engine.results}
          .areas=${engine.module.areas}
          .passingScore=${engine.module.passingScore}
          .restartable=${this.restartable}
          .lang=${lang}
        ></ak-summary>`;
    }
  }

  private setLang(lang: Lang) {
    if (lang === this.lang) return;
    this.lang = lang;
    this.emit<LanguageDetail>('ak-language', { lang });
  }

  /** Shows a new engine (e.g. the learner starts over): focus and ak-scene-change as for Next. */
  async show(engine: ModuleEngine): Promise<void> {
    this.engine = engine;
    this.revision++;
    await this.updateComplete;
    await this.sceneElement?.focusHeading();
    this.emit<SceneChangeDetail>('ak-scene-change', { scene: engine.scene });
  }

  private async go(direction: 'next' | 'back') {
    const engine = this.engine;
    if (!engine) return;
    if (direction === 'next') {
      if (!engine.canGoNext) return;
      engine.next();
    } else {
      if (!engine.canGoBack) return;
      engine.back();
    }
    this.revision++;
    await this.updateComplete;
    await this.sceneElement?.focusHeading();
    this.emit<SceneChangeDetail>('ak-scene-change', { scene: engine.scene });
  }

  private async onRespond(e: CustomEvent<{ response: string[] }>) {
    e.stopPropagation();
    const engine = this.engine;
    if (!engine) return;
    const scene = engine.scene;
    if (!isScored(scene) || engine.answerOf(scene.id)) return;
    const outcome = engine.answer(e.detail.response);
    this.revision++;
    this.emit<AnswerDetail>('ak-answer', { outcome, scene });
    await this.updateComplete;
    await this.sceneElement?.focusFeedback?.();
  }

  private emit<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-player': AkPlayer;
  }
  interface HTMLElementEventMap {
    'ak-answer': CustomEvent<AnswerDetail>;
    'ak-scene-change': CustomEvent<SceneChangeDetail>;
    'ak-language': CustomEvent<LanguageDetail>;
    'ak-finish': CustomEvent<null>;
  }
}
