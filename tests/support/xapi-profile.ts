/**
 * A strict checker for xAPI Profiles 1.0 (https://github.com/adlnet/xapi-profiles):
 * the document structure of Part Two (xapi-profiles-structure.md) and the Statement Template
 * and Pattern validation of Part Three (xapi-profiles-communication.md §2.1, §2.2).
 *
 * Every function returns human-readable problems; an empty array means "fine".
 *
 * JSONPath: the spec allows only a small subset (Part Two §8.1: child names, non-negative
 * indexes, `*`, unions with `,` inside brackets, `..`, and `|` between whole paths; no filters,
 * scripts or slices). We parse that subset ourselves and evaluate it over plain JSON. jsonpath-plus
 * is not used for evaluation because it mis-handles legal spec paths: a quoted key containing
 * `#<digits>` (common in IRIs) throws, keys with `]` or a leading `@` fail, and `.length` on an
 * array yields the JavaScript length instead of nothing. The unit tests cross-check our
 * evaluator against jsonpath-plus on ordinary paths.
 */

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export type LanguageMap = Record<string, string>;

export interface ProfileVersion {
  id: string;
  generatedAtTime: string;
  wasRevisionOf?: string[];
}

export interface ProfileAuthor {
  type: 'Organization' | 'Person';
  name: string;
  url?: string;
}

export type ConceptType =
  | 'Verb' | 'ActivityType' | 'AttachmentUsageType'
  | 'ContextExtension' | 'ResultExtension' | 'ActivityExtension'
  | 'StateResource' | 'AgentProfileResource' | 'ActivityProfileResource'
  | 'Activity';

export interface Concept {
  id: string;
  type: ConceptType;
  inScheme: string;
  /** Required on every concept type except Activity. */
  prefLabel?: LanguageMap;
  definition?: LanguageMap;
  deprecated?: boolean;
  /** Activity concepts only: an xAPI Activity Definition plus `@context`. */
  activityDefinition?: { '@context': string | string[]; [key: string]: unknown };
  /** Document resources only. */
  contentType?: string;
  [key: string]: unknown;
}

export type Presence = 'included' | 'excluded' | 'recommended';

export interface TemplateRule {
  location: string;
  selector?: string;
  presence?: Presence;
  any?: unknown[];
  all?: unknown[];
  none?: unknown[];
  scopeNote?: LanguageMap;
}

export interface StatementTemplate {
  id: string;
  type: 'StatementTemplate';
  inScheme: string;
  prefLabel: LanguageMap;
  definition: LanguageMap;
  deprecated?: boolean;
  verb?: string;
  objectActivityType?: string;
  contextGroupingActivityType?: string[];
  contextParentActivityType?: string[];
  contextOtherActivityType?: string[];
  contextCategoryActivityType?: string[];
  attachmentUsageType?: string[];
  objectStatementRefTemplate?: string[];
  contextStatementRefTemplate?: string[];
  rules?: TemplateRule[];
}

export interface Pattern {
  id: string;
  type: 'Pattern';
  primary?: boolean;
  inScheme?: string;
  prefLabel?: LanguageMap;
  definition?: LanguageMap;
  deprecated?: boolean;
  alternates?: string[];
  optional?: string;
  oneOrMore?: string;
  sequence?: string[];
  zeroOrMore?: string;
}

export interface XapiProfile {
  '@context': string | string[];
  id: string;
  type: 'Profile';
  conformsTo: string;
  prefLabel: LanguageMap;
  definition: LanguageMap;
  seeAlso?: string;
  versions: ProfileVersion[];
  author: ProfileAuthor;
  concepts?: Concept[];
  templates?: StatementTemplate[];
  patterns?: Pattern[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

const PROFILE_CONTEXT = 'https://w3id.org/xapi/profiles/context';
const ACTIVITY_CONTEXT = 'https://w3id.org/xapi/profiles/activity-context';
const CONFORMS_TO = 'https://w3id.org/xapi/profiles#1.0';

const CONCEPT_TYPES: readonly ConceptType[] = [
  'Verb', 'ActivityType', 'AttachmentUsageType',
  'ContextExtension', 'ResultExtension', 'ActivityExtension',
  'StateResource', 'AgentProfileResource', 'ActivityProfileResource',
  'Activity',
];
const EXTENSION_TYPES = ['ContextExtension', 'ResultExtension', 'ActivityExtension'];
const RESOURCE_TYPES = ['StateResource', 'AgentProfileResource', 'ActivityProfileResource'];
const RELATION_KEYS = ['broader', 'broadMatch', 'narrower', 'narrowMatch', 'related', 'relatedMatch', 'exactMatch'];
const PATTERN_KINDS = ['alternates', 'optional', 'oneOrMore', 'sequence', 'zeroOrMore'] as const;
type PatternKind = (typeof PATTERN_KINDS)[number];

/** Determining properties that are arrays, with the statement location each one checks. */
const CONTEXT_TYPE_PROPS = [
  ['contextGroupingActivityType', 'grouping'],
  ['contextParentActivityType', 'parent'],
  ['contextOtherActivityType', 'other'],
  ['contextCategoryActivityType', 'category'],
] as const;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute IRI: a scheme, a colon and at least one character that is legal in an IRI. */
function isAbsoluteIri(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(value);
}

function show(value: unknown): string {
  const text = value === UNMATCHABLE ? '(unmatchable)' : JSON.stringify(value);
  return text === undefined ? 'undefined' : text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function showList(values: readonly unknown[]): string {
  return `[${values.map(show).join(', ')}]`;
}

/** Deep JSON equality; object key order does not matter. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const bo = b as Json;
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(bo, k) && jsonEqual((a as Json)[k], bo[k]));
}

function includesJson(list: readonly unknown[], value: unknown): boolean {
  return list.some((x) => jsonEqual(x, value));
}

// ---------------------------------------------------------------------------------------------
// JSONPath (the subset of Part Two §8.1)
// ---------------------------------------------------------------------------------------------

type Member = { name: string } | { index: number } | { all: true };
interface Step {
  /** `..`: apply the members to the node and all its descendants. */
  descend: boolean;
  /** More than one member is a union (`['a','b']`, `[0,2]`). */
  members: Member[];
}
/** Alternatives joined by `|`, each a list of steps from the root. */
type JsonPath = Step[][];

const NAME = /[^\s.[\]'"|,()?*]+/y;

/** Parses a spec JSONPath; throws an Error saying what is wrong. */
function parseJsonPath(source: string): JsonPath {
  return splitOutsideQuotes(source, '|').map((part) => parseSinglePath(part.trim()));
}

function splitOutsideQuotes(source: string, separator: string): string[] {
  const parts: string[] = [];
  let quote = '';
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === separator) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (quote) throw new Error('unterminated quoted name');
  parts.push(source.slice(start));
  return parts;
}

function parseSinglePath(text: string): Step[] {
  if (text === '') throw new Error('empty path');
  // The spec's own example ("context.contextActivities.grouping[*].id", §8.1) omits the `$`.
  let s = text;
  if (s[0] !== '$') s = s[0] === '[' || s[0] === '.' ? `$${s}` : `$.${s}`;
  const steps: Step[] = [];
  let i = 1;
  const fail = (what: string): never => {
    throw new Error(`${what} at character ${i - (s.length - text.length) + 1} of "${text}"`);
  };
  const readName = (): Member[] => {
    if (s[i] === '*') {
      i++;
      return [{ all: true }];
    }
    NAME.lastIndex = i;
    const m = NAME.exec(s);
    if (!m) return fail('expected a name or *');
    i += m[0].length;
    return [{ name: m[0] }];
  };
  const readBracket = (): Member[] => {
    i++; // '['
    const members: Member[] = [];
    for (;;) {
      while (s[i] === ' ') i++;
      const c = s[i];
      if (c === "'" || c === '"') {
        let name = '';
        for (i++; i < s.length && s[i] !== c; i++) name += s[i] === '\\' ? s[++i] : s[i];
        if (i >= s.length) fail('unterminated quoted name');
        i++;
        members.push({ name });
      } else if (c !== undefined && /[0-9]/.test(c)) {
        const m = /[0-9]+/y;
        m.lastIndex = i;
        const digits = m.exec(s)![0];
        i += digits.length;
        if (s[i] === ':') fail('slices are not allowed (xAPI Profiles Part Two §8.1)');
        members.push({ index: Number(digits) });
      } else if (c === '*') {
        i++;
        members.push({ all: true });
      } else if (c === '?' || c === '(') {
        fail('filter and script expressions are not allowed (xAPI Profiles Part Two §8.1)');
      } else if (c === '-' || c === ':') {
        fail('negative indexes and slices are not allowed (xAPI Profiles Part Two §8.1)');
      } else {
        fail('expected a quoted name, an index or *');
      }
      while (s[i] === ' ') i++;
      if (s[i] === ',') {
        i++;
        continue;
      }
      if (s[i] === ']') {
        i++;
        return members;
      }
      fail('expected , or ]');
    }
  };
  while (i < s.length) {
    if (s.startsWith('..', i)) {
      i += 2;
      steps.push({ descend: true, members: s[i] === '[' ? readBracket() : readName() });
    } else if (s[i] === '.') {
      i++;
      steps.push({ descend: false, members: readName() });
    } else if (s[i] === '[') {
      steps.push({ descend: false, members: readBracket() });
    } else {
      fail(`unexpected "${s[i]}"`);
    }
  }
  return steps;
}

function selfAndDescendants(node: unknown): unknown[] {
  const children = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
  return [node, ...children.flatMap(selfAndDescendants)];
}

function selectMember(node: unknown, member: Member): unknown[] {
  if ('all' in member) return Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
  if ('index' in member) return Array.isArray(node) && member.index < node.length ? [node[member.index]] : [];
  return isObject(node) && Object.hasOwn(node, member.name) ? [node[member.name]] : [];
}

/**
 * All values at `path` in `root`, as Part Three §2.1 apply_jsonpath: a single value found is
 * returned in an array even if it is itself an array; nothing found gives [].
 */
function evaluateJsonPath(root: unknown, path: JsonPath): unknown[] {
  return path.flatMap((steps) =>
    steps.reduce<unknown[]>(
      (nodes, step) =>
        nodes.flatMap((node) =>
          (step.descend ? selfAndDescendants(node) : [node]).flatMap((n) => step.members.flatMap((m) => selectMember(n, m))),
        ),
      [root],
    ),
  );
}

/** For the tests: the spec JSONPath evaluator, or the parse error as a thrown Error. */
export function jsonPathValues(root: unknown, path: string): unknown[] {
  return evaluateJsonPath(root, parseJsonPath(path));
}

function jsonPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'must be a JSONPath string';
  try {
    parseJsonPath(path);
    return undefined;
  } catch (error) {
    return `is not a legal JSONPath: ${(error as Error).message}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Structure (Part Two)
// ---------------------------------------------------------------------------------------------

/** Checks a profile document against the structure rules of xAPI Profiles 1.0 Part Two. */
export function structureProblems(profile: unknown): string[] {
  const problems: string[] = [];
  const add = (message: string) => problems.push(message);
  if (!isObject(profile)) return ['profile: must be a JSON object'];

  // §4.0: no empty objects, null, empty strings or empty arrays anywhere.
  findEmptyValues(profile, 'profile', add);

  const contextOk = (value: unknown, uri: string) =>
    value === uri || (Array.isArray(value) && value.includes(uri));

  // §6.0 Profile properties.
  if (!contextOk(profile['@context'], PROFILE_CONTEXT)) {
    add(`profile: @context must be "${PROFILE_CONTEXT}" (or an array containing it), found ${show(profile['@context'])}`);
  }
  requireIri(profile, 'id', 'profile', add);
  if (profile.type !== 'Profile') add(`profile: type must be "Profile", found ${show(profile.type)}`);
  if (profile.conformsTo !== CONFORMS_TO) add(`profile: conformsTo must be "${CONFORMS_TO}", found ${show(profile.conformsTo)}`);
  requireLanguageMap(profile, 'prefLabel', 'profile', add);
  requireLanguageMap(profile, 'definition', 'profile', add);
  if (profile.seeAlso !== undefined && !isAbsoluteIri(profile.seeAlso)) add(`profile: seeAlso must be a URL, found ${show(profile.seeAlso)}`);

  // §6.1 Versions.
  const versionIds = new Set<string>();
  if (!Array.isArray(profile.versions) || profile.versions.length === 0) {
    add('profile: versions must be a non-empty array');
  } else {
    profile.versions.forEach((version: unknown, i: number) => {
      const where = `versions[${i}]`;
      if (!isObject(version)) return add(`${where}: must be an object`);
      if (requireIri(version, 'id', where, add)) versionIds.add(version.id as string);
      if (typeof version.generatedAtTime !== 'string' || !isTimestamp(version.generatedAtTime)) {
        add(`${where}: generatedAtTime must be an ISO 8601 timestamp, found ${show(version.generatedAtTime)}`);
      }
      if (version.wasRevisionOf !== undefined) requireIriArray(version, 'wasRevisionOf', where, add);
    });
    if (typeof profile.id === 'string' && versionIds.has(profile.id)) add('profile: a version id must differ from the profile id (§6.1)');
  }

  // §6.2 Author.
  const author = profile.author;
  if (!isObject(author)) {
    add('profile: author must be an object');
  } else {
    if (author.type !== 'Organization' && author.type !== 'Person') add(`author: type must be "Organization" or "Person", found ${show(author.type)}`);
    if (typeof author.name !== 'string' || author.name === '') add('author: name must be a non-empty string');
    if (author.url !== undefined && !isAbsoluteIri(author.url)) add(`author: url must be a URL, found ${show(author.url)}`);
  }

  const concepts = arrayProperty(profile, 'concepts', add);
  const templates = arrayProperty(profile, 'templates', add);
  const patterns = arrayProperty(profile, 'patterns', add);

  const inScheme = (item: Json, where: string) => {
    if (typeof item.inScheme !== 'string' || !versionIds.has(item.inScheme)) {
      add(`${where}: inScheme must be the id of one of the profile's versions, found ${show(item.inScheme)}`);
    }
  };

  // §7 Concepts.
  concepts.forEach((concept, i) => {
    const where = `concepts[${i}]${typeof concept.id === 'string' ? ` ${concept.id}` : ''}`;
    requireIri(concept, 'id', where, add);
    const type = concept.type as ConceptType;
    if (!CONCEPT_TYPES.includes(type)) return add(`${where}: type must be one of ${CONCEPT_TYPES.join(', ')}, found ${show(concept.type)}`);
    inScheme(concept, where);
    if (type === 'Activity') {
      // §7.4: no prefLabel/definition; the activityDefinition carries name/description.
      const definition = concept.activityDefinition;
      if (!isObject(definition)) add(`${where}: activityDefinition must be an object`);
      else if (!contextOk(definition['@context'], ACTIVITY_CONTEXT)) {
        add(`${where}: activityDefinition @context must be "${ACTIVITY_CONTEXT}" (or an array containing it), found ${show(definition['@context'])}`);
      }
      return;
    }
    requireLanguageMap(concept, 'prefLabel', where, add);
    requireLanguageMap(concept, 'definition', where, add);
    if (concept.deprecated !== undefined && typeof concept.deprecated !== 'boolean') add(`${where}: deprecated must be a boolean`);
    if (EXTENSION_TYPES.includes(type) || RESOURCE_TYPES.includes(type)) {
      if (concept.schema !== undefined && concept.inlineSchema !== undefined) add(`${where}: use at most one of schema and inlineSchema (§7.2, §7.3)`);
      if (concept.schema !== undefined && !isAbsoluteIri(concept.schema)) add(`${where}: schema must be an IRI`);
      if (concept.inlineSchema !== undefined && !isJsonObjectText(concept.inlineSchema)) add(`${where}: inlineSchema must be a string holding a JSON Schema`);
    }
    if (RESOURCE_TYPES.includes(type) && (typeof concept.contentType !== 'string' || concept.contentType === '')) {
      add(`${where}: contentType is required on a document resource (§7.3)`);
    }
    if (concept.recommendedActivityTypes !== undefined) {
      if (type !== 'ActivityExtension') add(`${where}: recommendedActivityTypes is only allowed on an ActivityExtension (§7.2)`);
      requireIriArray(concept, 'recommendedActivityTypes', where, add);
    }
    if (concept.recommendedVerbs !== undefined) {
      if (type !== 'ContextExtension' && type !== 'ResultExtension') add(`${where}: recommendedVerbs is only allowed on a ContextExtension or ResultExtension (§7.2)`);
      requireIriArray(concept, 'recommendedVerbs', where, add);
    }
    for (const key of RELATION_KEYS) if (concept[key] !== undefined) requireIriArray(concept, key, where, add);
  });

  // §8 Statement Templates.
  const templateIds = new Set(templates.map((t) => t.id).filter((id): id is string => typeof id === 'string'));
  templates.forEach((template, i) => {
    const where = `templates[${i}]${typeof template.id === 'string' ? ` ${template.id}` : ''}`;
    requireIri(template, 'id', where, add);
    if (template.type !== 'StatementTemplate') add(`${where}: type must be "StatementTemplate", found ${show(template.type)}`);
    inScheme(template, where);
    requireLanguageMap(template, 'prefLabel', where, add);
    requireLanguageMap(template, 'definition', where, add);
    for (const key of ['verb', 'objectActivityType']) if (template[key] !== undefined) requireIri(template, key, where, add);
    for (const [key] of CONTEXT_TYPE_PROPS) if (template[key] !== undefined) requireIriArray(template, key, where, add);
    if (template.attachmentUsageType !== undefined) requireIriArray(template, 'attachmentUsageType', where, add);
    if (template.objectStatementRefTemplate !== undefined && template.objectActivityType !== undefined) {
      add(`${where}: must not have both objectStatementRefTemplate and objectActivityType (§8.0)`);
    }
    for (const key of ['objectStatementRefTemplate', 'contextStatementRefTemplate']) {
      if (template[key] === undefined) continue;
      if (requireIriArray(template, key, where, add)) {
        for (const id of template[key] as string[]) if (!templateIds.has(id)) add(`${where}: ${key} names ${id}, which is not a template of this profile`);
      }
    }
    if (template.rules === undefined) return;
    if (!Array.isArray(template.rules)) return add(`${where}: rules must be an array`);
    template.rules.forEach((rule: unknown, r: number) => {
      const at = `${where} rules[${r}]`;
      if (!isObject(rule)) return add(`${at}: must be an object`);
      const locationProblem = jsonPathProblem(rule.location);
      if (locationProblem) add(`${at}: location ${locationProblem}`);
      if (rule.selector !== undefined) {
        const selectorProblem = jsonPathProblem(rule.selector);
        if (selectorProblem) add(`${at}: selector ${selectorProblem}`);
      }
      if (rule.presence === undefined && rule.any === undefined && rule.all === undefined && rule.none === undefined) {
        add(`${at}: must include at least one of presence, any, all, none (§8.1)`);
      }
      if (rule.presence !== undefined && !['included', 'excluded', 'recommended'].includes(rule.presence as string)) {
        add(`${at}: presence must be "included", "excluded" or "recommended", found ${show(rule.presence)}`);
      }
      for (const key of ['any', 'all', 'none']) {
        if (rule[key] !== undefined && (!Array.isArray(rule[key]) || (rule[key] as unknown[]).length === 0)) add(`${at}: ${key} must be a non-empty array`);
      }
      if (rule.scopeNote !== undefined) requireLanguageMap(rule, 'scopeNote', at, add);
    });
  });

  // §9 Patterns.
  const patternById = new Map<string, Json>();
  for (const p of patterns) if (typeof p.id === 'string') patternById.set(p.id, p);
  const kindsOf = (p: Json): PatternKind[] => PATTERN_KINDS.filter((k) => p[k] !== undefined);
  const membersOf = (p: Json): string[] =>
    kindsOf(p).flatMap((k) => {
      const v = p[k];
      return (Array.isArray(v) ? v : [v]).filter((m): m is string => typeof m === 'string');
    });
  const usedIn = new Map<string, string[]>();
  for (const p of patterns) for (const m of membersOf(p)) usedIn.set(m, [...(usedIn.get(m) ?? []), String(p.id)]);

  patterns.forEach((pattern, i) => {
    const where = `patterns[${i}]${typeof pattern.id === 'string' ? ` ${pattern.id}` : ''}`;
    requireIri(pattern, 'id', where, add);
    if (pattern.type !== 'Pattern') add(`${where}: type must be "Pattern", found ${show(pattern.type)}`);
    // Part Two §9.0's table marks inScheme optional for Patterns (unlike everything else); we
    // require it, as every other component in the profile has it.
    inScheme(pattern, where);
    if (pattern.primary !== undefined && typeof pattern.primary !== 'boolean') add(`${where}: primary must be a boolean`);
    const primary = pattern.primary === true;
    for (const key of ['prefLabel', 'definition']) {
      if (primary || pattern[key] !== undefined) requireLanguageMap(pattern, key, where, add);
    }
    const kinds = kindsOf(pattern);
    if (kinds.length !== 1) {
      return add(`${where}: must contain exactly one of ${PATTERN_KINDS.join(', ')}, found ${kinds.length ? kinds.join(' and ') : 'none'}`);
    }
    const kind = kinds[0];
    const value = pattern[kind];
    const isList = kind === 'sequence' || kind === 'alternates';
    if (isList ? !Array.isArray(value) || !value.every((m) => typeof m === 'string') : typeof value !== 'string') {
      return add(`${where}: ${kind} must be ${isList ? 'an array of ids' : 'a single id'}, found ${show(value)}`);
    }
    const members = membersOf(pattern);
    for (const m of members) {
      if (!templateIds.has(m) && !patternById.has(m)) add(`${where}: ${kind} member ${m} is not a template or pattern of this profile`);
    }
    if (kind === 'alternates') {
      if (members.length < 2) add(`${where}: alternates must have at least two members (§9.0)`);
      for (const m of members) {
        const inner = patternById.get(m);
        if (inner && (inner.optional !== undefined || inner.zeroOrMore !== undefined)) {
          add(`${where}: alternates must not contain an optional or zeroOrMore pattern directly (${m}, §9.0)`);
        }
      }
    }
    if (kind === 'sequence' && members.length < 2) {
      // §9.0: a one-member sequence only in a primary pattern not used elsewhere, whose member is a template.
      const ok = members.length === 1 && primary && templateIds.has(members[0]) && !usedIn.has(String(pattern.id));
      if (!ok) add(`${where}: sequence must have at least two members, unless it is a primary pattern, not used elsewhere, around a single template (§9.0)`);
    }
  });

  // §9.0: a pattern must not contain itself at any depth.
  for (const cycle of patternCycles(patternById, membersOf, [...patternById.keys()])) add(`patterns: ${cycle.join(' -> ')} contains itself (§9.0)`);

  // Ids unique across the whole document.
  const seen = new Set<string>();
  const allIds = [profile.id, ...versionIds, ...[...concepts, ...templates, ...patterns].map((x) => x.id)];
  for (const id of allIds) {
    if (typeof id !== 'string') continue;
    if (seen.has(id)) add(`profile: id ${id} is used more than once`);
    seen.add(id);
  }
  return [...new Set(problems)];
}

/** Cycles among the patterns reachable from `roots`, each as the list of ids around it. */
function patternCycles<P>(patterns: Map<string, P>, membersOf: (p: P) => string[], roots: string[]): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (id: string, stack: string[]) => {
    if (stack.includes(id)) {
      cycles.push([...stack.slice(stack.indexOf(id)), id]);
      return;
    }
    const pattern = patterns.get(id);
    if (!pattern || done.has(id)) return;
    for (const m of membersOf(pattern)) visit(m, [...stack, id]);
    done.add(id);
  };
  for (const id of roots) visit(id, []);
  return cycles;
}

function findEmptyValues(value: unknown, where: string, add: (m: string) => void): void {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0)) {
    add(`${where}: values must not be null, empty strings, empty arrays or empty objects (§4.0)`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findEmptyValues(v, `${where}[${i}]`, add));
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) findEmptyValues(v, `${where}.${k}`, add);
  }
}

function arrayProperty(profile: Json, key: string, add: (m: string) => void): Json[] {
  const value = profile[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    add(`profile: ${key} must be an array`);
    return [];
  }
  const objects: Json[] = [];
  value.forEach((item: unknown, i: number) => (isObject(item) ? objects.push(item) : add(`${key}[${i}]: must be an object`)));
  return objects;
}

function requireIri(item: Json, key: string, where: string, add: (m: string) => void): boolean {
  if (isAbsoluteIri(item[key])) return true;
  add(`${where}: ${key} must be an absolute IRI, found ${show(item[key])}`);
  return false;
}

function requireIriArray(item: Json, key: string, where: string, add: (m: string) => void): boolean {
  const value = item[key];
  if (Array.isArray(value) && value.length > 0 && value.every(isAbsoluteIri)) return true;
  add(`${where}: ${key} must be a non-empty array of absolute IRIs, found ${show(value)}`);
  return false;
}

function requireLanguageMap(item: Json, key: string, where: string, add: (m: string) => void): void {
  const value = item[key];
  const ok =
    isObject(value) &&
    Object.keys(value).length > 0 &&
    Object.entries(value).every(([tag, text]) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) && typeof text === 'string' && text !== '');
  if (!ok) add(`${where}: ${key} must be a language map (language tag -> non-empty text), found ${show(value)}`);
}

function isTimestamp(value: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value) && !Number.isNaN(Date.parse(value));
}

function isJsonObjectText(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return isObject(JSON.parse(value));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Statement Template validation (Part Three §2.1)
// ---------------------------------------------------------------------------------------------

const UNMATCHABLE: unique symbol = Symbol('unmatchable');

/**
 * Part Two §8.1: "contextActivities normalization MUST have already been performed": single
 * objects in parent/grouping/category/other become arrays of one. Works on a copy.
 */
function normalizeStatement(statement: unknown): unknown {
  const copy: unknown = statement === undefined ? undefined : JSON.parse(JSON.stringify(statement));
  const normalize = (s: unknown) => {
    if (!isObject(s) || !isObject(s.context) || !isObject(s.context.contextActivities)) return;
    const ca = s.context.contextActivities;
    for (const key of ['parent', 'grouping', 'category', 'other']) {
      if (ca[key] !== undefined && !Array.isArray(ca[key])) ca[key] = [ca[key]];
    }
  };
  normalize(copy);
  if (isObject(copy) && isObject(copy.object) && copy.object.objectType === 'SubStatement') normalize(copy.object);
  return copy;
}

function findTemplate(profile: XapiProfile, templateId: string): StatementTemplate | undefined {
  return (profile.templates ?? []).find((t) => t.id === templateId);
}

/** Part Three §2.1 matches_determining_properties, one problem per property that fails. */
function determiningProblems(template: StatementTemplate, statement: unknown): string[] {
  const problems: string[] = [];
  const s = isObject(statement) ? statement : {};
  if (template.verb !== undefined) {
    const verb = isObject(s.verb) ? s.verb.id : undefined;
    if (verb !== template.verb) problems.push(`verb must be ${show(template.verb)}, the statement's verb.id is ${show(verb)}`);
  }
  if (template.objectActivityType !== undefined) {
    const object = isObject(s.object) ? s.object : {};
    const isActivity = object.objectType === undefined || object.objectType === 'Activity';
    const type = isActivity && isObject(object.definition) ? object.definition.type : undefined;
    if (type !== template.objectActivityType) {
      problems.push(
        isActivity
          ? `objectActivityType must be ${show(template.objectActivityType)}, the statement's object.definition.type is ${show(type)}`
          : `objectActivityType needs an Activity object, the statement's object is a ${show(object.objectType)}`,
      );
    }
  }
  // "equal or are a superset of that Determining Properties values": every listed type must occur.
  const superset = (property: string, wanted: string[] | undefined, found: unknown[], where: string) => {
    if (wanted === undefined) return;
    const missing = wanted.filter((w) => !found.includes(w));
    if (missing.length) problems.push(`${property} needs ${showList(missing)} among ${where}, found ${showList(found)}`);
  };
  const contextActivities = isObject(s.context) && isObject(s.context.contextActivities) ? s.context.contextActivities : {};
  for (const [property, key] of CONTEXT_TYPE_PROPS) {
    const activities = Array.isArray(contextActivities[key]) ? (contextActivities[key] as unknown[]) : [];
    const types = activities.map((a) => (isObject(a) && isObject(a.definition) ? a.definition.type : undefined)).filter((t) => t !== undefined);
    superset(property, template[property], types, `context.contextActivities.${key}[*].definition.type`);
  }
  const attachments = Array.isArray(s.attachments) ? s.attachments : [];
  const usageTypes = attachments.map((a) => (isObject(a) ? a.usageType : undefined)).filter((t) => t !== undefined);
  superset('attachmentUsageType', template.attachmentUsageType, usageTypes, 'attachments[*].usageType');
  return problems;
}

/**
 * Part Three §2.1 follows_rules for the StatementRef properties. The referenced statement is
 * not available to this checker, so a template using these is reported, never silently passed.
 */
function statementRefProblems(template: StatementTemplate, statement: unknown): string[] {
  const s = isObject(statement) ? statement : {};
  const problems: string[] = [];
  const check = (key: string, ref: unknown, where: string) => {
    const isRef = isObject(ref) && ref.objectType === 'StatementRef';
    problems.push(
      isRef
        ? `${key} is not supported by this checker (the referenced statement cannot be validated)`
        : `${key} needs ${where} to be a StatementRef, found ${show(ref)}`,
    );
  };
  if (template.objectStatementRefTemplate !== undefined) check('objectStatementRefTemplate', s.object, 'the object');
  if (template.contextStatementRefTemplate !== undefined) {
    check('contextStatementRefTemplate', isObject(s.context) ? s.context.statement : undefined, 'context.statement');
  }
  return problems;
}

/** Part Three §2.1 follows_rule, with the requirements list of Part Two §8.1. */
function ruleProblems(rule: TemplateRule, statement: unknown): string[] {
  const label = `rule location ${show(rule.location)}${rule.selector !== undefined ? ` selector ${show(rule.selector)}` : ''}`;
  let values: unknown[];
  try {
    values = evaluateJsonPath(statement, parseJsonPath(rule.location));
    if (rule.selector !== undefined) {
      const selector = parseJsonPath(rule.selector);
      // A location value where the selector finds nothing is an "unmatchable value".
      values = values.flatMap((v) => {
        const selected = evaluateJsonPath(v, selector);
        return selected.length ? selected : [UNMATCHABLE];
      });
    }
  } catch (error) {
    return [`${label}: invalid JSONPath: ${(error as Error).message}`];
  }
  const matchable = values.filter((v) => v !== UNMATCHABLE);
  const unmatchable = values.length - matchable.length;
  const found = `found ${showList(values)}`;
  const problems: string[] = [];

  if (rule.presence === 'included') {
    if (matchable.length === 0) problems.push(`${label}: presence "included" but no value is present`);
    if (unmatchable > 0) problems.push(`${label}: presence "included" but ${unmatchable} location value(s) have nothing at the selector; ${found}`);
  } else if (rule.presence === 'excluded') {
    if (matchable.length > 0) problems.push(`${label}: presence "excluded" but ${found}`);
    // Part Two §8.1 applies any/all/none only when presence is missing, included, or
    // recommended with values; for "excluded" they are not applied. (The §2.1 pseudocode would
    // apply them strictly, which makes excluded+any unsatisfiable; we follow the §8.1 list.)
    return problems;
  } else if (rule.presence === 'recommended' && matchable.length === 0) {
    // "recommended": any/all/none only apply when there are matchable values (Part Two §8.1).
    return problems;
  }

  if (rule.any !== undefined && !matchable.some((v) => includesJson(rule.any!, v))) {
    problems.push(`${label}: no value is one of any ${showList(rule.any)}; ${found}`);
  }
  if (rule.all !== undefined) {
    // "only include values in all as matchable values" and "MUST NOT include any unmatchable
    // values". No value at all satisfies `all` (vacuously), both in the §8.1 requirements and in
    // the §2.1 pseudocode; combine with presence "included" to require one.
    const outside = matchable.filter((v) => !includesJson(rule.all!, v));
    if (outside.length) problems.push(`${label}: ${showList(outside)} not in all ${showList(rule.all)}`);
    if (unmatchable > 0) problems.push(`${label}: all ${showList(rule.all)} but ${unmatchable} location value(s) have nothing at the selector`);
  }
  if (rule.none !== undefined) {
    const banned = matchable.filter((v) => includesJson(rule.none!, v));
    if (banned.length) problems.push(`${label}: ${showList(banned)} is listed in none ${showList(rule.none)}`);
  }
  return problems;
}

/**
 * Validates a statement against one Statement Template (Part Three §2.1): its determining
 * properties, StatementRef properties and every rule. [] means the statement matches and follows it.
 */
export function templateProblems(profile: XapiProfile, templateId: string, statement: unknown): string[] {
  const template = findTemplate(profile, templateId);
  if (!template) return [`template ${templateId}: not a Statement Template of profile ${profile.id}`];
  const s = normalizeStatement(statement);
  const problems = [
    ...determiningProblems(template, s),
    ...statementRefProblems(template, s),
    ...(template.rules ?? []).flatMap((rule) => ruleProblems(rule, s)),
  ];
  return problems.map((p) => `template ${templateId}: ${p}`);
}

/** Ids of the templates whose determining properties and rules all hold for the statement. */
export function matchingTemplates(profile: XapiProfile, statement: unknown): string[] {
  return (profile.templates ?? []).filter((t) => templateProblems(profile, t.id, statement).length === 0).map((t) => t.id);
}

/**
 * Part Three §2.1 `validates`: [] when the outcome is "success" — at least one template
 * matches, and no template whose determining properties match has a rule that fails
 * ("invalid"). Otherwise the reasons.
 */
export function statementProblems(profile: XapiProfile, statement: unknown): string[] {
  const s = normalizeStatement(statement);
  let matched = 0;
  const problems: string[] = [];
  for (const template of profile.templates ?? []) {
    if (determiningProblems(template, s).length > 0) continue;
    const failures = templateProblems(profile, template.id, statement);
    if (failures.length === 0) matched++;
    problems.push(...failures);
  }
  if (problems.length === 0 && matched === 0) problems.push(`statement matches the determining properties of no template of profile ${profile.id}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Pattern validation (Part Three §2.2)
// ---------------------------------------------------------------------------------------------
export interface PatternOptions {
  /**
   * How the stream is matched against the pattern.
   * - `'greedy'` (the default): Part Three §2.2 `follows`/`matches`, which the spec makes the
   *   definition of a match: "A Pattern only matches if it matches greedily ... No backtracking
   *   is allowed." A profile whose pattern only fits with backtracking is rejected.
   * - `'any'`: membership in the regular language the pattern denotes, trying every choice
   *   (backtracking). Accepts a superset of what `'greedy'` accepts; useful to tell "the stream
   *   is wrong" from "the pattern is not greedy-safe".
   */
  matching?: 'greedy' | 'any';
}

/**
 * Decides whether the whole statement stream matches a pattern. Each statement is given as the
 * ids of the templates it matches (it may match several: the `validates` result of §2.1).
 * [] means it matches; otherwise one problem saying where matching stopped and what was expected.
 */
export function patternProblems(
  profile: XapiProfile,
  patternId: string,
  templateIdsInOrder: string[][],
  options: PatternOptions = {},
): string[] {
  const matching = options.matching ?? 'greedy';
  if (matching !== 'greedy' && matching !== 'any') throw new TypeError(`patternProblems: matching must be 'greedy' or 'any', not ${show(matching)}`);
  const patterns = new Map((profile.patterns ?? []).map((p) => [p.id, p]));
  const templates = new Set((profile.templates ?? []).map((t) => t.id));
  if (!patterns.has(patternId)) return [`pattern ${patternId}: not a Pattern of profile ${profile.id}`];
  // §9.0 forbids a pattern inside itself; checked up front, as such a pattern would not even be regular.
  const membersOf = (p: Pattern) => PATTERN_KINDS.flatMap((k) => p[k] ?? []);
  const cycles = patternCycles(patterns, membersOf, [patternId]);
  if (cycles.length > 0) return [`pattern ${patternId}: ${cycles[0].join(' -> ')} contains itself (§9.0)`];
  // Every member reachable from the pattern must resolve, whether or not this stream reaches it.
  const reachable = new Set<string>();
  const walk = (id: string) => {
    const p = patterns.get(id);
    if (!p || reachable.has(id)) return;
    reachable.add(id);
    membersOf(p).forEach(walk);
  };
  walk(patternId);
  for (const id of reachable) {
    const unknown = membersOf(patterns.get(id)!).find((m) => !templates.has(m) && !patterns.has(m));
    if (unknown !== undefined) return [`pattern ${patternId}: ${unknown} is not a template or pattern of the profile`];
  }
  try {
    return matching === 'greedy'
      ? greedyProblems(patterns, templates, patternId, templateIdsInOrder)
      : backtrackingProblems(patterns, templates, patternId, templateIdsInOrder);
  } catch (error) {
    return [`pattern ${patternId}: ${(error as Error).message}`];
  }
}

const describeStatement = (stream: string[][], i: number) =>
  `statement #${i + 1} (matches ${stream[i].length ? stream[i].join(', ') : 'no template'})`;

// --- Greedy matching: Part Three §2.2 `matches`, as its pseudocode ---------------------------

type Outcome = 'success' | 'partial' | 'failure';
/** A `matches` result; `rest` is the index of the first remaining statement (stream length: none remain). */
interface GreedyMatch {
  outcome: Outcome;
  rest: number;
}

/**
 * Part Three §2.2 `follows` for one pattern, with `matches` transcribed from the pseudocode.
 * The statement lists `statements[i:]` are represented by the index `i`, so "empty" is `i === n`
 * and "shorter" is a larger index. `matches` is a pure function of (element, position), so it is
 * memoised; that changes nothing but the running time.
 *
 * One deliberate deviation, in zeroOrMore (marked below): when an iteration consumes statements
 * and then runs out (partial, []), the literal pseudocode loops once more on the empty list and
 * returns success, [] — accepting e.g. [A, B, A] for zeroOrMore(sequence[A, B]), a stream not
 * even in the pattern's language, and contradicting the spec's own table ("partial, empty:
 * Pattern was in the middle of matching and ran out of Statements"). We return partial there, as
 * the oneOrMore branch of the same pseudocode does in the same situation.
 */
function greedyProblems(patterns: Map<string, Pattern>, templates: Set<string>, patternId: string, stream: string[][]): string[] {
  const n = stream.length;
  // follows: every statement must first validate (§2.1 outcome success: at least one template).
  const unmatched = stream.findIndex((ids) => ids.length === 0);
  if (unmatched >= 0) {
    return [`pattern ${patternId}: ${describeStatement(stream, unmatched)} does not validate against the profile's templates, so the stream follows no pattern (§2.2 follows)`];
  }

  /** Template ids checked at a position and not matched there (position n: ran out of statements). */
  const missed = new Map<number, Set<string>>();
  const miss = (pos: number, id: string) => {
    if (!missed.has(pos)) missed.set(pos, new Set());
    missed.get(pos)!.add(id);
  };
  const memo = new Map<string, GreedyMatch>();
  const success = (rest: number): GreedyMatch => ({ outcome: 'success', rest });
  const partial = (rest = n): GreedyMatch => ({ outcome: 'partial', rest });
  const failure = (rest: number): GreedyMatch => ({ outcome: 'failure', rest });

  const matches = (pos: number, id: string): GreedyMatch => {
    if (templates.has(id)) {
      if (pos === n) {
        miss(n, id);
        return partial();
      }
      if (stream[pos].includes(id)) return success(pos + 1);
      miss(pos, id);
      return failure(pos);
    }
    const key = `${pos} ${id}`;
    let result = memo.get(key);
    if (!result) {
      result = matchPattern(patterns.get(id)!, pos);
      memo.set(key, result);
    }
    return result;
  };

  const matchPattern = (element: Pattern, pos: number): GreedyMatch => {
    if (element.sequence) {
      let next = pos;
      for (const member of element.sequence) {
        const r = matches(next, member);
        if (r.outcome === 'failure') return failure(pos);
        if (r.outcome === 'partial') return partial();
        next = r.rest;
      }
      return success(next);
    }
    if (element.alternates) {
      // Every member is tried at the same position; the longest success wins (the first on a
      // tie), a success beats a partial and a partial beats a failure.
      let outcome: Outcome = 'failure';
      let rest = pos;
      for (const member of element.alternates) {
        const r = matches(pos, member);
        if (r.outcome === 'success') {
          outcome = 'success';
          if (r.rest > rest) rest = r.rest;
        }
        if (r.outcome === 'partial' && outcome === 'failure') outcome = 'partial';
      }
      if (outcome === 'partial') return partial();
      return { outcome, rest };
    }
    if (element.oneOrMore !== undefined) {
      let nextMatches: Outcome = 'failure';
      let last = pos;
      for (;;) {
        const r = matches(last, element.oneOrMore);
        if (r.outcome === 'success') {
          nextMatches = 'success';
        } else if (nextMatches === 'failure' && r.outcome === 'partial') {
          return partial();
        } else {
          if (r.outcome === 'partial' && last < n) return partial(last);
          return { outcome: nextMatches, rest: last };
        }
        if (r.rest === last) return success(r.rest);
        last = r.rest;
      }
    }
    if (element.zeroOrMore !== undefined) {
      let last = pos;
      for (;;) {
        const r = matches(last, element.zeroOrMore);
        if (r.outcome === 'failure') return success(last);
        if (r.outcome === 'partial' && r.rest < n) return partial(r.rest);
        // Deviation (see above): this iteration consumed statements and then ran out.
        if (r.outcome === 'partial' && last < n) return partial(last);
        if (r.rest === last) return success(r.rest);
        last = r.rest;
      }
    }
    if (element.optional !== undefined) {
      if (pos === n) return success(n);
      const r = matches(pos, element.optional);
      return r.outcome === 'failure' ? success(pos) : r;
    }
    throw new Error(`pattern ${element.id} has none of ${PATTERN_KINDS.join(', ')}`);
  };

  const result = matches(0, patternId);
  if (result.outcome === 'success' && result.rest === n) return [];

  const expected = (pos: number) => [...(missed.get(pos) ?? [])].sort();
  const fitsWithBacktracking = backtrackingProblems(patterns, templates, patternId, stream).length === 0;
  const hint = fitsWithBacktracking
    ? '. The stream fits the pattern only with backtracking (an optional, zeroOrMore, oneOrMore or alternates took statement(s) that a later member needed), and §2.2 matches greedily, without backtracking'
    : '';
  const at = `pattern ${patternId}: greedy matching stopped at`;

  if (result.outcome === 'success') {
    const wanted = expected(result.rest);
    const next = wanted.length ? `one of ${wanted.join(', ')} or the end of the stream` : 'the end of the stream';
    return [`${at} ${describeStatement(stream, result.rest)}: the pattern is complete after ${result.rest} statement(s), but ${n - result.rest} more follow; expected ${next}${hint}`];
  }
  if (result.outcome === 'partial') {
    const wanted = expected(n);
    const last = n === 0 ? 'the stream is empty' : `after ${describeStatement(stream, n - 1)}`;
    const next = wanted.length ? `; next it expects one of ${wanted.join(', ')}` : '';
    return [`${at} the end of the stream (${last}): the stream of ${n} statement(s) ends in the middle of the pattern${next}${hint}`];
  }
  // A failure always comes from a template that did not match a statement; report the furthest.
  const stops = [...missed.keys()].filter((pos) => pos < n);
  const stop = stops.length ? Math.max(...stops) : 0;
  return [`${at} ${describeStatement(stream, stop)}; expected one of ${expected(stop).join(', ')}${hint}`];
}

// --- Backtracking matching: regular-language membership ------------------------------------

/**
 * Membership in the regular language the pattern denotes: for a pattern and a start position we
 * compute every position a match can end at (memoised), so all choices — which template a
 * statement counts as, how many repetitions, whether an optional is taken — are tried. Every
 * stream the greedy algorithm accepts is accepted here too, but not vice versa.
 */
function backtrackingProblems(patterns: Map<string, Pattern>, templates: Set<string>, patternId: string, templateIdsInOrder: string[][]): string[] {
  const n = templateIdsInOrder.length;
  const memo = new Map<string, Set<number>>();
  /** Template ids tried at each position: what the pattern expected there. */
  const expected = new Map<number, Set<string>>();
  /** The furthest position any partial match reached. */
  let furthest = 0;

  const ends = (id: string, pos: number): Set<number> => {
    if (templates.has(id)) {
      if (!expected.has(pos)) expected.set(pos, new Set());
      expected.get(pos)!.add(id);
      if (pos < n && templateIdsInOrder[pos].includes(id)) {
        furthest = Math.max(furthest, pos + 1);
        return new Set([pos + 1]);
      }
      return new Set();
    }
    const pattern = patterns.get(id);
    if (!pattern) throw new Error(`${id} is not a template or pattern of the profile`);
    const key = `${pos} ${id}`;
    let result = memo.get(key);
    if (!result) {
      result = patternEnds(pattern, pos, ends);
      memo.set(key, result);
    }
    return result;
  };

  const complete = ends(patternId, 0);
  if (complete.has(n)) return [];

  const describe = (i: number) => describeStatement(templateIdsInOrder, i);
  const wanted = [...(expected.get(furthest) ?? [])].sort();
  const orEnd = complete.has(furthest) ? ' or the end of the stream' : '';
  if (furthest === n) {
    const next = wanted.length ? `; next it expects one of ${wanted.join(', ')}` : '';
    return [`pattern ${patternId}: the stream of ${n} statement(s) ends in the middle of the pattern${next}`];
  }
  if (wanted.length === 0) {
    return [`pattern ${patternId}: the pattern is complete after ${furthest} statement(s), but ${n - furthest} more follow, from ${describe(furthest)}`];
  }
  return [`pattern ${patternId}: matching stopped at ${describe(furthest)}; expected one of ${wanted.join(', ')}${orEnd}`];
}

/** The end positions of one pattern starting at `pos`; `ends` resolves members. */
function patternEnds(pattern: Pattern, pos: number, ends: (id: string, pos: number) => Set<number>): Set<number> {
  /** Positions reachable from `starts` by zero or more further matches of `id`. */
  const repeat = (id: string, starts: Set<number>) => {
    const reached = new Set(starts);
    const queue = [...starts];
    while (queue.length > 0) {
      for (const end of ends(id, queue.shift()!)) {
        if (!reached.has(end)) {
          reached.add(end);
          queue.push(end);
        }
      }
    }
    return reached;
  };
  if (pattern.sequence) {
    return pattern.sequence.reduce((positions, id) => new Set([...positions].flatMap((p) => [...ends(id, p)])), new Set([pos]));
  }
  if (pattern.alternates) return new Set(pattern.alternates.flatMap((id) => [...ends(id, pos)]));
  if (pattern.optional !== undefined) return new Set([pos, ...ends(pattern.optional, pos)]);
  if (pattern.zeroOrMore !== undefined) return repeat(pattern.zeroOrMore, new Set([pos]));
  if (pattern.oneOrMore !== undefined) return repeat(pattern.oneOrMore, ends(pattern.oneOrMore, pos));
  throw new Error(`pattern ${pattern.id} has none of ${PATTERN_KINDS.join(', ')}`);
}
