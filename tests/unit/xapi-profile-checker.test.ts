import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import {
  jsonPathValues,
  matchingTemplates,
  patternProblems,
  statementProblems,
  structureProblems,
  templateProblems,
  type Pattern,
  type StatementTemplate,
  type TemplateRule,
  type XapiProfile,
} from '../support/xapi-profile.js';

// ----------------------------------------------------------------------------------------------
// Small inline profiles and statements
// ----------------------------------------------------------------------------------------------

const PROFILE = 'https://example.org/profile';
const V1 = 'https://example.org/profile/v1';
const T = (name: string) => `https://example.org/profile/templates/${name}`;
const P = (name: string) => `https://example.org/profile/patterns/${name}`;
const VERB = (name: string) => `https://example.org/verbs/${name}`;
const TYPE = (name: string) => `https://example.org/activity-types/${name}`;
const EXT = 'https://example.org/extensions/score#1';
const label = (en: string) => ({ en });

function template(name: string, extra: Partial<StatementTemplate> = {}): StatementTemplate {
  return { id: T(name), type: 'StatementTemplate', inScheme: V1, prefLabel: label(name), definition: label(`The ${name} template`), ...extra };
}

function pattern(name: string, extra: Partial<Pattern>): Pattern {
  return { id: P(name), type: 'Pattern', inScheme: V1, ...extra };
}

function primary(name: string, extra: Partial<Pattern>): Pattern {
  return pattern(name, { primary: true, prefLabel: label(name), definition: label(`The ${name} pattern`), ...extra });
}

function profile(parts: Partial<XapiProfile> = {}): XapiProfile {
  return {
    '@context': 'https://w3id.org/xapi/profiles/context',
    id: PROFILE,
    type: 'Profile',
    conformsTo: 'https://w3id.org/xapi/profiles#1.0',
    prefLabel: { en: 'Test profile', da: 'Testprofil' },
    definition: label('A profile for the checker tests'),
    versions: [{ id: V1, generatedAtTime: '2026-01-05T10:00:00Z' }],
    author: { type: 'Organization', name: 'Awareness-kit' },
    ...parts,
  };
}

/** A profile with one template holding the given rules (no determining properties). */
function ruleProfile(...rules: TemplateRule[]): XapiProfile {
  return profile({ templates: [template('r', { rules })] });
}

type Json = Record<string, unknown>;

function statement(): Json {
  return {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-1' } },
    verb: { id: VERB('answered'), display: { en: 'answered' } },
    object: { objectType: 'Activity', id: 'https://example.org/activities/q1', definition: { type: TYPE('question') } },
    result: { success: true, response: 'b', extensions: { [EXT]: 7 } },
    context: {
      registration: '6f3c1d2e-1111-4a2b-9c3d-123456789abc',
      contextActivities: {
        parent: [{ id: 'https://example.org/activities/scene-1', definition: { type: TYPE('scene') } }],
        grouping: [{ id: 'https://example.org/activities/module', definition: { type: TYPE('module') } }],
        category: [{ id: V1, definition: { type: TYPE('profile') } }, { id: 'https://example.org/tags/security' }],
      },
    },
    timestamp: '2026-01-05T10:00:00.000Z',
  };
}

/** A statement with a change applied to a copy. */
function statementWith(change: (s: any) => void): Json {
  const s = statement();
  change(s);
  return s;
}

const check = (p: XapiProfile, s: unknown, id = T('r')) => templateProblems(p, id, s);

// ----------------------------------------------------------------------------------------------
// Statement Template rules
// ----------------------------------------------------------------------------------------------

describe('templateProblems: rules', () => {
  it('presence included: a value must be present', () => {
    const p = ruleProfile({ location: '$.result.success', presence: 'included' });
    expect(check(p, statement())).toEqual([]);
    const problems = check(p, statementWith((s) => delete s.result.success));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(T('r'));
    expect(problems[0]).toContain('"$.result.success"');
    expect(problems[0]).toContain('presence "included" but no value is present');
  });

  it('presence included with a selector: a location value without the selected value is unmatchable', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[*]', selector: '$.definition.type', presence: 'included' });
    // The second category activity has no definition.type.
    expect(check(p, statement()).join()).toContain('1 location value(s) have nothing at the selector');
    const allTyped = statementWith((s) => (s.context.contextActivities.category[1].definition = { type: TYPE('tag') }));
    expect(check(p, allTyped)).toEqual([]);
  });

  it('presence excluded: no matchable value may be present', () => {
    const p = ruleProfile({ location: '$.result.score', presence: 'excluded' });
    expect(check(p, statement())).toEqual([]);
    const problems = check(p, statementWith((s) => (s.result.score = { scaled: 1 })));
    expect(problems.join()).toContain('presence "excluded" but found [{"scaled":1}]');
  });

  it('presence excluded with a selector: only unmatchable values are fine', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[*]', selector: '$.definition.extensions', presence: 'excluded' });
    expect(check(p, statement())).toEqual([]);
    const withExtensions = statementWith((s) => (s.context.contextActivities.category[0].definition.extensions = { [EXT]: 1 }));
    expect(check(p, withExtensions)).toHaveLength(1);
  });

  it('presence excluded: any/all/none are not applied (Part Two §8.1)', () => {
    const p = ruleProfile({ location: '$.result.score.raw', presence: 'excluded', any: [1] });
    expect(check(p, statement())).toEqual([]);
  });

  it('presence recommended: any/all/none only apply when a value is there', () => {
    const p = ruleProfile({ location: '$.result.response', presence: 'recommended', all: ['a', 'b', 'c'] });
    expect(check(p, statement())).toEqual([]);
    expect(check(p, statementWith((s) => delete s.result.response))).toEqual([]);
    expect(check(p, statementWith((s) => (s.result.response = 'z'))).join()).toContain('["z"] not in all ["a", "b", "c"]');
  });

  it('presence recommended with a selector: only unmatchable values means nothing to check', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.parent[*]', selector: '$.definition.name', presence: 'recommended', any: [label('x')] });
    expect(check(p, statement())).toEqual([]);
    const named = statementWith((s) => (s.context.contextActivities.parent[0].definition.name = label('y')));
    expect(check(p, named)).toHaveLength(1);
  });

  it('any: at least one matched value must be in the list (deep JSON equality)', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[*].id', any: [V1, 'https://example.org/profile/v0'] });
    expect(check(p, statement())).toEqual([]);
    const other = statementWith((s) => (s.context.contextActivities.category = [{ id: 'https://example.org/tags/x' }]));
    expect(check(p, other).join()).toContain('no value is one of any');
    // No presence: "strict", so nothing found fails `any` too.
    expect(check(p, statementWith((s) => delete s.context.contextActivities.category))).toHaveLength(1);

    const objects = ruleProfile({ location: '$.result', any: [{ extensions: { [EXT]: 7 }, response: 'b', success: true }] });
    expect(check(objects, statement())).toEqual([]); // same members, other key order
    expect(check(objects, statementWith((s) => (s.result.extensions[EXT] = 8)))).toHaveLength(1);
  });

  it('all: every matched value must be in the list', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[*].id', all: [V1, 'https://example.org/tags/security'] });
    expect(check(p, statement())).toEqual([]);
    const extra = statementWith((s) => s.context.contextActivities.category.push({ id: 'https://example.org/tags/other' }));
    expect(check(p, extra).join()).toContain('["https://example.org/tags/other"] not in all');
  });

  it('all: nothing found passes vacuously without presence, fails with presence included', () => {
    const location = '$.context.contextActivities.other[*].id';
    expect(check(ruleProfile({ location, all: ['https://example.org/x'] }), statement())).toEqual([]);
    expect(check(ruleProfile({ location, all: ['https://example.org/x'], presence: 'included' }), statement())).toHaveLength(1);
  });

  it('all: an unmatchable value fails, even when the matchable ones are fine', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[*]', selector: '$.definition.type', all: [TYPE('profile')] });
    expect(check(p, statement()).join()).toContain('have nothing at the selector');
    const onlyTyped = statementWith((s) => s.context.contextActivities.category.pop());
    expect(check(p, onlyTyped)).toEqual([]);
  });

  it('none: no matched value may be in the list', () => {
    const p = ruleProfile({ location: '$.verb.id', none: [VERB('voided'), VERB('deleted')] });
    expect(check(p, statement())).toEqual([]);
    expect(check(p, statementWith((s) => (s.verb.id = VERB('voided')))).join()).toContain('is listed in none');
    expect(check(ruleProfile({ location: '$.result.score.raw', none: [0] }), statement())).toEqual([]);
  });

  it('array locations see normalised contextActivities (a single object counts as an array of one)', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.grouping[*].id', presence: 'included', all: ['https://example.org/activities/module'] });
    const single = statementWith((s) => (s.context.contextActivities.grouping = s.context.contextActivities.grouping[0]));
    expect(check(p, single)).toEqual([]);
    expect(check(p, statementWith((s) => (s.context.contextActivities.grouping[0].id = 'https://example.org/x')))).toHaveLength(1);
  });

  it('JSONPath: quoted keys with # and dots, unions with , and |, paths without $', () => {
    expect(check(ruleProfile({ location: `$.result.extensions['${EXT}']`, presence: 'included', all: [7] }), statement())).toEqual([]);
    const union = ruleProfile({ location: "$.result['success','response'] | $.context.contextActivities.parent[*].id", all: [true, 'b', 'https://example.org/activities/scene-1'], presence: 'included' });
    expect(check(union, statement())).toEqual([]);
    expect(check(union, statementWith((s) => (s.result.response = 'c')))).toHaveLength(1);
    expect(check(ruleProfile({ location: 'context.contextActivities.parent[0].id', presence: 'included' }), statement())).toEqual([]);
  });

  it('several rules: each failing rule is reported', () => {
    const p = ruleProfile(
      { location: '$.result.success', presence: 'included' },
      { location: '$.result.completion', presence: 'included' },
      { location: '$.timestamp', presence: 'excluded' },
    );
    const problems = check(p, statement());
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('$.result.completion');
    expect(problems[1]).toContain('$.timestamp');
  });

  it('an illegal JSONPath in a rule is a problem, not a silent pass', () => {
    const p = ruleProfile({ location: '$.context.contextActivities.category[?(@.id)]', presence: 'excluded' });
    expect(check(p, statement()).join()).toContain('filter and script expressions are not allowed');
  });

  it('an unknown template id is a problem', () => {
    expect(templateProblems(profile(), T('missing'), statement())[0]).toContain('not a Statement Template');
  });
});

// ----------------------------------------------------------------------------------------------
// Determining properties
// ----------------------------------------------------------------------------------------------

describe('templateProblems: determining properties', () => {
  const one = (extra: Partial<StatementTemplate>) => profile({ templates: [template('d', extra)] });
  const checkD = (p: XapiProfile, s: unknown) => templateProblems(p, T('d'), s);

  it('verb', () => {
    const p = one({ verb: VERB('answered') });
    expect(checkD(p, statement())).toEqual([]);
    expect(checkD(p, statementWith((s) => (s.verb.id = VERB('viewed')))).join()).toContain(`verb must be "${VERB('answered')}"`);
  });

  it('objectActivityType (and the object must be an Activity)', () => {
    const p = one({ objectActivityType: TYPE('question') });
    expect(checkD(p, statement())).toEqual([]);
    expect(checkD(p, statementWith((s) => (s.object.definition.type = TYPE('scene'))))).toHaveLength(1);
    expect(checkD(p, statementWith((s) => delete s.object.objectType))).toEqual([]); // objectType defaults to Activity
    const agent = statementWith((s) => (s.object = { objectType: 'Agent', mbox: 'mailto:a@example.org', definition: { type: TYPE('question') } }));
    expect(checkD(p, agent).join()).toContain('needs an Activity object');
  });

  it.each([
    ['contextParentActivityType', 'parent', TYPE('scene')],
    ['contextGroupingActivityType', 'grouping', TYPE('module')],
    ['contextCategoryActivityType', 'category', TYPE('profile')],
  ] as const)('%s: the statement has every listed type (a superset is fine)', (property, key, type) => {
    expect(checkD(one({ [property]: [type] }), statement())).toEqual([]);
    const superset = statementWith((s) => s.context.contextActivities[key].push({ id: 'https://example.org/a/x', definition: { type: TYPE('extra') } }));
    expect(checkD(one({ [property]: [type] }), superset)).toEqual([]);
    const problems = checkD(one({ [property]: [type, TYPE('missing')] }), statement());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${property} needs ["${TYPE('missing')}"]`);
  });

  it('contextOtherActivityType', () => {
    const p = one({ contextOtherActivityType: [TYPE('tool')] });
    expect(checkD(p, statement())).toHaveLength(1);
    const withOther = statementWith((s) => (s.context.contextActivities.other = { id: 'https://example.org/a/t', definition: { type: TYPE('tool') } }));
    expect(checkD(p, withOther)).toEqual([]);
  });

  it('attachmentUsageType', () => {
    const usage = 'https://example.org/attachment-usage/certificate';
    const p = one({ attachmentUsageType: [usage] });
    expect(checkD(p, statement()).join()).toContain('attachmentUsageType needs');
    const attached = statementWith((s) => (s.attachments = [{ usageType: usage, display: label('c'), contentType: 'application/pdf', length: 1, sha2: 'ab' }]));
    expect(checkD(p, attached)).toEqual([]);
  });

  it('objectStatementRefTemplate / contextStatementRefTemplate are reported as unsupported', () => {
    const p = profile({ templates: [template('d', { objectStatementRefTemplate: [T('other')] }), template('other')] });
    expect(checkD(p, statement()).join()).toContain('needs the object to be a StatementRef');
    const ref = statementWith((s) => (s.object = { objectType: 'StatementRef', id: '6f3c1d2e-1111-4a2b-9c3d-000000000001' }));
    expect(checkD(p, ref).join()).toContain('objectStatementRefTemplate is not supported');
    const c = profile({ templates: [template('d', { contextStatementRefTemplate: [T('other')] }), template('other')] });
    expect(checkD(c, statement()).join()).toContain('needs context.statement to be a StatementRef');
  });
});

describe('matchingTemplates and statementProblems', () => {
  const p = profile({
    templates: [
      template('answered', { verb: VERB('answered'), rules: [{ location: '$.result.success', presence: 'included' }] }),
      template('question', { objectActivityType: TYPE('question') }),
      template('viewed', { verb: VERB('viewed') }),
    ],
  });

  it('lists every template whose determining properties and rules hold', () => {
    expect(matchingTemplates(p, statement())).toEqual([T('answered'), T('question')]);
    expect(matchingTemplates(p, statementWith((s) => delete s.result.success))).toEqual([T('question')]);
    expect(matchingTemplates(p, statementWith((s) => (s.object.definition.type = TYPE('scene'))))).toEqual([T('answered')]);
  });

  it('statementProblems: "invalid" when a template matches by determining properties but breaks a rule', () => {
    expect(statementProblems(p, statement())).toEqual([]);
    const problems = statementProblems(p, statementWith((s) => delete s.result.success));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(T('answered'));
    const unmatched = statementWith((s) => {
      s.verb.id = VERB('other');
      s.object.definition.type = TYPE('other');
    });
    expect(statementProblems(p, unmatched)[0]).toContain('matches the determining properties of no template');
  });
});

describe('the JSONPath evaluator', () => {
  it('agrees with jsonpath-plus on ordinary paths', () => {
    const s = statement();
    for (const path of [
      '$.verb.id',
      '$.verb',
      '$.context.contextActivities.category[*].id',
      '$.context.contextActivities.category[1]',
      '$.context.contextActivities.*[*].definition.type',
      '$..type',
      '$.nothing.here',
      '$.context.contextActivities.category',
    ]) {
      expect(jsonPathValues(s, path), path).toEqual(JSONPath({ path, json: s, wrap: true, eval: false }));
    }
  });

  it('handles legal spec paths that jsonpath-plus gets wrong', () => {
    const s = statement();
    expect(jsonPathValues(s, `$.result.extensions['${EXT}']`)).toEqual([7]); // jsonpath-plus throws on "#1"
    expect(jsonPathValues(s, '$.context.contextActivities.category.length')).toEqual([]); // not a JS property
    expect(jsonPathValues(s, "$.result['success','response']")).toEqual([true, 'b']); // jsonpath-plus 10 finds nothing
    expect(jsonPathValues({ 'a]b': 1, '@c': 2 }, "$['a]b'] | $['@c']")).toEqual([1, 2]);
    expect(() => jsonPathValues(s, '$.a[1:2]')).toThrow(/slices are not allowed/);
    expect(() => jsonPathValues(s, '$.a[-1]')).toThrow(/negative indexes/);
  });
});

// ----------------------------------------------------------------------------------------------
// Structure
// ----------------------------------------------------------------------------------------------

function fullProfile(): XapiProfile {
  return profile({
    concepts: [
      { id: VERB('answered'), type: 'Verb', inScheme: V1, prefLabel: label('answered'), definition: label('Answered a question') },
      { id: TYPE('question'), type: 'ActivityType', inScheme: V1, prefLabel: label('question'), definition: label('A question') },
      { id: EXT, type: 'ResultExtension', inScheme: V1, prefLabel: label('score'), definition: label('A score'), recommendedVerbs: [VERB('answered')] },
      { id: 'https://example.org/state/progress', type: 'StateResource', inScheme: V1, prefLabel: label('progress'), definition: label('Progress'), contentType: 'application/json' },
      { id: 'https://example.org/activities/module', type: 'Activity', inScheme: V1, activityDefinition: { '@context': 'https://w3id.org/xapi/profiles/activity-context', name: label('Module'), type: TYPE('module') } },
    ],
    templates: [
      template('a', { verb: VERB('answered'), rules: [{ location: '$.result.success', presence: 'included' }] }),
      template('b', { verb: VERB('viewed') }),
    ],
    patterns: [
      primary('main', { sequence: [T('a'), P('bs')] }),
      pattern('bs', { zeroOrMore: T('b') }),
      primary('solo', { sequence: [T('b')] }),
    ],
  });
}

function problemsAfter(change: (p: any) => void): string[] {
  const p = fullProfile();
  change(p);
  return structureProblems(p);
}

describe('structureProblems', () => {
  it('accepts a complete, valid profile', () => {
    expect(structureProblems(fullProfile())).toEqual([]);
    expect(problemsAfter((p) => (p['@context'] = ['https://w3id.org/xapi/profiles/context', { extra: 'https://example.org/x' }]))).toEqual([]);
  });

  it('profile-level requirements', () => {
    expect(problemsAfter((p) => (p['@context'] = 'https://example.org/context')).join()).toContain('@context must be');
    expect(problemsAfter((p) => (p.type = 'profile')).join()).toContain('type must be "Profile"');
    expect(problemsAfter((p) => (p.conformsTo = 'https://w3id.org/xapi/profiles#0.9')).join()).toContain('conformsTo must be');
    expect(problemsAfter((p) => (p.prefLabel = 'Test')).join()).toContain('prefLabel must be a language map');
    expect(problemsAfter((p) => delete p.definition).join()).toContain('definition must be a language map');
    expect(problemsAfter((p) => (p.author = { type: 'Team', name: 'x' })).join()).toContain('author: type must be');
    expect(problemsAfter((p) => delete p.author.name).join()).toContain('author: name');
    expect(problemsAfter((p) => delete p.versions[0].generatedAtTime).join()).toContain('generatedAtTime');
    expect(problemsAfter((p) => (p.versions = [])).join()).toContain('versions must be a non-empty array');
  });

  it('a missing or unknown inScheme', () => {
    expect(problemsAfter((p) => delete p.concepts[0].inScheme).join()).toContain(`concepts[0] ${VERB('answered')}: inScheme must be the id of one of the profile's versions`);
    expect(problemsAfter((p) => (p.templates[1].inScheme = 'https://example.org/profile/v2')).join()).toContain('templates[1]');
    expect(problemsAfter((p) => delete p.patterns[1].inScheme).join()).toContain('patterns[1]');
  });

  it('concept requirements', () => {
    expect(problemsAfter((p) => (p.concepts[0].type = 'verb')).join()).toContain('type must be one of');
    expect(problemsAfter((p) => delete p.concepts[1].definition).join()).toContain('concepts[1]');
    expect(problemsAfter((p) => (p.concepts[4].activityDefinition['@context'] = 'https://w3id.org/xapi/profiles/context')).join()).toContain('activityDefinition @context');
    expect(problemsAfter((p) => delete p.concepts[3].contentType).join()).toContain('contentType is required');
    expect(problemsAfter((p) => (p.concepts[2].type = 'ActivityExtension')).join()).toContain('recommendedVerbs is only allowed');
  });

  it('ids must be absolute IRIs and unique', () => {
    expect(problemsAfter((p) => (p.templates[0].id = 'answered-template')).join()).toContain('id must be an absolute IRI, found "answered-template"');
    expect(problemsAfter((p) => (p.patterns[1].id = '_:bs')).join()).toContain('id must be an absolute IRI');
    expect(problemsAfter((p) => (p.templates[1].id = VERB('answered'))).join()).toContain(`id ${VERB('answered')} is used more than once`);
  });

  it('template rule requirements', () => {
    expect(problemsAfter((p) => (p.templates[0].rules = [{ location: '$.result' }])).join()).toContain('at least one of presence, any, all, none');
    expect(problemsAfter((p) => (p.templates[0].rules[0].presence = 'required')).join()).toContain('presence must be');
    expect(problemsAfter((p) => (p.templates[0].rules[0].location = '$.result[?(@.success)]')).join()).toContain('location is not a legal JSONPath');
    expect(problemsAfter((p) => (p.templates[0].rules[0].any = [])).join()).toContain('values must not be null, empty strings, empty arrays');
    expect(problemsAfter((p) => (p.templates[0].objectStatementRefTemplate = [T('b')], p.templates[0].objectActivityType = TYPE('q'))).join())
      .toContain('must not have both objectStatementRefTemplate and objectActivityType');
  });

  it('pattern members must resolve to a template or pattern of the profile', () => {
    expect(problemsAfter((p) => (p.patterns[0].sequence[1] = P('nowhere'))).join()).toContain(`member ${P('nowhere')} is not a template or pattern`);
  });

  it('exactly one of alternates/optional/oneOrMore/sequence/zeroOrMore', () => {
    expect(problemsAfter((p) => (p.patterns[1].optional = T('a'))).join()).toContain('found optional and zeroOrMore');
    expect(problemsAfter((p) => (p.patterns[0].optional = T('a'))).join()).toContain('found optional and sequence');
    expect(problemsAfter((p) => delete p.patterns[1].zeroOrMore).join()).toContain('found none');
    expect(problemsAfter((p) => (p.patterns[1].zeroOrMore = [T('b')])).join()).toContain('zeroOrMore must be a single id');
  });

  it('alternates: two or more members, no optional/zeroOrMore directly inside', () => {
    expect(problemsAfter((p) => p.patterns.push(pattern('alt', { alternates: [T('a')] }))).join()).toContain('at least two members');
    expect(problemsAfter((p) => p.patterns.push(pattern('alt', { alternates: [T('a'), P('bs')] }))).join()).toContain('must not contain an optional or zeroOrMore');
    expect(problemsAfter((p) => p.patterns.push(pattern('alt', { alternates: [T('a'), T('b')] })))).toEqual([]);
  });

  it('a one-member sequence only in a primary pattern around one template, not used elsewhere', () => {
    expect(problemsAfter((p) => (p.patterns[2].primary = false)).join()).toContain('sequence must have at least two members');
    expect(problemsAfter((p) => (p.patterns[2].sequence = [P('bs')])).join()).toContain('sequence must have at least two members');
    expect(problemsAfter((p) => p.patterns.push(pattern('uses-solo', { oneOrMore: P('solo') }))).join()).toContain('sequence must have at least two members');
  });

  it('primary patterns need prefLabel and definition; no pattern may contain itself', () => {
    expect(problemsAfter((p) => delete p.patterns[0].prefLabel).join()).toContain('patterns[0]');
    const cyclic = problemsAfter((p) => (p.patterns[1].zeroOrMore = P('main')));
    expect(cyclic.join()).toContain('contains itself');
  });

  it('returns problems for things that are not a profile at all', () => {
    expect(structureProblems(null)).toEqual(['profile: must be a JSON object']);
    expect(structureProblems({}).length).toBeGreaterThan(5);
  });
});

// ----------------------------------------------------------------------------------------------
// Patterns
// ----------------------------------------------------------------------------------------------

describe('patternProblems', () => {
  const [A, B, C, D] = ['a', 'b', 'c', 'd'].map(T);
  const withPatterns = (...patterns: Pattern[]) => profile({ templates: ['a', 'b', 'c', 'd'].map((n) => template(n)), patterns });
  /** The hint the greedy matcher adds when the backtracking matcher would accept the stream. */
  const BACKTRACKING = 'fits the pattern only with backtracking';
  /** Accepted by the default (greedy) matcher, and so by the backtracking one too. */
  const ok = (p: XapiProfile, id: string, stream: string[][]) => {
    expect(patternProblems(p, id, stream), JSON.stringify(stream)).toEqual([]);
    expect(patternProblems(p, id, stream, { matching: 'any' }), JSON.stringify(stream)).toEqual([]);
  };
  /** Rejected by the default (greedy) matcher with `message`; the backtracking matcher rejects it too. */
  const fails = (p: XapiProfile, id: string, stream: string[][], message: string | RegExp) => {
    const problems = patternProblems(p, id, stream);
    expect(problems, JSON.stringify(stream)).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).not.toContain(BACKTRACKING);
    expect(patternProblems(p, id, stream, { matching: 'any' }), JSON.stringify(stream)).toHaveLength(1);
  };
  /** Accepted with backtracking, rejected by the default (greedy) matcher with `message` and the hint. */
  const onlyWithBacktracking = (p: XapiProfile, id: string, stream: string[][], message: string | RegExp) => {
    expect(patternProblems(p, id, stream, { matching: 'any' }), JSON.stringify(stream)).toEqual([]);
    const problems = patternProblems(p, id, stream);
    expect(problems, JSON.stringify(stream)).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).toContain(BACKTRACKING);
  };
  /** Rejected by the backtracking matcher with `message`. */
  const failsAny = (p: XapiProfile, id: string, stream: string[][], message: string | RegExp) => {
    const problems = patternProblems(p, id, stream, { matching: 'any' });
    expect(problems, JSON.stringify(stream)).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  };
  const endsAfter = (n: number, last: string) => `greedy matching stopped at the end of the stream (after statement #${n} (matches ${last})): the stream of ${n} statement(s) ends in the middle of the pattern`;

  it('sequence; a too-short and a too-long stream fail', () => {
    const p = withPatterns(primary('s', { sequence: [A, B, C] }));
    ok(p, P('s'), [[A], [B], [C]]);
    fails(p, P('s'), [[A], [C]], `greedy matching stopped at statement #2 (matches ${C}); expected one of ${B}`);
    fails(p, P('s'), [[A], [B]], `${endsAfter(2, B)}; next it expects one of ${C}`);
    fails(p, P('s'), [[A], [B], [C], [A]], `greedy matching stopped at statement #4 (matches ${A}): the pattern is complete after 3 statement(s), but 1 more follow; expected the end of the stream`);
    fails(p, P('s'), [], 'greedy matching stopped at the end of the stream (the stream is empty): the stream of 0 statement(s) ends in the middle');
    // §2.2 follows: a statement that validates against no template fails before any matching.
    fails(p, P('s'), [[A], [], [C]], 'statement #2 (matches no template) does not validate against the profile');
    failsAny(p, P('s'), [[A], [], [C]], `matching stopped at statement #2 (matches no template); expected one of ${B}`);
  });

  it('alternates', () => {
    const p = withPatterns(primary('alt', { alternates: [A, B] }));
    ok(p, P('alt'), [[A]]);
    ok(p, P('alt'), [[B]]);
    fails(p, P('alt'), [[C]], `stopped at statement #1 (matches ${C}); expected one of ${A}, ${B}`);
    fails(p, P('alt'), [[A], [B]], 'complete after 1');
  });

  it('optional', () => {
    const p = withPatterns(primary('s', { sequence: [A, P('opt'), C] }), pattern('opt', { optional: B }));
    ok(p, P('s'), [[A], [C]]);
    ok(p, P('s'), [[A], [B], [C]]);
    fails(p, P('s'), [[A], [B], [B], [C]], `statement #3 (matches ${B}); expected one of ${C}`);
  });

  it('zeroOrMore', () => {
    const p = withPatterns(primary('s', { sequence: [A, P('bs'), C] }), pattern('bs', { zeroOrMore: B }));
    ok(p, P('s'), [[A], [C]]);
    ok(p, P('s'), [[A], [B], [C]]);
    ok(p, P('s'), [[A], [B], [B], [B], [C]]);
    fails(p, P('s'), [[A], [B], [D], [C]], `statement #3 (matches ${D}); expected one of ${B}, ${C}`);
    ok(withPatterns(primary('only', { zeroOrMore: B })), P('only'), []);
  });

  it('oneOrMore', () => {
    const p = withPatterns(primary('s', { sequence: [A, P('bs'), C] }), pattern('bs', { oneOrMore: B }));
    fails(p, P('s'), [[A], [C]], `statement #2 (matches ${C}); expected one of ${B}`);
    ok(p, P('s'), [[A], [B], [C]]);
    ok(p, P('s'), [[A], [B], [B], [C]]);
  });

  it('nested patterns by id', () => {
    // A, then any number of (B C | D), then A.
    const p = withPatterns(
      primary('main', { sequence: [A, P('loop'), A] }),
      pattern('loop', { zeroOrMore: P('choice') }),
      pattern('choice', { alternates: [P('bc'), D] }),
      pattern('bc', { sequence: [B, C] }),
    );
    ok(p, P('main'), [[A], [A]]);
    ok(p, P('main'), [[A], [B], [C], [D], [B], [C], [A]]);
    fails(p, P('main'), [[A], [B], [D], [A]], `statement #3 (matches ${D}); expected one of ${C}`);
    fails(p, P('main'), [[A], [D], [B], [C]], `ends in the middle of the pattern; next it expects one of ${A}, ${B}, ${D}`);
    expect(structureProblems(p)).toEqual([]);
  });

  it("with { matching: 'any' }: choices are backtracked, so streams greedy matching rejects are accepted", () => {
    // oneOrMore(A) takes statement #2 too (it matches A), and then B has nothing left.
    const p = withPatterns(primary('s', { sequence: [P('as'), B, C] }), pattern('as', { oneOrMore: A }));
    onlyWithBacktracking(p, P('s'), [[A], [A, B], [C]], `statement #3 (matches ${C}); expected one of ${A}, ${B}`);
    ok(p, P('s'), [[A], [A, B], [B], [C]]);
    failsAny(p, P('s'), [[A, B], [C]], `statement #2 (matches ${C}); expected one of ${A}, ${B}`);
    // Same at the start of a zeroOrMore: statement #1 must count as B, not as A.
    const z = withPatterns(primary('z', { sequence: [P('as'), B] }), pattern('as', { zeroOrMore: A }));
    onlyWithBacktracking(z, P('z'), [[A, B]], `${endsAfter(1, `${A}, ${B}`)}; next it expects one of ${A}, ${B}`);
    // And an optional that must be left out: sequence [optional(A), A] against one A.
    const o = withPatterns(primary('o', { sequence: [P('maybe-a'), A] }), pattern('maybe-a', { optional: A }));
    onlyWithBacktracking(o, P('o'), [[A]], `${endsAfter(1, A)}; next it expects one of ${A}`);
    ok(o, P('o'), [[A], [A]]);
    fails(o, P('o'), [[A], [A], [A]], 'complete after 2');
    failsAny(o, P('o'), [[A], [A], [A]], 'complete after 2');
    // alternates: the first member (A) fits statement #1, but only the second (A B) lets C follow;
    // greedy matching takes the longer one, so here both matchers agree.
    const alt = withPatterns(primary('alt', { sequence: [P('a-or-ab'), C] }), pattern('a-or-ab', { alternates: [A, P('ab')] }), pattern('ab', { sequence: [A, B] }));
    ok(alt, P('alt'), [[A], [B], [C]]);
    ok(alt, P('alt'), [[A], [C]]);
    fails(alt, P('alt'), [[A], [B]], `ends in the middle of the pattern; next it expects one of ${C}`);
    failsAny(alt, P('alt'), [[A], [B]], `ends in the middle of the pattern; next it expects one of ${C}`);
  });

  it('a repeated pattern that can match nothing still terminates', () => {
    const p = withPatterns(primary('s', { sequence: [P('loop'), C] }), pattern('loop', { zeroOrMore: P('maybe') }), pattern('maybe', { optional: A }));
    ok(p, P('s'), [[A], [A], [C]]);
    ok(p, P('s'), [[C]]);
    fails(p, P('s'), [[A], [B]], `statement #2 (matches ${B}); expected one of ${A}, ${C}`);
  });

  it('unknown ids and cycles are problems', () => {
    expect(patternProblems(withPatterns(), P('none'), [])[0]).toContain('not a Pattern');
    expect(patternProblems(withPatterns(primary('s', { sequence: [A, P('x')] })), P('s'), [[A]])[0]).toContain(`${P('x')} is not a template or pattern`);
    // Reported even when the stream never reaches the member.
    expect(patternProblems(withPatterns(primary('s', { sequence: [A, P('x')] })), P('s'), [[B]])[0]).toContain(`${P('x')} is not a template or pattern`);
    const cyclic = withPatterns(primary('s', { sequence: [A, P('s')] }));
    expect(patternProblems(cyclic, P('s'), [[A], [A]])[0]).toContain('contains itself');
    expect(() => patternProblems(cyclic, P('s'), [], { matching: 'lazy' as never })).toThrow(/matching must be 'greedy' or 'any'/);
  });
});

// ----------------------------------------------------------------------------------------------
// Patterns, greedily (Part Three §2.2: "No backtracking is allowed")
// ----------------------------------------------------------------------------------------------

describe('patternProblems: greedy matching is the default (Part Three §2.2)', () => {
  const [A, B, C, D] = ['a', 'b', 'c', 'd'].map(T);
  const withPatterns = (...patterns: Pattern[]) => profile({ templates: ['a', 'b', 'c', 'd'].map((n) => template(n)), patterns });
  const greedy = (p: XapiProfile, id: string, stream: string[][]) => patternProblems(p, id, stream);
  const any = (p: XapiProfile, id: string, stream: string[][]) => patternProblems(p, id, stream, { matching: 'any' });
  const BACKTRACKING = 'fits the pattern only with backtracking';
  /** Both matchers accept. */
  const both = (p: XapiProfile, id: string, stream: string[][]) => {
    expect(greedy(p, id, stream), JSON.stringify(stream)).toEqual([]);
    expect(patternProblems(p, id, stream, { matching: 'greedy' }), JSON.stringify(stream)).toEqual([]);
    expect(any(p, id, stream), JSON.stringify(stream)).toEqual([]);
  };
  /** Only the backtracking matcher accepts; the greedy problem contains `message` and the hint. */
  const backtrackingOnly = (p: XapiProfile, id: string, stream: string[][], message: string) => {
    expect(any(p, id, stream), JSON.stringify(stream)).toEqual([]);
    const problems = greedy(p, id, stream);
    expect(problems, JSON.stringify(stream)).toHaveLength(1);
    expect(problems[0]).toContain(`pattern ${id}: greedy matching stopped at ${message}`);
    expect(problems[0]).toContain(BACKTRACKING);
    expect(patternProblems(p, id, stream, { matching: 'greedy' })).toEqual(problems);
  };
  /** Neither accepts; the greedy problem contains `message` and no hint. */
  const neither = (p: XapiProfile, id: string, stream: string[][], message: string) => {
    expect(any(p, id, stream), JSON.stringify(stream)).toHaveLength(1);
    const problems = greedy(p, id, stream);
    expect(problems, JSON.stringify(stream)).toHaveLength(1);
    expect(problems[0]).toContain(`pattern ${id}: greedy matching stopped at ${message}`);
    expect(problems[0]).not.toContain(BACKTRACKING);
  };
  const theEnd = (n: number, last: string) => `the end of the stream (after statement #${n} (matches ${last})): the stream of ${n} statement(s) ends in the middle of the pattern; next it expects one of`;

  it('a stream that needs no backtracking is accepted by both matchers', () => {
    // sequence[oneOrMore(A), B, C]: oneOrMore(A) stops at the first statement that is not an A.
    const p = withPatterns(primary('s', { sequence: [P('as'), B, C] }), pattern('as', { oneOrMore: A }));
    both(p, P('s'), [[A], [B], [C]]);
    both(p, P('s'), [[A], [A], [A], [B], [C]]);
    // Statement #2 also matches B, but greedy oneOrMore takes it as an A; a B still follows.
    both(p, P('s'), [[A], [A, B], [B], [C]]);
  });

  it('sequence[oneOrMore(A), B, C]: a stream that only fits with backtracking is rejected, saying where and why', () => {
    const p = withPatterns(primary('s', { sequence: [P('as'), B, C] }), pattern('as', { oneOrMore: A }));
    const stream = [[A], [A, B], [C]];
    expect(any(p, P('s'), stream)).toEqual([]);
    expect(greedy(p, P('s'), stream)).toEqual([
      `pattern ${P('s')}: greedy matching stopped at statement #3 (matches ${C}); expected one of ${A}, ${B}. ` +
        'The stream fits the pattern only with backtracking (an optional, zeroOrMore, oneOrMore or alternates took statement(s) ' +
        'that a later member needed), and §2.2 matches greedily, without backtracking',
    ]);
    // The option spelled out gives the same as the default.
    expect(patternProblems(p, P('s'), stream, { matching: 'greedy' })).toEqual(greedy(p, P('s'), stream));
  });

  it('sequence[zeroOrMore(A), A]: zeroOrMore takes every A, so the last A is never left for the sequence', () => {
    const p = withPatterns(primary('s', { sequence: [P('as'), A] }), pattern('as', { zeroOrMore: A }));
    backtrackingOnly(p, P('s'), [[A]], `${theEnd(1, A)} ${A}`);
    backtrackingOnly(p, P('s'), [[A], [A], [A]], `${theEnd(3, A)} ${A}`);
    neither(p, P('s'), [], `the end of the stream (the stream is empty): the stream of 0 statement(s) ends in the middle of the pattern; next it expects one of ${A}`);
    // A statement matching several templates counts as the first one asked for.
    const q = withPatterns(primary('q', { sequence: [P('bs'), C] }), pattern('bs', { zeroOrMore: B }));
    backtrackingOnly(q, P('q'), [[B], [B, C]], `${theEnd(2, `${B}, ${C}`)} ${B}, ${C}`);
    both(q, P('q'), [[B], [B, C], [C]]);
    both(q, P('q'), [[B, C], [C]]);
  });

  it('optional is taken whenever it matches', () => {
    const p = withPatterns(primary('s', { sequence: [P('maybe-a'), A] }), pattern('maybe-a', { optional: A }));
    backtrackingOnly(p, P('s'), [[A]], `${theEnd(1, A)} ${A}`);
    both(p, P('s'), [[A], [A]]);
    const q = withPatterns(primary('q', { sequence: [P('maybe-a'), B] }), pattern('maybe-a', { optional: A }));
    both(q, P('q'), [[B]]);
    backtrackingOnly(q, P('q'), [[A, B]], `${theEnd(1, `${A}, ${B}`)} ${B}`);
    both(q, P('q'), [[A, B], [B]]);
    // An optional facing the end of the stream is a success (nothing to take).
    const r = withPatterns(primary('r', { sequence: [A, P('maybe-b')] }), pattern('maybe-b', { optional: B }));
    both(r, P('r'), [[A]]);
    both(r, P('r'), [[A], [B]]);
    neither(r, P('r'), [[A], [C]], `statement #2 (matches ${C}): the pattern is complete after 1 statement(s), but 1 more follow; expected one of ${B} or the end of the stream`);
  });

  it('oneOrMore: at least one, then as many as match; the whole stream must be used', () => {
    const p = withPatterns(primary('as', { oneOrMore: A }));
    both(p, P('as'), [[A]]);
    both(p, P('as'), [[A], [A, B], [A]]);
    neither(p, P('as'), [[B]], `statement #1 (matches ${B}); expected one of ${A}`);
    neither(p, P('as'), [], `the end of the stream (the stream is empty)`);
    neither(p, P('as'), [[A], [B]], `statement #2 (matches ${B}): the pattern is complete after 1 statement(s), but 1 more follow; expected one of ${A} or the end of the stream`);
  });

  it('alternates: the longest matching member wins, even when a shorter one would let the sequence go on', () => {
    for (const members of [[B, P('bc')], [P('bc'), B]]) {
      const p = withPatterns(primary('s', { sequence: [A, P('alt'), C] }), pattern('alt', { alternates: members }), pattern('bc', { sequence: [B, C] }));
      // [A, B, C]: alternates takes B C, so the final C has nothing left.
      backtrackingOnly(p, P('s'), [[A], [B], [C]], `${theEnd(3, C)} ${C}`);
      both(p, P('s'), [[A], [B], [C], [C]]);
      // [A, B, D]: B C fails at D, B alone succeeds; then C is expected where D is.
      neither(p, P('s'), [[A], [B], [D]], `statement #3 (matches ${D}); expected one of ${C}`);
    }
  });

  it('alternates: a success beats a partial, a partial beats a failure', () => {
    const p = withPatterns(primary('alt', { alternates: [P('ab'), C] }), pattern('ab', { sequence: [A, B] }));
    // [A]: A B runs out of statements (partial), C fails: partial, so "ends in the middle".
    neither(p, P('alt'), [[A]], `${theEnd(1, A)} ${B}`);
    const q = withPatterns(primary('alt', { alternates: [P('ab'), A] }), pattern('ab', { sequence: [A, B] }));
    both(q, P('alt'), [[A]]);
    both(q, P('alt'), [[A], [B]]);
  });

  it('a repetition that runs out of statements in the middle of an iteration is partial: it gives nothing back', () => {
    // oneOrMore(sequence[A, B]) followed by A: after A B, the next A starts another A B, which
    // runs out. §2.2 returns partial there, and a sequence turns partial into partial: rejected.
    const p = withPatterns(primary('s', { sequence: [P('abs'), A] }), pattern('abs', { oneOrMore: P('ab') }), pattern('ab', { sequence: [A, B] }));
    backtrackingOnly(p, P('s'), [[A], [B], [A]], `${theEnd(3, A)} ${B}`);
    backtrackingOnly(p, P('s'), [[A], [B], [A], [B], [A]], `${theEnd(5, A)} ${B}`);
    neither(p, P('s'), [[A], [B], [A], [B]], `${theEnd(4, B)} ${A}`);
    // oneOrMore(sequence[A, B]) on its own: [A, B, A] ends inside the second iteration.
    const q = withPatterns(primary('abs', { oneOrMore: P('ab') }), pattern('ab', { sequence: [A, B] }));
    both(q, P('abs'), [[A], [B], [A], [B]]);
    neither(q, P('abs'), [[A], [B], [A]], `${theEnd(3, A)} ${B}`);
  });

  it('zeroOrMore: a stream ending inside an iteration is rejected (where the literal §2.2 pseudocode would accept it)', () => {
    // The pseudocode's zeroOrMore, on an iteration that consumed statements and then ran out,
    // loops once more on no statements and returns success; we return partial, as its oneOrMore does.
    const p = withPatterns(primary('abs', { zeroOrMore: P('ab') }), pattern('ab', { sequence: [A, B] }));
    both(p, P('abs'), []);
    both(p, P('abs'), [[A], [B]]);
    both(p, P('abs'), [[A], [B], [A], [B]]);
    neither(p, P('abs'), [[A]], `${theEnd(1, A)} ${B}`);
    neither(p, P('abs'), [[A], [B], [A]], `${theEnd(3, A)} ${B}`);
    const q = withPatterns(primary('s', { sequence: [P('abs'), C] }), pattern('abs', { zeroOrMore: P('ab') }), pattern('ab', { sequence: [A, B] }));
    both(q, P('s'), [[A], [B], [C]]);
    neither(q, P('s'), [[A], [B], [A]], `${theEnd(3, A)} ${B}`);
    neither(q, P('s'), [[A], [B], [A], [C]], `statement #4 (matches ${C}); expected one of ${B}`);
  });

  it('nesting: a session-like pattern whose optional end can swallow the closing statement', () => {
    // A, then any number of steps (B, or C with an optional D), then D.
    const p = withPatterns(
      primary('session', { sequence: [A, P('steps'), D] }),
      pattern('steps', { zeroOrMore: P('step') }),
      pattern('step', { alternates: [B, P('c-maybe-d')] }),
      pattern('c-maybe-d', { sequence: [C, P('maybe-d')] }),
      pattern('maybe-d', { optional: D }),
    );
    expect(structureProblems(p)).toEqual([]);
    both(p, P('session'), [[A], [D]]);
    both(p, P('session'), [[A], [B], [C], [B], [D]]);
    both(p, P('session'), [[A], [C], [D], [D]]);
    // The step's optional D takes the D meant to close the session.
    backtrackingOnly(p, P('session'), [[A], [C], [D]], `${theEnd(3, D)} ${B}, ${C}, ${D}`);
    backtrackingOnly(p, P('session'), [[A], [B], [C], [D]], `${theEnd(4, D)} ${B}, ${C}, ${D}`);
    neither(p, P('session'), [[A], [C], [A], [D]], `statement #3 (matches ${A}); expected one of ${B}, ${C}, ${D}`);

    // Sessions repeated, as in a registration: oneOrMore(sequence[A, zeroOrMore(B), C]).
    const r = withPatterns(
      primary('registration', { oneOrMore: P('s') }),
      pattern('s', { sequence: [A, P('bs'), C] }),
      pattern('bs', { zeroOrMore: B }),
    );
    both(r, P('registration'), [[A], [B], [C], [A], [C]]);
    neither(r, P('registration'), [[A], [B], [C], [B]], `statement #4 (matches ${B}): the pattern is complete after 3 statement(s), but 1 more follow; expected one of ${A} or the end of the stream`);
    neither(r, P('registration'), [[A], [B], [C], [A], [B]], `${theEnd(5, B)} ${B}, ${C}`);
  });
});
