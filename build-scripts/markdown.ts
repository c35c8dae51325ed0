/**
 * Markdown to HTML at build time. markdown-it with `html: false` escapes every raw HTML tag in
 * content and refuses javascript:/vbscript:/data: links, so what reaches the runtime is safe to
 * insert. Doing it here keeps a Markdown parser out of every package.
 */
import MarkdownIt from 'markdown-it';

const md = markdown(false);
/**
 * Texts of a medium (an e-mail, a chat, a screen) keep their line breaks, as in a signature, and
 * nothing in them links anywhere: a URL or address in a mock (fake) e-mail is part of the
 * scenario, not something to click, and `<x@y>` is shown as written. The pieces of a spot
 * question are rendered the same way, so no piece can become (or sit inside) a link.
 */
const mediumMd = markdown(true);

function markdown(inMedium: boolean): InstanceType<typeof MarkdownIt> {
  const it = new MarkdownIt({ html: false, linkify: !inMedium, typographer: false, breaks: inMedium });
  if (inMedium) it.disable(['link', 'autolink', 'reference']);
  // No images from content anywhere: one would load from a server of anyone's choosing (a tracking
  // pixel), and the packages' policy allows only data: images. `![…](…)` is then a plain link.
  it.disable('image');
  // Addresses in texts are not turned into mail links either.
  it.linkify.set({ fuzzyEmail: false });
  // Links in content open outside the module frame; rel keeps the opened page from reaching back.
  const defaultLinkOpen = it.renderer.rules.link_open ?? ((tokens, i, options, _env, self) => self.renderToken(tokens, i, options));
  it.renderer.rules.link_open = (tokens, i, options, env, self) => {
    tokens[i].attrSet('target', '_blank');
    tokens[i].attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, i, options, env, self);
  };
  return it;
}

export function renderBlock(text: string, keepLineBreaks = false): string {
  return (keepLineBreaks ? mediumMd : md).render(text).trim();
}

export function renderInline(text: string, inMedium = false): string {
  return (inMedium ? mediumMd : md).renderInline(text.trim());
}

/** Fields whose text is a paragraph or more; all other texts are rendered inline. */
const BLOCK_FIELDS = new Set(['body', 'prompt', 'feedback', 'consequence', 'explanation', 'description', 'note', 'advice', 'readMore', 'intro', 'situation', 'facilitator']);

/** Renders every language map ({da, en}) found in `value`, by the name of the field holding it. */
export function renderTexts<T>(value: T, field = '', inMedium = false): T {
  if (Array.isArray(value)) return value.map((v) => renderTexts(v, field, inMedium)) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.da === 'string') {
    const render = BLOCK_FIELDS.has(field) ? (text: string) => renderBlock(text, inMedium) : (text: string) => renderInline(text, inMedium);
    const out: Record<string, string> = { da: render(record.da) };
    if (typeof record.en === 'string') out.en = render(record.en);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  // The options of a spot question are pieces of its medium, so they are rendered as medium text.
  const spot = record.type === 'quiz' && record.question === 'spot';
  for (const [key, v] of Object.entries(record)) out[key] = renderTexts(v, key, inMedium || key === 'medium' || (spot && key === 'options'));
  return out as T;
}
