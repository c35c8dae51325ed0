/**
 * @summary A module's dialogue tool: a facilitated, unscored session for a team meeting on a
 * shared screen. A start page (how to run the session, the list of cards), then one dilemma
 * card at a time: the situation in large type, questions to discuss, and notes for the
 * facilitator behind a disclosure button (hidden at first: the screen is shared). Printing
 * gives a cover with the guide, every card on a page of its own (to hand out), and then the
 * facilitator's notes, a page per card, so the cards can go round without them.
 *
 * Keys: ←/→ and PageUp/PageDown (what presenter remotes send) change cards anywhere on the
 * page (PageUp/PageDown scroll a long page first); Home goes to the start page, End to the
 * last card, Escape folds the notes away. Focus then goes to the card's heading, so screen
 * readers announce it. Nothing is tracked or sent.
 *
 * @event ak-language - The language switch was used. detail: `{ lang: 'da' | 'en' }`. Bubbles, composed.
 *
 * @csspart base - The root wrapper (carries `lang`).
 * @csspart header - The bar with the module title, language switch and print button.
 * @csspart card - The card shown on screen.
 * @csspart situation - The situation text of the card shown.
 * @csspart notes - The facilitator's notes of the card shown.
 * @csspart pager - The previous / all cards / next buttons.
 * @csspart print - What is printed: the cover and every card.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { languages, type CompiledDialogue, type Lang } from '../../model/compiled.js';
import type { DialogueCard } from '../../model/schema.js';
import { base, brand, languageSwitch } from '../shared/styles.js';
import { fallbackLang, inline, rich } from '../shared/text.js';
import { dialogueStrings, type DialogueStrings } from './dialogue.strings.js';
import { styles } from './dialogue.styles.js';

export class AkDialogue extends LitElement {
  static override styles = [brand, base, languageSwitch, styles];

  /** The dialogue tool to show (dialogue.yaml as the build compiles it). */
  @property({ attribute: false }) dialogue?: CompiledDialogue;

  /** Display language; texts without English fall back to Danish. */
  @property({ reflect: true }) override lang: Lang = 'da';

  /** -1 is the start page; otherwise the index of the card shown. */
  @state() private index = -1;

  /** Whether the facilitator's notes of the card shown are unfolded. */
  @state() private notesOpen = false;

  private readonly onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (event.key === 'Escape' && this.notesOpen) return void (this.notesOpen = false);
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      return void this.show(event.key === 'Home' ? -1 : (this.dialogue?.cards.length ?? 0) - 1);
    }
    const forward = event.key === 'ArrowRight' || event.key === 'PageDown';
    const backward = event.key === 'ArrowLeft' || event.key === 'PageUp';
    if (!forward && !backward) return;
    // PageUp/PageDown scroll a long page (a small screen, zoom) first, and change cards at its ends.
    const page = document.scrollingElement ?? document.documentElement;
    if (event.key === 'PageDown' && page.scrollTop + window.innerHeight < page.scrollHeight - 2) return;
    if (event.key === 'PageUp' && page.scrollTop > 2) return;
    event.preventDefault();
    void this.show(this.index + (forward ? 1 : -1));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  /** Shows card `index` (-1: the start page) and moves focus to its heading. */
  async show(index: number): Promise<void> {
    const cards = this.dialogue?.cards ?? [];
    const next = Math.max(-1, Math.min(cards.length - 1, index));
    if (next === this.index) return;
    this.index = next;
    this.notesOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('main h1')?.focus();
  }

  override render() {
    const d = this.dialogue;
    if (!d) return nothing;
    const s = dialogueStrings[this.lang];
    const card = d.cards[this.index];
    return html`<div class="root" part="base" lang=${this.lang}>
      <header class="screen" part="header">
        <p class="module" lang=${fallbackLang(d.moduleTitle, this.lang)}>${inline(d.moduleTitle, this.lang)}</p>
        <div class="tools">
          <div class="language" role="group" aria-label=${s.language}>
            ${languages.map(
              (l) => html`<button class="secondary" lang=${l} aria-pressed=${l === this.lang ? 'true' : 'false'} @click=${() => this.setLang(l)}>
                ${s.langName[l]}
              </button>`,
            )}
          </div>
          <button class="secondary" @click=${() => window.print()}>${s.print}</button>
        </div>
      </header>
      <main class="screen">${card ? this.renderCard(card, s) : this.renderStart(d, s)}</main>
      <div class="print" part="print">${this.renderPrint(d, s)}</div>
    </div>`;
  }

  private renderStart(d: CompiledDialogue, s: DialogueStrings) {
    const lang = this.lang;
    return html`<h1 tabindex="-1" lang=${fallbackLang(d.title, lang)}>${inline(d.title, lang)}</h1>
      <p class="meta">${s.duration(d.minutes)} ${s.cardsCount(d.cards.length)} ${s.unscored}</p>
      <div class="intro body" lang=${fallbackLang(d.intro, lang)}>${rich(d.intro, lang)}</div>
      <h2>${s.cardsHeading}</h2>
      <ol class="card-list">
        ${d.cards.map(
          (c, i) => html`<li>
            <button class="link" @click=${() => this.show(i)}>
              <span lang=${fallbackLang(c.title, lang)}>${inline(c.title, lang)}</span>
            </button>
            <span class="codes">${this.codes(c)}</span>
          </li>`,
        )}
      </ol>
      ${this.legend(s)}
      <p><button @click=${() => this.show(0)}>${s.start}</button></p>
      <p class="hint">${s.keysHint}</p>`;
  }

  private renderCard(card: DialogueCard, s: DialogueStrings) {
    const lang = this.lang;
    const cards = this.dialogue!.cards;
    const i = this.index;
    return html`<article class="card" part="card" aria-labelledby="card-title">
        <p class="count">${s.cardOf(i + 1, cards.length)}</p>
        <h1 id="card-title" tabindex="-1" lang=${fallbackLang(card.title, lang)}>${inline(card.title, lang)}</h1>
        ${this.situationAndQuestions(card, html`<h2>${s.discuss}</h2>`)}
        <p class="areas"><span class="label">${s.areas}:</span> ${this.areaNames(card)}</p>
        ${card.facilitator
          ? html`<div class="notes-toggle">
                <button class="secondary" aria-expanded=${this.notesOpen ? 'true' : 'false'} aria-controls="notes" @click=${() => (this.notesOpen = !this.notesOpen)}>
                  ${this.notesOpen ? s.hideNotes : s.showNotes}
                </button>
              </div>
              <section id="notes" class="notes body" part="notes" aria-label=${s.notesHeading} ?hidden=${!this.notesOpen} lang=${fallbackLang(card.facilitator, lang)}>
                ${rich(card.facilitator, lang)}
              </section>`
          : nothing}
      </article>
      <nav class="pager" part="pager" aria-label=${s.pager}>
        <button class="secondary" @click=${() => this.show(i - 1)}>${i === 0 ? s.overview : s.previous}</button>
        ${i > 0 ? html`<button class="secondary" @click=${() => this.show(-1)}>${s.overview}</button>` : nothing}
        ${i < cards.length - 1 ? html`<button class="next" @click=${() => this.show(i + 1)}>${s.next}</button>` : nothing}
      </nav>`;
  }

  /** Paper: a cover with the guide, the cards to hand out (a page each), then the facilitator's notes (a page per card). */
  private renderPrint(d: CompiledDialogue, s: DialogueStrings) {
    const lang = this.lang;
    const footer = html`<p class="footer"><span lang=${fallbackLang(d.moduleTitle, lang)}>${inline(d.moduleTitle, lang)}</span> · ${s.licence(d.license)} · Awareness-kit</p>`;
    const count = (i: number, card: DialogueCard) => html`<p class="count">${s.card} ${i + 1}/${d.cards.length} · ${this.codes(card)}</p>`;
    const title = (card: DialogueCard) => html`<h2 lang=${fallbackLang(card.title, lang)}>${inline(card.title, lang)}</h2>`;
    return html`<section class="cover">
        <h1 lang=${fallbackLang(d.title, lang)}>${inline(d.title, lang)}</h1>
        <p class="meta">${s.duration(d.minutes)} ${s.cardsCount(d.cards.length)} ${s.unscored}</p>
        <div class="body" lang=${fallbackLang(d.intro, lang)}>${rich(d.intro, lang)}</div>
        ${this.legend(s)} ${footer}
      </section>
      ${d.cards.map(
        (card, i) => html`<section class="printed-card">
          ${count(i, card)} ${title(card)} ${this.situationAndQuestions(card, html`<h3>${s.discuss}</h3>`)} ${footer}
        </section>`,
      )}
      ${d.cards.map((card, i) =>
        card.facilitator
          ? html`<section class="printed-notes">
              <p class="count">${s.notesHeading} · ${s.card} ${i + 1}/${d.cards.length}</p>
              ${title(card)}
              <div class="notes body" lang=${fallbackLang(card.facilitator, lang)}>${rich(card.facilitator, lang)}</div>
              ${footer}
            </section>`
          : nothing,
      )}`;
  }

  /** What the codes on the cards (K1, K7 …) stand for. */
  private legend(s: DialogueStrings) {
    return html`<p class="legend"><span class="label">${s.areas}:</span> ${this.dialogue!.areas.map(
      (a, i) => html`${i > 0 ? ', ' : ''}${a.code} <span lang=${fallbackLang(a.title, this.lang)}>${inline(a.title, this.lang)}</span>`,
    )}</p>`;
  }

  /** The card's situation and its questions, under `heading` ("Drøft"): the same on screen and paper. */
  private situationAndQuestions(card: DialogueCard, heading: TemplateResult) {
    const lang = this.lang;
    return html`<div class="situation body" part="situation" lang=${fallbackLang(card.situation, lang)}>${rich(card.situation, lang)}</div>
      ${heading}
      <ol class="questions">
        ${card.questions.map((q) => html`<li lang=${fallbackLang(q, lang)}>${inline(q, lang)}</li>`)}
      </ol>`;
  }

  private codes(card: DialogueCard): string {
    return card.areas.map((id) => this.dialogue!.areas.find((a) => a.id === id)?.code ?? id).join(' · ');
  }

  private areaNames(card: DialogueCard) {
    return card.areas.map((id, i) => {
      const area = this.dialogue!.areas.find((a) => a.id === id);
      return html`${i > 0 ? ', ' : ''}${area ? html`${area.code} <span lang=${fallbackLang(area.title, this.lang)}>${inline(area.title, this.lang)}</span>` : id}`;
    });
  }

  private setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.dispatchEvent(new CustomEvent('ak-language', { detail: { lang }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-dialogue': AkDialogue;
  }
}
