/**
 * An organisation file (org.yaml): the values scene texts use as `{{path}}` variables, the
 * organisation's branding (logo, colours, language), and where its overlay folder is.
 * modules/org.yaml is the unbranded default (the fictional Åby Kommune); a municipality's own
 * file, given with --org, has an `id` and gives branded packages.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { OrgFile, type OrgFile as OrgData } from '../src/model/schema.js';
import type { Branding, Lang } from '../src/model/compiled.js';
import { activityBase as normaliseBase } from '../xapi/activities.js';
import { DEFAULT_ACTIVITY_BASE } from '../xapi/vocabulary.js';
import { checkSchema, didYouMean } from './check-schema.js';
import { YamlFile, type DataPath, type Problem } from './yaml-file.js';

export const DEFAULT_ORG_FILE = resolve(import.meta.dirname, '..', 'modules', 'org.yaml');
/** A logo travels in every package; this keeps a module's zip near its 100 KB budget. */
export const MAX_LOGO_BYTES = 24 * 1024;
const LOGO_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

export interface Organisation {
  /** Set for a branded build (an org.yaml with an id); undefined for the unbranded default. */
  id?: string;
  data: OrgData;
  file: YamlFile;
  /** The overlay folder, when it exists. */
  overlayDir?: string;
  activityBase: string;
  language: Lang;
  branding?: Branding;
}

/** Reads and checks an org.yaml. `branded` is false only for the shipped default. */
export function loadOrg(path: string, { branded = resolve(path) !== DEFAULT_ORG_FILE, activityBase }: { branded?: boolean; activityBase?: string } = {}): {
  org?: Organisation;
  problems: Problem[];
} {
  // --org may name the organisation's folder: its org.yaml is meant.
  if (existsSync(path) && statSync(path).isDirectory() && existsSync(join(path, 'org.yaml'))) path = join(path, 'org.yaml');
  if (!existsSync(path)) {
    return { problems: [{ file: path, line: 1, column: 1, severity: 'error', message: `no organisation file here; make one with: npm run new-org -- <folder>` }] };
  }
  const file = new YamlFile(path);
  if (file.data === undefined || !checkSchema(file, OrgFile, file.data)) return { problems: file.problems };
  const data = withDerivedNames(file.data as OrgData);
  const dir = dirname(path);
  if (branded && !data.id) file.error([], 'a branded organisation needs an "id" (e.g. id: vores-kommune): it makes your packages\' identifiers and xAPI IRIs differ from the unbranded ones');

  let base = DEFAULT_ACTIVITY_BASE;
  const given = activityBase ?? data.activityBase;
  try {
    base = normaliseBase(given ?? DEFAULT_ACTIVITY_BASE);
  } catch (error) {
    if (activityBase) throw error;
    file.error(['activityBase'], (error as Error).message);
  }
  // A branded package must never share IRIs with the unbranded one (or with another organisation's).
  if (branded && data.id && base === normaliseBase(DEFAULT_ACTIVITY_BASE)) {
    base = `${base}/orgs/${data.id}`;
    file.warn(['id'], `no activityBase: your xAPI and cmi5 packages name their activities under the placeholder ${base}; before you use them with an LRS, set activityBase to an address your organisation controls (e.g. https://www.${data.id}.dk/xapi)`, true);
  }

  const seen = new Set<string>();
  (data.policies ?? []).forEach((p, i) => {
    if (seen.has(p.id)) file.error(['policies', i, 'id'], `duplicate policy id "${p.id}"`);
    seen.add(p.id);
  });

  const colours = data.colours && checkColours(file, data.colours);
  const logo = data.logo !== undefined ? checkLogo(file, resolve(dir, data.logo)) : undefined;
  let overlayDir: string | undefined = resolve(dir, data.overlay ?? 'overlay');
  if (!existsSync(overlayDir) || !statSync(overlayDir).isDirectory()) {
    if (data.overlay !== undefined) file.error(['overlay'], `overlay folder "${data.overlay}" does not exist (relative to ${file.displayPath})`);
    overlayDir = undefined;
  }
  if (branded) warnAboutDefaults(file, data);
  if (file.problems.some((p) => p.severity === 'error')) return { problems: file.problems };
  const org: Organisation = {
    id: branded ? data.id : undefined,
    data,
    file,
    overlayDir: branded ? overlayDir : undefined,
    activityBase: base,
    language: data.language ?? 'da',
    branding: branded ? { name: data.organisation, ...(logo ? { logo } : {}), ...(colours ? { colours } : {}) } : undefined,
  };
  return { org, problems: file.problems };
}

/**
 * The phishing examples imitate the organisation's own name: fraudsters' addresses such as
 * m365-<name>.example.com, and a domain one letter off the real one. Both follow from `domain`
 * unless org.yaml gives them, so a new organisation's examples imitate its own name, not Åby's.
 */
export function withDerivedNames(data: OrgData): OrgData {
  const [name, ...rest] = data.domain.split('.');
  return { ...data, domainName: data.domainName ?? name, domainLookalike: data.domainLookalike ?? [lookalike(name), ...rest].join('.') };
}

/** One swap a reader easily misses: rn for m, 1 for l, 0 for o, 1 for i, else a doubled last letter. */
export function lookalike(name: string): string {
  for (const [from, to] of [['m', 'rn'], ['l', '1'], ['o', '0'], ['i', '1']] as const) {
    const at = name.indexOf(from, 1);
    if (at > 0) return name.slice(0, at) + to + name.slice(at + 1);
  }
  return name + name.slice(-1);
}

/**
 * A branded org.yaml that still has the fictional Åby Kommune's values (new-org starts from them)
 * would build "your" packages with Åby's phone numbers: one warning names every such value.
 */
let defaultValues: OrgData | undefined;
function warnAboutDefaults(file: YamlFile, data: OrgData): void {
  const defaults = (defaultValues ??= new YamlFile(DEFAULT_ORG_FILE).data as OrgData);
  const same: DataPath[] = [];
  const visit = (mine: unknown, theirs: unknown, path: Array<string | number>): void => {
    if (typeof mine === 'string' || typeof mine === 'number') {
      if (mine === theirs) same.push(path);
    } else if (mine && typeof mine === 'object' && theirs && typeof theirs === 'object') {
      for (const [key, value] of Object.entries(mine)) visit(value, (theirs as Record<string, unknown>)[key], [...path, key]);
    }
  };
  for (const key of ['organisation', 'domain', 'securityContact', 'serviceDesk', 'dpo', 'policies'] as const) visit(data[key], defaults[key], [key]);
  // Words every municipality may share ("IT-servicedesken", the contact's role) are not Åby's own.
  const own = same.filter((p) => !['serviceDesk.name', 'securityContact.role'].some((shared) => p.join('.').startsWith(shared)) && !p.includes('title') && p[p.length - 1] !== 'id');
  if (own.length) {
    file.warn(own[0], `${own.length} value(s) are still those of the fictional Åby Kommune, which your packages would show: ${own.map((p) => p.join('.')).join(', ')}. Replace them with your organisation's values`);
  }
}

/** The CSS custom properties of the brand colours; errors for a colour that is not #rrggbb or too pale. */
function checkColours(file: YamlFile, colours: NonNullable<OrgData['colours']>): Branding['colours'] | undefined {
  const primary = hex(file, ['colours', 'primary'], colours.primary);
  const text = colours.primaryText === undefined ? [255, 255, 255] : hex(file, ['colours', 'primaryText'], colours.primaryText);
  if (!primary || !text) return undefined;
  const white = [255, 255, 255];
  const onWhite = contrast(primary, white);
  if (onWhite < 4.5) {
    file.error(['colours', 'primary'], `${colours.primary} has a contrast of ${onWhite.toFixed(2)}:1 against white; links and buttons need at least 4.5:1 (WCAG 2.1 AA). Choose a darker shade`);
    return undefined;
  }
  const onPrimary = contrast(primary, text);
  if (onPrimary < 4.5) {
    file.error(['colours', colours.primaryText === undefined ? 'primary' : 'primaryText'], `text on the brand colour has a contrast of ${onPrimary.toFixed(2)}:1; at least 4.5:1 is needed (WCAG 2.1 AA)`);
    return undefined;
  }
  const darker = toHex(primary.map((c) => Math.round(c * 0.75)));
  return {
    '--ak-color-primary': toHex(primary),
    '--ak-color-primary-hover': darker,
    '--ak-color-primary-text': toHex(text),
    '--ak-color-focus': darker,
    '--ak-color-link': toHex(primary),
  };
}

function hex(file: YamlFile, path: DataPath, value: string): number[] | undefined {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!m) {
    file.error(path, `"${value}" is not a colour; write it as #rrggbb, e.g. "#0f5499" (in quotes: # starts a comment in YAML)`);
    return undefined;
  }
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d) : m[1].match(/../g)!;
  return digits.map((d) => parseInt(d, 16));
}

const toHex = (rgb: number[]) => '#' + rgb.map((c) => c.toString(16).padStart(2, '0')).join('');

/** WCAG 2.1 contrast ratio of two sRGB colours. */
export function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r, g, b2] = rgb.map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The logo as a data: URL, after checking that it is a small image of a known kind. */
function checkLogo(file: YamlFile, path: string): string | undefined {
  const type = LOGO_TYPES[extname(path).toLowerCase()];
  if (!type) {
    file.error(['logo'], `the logo must be an .svg, .png, .jpg, .jpeg or .webp file (got "${extname(path) || 'no extension'}")`);
    return undefined;
  }
  if (!existsSync(path) || !statSync(path).isFile()) {
    file.error(['logo'], `logo file not found: ${path}`);
    return undefined;
  }
  const bytes = readFileSync(path);
  if (bytes.length > MAX_LOGO_BYTES) {
    file.error(['logo'], `the logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_LOGO_BYTES / 1024} KB, as it goes into every package (an SVG or a small PNG, about 200 px wide, is enough)`);
    return undefined;
  }
  const looksRight =
    type === 'image/png' ? bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    : type === 'image/jpeg' ? bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
    : type === 'image/webp' ? bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP'
    : /<svg[\s>]/.test(bytes.toString('utf8'));
  if (!looksRight) {
    file.error(['logo'], `${path} is not a ${type.replace('image/', '').replace('+xml', '').toUpperCase()} image (its content does not match its extension)`);
    return undefined;
  }
  if (type === 'image/svg+xml' && /<script|javascript:|\son[a-z]+\s*=|<foreignObject/i.test(bytes.toString('utf8'))) {
    file.error(['logo'], 'the SVG logo contains a script, an event handler or foreignObject; export it again as a plain drawing');
    return undefined;
  }
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** `{{ path }}`: a dotted path into org.yaml. */
const VARIABLE = /\{\{\s*([A-Za-z][\w-]*(?:\.[\w-]+)*)\s*\}\}/g;

/** How a value is written into a text: as Markdown (a language map), in a mock medium (Markdown, no links), or plain. */
type Context = 'markdown' | 'medium' | 'plain';

/** A value of org.yaml as a text in `lang`, or undefined when the path names no variable. */
function valueOf(org: OrgData, known: ReadonlySet<string>, path: string, lang: Lang, context: Context): string | undefined {
  // Only the documented variables: not the logo, colours or IRIs.
  if (!known.has(path)) return undefined;
  const markdown = context !== 'plain';
  const parts = path.split('.');
  if (parts[0] === 'policies' && parts.length >= 2) {
    const policy = org.policies?.find((p) => p.id === parts[1]);
    if (!policy) return undefined;
    const title = (lang === 'en' && policy.title.en) || policy.title.da;
    // Nothing in a mock medium links anywhere (build-scripts/markdown.ts), so there the address is shown.
    if (parts.length === 2) return context === 'markdown' ? `[${escapeMarkdown(title)}](<${policy.url}>)` : `${markdown ? escapeMarkdown(title) : title} (${policy.url})`;
    if (parts.length === 3 && parts[2] === 'url') return policy.url;
    if (parts.length === 3 && parts[2] === 'title') return title;
    return undefined;
  }
  let value: unknown = org;
  for (const part of parts) value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
  if (typeof value === 'string') return markdown ? escapeMarkdown(value) : value;
  if (value && typeof value === 'object' && typeof (value as { da?: unknown }).da === 'string') {
    const text = value as { da: string; en?: string };
    // A language map is written as Markdown, like every text; in a plain field it is used as written.
    return (lang === 'en' && text.en) || text.da;
  }
  return undefined;
}

/**
 * A plain value (a name, a phone number, an address) reads as written, whatever Markdown would
 * make of it. A web address is left as it is, so it is linked like any address in a text.
 */
function escapeMarkdown(value: string): string {
  if (/^https?:\/\/\S+$/.test(value)) return value;
  return value
    .replace(/[\\`*_{}[\]()<>#+!|~&-]/g, (c) => `\\${c}`)
    // "2. sal" at the start of a line would begin a numbered list.
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** The variable paths org.yaml defines, for "did you mean" and the list in an error. */
export function variableNames(org: OrgData): string[] {
  const names: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string' || (value && typeof value === 'object' && 'da' in value)) names.push(path);
    else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
  };
  const { policies, logo, colours, overlay, id, activityBase, language, ...texts } = org;
  visit(texts, '');
  for (const p of policies ?? []) names.push(`policies.${p.id}`, `policies.${p.id}.url`, `policies.${p.id}.title`);
  return names;
}

/**
 * Fills every `{{path}}` in the texts of `data` from the organisation. In a language map, the
 * Danish text gets Danish values and the English text English ones; other strings (an e-mail
 * address in a mock mail) get the Danish value as written. Unknown paths are errors at the text.
 */
export function fillVariables<T>(data: T, org: Organisation, file: YamlFile): T {
  const known = variableNames(org.data);
  const knownSet = new Set(known);
  const fill = (text: string, path: Array<string | number>, lang: Lang, context: Context): string => {
    const reported = new Set<string>();
    const code = codeSpans(text);
    const filled = text.replace(VARIABLE, (whole, name: string, offset: number) => {
      // Inside `code` Markdown escapes would show: there the value goes in as written.
      const inCode = code.some(([start, end]) => offset > start && offset < end);
      const value = valueOf(org.data, knownSet, name, lang, inCode ? 'plain' : context);
      if (value !== undefined) return value;
      // One error per unknown name and text, however often the text uses it.
      if (reported.has(name)) return whole;
      reported.add(name);
      file.error(path, `{{${name}}} is not defined in ${org.file.displayPath}${suggestion(name, known) || `; it defines: ${known.join(', ')}`}. Add it there (under "variables:" for your own), or fix the name`);
      return whole;
    });
    // A brace too few or too many would otherwise reach the learner as written.
    if (/\{\{|\}\}/.test(filled.replace(VARIABLE, ''))) file.warn(path, 'a "{{" or "}}" here is not a whole variable; write it as {{name}}, with two braces on each side');
    return filled;
  };
  const visit = (value: unknown, path: Array<string | number>, inMedium: boolean): unknown => {
    if (typeof value === 'string') return /\{\{|\}\}/.test(value) ? fill(value, path, 'da', 'plain') : value;
    if (Array.isArray(value)) return value.map((v, i) => visit(v, [...path, i], inMedium));
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    if (typeof record.da === 'string') {
      const context: Context = inMedium ? 'medium' : 'markdown';
      const out: Record<string, unknown> = { ...record, da: fill(record.da, [...path, 'da'], 'da', context) };
      if (typeof record.en === 'string') out.en = fill(record.en, [...path, 'en'], 'en', context);
      // A text with only Danish shows it, with its Danish values, in the English version too.
      return out;
    }
    // As in markdown.ts: a medium, and the pieces of a spot question, are shown without links.
    const spot = record.type === 'quiz' && record.question === 'spot';
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, visit(v, [...path, k], inMedium || k === 'medium' || (spot && k === 'options'))]));
  };
  return visit(data, [], false) as T;
}

/** The Markdown code spans of a text (`x`, ``x``), as [start, end) offsets. */
function codeSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/(`+)([\s\S]*?[^`])\1(?!`)/g)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** "Did you mean" for a variable: the same path in other letter case, else a near name among its siblings. */
function suggestion(name: string, known: readonly string[]): string {
  const sameLetters = known.find((k) => k.toLowerCase() === name.toLowerCase());
  if (sameLetters) return ` (did you mean "${sameLetters}"?)`;
  const prefix = name.slice(0, name.lastIndexOf('.') + 1);
  const siblings = known.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('.'));
  if (prefix && siblings.length) {
    const near = didYouMean(name.slice(prefix.length), siblings.map((k) => k.slice(prefix.length)));
    return near.replace(/"(.*)"/, (_, last: string) => `"${prefix}${last}"`);
  }
  return didYouMean(name, known);
}

export const overlayPath = (org: Organisation, moduleId: string) => (org.overlayDir ? join(org.overlayDir, moduleId) : undefined);
