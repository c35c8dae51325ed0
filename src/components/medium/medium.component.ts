/**
 * @summary A mock of the medium a situation arrives through: an e-mail, a phone call (incoming or
 * outgoing), a chat, a text message, a conversation at the counter, or a case-system screen. Presentational, except in a "spot the
 * signs" question: given `marks`, the pieces placed with `[[option-id]]` become toggle buttons,
 * and once revealed they say what each one was.
 *
 * @event ak-mark - The learner pressed a piece (spot the signs). detail: `{ id: string }`. Bubbles.
 *
 * @csspart base - The figure around the mock.
 * @csspart caption - The caption naming the medium (and caller or system).
 * @csspart headers - E-mail: the from/to/subject list.
 * @csspart body - E-mail: the message body.
 * @csspart attachment - E-mail: the attachment line.
 * @csspart lines - Phone/chat/counter: the list of conversation lines.
 * @csspart line - One conversation line.
 * @csspart fields - Screen: the field/value list.
 * @csspart note - Screen: the note.
 * @csspart sign - Spot the signs: a piece the learner can mark (a button; after answering, its verdict).
 */
import { LitElement, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Lang, LangText, Medium } from '../../model/compiled.js';
import { ui } from '../../i18n/strings.js';
import { base } from '../shared/styles.js';
import { fallbackLang, htmlOf, inline, rich, unwrapParagraph } from '../shared/text.js';
import { styles } from './medium.styles.js';
import { SPOT_MARKER } from '../../model/spot.js';

/** Spot the signs: the pieces placed in the medium with `[[id]]`, and what the learner marked. */
export interface SpotMarks {
  options: ReadonlyArray<{ id: string; text: LangText; correct: boolean }>;
  /** Ids of the pieces the learner has marked. */
  marked: readonly string[];
  /** After answering: each piece shows what it was, and none can be marked any more. */
  revealed: boolean;
}


type Conversation = Extract<Medium, { kind: 'phone' | 'chat' | 'sms' | 'counter' }>;

const phoneIcon = svg`<path d="M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z"/>`;
const clipIcon = svg`<path d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z"/>`;
const icon = (path: unknown) =>
  html`<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${path}</svg>`;

export class AkMedium extends LitElement {
  static override styles = [base, styles];

  /** The medium to show. */
  @property({ attribute: false }) medium?: Medium;

  /** Display language. */
  @property({ reflect: true }) override lang: Lang = 'da';

  /** Spot the signs: makes the placed pieces markable. Without it, markers are not expected. */
  @property({ attribute: false }) marks?: SpotMarks;

  /**
   * The pieces are inside content HTML, so they are written as HTML that changes only with the
   * language or the reveal; which are pressed is set on the buttons here, which keeps focus
   * on the button the learner just pressed.
   */
  override updated(): void {
    if (!this.marks || this.marks.revealed) return;
    for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-sign]')) {
      button.setAttribute('aria-pressed', String(this.marks.marked.includes(button.dataset.sign!)));
    }
  }

  override render() {
    const m = this.medium;
    if (!m) return nothing;
    if (m.kind === 'email') return this.email(m);
    if (m.kind === 'screen') return this.screen(m);
    return this.conversation(m);
  }

  private t(text: LangText | undefined) {
    return this.marks ? unsafeHTML(this.spotted(unwrapParagraph(htmlOf(text, this.lang)))) : inline(text, this.lang);
  }

  private block(text: LangText | undefined) {
    return this.marks ? unsafeHTML(this.spotted(htmlOf(text, this.lang))) : rich(text, this.lang);
  }

  /** A plain-text field (sender, recipient, file name). */
  private plain(text: string) {
    return this.marks ? unsafeHTML(this.spotted(escapeHtml(text))) : text;
  }

  /** Content HTML with each `[[id]]` replaced by its piece: a toggle button, or after answering its verdict. */
  private spotted(contentHtml: string): string {
    const marks = this.marks!;
    const s = ui(this.lang);
    return contentHtml.replace(SPOT_MARKER, (marker, id: string) => {
      const option = marks.options.find((o) => o.id === id);
      if (!option) return marker;
      const lang = fallbackLang(option.text, this.lang) === 'da' ? ' lang="da"' : '';
      // Pieces are rendered as medium text, so they hold no link (a button may not contain one).
      const text = unwrapParagraph(htmlOf(option.text, this.lang));
      if (!marks.revealed) return `<button type="button" class="sign" part="sign" data-sign="${id}" aria-pressed="false"${lang}>${text}</button>`;
      const mine = marks.marked.includes(id);
      const verdict = option.correct ? (mine ? ['found', s.spotFound] : ['missed', s.spotMissed]) : mine ? ['wrong', s.spotWrong] : null;
      if (!verdict) return `<span class="sign plain" part="sign"${lang}>${text}</span>`;
      return `<mark class="sign ${verdict[0]}" part="sign"><span${lang}>${text}</span> <span class="tag">${verdict[1]}</span></mark>`;
    });
  }

  private onSignClick(event: Event): void {
    const button = (event.target as Element).closest?.('button[data-sign]') as HTMLButtonElement | null;
    if (!button || !this.marks || this.marks.revealed) return;
    this.dispatchEvent(new CustomEvent('ak-mark', { detail: { id: button.dataset.sign! }, bubbles: true }));
  }

  private email(m: Extract<Medium, { kind: 'email' }>) {
    const s = ui(this.lang);
    return html`<figure class="email" part="base" @click=${this.onSignClick}>
      <figcaption class="caption" part="caption">${s.email}</figcaption>
      <dl class="headers" part="headers">
        <div><dt>${s.from}</dt><dd>${this.plain(m.from)}</dd></div>
        <div><dt>${s.to}</dt><dd>${this.plain(m.to)}</dd></div>
        <div><dt>${s.subject}</dt><dd class="subject" lang=${fallbackLang(m.subject, this.lang)}>${this.t(m.subject)}</dd></div>
      </dl>
      <div class="body" part="body" lang=${fallbackLang(m.body, this.lang)}>${this.block(m.body)}</div>
      ${m.attachment
        ? html`<p class="attachment" part="attachment">${icon(clipIcon)}<span>${s.attachment}:</span> <span class="file">${this.plain(m.attachment)}</span></p>`
        : nothing}
    </figure>`;
  }

  private conversation(m: Conversation) {
    const s = ui(this.lang);
    const kind = { phone: s.phoneCall, chat: s.chat, sms: s.sms, counter: s.counter }[m.kind];
    const phoneCaption = m.outgoing ? s.outgoingCall : s.incomingCall;
    const speakers: string[] = [];
    const side = (who: LangText) => {
      if (!speakers.includes(who.da)) speakers.push(who.da);
      return speakers.indexOf(who.da) % 2 === 0 ? 'a' : 'b';
    };
    return html`<figure class="conversation ${m.kind}" part="base">
      <figcaption class="caption" part="caption">
        ${m.kind === 'phone' ? icon(phoneIcon) : nothing}
        <span>${m.kind === 'phone' && m.caller ? phoneCaption : kind}</span>
        ${m.caller ? html`<strong class="caller" lang=${fallbackLang(m.caller, this.lang)}>${this.t(m.caller)}</strong>` : nothing}
      </figcaption>
      <ol class="lines" part="lines">
        ${m.lines.map(
          (line) => html`<li class="line ${side(line.who)}" part="line">
            <span class="who" lang=${fallbackLang(line.who, this.lang)}>${this.t(line.who)}<span class="sr-only">:</span></span>
            <div class="text" lang=${fallbackLang(line.text, this.lang)}>${rich(line.text, this.lang)}</div>
          </li>`,
        )}
      </ol>
    </figure>`;
  }

  private screen(m: Extract<Medium, { kind: 'screen' }>) {
    const s = ui(this.lang);
    return html`<figure class="screen" part="base" @click=${this.onSignClick}>
      <figcaption class="caption titlebar" part="caption">
        <span>${s.caseSystem}:</span> <strong lang=${fallbackLang(m.system, this.lang)}>${this.t(m.system)}</strong>
      </figcaption>
      <dl class="fields" part="fields">
        ${m.fields.map(
          (f) => html`<div>
            <dt lang=${fallbackLang(f.label, this.lang)}>${this.t(f.label)}</dt>
            <dd lang=${fallbackLang(f.value, this.lang)}>${this.t(f.value)}</dd>
          </div>`,
        )}
      </dl>
      ${m.note
        ? html`<div class="note" part="note">
            <strong>${s.note}:</strong>
            <div lang=${fallbackLang(m.note, this.lang)}>${this.block(m.note)}</div>
          </div>`
        : nothing}
    </figure>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

declare global {
  interface HTMLElementTagNameMap {
    'ak-medium': AkMedium;
  }
}
