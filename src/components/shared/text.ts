/**
 * Helpers for content text. Every LangText in a CompiledModule is sanitised HTML rendered from
 * Markdown at build time, so it is rendered with `unsafeHTML`. When the English text is missing,
 * the Danish one is shown and the element that holds it must say `lang="da"`.
 */
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Lang, LangText } from '../../model/compiled.js';

/** The HTML of `text` in `lang`, falling back to Danish. */
export function htmlOf(text: LangText | undefined, lang: Lang): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : undefined) ?? text.da;
}

/** `'da'` when `text` falls back to Danish in `lang`, else `nothing` (no attribute). */
export function fallbackLang(text: LangText | undefined, lang: Lang): 'da' | typeof nothing {
  return text && lang === 'en' && !text.en ? 'da' : nothing;
}

/** Block content (paragraphs, lists): render the HTML as it is. */
export function rich(text: LangText | undefined, lang: Lang) {
  return unsafeHTML(htmlOf(text, lang));
}

/**
 * Inline content (headings, labels, names): Markdown renders a single line as `<p>…</p>`,
 * which may not sit inside a heading or label, so one wrapping paragraph is removed.
 */
export function inline(text: LangText | undefined, lang: Lang) {
  return unsafeHTML(unwrapParagraph(htmlOf(text, lang)));
}

export function unwrapParagraph(html: string): string {
  const m = /^\s*<p>([\s\S]*?)<\/p>\s*$/.exec(html);
  return m && !m[1].includes('<p') ? m[1] : html;
}


/** The text of content HTML, for the LMS and the page title (in the browser). */
export function plainText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}
