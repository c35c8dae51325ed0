/**
 * xapi/profile.jsonld: well formed by the ADL xAPI Profiles spec, generated from the vocabulary
 * and the framework (so it cannot drift), and every statement builder's output follows exactly
 * one of its templates; a whole session follows the primary pattern.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProfile } from '../../build-scripts/cli.js';
import * as build from '../../xapi/statements.js';
import type { Session } from '../../xapi/statements.js';
import type { Statement } from '../../xapi/types.js';
import { curriculumActivity, moduleActivity, roleActivity } from '../../xapi/activities.js';
import { cmi5, VOCABULARY } from '../../xapi/vocabulary.js';
import { matchingTemplates, patternProblems, statementProblems, structureProblems, type XapiProfile } from '../support/xapi-profile.js';
import { ROOT } from './module-fixture.js';

const profile = JSON.parse(readFileSync(join(ROOT, 'xapi/profile.jsonld'), 'utf8')) as XapiProfile;
const PRIMARY = `${VOCABULARY}/patterns/registration`;
const T = (name: string) => `${VOCABULARY}/templates/${name}`;

const BASE = 'https://kommune.dk/xapi';
const tincan: Session = {
  actor: { objectType: 'Agent', mbox: 'mailto:kim@kommune.dk' },
  registration: '3f1c6f2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f',
  module: moduleActivity(`${BASE}/modules/m1`, { da: 'Modul' }, { da: 'Om' }),
  grouping: [curriculumActivity(BASE), roleActivity('frontline', { da: 'Front' })],
  moduleIri: `${BASE}/modules/m1`,
  moduleVersion: '1.0.0',
  platform: 'Awareness-kit test',
};
const cmi5Session: Session = {
  ...tincan,
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.dk', name: 'u-1' } },
  module: { objectType: 'Activity', id: 'https://lms.dk/au/1' },
  template: { contextActivities: { grouping: [{ id: `${BASE}/modules/m1` }] }, extensions: { [cmi5.sessionId]: 's-1' } },
  cmi5: { masteryScore: 0.8 },
};

let n = 0;
const stamp = () => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, timestamp: new Date(Date.UTC(2026, 11, 4, 10, 0, 0, n)), language: 'da' });
const area = { id: 'know-the-rules', title: { da: 'Kend reglerne' }, earned: 1, possible: 2, scaled: 0.5, target: 0.8, mastered: false };
const item: build.AnsweredItem = {
  sceneId: 'q1',
  interactionType: 'choice',
  name: { da: 'Spørgsmål' },
  description: { da: 'Hvad?' },
  choices: [{ id: 'a', description: { da: 'A' } }, { id: 'b', description: { da: 'B' } }],
  response: ['a'],
  correctResponse: ['b'],
  correct: false,
  earned: {},
  possible: { 'know-the-rules': 2 },
  latencyMs: 2000,
};

/** One finished session and one left halfway, as the trackers send them. */
function stream(session: Session): Statement[] {
  return [
    build.initialized(session, stamp()),
    build.experienced(session, stamp(), { id: 'intro', type: 'story', title: { da: 'Intro' } }, 0.1),
    build.answered(session, stamp(), item),
    build.suspended(session, stamp(), 0.5, 1000),
    build.terminated(session, stamp(), 1000),
    build.initialized(session, stamp()),
    build.resumed(session, stamp(), 0.5),
    build.experienced(session, stamp(), { id: 'summary', type: 'summary', title: { da: 'Slut' } }, 1),
    build.completed(session, stamp(), 1000),
    build.judged(session, stamp(), { scaled: 0.5, earned: 1, possible: 2, passed: false, areas: [area] }, 1000),
    build.areaScored(session, stamp(), area),
    build.terminated(session, stamp(), 1000),
  ];
}

describe('xapi/profile.jsonld', () => {
  it('is a well-formed xAPI Profile (ADL xAPI Profiles 1.0)', () => {
    expect(structureProblems(profile)).toEqual([]);
  });

  it('is what the vocabulary and the framework generate (run npm run schema after changing them)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ak-profile-')), 'profile.jsonld');
    writeProfile(undefined, out);
    expect(readFileSync(join(ROOT, 'xapi/profile.jsonld'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('lists every competence area and role of the framework as an activity', () => {
    const activities = profile.concepts!.filter((c) => c.type === 'Activity').map((c) => c.id);
    const framework = readFileSync(join(ROOT, 'modules/competence-framework.yaml'), 'utf8');
    const areas = [...framework.matchAll(/^ {2}- id: ([a-z-]+)\n {4}code: K/gm)].map((m) => m[1]);
    expect(areas.length).toBeGreaterThanOrEqual(6);
    for (const a of areas) expect(activities).toContain(`${VOCABULARY}/competences/${a}`);
    for (const r of ['frontline', 'sysadmin', 'manager']) expect(activities).toContain(`${VOCABULARY}/roles/${r}`);
  });
});

for (const [name, session] of [['TinCan', tincan], ['cmi5', cmi5Session]] as const) {
  describe(`${name} statements follow the profile`, () => {
    const statements = stream(session);

    it('each matches exactly one template, by its verb, and breaks no rule', () => {
      const expected = ['initialized', 'experienced-scene', 'answered-item', 'suspended', 'terminated', 'initialized', 'resumed', 'experienced-scene', 'completed', 'failed', 'scored-area', 'terminated'];
      expect(statements.map((s) => matchingTemplates(profile, s))).toEqual(expected.map((t) => [T(t)]));
      for (const s of statements) expect(statementProblems(profile, s), s.verb.id).toEqual([]);
    });

    it('the sessions of a registration follow the primary pattern, and a stream out of order does not', () => {
      const ids = statements.map((s) => matchingTemplates(profile, s));
      expect(patternProblems(profile, PRIMARY, ids)).toEqual([]);
      // terminated must be last, initialized first; a result needs no completed but cannot come before initialized.
      expect(patternProblems(profile, PRIMARY, ids.slice(1))).not.toEqual([]);
      expect(patternProblems(profile, PRIMARY, [...ids.slice(0, 4), ids[2]])).not.toEqual([]);
      expect(patternProblems(profile, PRIMARY, [ids[9], ...ids])).not.toEqual([]);
    });
  });
}

describe('the templates catch what must never be sent', () => {
  it('an experienced statement with a response (reflection text) breaks its template', () => {
    const s = build.experienced(tincan, stamp(), { id: 'reflect', type: 'reflection', title: { da: 'Tænk' } }, 0.5);
    const leaking = { ...s, result: { ...s.result, response: 'what the learner wrote' } };
    expect(statementProblems(profile, leaking).join('\n')).toMatch(/result\.response/);
  });

  it('a completed statement with a score breaks its template (cmi5 §9.5)', () => {
    const s = build.completed(tincan, stamp(), 1000);
    expect(statementProblems(profile, { ...s, result: { ...s.result, score: { scaled: 1 } } })).not.toEqual([]);
  });
});
