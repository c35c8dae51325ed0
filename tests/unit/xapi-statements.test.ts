/** The statement builders (xapi/statements.ts): pure functions, checked field by field. */
import { describe, expect, it } from 'vitest';
import * as build from '../../xapi/statements.js';
import type { Session } from '../../xapi/statements.js';
import { activityTypes, cmi5, extensions, PROFILE_VERSION, verbs } from '../../xapi/vocabulary.js';
import { curriculumActivity, moduleActivity, roleActivity } from '../../xapi/activities.js';

const BASE = 'https://kommune.dk/xapi';
const MODULE = `${BASE}/modules/m1`;
const at = (n: number) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, timestamp: new Date(Date.UTC(2026, 11, 4, 10, 0, n)), language: 'da' });

const tincan: Session = {
  actor: { objectType: 'Agent', mbox: 'mailto:kim@kommune.dk' },
  registration: '3f1c6f2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f',
  module: moduleActivity(MODULE, { da: 'Modul', en: 'Module' }, { da: 'Om', en: 'About' }),
  grouping: [curriculumActivity(BASE), roleActivity('frontline', { da: 'Front', en: 'Front line' })],
  moduleIri: MODULE,
  moduleVersion: '1.2.0',
  platform: 'Awareness-kit test (xAPI)',
  orgUnit: 'Borgerservice',
};

const SESSION_ID = 'a1b2c3d4-0000-4000-8000-000000000abc';
const PUBLISHER = { id: MODULE };
const cmi5Session: Session = {
  ...tincan,
  actor: { objectType: 'Agent', account: { homePage: 'https://lms.dk', name: 'u-17' } },
  module: { objectType: 'Activity', id: 'https://lms.dk/au/1' },
  template: {
    contextActivities: { grouping: [PUBLISHER] },
    extensions: { [cmi5.sessionId]: SESSION_ID },
  },
  cmi5: { masteryScore: 0.6 },
};

const categories = (s: { context?: { contextActivities?: { category?: Array<{ id: string }> } } }) => s.context!.contextActivities!.category!.map((a) => a.id);

describe('every statement', () => {
  it('carries id, time, actor, registration, language, platform, profile, role and curriculum', () => {
    const s = build.initialized(tincan, at(1));
    expect(s).toMatchObject({ id: at(1).id, timestamp: '2026-12-04T10:00:01.000Z', actor: tincan.actor, verb: verbs.initialized, object: { id: MODULE } });
    expect(s.context).toMatchObject({ registration: tincan.registration, language: 'da', platform: 'Awareness-kit test (xAPI)' });
    expect(categories(s)).toEqual([PROFILE_VERSION]);
    expect(s.context!.contextActivities!.grouping!.map((a) => a.definition?.type)).toEqual([activityTypes.curriculum, activityTypes.role]);
    expect(s.context!.extensions).toEqual({ [extensions.moduleVersion]: '1.2.0', [extensions.organisationalUnit]: 'Borgerservice' });
  });

  it('cmi5: copies the LMS context template and never overwrites it (§10)', () => {
    const s = build.experienced(cmi5Session, at(2), { id: 'intro', type: 'story', title: { da: 'Intro' } }, 0.1);
    expect(s.context!.extensions![cmi5.sessionId]).toBe(SESSION_ID);
    expect(s.context!.contextActivities!.grouping![0]).toEqual(PUBLISHER);
    expect(s.context!.contextActivities!.parent).toEqual([{ id: 'https://lms.dk/au/1' }]);
    // The template object itself is untouched (each statement gets its own copy).
    expect(cmi5Session.template!.contextActivities!.grouping).toEqual([PUBLISHER]);
    expect(Object.keys(cmi5Session.template!.extensions!)).toEqual([cmi5.sessionId]);
  });

  it('cmi5: the cmi5 category only on cmi5-defined statements, moveon only where success or completion is (§9.6.2)', () => {
    const outcome = { scaled: 0.75, earned: 3, possible: 4, passed: true, areas: [] };
    expect(categories(build.initialized(cmi5Session, at(1)))).toEqual([PROFILE_VERSION, cmi5.category]);
    expect(categories(build.completed(cmi5Session, at(2), 1000))).toEqual([PROFILE_VERSION, cmi5.category, cmi5.moveOnCategory]);
    expect(categories(build.judged(cmi5Session, at(3), outcome, 1000))).toEqual([PROFILE_VERSION, cmi5.category, cmi5.moveOnCategory]);
    expect(categories(build.terminated(cmi5Session, at(4), 1000))).toEqual([PROFILE_VERSION, cmi5.category]);
    expect(categories(build.experienced(cmi5Session, at(5), { id: 'x', type: 'story', title: { da: 'X' } }, 0))).toEqual([PROFILE_VERSION]);
    expect(categories(build.suspended(cmi5Session, at(6), 0.5, 1000))).toEqual([PROFILE_VERSION]);
    // TinCan has no cmi5 categories at all.
    expect(categories(build.completed(tincan, at(7), 1000))).toEqual([PROFILE_VERSION]);
  });

  it('cmi5: passed/failed carry the masteryScore they were judged against (§9.6.3.2)', () => {
    const s = build.judged(cmi5Session, at(1), { scaled: 0.5, earned: 1, possible: 2, passed: false, areas: [] }, 1000);
    expect(s.verb).toEqual(verbs.failed);
    expect(s.context!.extensions![cmi5.masteryScore]).toBe(0.6);
    expect(build.completed(cmi5Session, at(2), 1000).context!.extensions![cmi5.masteryScore]).toBeUndefined();
  });
});

describe('answered', () => {
  const item: build.AnsweredItem = {
    sceneId: 'kanaler',
    interactionType: 'choice',
    name: { da: 'Kanaler', en: 'Channels' },
    description: { da: 'Hvilke er sikre?', en: 'Which are secure?' },
    choices: [
      { id: 'digital-post', description: { da: 'Digital Post', en: 'Digital Post' } },
      { id: 'gmail', description: { da: 'Gmail', en: 'Gmail' } },
      { id: 'sikker-mail', description: { da: 'Sikker mail', en: 'Secure mail' } },
    ],
    response: ['digital-post', 'gmail'],
    correctResponse: ['digital-post', 'sikker-mail'],
    correct: false,
    earned: {},
    possible: { 'protect-daily': 2, 'know-the-rules': 1 },
    latencyMs: 12345,
  };

  it('is a cmi.interaction with choices and xAPI response patterns', () => {
    const s = build.answered(tincan, at(1), item);
    expect(s.verb).toEqual(verbs.answered);
    expect(s.object).toEqual({
      objectType: 'Activity',
      id: `${MODULE}/interactions/kanaler`,
      definition: {
        type: activityTypes.interaction,
        name: item.name,
        description: item.description,
        interactionType: 'choice',
        correctResponsesPattern: ['digital-post[,]sikker-mail'],
        choices: item.choices,
      },
    });
    expect(s.result).toEqual({
      response: 'digital-post[,]gmail',
      success: false,
      score: { scaled: 0, raw: 0, min: 0, max: 3 },
      duration: 'PT12.35S',
      extensions: { [extensions.areaPoints]: { 'protect-daily': { earned: 0, possible: 2 }, 'know-the-rules': { earned: 0, possible: 1 } } },
    });
    expect(s.context!.contextActivities!.parent).toEqual([{ id: MODULE, definition: { type: activityTypes.module } }]);
  });

  it('true-false has no choices', () => {
    const s = build.answered(tincan, at(1), { ...item, interactionType: 'true-false', choices: [], response: ['false'], correctResponse: ['true'] });
    expect(s.object.definition).not.toHaveProperty('choices');
    expect(s.object.definition!.correctResponsesPattern).toEqual(['true']);
    expect(s.result!.response).toBe('false');
  });
});

describe('results', () => {
  const outcome: build.Outcome = {
    scaled: 0.7143,
    earned: 5,
    possible: 7,
    passed: false,
    areas: [{ id: 'know-the-rules', title: { da: 'Kend reglerne', en: 'Know the rules' }, earned: 3, possible: 4, scaled: 0.75, target: 0.8, mastered: false }],
  };

  it('completed has completion and duration, never score or success (cmi5 §9.5)', () => {
    expect(build.completed(tincan, at(1), 61_000).result).toEqual({ completion: true, duration: 'PT1M1S' });
  });

  it('passed/failed carry the scaled score, raw/min/max and the results per area', () => {
    const s = build.judged(tincan, at(1), outcome, 3_600_000);
    expect(s.verb).toEqual(verbs.failed);
    expect(s.result).toEqual({
      success: false,
      score: { scaled: 0.7143, raw: 5, min: 0, max: 7 },
      duration: 'PT1H',
      extensions: {
        [extensions.competenceResults]: [
          { area: 'https://awareness-kit.example/xapi/competences/know-the-rules', id: 'know-the-rules', earned: 3, possible: 4, scaled: 0.75, target: 0.8, mastered: false },
        ],
      },
    });
    expect(build.judged(tincan, at(2), { ...outcome, passed: true }, 1).verb).toEqual(verbs.passed);
  });

  it('an area statement per area: score and whether the target was reached', () => {
    const s = build.areaScored(tincan, at(1), outcome.areas[0]);
    expect(s.verb).toEqual(verbs.scored);
    expect(s.object).toMatchObject({ id: 'https://awareness-kit.example/xapi/competences/know-the-rules', definition: { type: activityTypes.competenceArea } });
    expect(s.result).toEqual({ success: false, score: { scaled: 0.75, raw: 3, min: 0, max: 4 } });
  });

  it('a fractional raw score is sent as scaled only (cmi5 wants raw as an integer)', () => {
    expect(build.judged(tincan, at(1), { ...outcome, earned: 2.5, possible: 5, scaled: 0.5 }, 1).result!.score).toEqual({ scaled: 0.5 });
  });

  it('suspended and terminated carry the duration; suspended also the progress', () => {
    expect(build.suspended(tincan, at(1), 0.456, 90_000).result).toEqual({ extensions: { [extensions.progress]: 46 }, duration: 'PT1M30S' });
    expect(build.terminated(tincan, at(2), 90_000).result).toEqual({ duration: 'PT1M30S' });
  });
});
