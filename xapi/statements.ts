/**
 * Statement builders: pure functions from what happened to an xAPI 1.0.3 statement. The caller
 * gives the id and time (ids are made once, on the client, so a resend is the same statement).
 * Every statement follows a template of xapi/profile.jsonld; the TinCan and cmi5 adapters
 * differ only in the session context they pass.
 */
import { isoDuration } from '../src/tracking/time-format.js';
import { areaActivity, interactionIri, profileActivity, sceneActivity } from './activities.js';
import type { Activity, Agent, Context, LanguageMap, Result, Statement } from './types.js';
import { activityTypes, cmi5, extensions, verbs, type VerbName } from './vocabulary.js';

/** What stays the same for every statement of one session. */
export interface Session {
  actor: Agent;
  registration: string;
  /** The module as the LRS knows it: our IRI (TinCan) or the LMS's activityId (cmi5). */
  module: Activity;
  /** Our own IRI of the module: its scenes and questions are named under it in every format and LMS. */
  moduleIri: string;
  /** Roles and curriculum: grouping activities of every statement. */
  grouping: Activity[];
  moduleVersion: string;
  /** e.g. "Awareness-kit 0.1.0 (cmi5)". */
  platform: string;
  /** The learner's organisational unit, when the launch gave one. */
  orgUnit?: string;
  /** cmi5: the LMS's contextTemplate, copied into every statement and never overwritten (§10). */
  template?: Context;
  /** Set in cmi5 sessions: cmi5-defined statements get their categories (§9.6.2). */
  cmi5?: { masteryScore?: number };
}

/** The statement's own id, time and the learner's language at that moment. */
export interface Stamp {
  id: string;
  timestamp: Date;
  language: string;
}

export interface SceneInfo {
  id: string;
  type: string;
  title: LanguageMap;
}

export interface AnsweredItem {
  sceneId: string;
  interactionType: 'choice' | 'true-false';
  name: LanguageMap;
  description: LanguageMap;
  /** Choice interactions: every option, in authored order. */
  choices: Array<{ id: string; description: LanguageMap }>;
  response: string[];
  correctResponse: string[];
  correct: boolean;
  /** Points per competence area. */
  earned: Record<string, number>;
  possible: Record<string, number>;
  latencyMs: number;
}

export interface AreaOutcome {
  id: string;
  title: LanguageMap;
  earned: number;
  possible: number;
  scaled: number;
  target: number;
  mastered: boolean;
}

export interface Outcome {
  scaled: number;
  earned: number;
  possible: number;
  passed: boolean;
  /** Only the areas the learner met. */
  areas: AreaOutcome[];
}

type Kind = {
  /** A cmi5-defined statement (cmi5 verbs, §9.3) rather than a cmi5-allowed one. */
  cmi5Defined?: boolean;
  /** Carries success or completion: cmi5's moveon category (§9.6.2.2). */
  moveOn?: boolean;
  /** Judged against the LMS's masteryScore (§9.6.3.2). */
  mastery?: boolean;
  /** The module is the parent (statements about its parts). */
  parent?: boolean;
};

function statement(session: Session, stamp: Stamp, verb: VerbName, object: Activity, result: Result | undefined, kind: Kind): Statement {
  return {
    id: stamp.id,
    actor: session.actor,
    verb: verbs[verb],
    object,
    ...(result ? { result } : {}),
    context: context(session, stamp, kind),
    timestamp: stamp.timestamp.toISOString(),
  };
}

/** The template first (never overwritten), then ours added to it. */
function context(session: Session, stamp: Stamp, kind: Kind): Context {
  const template: Context = session.template ? structuredClone(session.template) : {};
  const activities = template.contextActivities ?? {};
  const add = (key: 'parent' | 'grouping' | 'category', items: Activity[]) => {
    const present = toArray(activities[key]);
    const ids = new Set(present.map((a) => a.id));
    activities[key] = [...present, ...items.filter((a) => !ids.has(a.id))];
  };
  if (kind.parent) add('parent', [bare(session.module)]);
  add('grouping', session.grouping);
  const category: Activity[] = [profileActivity];
  if (session.cmi5 && kind.cmi5Defined) category.push({ id: cmi5.category });
  if (session.cmi5 && kind.moveOn) category.push({ id: cmi5.moveOnCategory });
  add('category', category);

  const ours: Record<string, unknown> = { [extensions.moduleVersion]: session.moduleVersion };
  if (session.orgUnit) ours[extensions.organisationalUnit] = session.orgUnit;
  if (kind.mastery && session.cmi5?.masteryScore !== undefined) ours[cmi5.masteryScore] = session.cmi5.masteryScore;
  return {
    ...template,
    registration: session.registration,
    contextActivities: activities,
    language: template.language ?? stamp.language,
    platform: template.platform ?? session.platform,
    extensions: { ...ours, ...template.extensions },
  };
}

/** The LRS answers context activities as arrays; a template may give a single one. */
function toArray(value: Activity | Activity[] | undefined): Activity[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The module as a context activity: its id (and type, when we own it) — its definition is sent once, as an object. */
function bare(activity: Activity): Activity {
  return activity.definition?.type ? { id: activity.id, definition: { type: activity.definition.type } } : { id: activity.id };
}

const progressResult = (progress: number): Result => ({ extensions: { [extensions.progress]: Math.round(progress * 100) } });

export function initialized(session: Session, stamp: Stamp): Statement {
  return statement(session, stamp, 'initialized', session.module, undefined, { cmi5Defined: true });
}

/** A session that continues an attempt left earlier. */
export function resumed(session: Session, stamp: Stamp, progress: number): Statement {
  return statement(session, stamp, 'resumed', session.module, progressResult(progress), {});
}

export function experienced(session: Session, stamp: Stamp, scene: SceneInfo, progress: number): Statement {
  const object = sceneActivity(session.moduleIri, scene.id, scene.type, scene.title);
  return statement(session, stamp, 'experienced', object, progressResult(progress), { parent: true });
}

/** Encodes responses as xAPI's response patterns do: choices joined by "[,]". */
const responsePattern = (ids: string[]) => ids.join('[,]');

export function answered(session: Session, stamp: Stamp, item: AnsweredItem): Statement {
  const raw = sum(item.earned);
  const max = sum(item.possible);
  const object: Activity = {
    objectType: 'Activity',
    id: interactionIri(session.moduleIri, item.sceneId),
    definition: {
      type: activityTypes.interaction,
      name: item.name,
      description: item.description,
      interactionType: item.interactionType,
      correctResponsesPattern: [responsePattern(item.correctResponse)],
      ...(item.interactionType === 'choice' ? { choices: item.choices } : {}),
    },
  };
  const areaPoints = Object.fromEntries(Object.entries(item.possible).map(([area, possible]) => [area, { earned: item.earned[area] ?? 0, possible }]));
  const result: Result = {
    response: responsePattern(item.response),
    success: item.correct,
    score: score(raw, max),
    duration: isoDuration(item.latencyMs),
    extensions: { [extensions.areaPoints]: areaPoints },
  };
  return statement(session, stamp, 'answered', object, result, { parent: true });
}

export function completed(session: Session, stamp: Stamp, durationMs: number): Statement {
  // cmi5 §9.5: completed carries completion and duration, never a score or success.
  const result: Result = { completion: true, duration: isoDuration(durationMs) };
  return statement(session, stamp, 'completed', session.module, result, { cmi5Defined: true, moveOn: true });
}

/** passed or failed, with the overall score and the results per competence area. */
export function judged(session: Session, stamp: Stamp, outcome: Outcome, durationMs: number): Statement {
  const result: Result = {
    success: outcome.passed,
    score: score(outcome.earned, outcome.possible, outcome.scaled),
    duration: isoDuration(durationMs),
    extensions: { [extensions.competenceResults]: outcome.areas.map(areaResult) },
  };
  const kind = { cmi5Defined: true, moveOn: true, mastery: true };
  return statement(session, stamp, outcome.passed ? 'passed' : 'failed', session.module, result, kind);
}

/** One statement per competence area met: its score and whether the role's target was reached. */
export function areaScored(session: Session, stamp: Stamp, area: AreaOutcome): Statement {
  const result: Result = { success: area.mastered, score: score(area.earned, area.possible, area.scaled) };
  return statement(session, stamp, 'scored', areaActivity(area.id, area.title), result, { parent: true });
}

export function suspended(session: Session, stamp: Stamp, progress: number, durationMs: number): Statement {
  const result: Result = { ...progressResult(progress), duration: isoDuration(durationMs) };
  return statement(session, stamp, 'suspended', session.module, result, {});
}

export function terminated(session: Session, stamp: Stamp, durationMs: number): Statement {
  return statement(session, stamp, 'terminated', session.module, { duration: isoDuration(durationMs) }, { cmi5Defined: true });
}

function areaResult(area: AreaOutcome) {
  return { area: areaActivity(area.id, area.title).id, id: area.id, earned: area.earned, possible: area.possible, scaled: area.scaled, target: area.target, mastered: area.mastered };
}

/** raw/min/max only when raw is a whole number (cmi5 §9.5.1 requires an integer raw score). */
function score(raw: number, max: number, scaled = max > 0 ? Math.round((raw / max) * 10000) / 10000 : 0): Result['score'] {
  return Number.isInteger(raw) && Number.isInteger(max) && max > 0 ? { scaled, raw, min: 0, max } : { scaled };
}

function sum(points: Record<string, number>): number {
  return Object.values(points).reduce((a, b) => a + b, 0);
}
