/**
 * Turns Awareness-kit statements into HR's figures, one statement at a time: it keeps one small
 * record per attempt (learner × module × registration), never the statements. Pure: no I/O.
 *
 * Counting rules (issue 7): a learner's status in a module is that of their latest attempt (the
 * registration started last); a learner counts once per group; voided statements are left out;
 * statements about modules we do not know are counted and reported, not dropped.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { extensions, PROFILE_ID, verbs } from '../../xapi/vocabulary.js';
import type { StoredStatement } from './lrs-reader.js';
import { copenhagenMidnight, copenhagenMonth } from './dates.js';

export type Text = { da: string; en?: string };

/** What the report knows of a module it may meet in the LRS. */
export interface KnownModule {
  id: string;
  /** The module's activity IRIs: today one, under the activity base of the modules' build (--org / --activity-base). */
  iris: string[];
  title: Text;
  /** The role it is scored against (its first role) and that role's title. */
  role: string;
  roleTitle: Text;
  /** The areas it trains, in framework order. */
  areas: Array<{ id: string; code: string; title: Text }>;
}

export interface AreaResult {
  earned: number;
  possible: number;
  scaled: number;
  target: number;
  mastered: boolean;
}

interface Attempt {
  registration: string;
  /** When it began: its initialized statement, else the earliest statement of it that we read. */
  started: number;
  completedAt?: number;
  judged?: { at: number; passed: boolean; scaled: number; areas: Record<string, AreaResult> };
  unit?: { at: number; value: string };
}

interface LearnerModule {
  learner: string;
  module: string;
  attempts: Map<string, Attempt>;
}

export interface AggregateOptions {
  /** Groups with fewer learners are suppressed in summaries (default 5). */
  minGroup?: number;
  /** Replace learners by stable pseudonyms (HMAC of their xAPI identifier with `pseudonymKey`). */
  pseudonymise?: boolean;
  /** The key for pseudonyms; the same key gives the same pseudonyms (default: a new one per run). */
  pseudonymKey?: string;
}

export interface Figures {
  learners: number;
  completed: number;
  passed: number;
  failed: number;
  /** Mean scaled score of learners whose latest attempt has a result. */
  meanScore: number | null;
}

/** A summary group: its figures, or null when it is suppressed. */
export interface Group<K> {
  key: K;
  learners: number;
  figures: Figures | null;
  /** Why it is suppressed: too few learners, or to keep a small group from being worked out from the total. */
  suppressed?: 'small' | 'complement';
}

export interface LearnerRow {
  learner: string;
  unit: string;
  module: string;
  role: string;
  attempts: number;
  registration: string;
  started: string;
  completed: boolean;
  result: 'passed' | 'failed' | '';
  score: number | null;
  areas: Record<string, AreaResult>;
}

export interface RoleAreaRow {
  role: string;
  area: string;
  learners: number;
  /** null when suppressed. */
  mastered: number | null;
  meanScaled: number | null;
  target: number | null;
}

export interface TrendRow {
  module: string;
  /** YYYY-MM */
  month: string;
  /** Learners who had begun, completed and passed the module by the end of the month (any attempt). */
  started: number;
  completed: number;
  passed: number;
}

export interface Problem {
  id: string;
  why: string;
}

export interface ReportData {
  modules: Array<Group<string>>;
  units: Array<Group<{ unit: string; module: string }>>;
  roleAreas: RoleAreaRow[];
  trend: TrendRow[];
  /** Modules whose trend is suppressed (fewer learners than minGroup). */
  trendSuppressed: string[];
  learners: LearnerRow[];
  unknownModules: Array<{ iri: string; statements: number }>;
  counts: { ours: number; other: number; voided: number; malformed: number; unknown: number; learners: number };
  minGroup: number;
  pseudonymised: boolean;
}

/** The unit shown for learners whose launch gave none. */
export const NO_UNIT = '';

export const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const MODULE_PATH = /\/modules\/([a-z0-9][a-z0-9-]*)$/;

export class Aggregator {
  readonly problems: Problem[] = [];
  private readonly voided = new Set<string>();
  /** Voided statements counted (a voiding statement can come once per query it matches). */
  private readonly voidedSeen = new Set<string>();
  private readonly byIri = new Map<string, KnownModule>();
  private readonly pairs = new Map<string, LearnerModule>();
  /** Per learner key: the name from their latest statement (never output when pseudonymised). */
  private readonly names = new Map<string, { at: number; name: string }>();
  private readonly unknown = new Map<string, number>();
  private readonly counts = { ours: 0, other: 0, voided: 0, malformed: 0, unknown: 0 };
  private readonly key: string;

  constructor(
    private readonly modules: KnownModule[],
    private readonly options: AggregateOptions = {},
  ) {
    for (const module of modules) for (const iri of module.iris) this.byIri.set(iri, module);
    this.key = options.pseudonymKey ?? randomBytes(32).toString('hex');
  }

  /** Voiding statements first: the statements they void are then left out as they come. */
  addVoiding(statement: StoredStatement): void {
    const target = (statement.object as { objectType?: unknown; id?: unknown } | null | undefined) ?? {};
    if (target.objectType === 'StatementRef' && typeof target.id === 'string') this.voided.add(target.id);
  }

  add(statement: StoredStatement): void {
    // A query by verb or activity also returns the statements that void its matches (xAPI-Communication
    // §2.1.3), while a conformant LRS leaves the voided ones out itself: count each once, use neither.
    if ((statement.verb as { id?: unknown } | undefined)?.id === VOIDED) {
      this.addVoiding(statement);
      const target = (statement.object as { id?: unknown } | null | undefined)?.id;
      if (typeof target === 'string') this.countVoided(target);
      return;
    }
    if (this.voided.has(statement.id)) return this.countVoided(statement.id);
    const s = statement as StoredStatement & Partial<ParsedShape>;
    if (!isOurs(s)) return void this.counts.other++;
    this.counts.ours++;
    const problem = shapeProblem(s);
    if (problem) return this.malformed(statement.id, problem);
    const moduleIri = this.moduleIriOf(s as ParsedShape);
    if (!moduleIri) return this.malformed(statement.id, 'it names no module (neither its object nor its context activities)');
    const module = this.byIri.get(moduleIri);
    if (!module) {
      this.counts.unknown++;
      this.unknown.set(moduleIri, (this.unknown.get(moduleIri) ?? 0) + 1);
      return;
    }
    this.record(s as ParsedShape, module);
  }

  private record(s: ParsedShape, module: KnownModule): void {
    const at = Date.parse(s.timestamp);
    // A malformed result is left out whole: it must not even open an attempt (--skip-malformed).
    const judging = s.verb.id === verbs.passed.id || s.verb.id === verbs.failed.id;
    const judged = judging ? judgedOf(s, module) : undefined;
    if (typeof judged === 'string') return this.malformed(s.id, judged);
    const learner = learnerKey(s.actor)!;
    if (s.actor.name) {
      const known = this.names.get(learner);
      if (!known || known.at <= at) this.names.set(learner, { at, name: s.actor.name });
    }
    const pairKey = `${learner}\u0000${module.id}`;
    let pair = this.pairs.get(pairKey);
    if (!pair) this.pairs.set(pairKey, (pair = { learner, module: module.id, attempts: new Map() }));
    const registration = s.context?.registration ?? '';
    let attempt = pair.attempts.get(registration);
    if (!attempt) pair.attempts.set(registration, (attempt = { registration, started: at }));
    const unit = s.context?.extensions?.[extensions.organisationalUnit];
    if (typeof unit === 'string' && (!attempt.unit || attempt.unit.at <= at)) attempt.unit = { at, value: unit.trim() };

    switch (s.verb.id) {
      case verbs.initialized.id:
        attempt.started = Math.min(attempt.started, at);
        break;
      case verbs.completed.id:
        attempt.started = Math.min(attempt.started, at);
        attempt.completedAt = Math.min(attempt.completedAt ?? at, at);
        break;
      case verbs.passed.id:
      case verbs.failed.id:
        attempt.started = Math.min(attempt.started, at);
        if (judged && (!attempt.judged || attempt.judged.at <= at)) attempt.judged = { at, ...judged };
        break;
    }
  }

  get malformedCount(): number {
    return this.counts.malformed;
  }

  private countVoided(id: string): void {
    if (this.voidedSeen.has(id)) return;
    this.voidedSeen.add(id);
    this.counts.voided++;
  }

  private malformed(id: string, why: string): void {
    this.counts.malformed++;
    if (this.problems.length < 20) this.problems.push({ id, why });
  }

  /** Our own module IRI: the object (TinCan), or a context activity (cmi5 puts the LMS's id in the object). */
  private moduleIriOf(s: ParsedShape): string | undefined {
    const ca = s.context?.contextActivities ?? {};
    const candidates = [s.object.id, ...[ca.grouping, ca.parent, ca.other].flatMap((list) => (Array.isArray(list) ? list : list ? [list] : [])).map((a) => (a as { id?: unknown }).id)];
    const ids = candidates.filter((id): id is string => typeof id === 'string');
    return ids.find((id) => this.byIri.has(id)) ?? ids.find((id) => MODULE_PATH.test(id));
  }

  result(): ReportData {
    const minGroup = this.options.minGroup ?? 5;
    const pseudonymise = this.options.pseudonymise ?? false;
    const moduleById = new Map(this.modules.map((m) => [m.id, m]));
    const rows: LearnerRow[] = [];
    for (const pair of this.pairs.values()) {
      const attempts = [...pair.attempts.values()];
      const latest = attempts.reduce((a, b) => (b.started > a.started || (b.started === a.started && b.registration > a.registration) ? b : a));
      const module = moduleById.get(pair.module)!;
      rows.push({
        learner: pair.learner,
        unit: latest.unit?.value ?? NO_UNIT,
        module: pair.module,
        role: module.role,
        attempts: attempts.length,
        registration: latest.registration,
        started: new Date(latest.started).toISOString(),
        completed: latest.completedAt !== undefined,
        result: latest.judged ? (latest.judged.passed ? 'passed' : 'failed') : '',
        score: latest.judged?.scaled ?? null,
        areas: latest.judged?.areas ?? {},
      });
    }

    const modules = this.modules
      .map((m) => group(m.id, rows.filter((r) => r.module === m.id), minGroup))
      .filter((g) => g.learners > 0);
    const units = suppressComplements(
      groupBy(rows, (r) => `${r.unit}\u0000${r.module}`).map(([, list]) => group({ unit: list[0].unit, module: list[0].module }, list, minGroup)),
      minGroup,
    ).sort((a, b) => a.key.unit.localeCompare(b.key.unit, 'da') || a.key.module.localeCompare(b.key.module));

    const hiddenUnits = new Set(units.filter((g) => g.figures === null).map((g) => `${g.key.unit}\u0000${g.key.module}`));

    const trend: TrendRow[] = [];
    const trendSuppressed: string[] = [];
    for (const m of this.modules) {
      const pairs = [...this.pairs.values()].filter((p) => p.module === m.id);
      if (pairs.length === 0) continue;
      if (pairs.length < minGroup) trendSuppressed.push(m.id);
      else trend.push(...trendOf(m.id, pairs));
    }

    const learners = rows
      .map((r) => ({
        ...r,
        learner: pseudonymise ? this.pseudonym(r.learner) : this.display(r.learner),
        // A pseudonym in a unit the summaries hide is no pseudonym: the unit goes too.
        unit: pseudonymise && hiddenUnits.has(`${r.unit}\u0000${r.module}`) ? SUPPRESSED_UNIT : r.unit,
        // The registration and the exact start would lead back to the person in the LRS or the LMS.
        registration: pseudonymise ? '' : r.registration,
        started: pseudonymise ? copenhagenMonth(Date.parse(r.started)) : r.started,
      }))
      .sort((a, b) => a.unit.localeCompare(b.unit, 'da') || a.learner.localeCompare(b.learner, 'da') || a.module.localeCompare(b.module));

    return {
      modules,
      units,
      roleAreas: this.roleAreas(rows, minGroup),
      trend,
      trendSuppressed,
      learners,
      unknownModules: [...this.unknown].map(([iri, statements]) => ({ iri, statements })).sort((a, b) => a.iri.localeCompare(b.iri)),
      counts: { ...this.counts, learners: new Set(rows.map((r) => r.learner)).size },
      minGroup,
      pseudonymised: pseudonymise,
    };
  }

  /**
   * Per role and area: a learner counts once, with their points summed over the latest results of
   * every module scored for that role that trains the area; mastered when the sum reaches the target.
   */
  private roleAreas(rows: LearnerRow[], minGroup: number): RoleAreaRow[] {
    const sums = new Map<string, Map<string, { earned: number; possible: number; target: number }>>();
    for (const row of rows) {
      for (const [area, r] of Object.entries(row.areas)) {
        const key = `${row.role}\u0000${area}`;
        let perLearner = sums.get(key);
        if (!perLearner) sums.set(key, (perLearner = new Map()));
        const sum = perLearner.get(row.learner) ?? { earned: 0, possible: 0, target: r.target };
        perLearner.set(row.learner, { earned: sum.earned + r.earned, possible: sum.possible + r.possible, target: Math.max(sum.target, r.target) });
      }
    }
    const order = roleAreaOrder(this.modules);
    return [...sums]
      .map(([key, perLearner]) => {
        const [role, area] = key.split('\u0000');
        const list = [...perLearner.values()].filter((s) => s.possible > 0);
        const shown = list.length >= minGroup;
        const scaled = list.map((s) => s.earned / s.possible);
        return {
          role,
          area,
          learners: list.length,
          mastered: shown ? list.filter((s) => s.earned / s.possible >= s.target - 1e-9).length : null,
          meanScaled: shown ? round(scaled.reduce((a, b) => a + b, 0) / scaled.length) : null,
          target: list.length ? list.reduce((a, s) => Math.max(a, s.target), 0) : null,
        };
      })
      .sort((a, b) => (order.get(`${a.role}\u0000${a.area}`) ?? 99) - (order.get(`${b.role}\u0000${b.area}`) ?? 99));
  }

  private display(learner: string): string {
    const address = learner.replace(/^[a-z_]+:/, '');
    const name = this.names.get(learner)?.name;
    return name ? `${name} <${address}>` : address;
  }

  private pseudonym(learner: string): string {
    return `P-${createHmac('sha256', this.key).update(learner).digest('hex').slice(0, 12)}`;
  }
}

/** The unit of a pseudonymised learner whose unit is hidden (no real unit name has a control character). */
export const SUPPRESSED_UNIT = '\u0000hidden';

/** The parts of a statement the report reads, once shapeProblem has found nothing wrong. */
interface ParsedShape {
  id: string;
  stored: string;
  timestamp: string;
  actor: { name?: string; mbox?: string; mbox_sha1sum?: string; openid?: string; account?: { homePage: string; name: string } };
  verb: { id: string };
  object: { id: string };
  result?: { success?: unknown; score?: { scaled?: unknown }; extensions?: Record<string, unknown> };
  context?: {
    registration?: string;
    contextActivities?: Record<string, unknown>;
    extensions?: Record<string, unknown>;
  };
}

/** Ours: the statement follows our xAPI Profile (its category). */
function isOurs(s: Partial<ParsedShape>): boolean {
  const category = s.context?.contextActivities?.category;
  const list = Array.isArray(category) ? category : category ? [category] : [];
  return list.some((a) => typeof (a as { id?: unknown }).id === 'string' && ((a as { id: string }).id === PROFILE_ID || (a as { id: string }).id.startsWith(`${PROFILE_ID}/`)));
}

function shapeProblem(s: Partial<ParsedShape>): string | undefined {
  if (!s.actor || !learnerKey(s.actor)) return 'its actor has no identifier (mbox, mbox_sha1sum, openid or account)';
  if (typeof s.verb?.id !== 'string') return 'it has no verb id';
  if (typeof s.object?.id !== 'string') return 'its object has no id';
  if (typeof s.timestamp !== 'string' || Number.isNaN(Date.parse(s.timestamp))) return 'it has no valid timestamp';
  if (s.context?.registration !== undefined && typeof s.context.registration !== 'string') return 'its registration is not a string';
  return undefined;
}

/** The learner's inverse functional identifier, as one string. */
function learnerKey(actor: ParsedShape['actor']): string | undefined {
  if (actor.account && typeof actor.account.homePage === 'string' && typeof actor.account.name === 'string') return `account:${actor.account.name}@${actor.account.homePage}`;
  if (typeof actor.mbox === 'string') return `mbox:${actor.mbox.replace(/^mailto:/i, '').toLowerCase()}`;
  if (typeof actor.mbox_sha1sum === 'string') return `mbox_sha1sum:${actor.mbox_sha1sum}`;
  if (typeof actor.openid === 'string') return `openid:${actor.openid}`;
  return undefined;
}

/** passed/failed: success, scaled score and the per-area results, each checked. */
function judgedOf(s: ParsedShape, module: KnownModule): { passed: boolean; scaled: number; areas: Record<string, AreaResult> } | string {
  const passed = s.verb.id === verbs.passed.id;
  const result = s.result;
  if (!result || result.success !== passed) return `a ${passed ? 'passed' : 'failed'} statement needs result.success ${passed}`;
  const scaled = result.score?.scaled;
  if (typeof scaled !== 'number' || scaled < 0 || scaled > 1) return 'its result has no scaled score between 0 and 1';
  const list = result.extensions?.[extensions.competenceResults];
  if (!Array.isArray(list)) return `its result has no competence results (${extensions.competenceResults})`;
  const known = new Set(module.areas.map((a) => a.id));
  const areas: Record<string, AreaResult> = {};
  for (const [i, entry] of list.entries()) {
    const e = entry as Partial<AreaResult> & { id?: unknown };
    const numbers = [e.earned, e.possible, e.scaled, e.target];
    if (typeof e.id !== 'string' || numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0) || typeof e.mastered !== 'boolean' || e.earned! > e.possible!) {
      return `competence result ${i + 1} is not {id, earned, possible, scaled, target, mastered}`;
    }
    // An area a later version of the module no longer trains: not this report's to judge.
    if (!known.has(e.id)) continue;
    areas[e.id] = { earned: e.earned!, possible: e.possible!, scaled: e.scaled!, target: e.target!, mastered: e.mastered };
  }
  return { passed, scaled, areas };
}

function group<K>(key: K, rows: LearnerRow[], minGroup: number): Group<K> {
  const learners = new Set(rows.map((r) => r.learner)).size;
  if (learners < minGroup) return { key, learners, figures: null, suppressed: 'small' };
  const judged = rows.filter((r) => r.score !== null);
  return {
    key,
    learners,
    figures: {
      learners,
      completed: rows.filter((r) => r.completed).length,
      passed: rows.filter((r) => r.result === 'passed').length,
      failed: rows.filter((r) => r.result === 'failed').length,
      meanScore: judged.length ? round(judged.reduce((a, r) => a + r.score!, 0) / judged.length) : null,
    },
  };
}

/**
 * Within one module, the suppressed units together could be worked out from the module's total and
 * the units shown: so more are suppressed, smallest first, until those hidden hold at least
 * minGroup learners between them.
 */
function suppressComplements<K extends { module: string }>(groups: Array<Group<K>>, minGroup: number): Array<Group<K>> {
  for (const module of new Set(groups.map((g) => g.key.module))) {
    const mine = groups.filter((g) => g.key.module === module);
    const hiddenLearners = () => mine.filter((g) => g.figures === null).reduce((n, g) => n + g.learners, 0);
    if (hiddenLearners() === 0) continue;
    const shown = mine.filter((g) => g.figures !== null).sort((a, b) => a.learners - b.learners);
    while (hiddenLearners() < minGroup && shown.length > 0) {
      const next = shown.shift()!;
      next.figures = null;
      next.suppressed = 'complement';
    }
  }
  return groups;
}

function trendOf(module: string, pairs: LearnerModule[]): TrendRow[] {
  const firsts = pairs.map((p) => {
    const attempts = [...p.attempts.values()];
    const min = (values: Array<number | undefined>) => {
      const defined = values.filter((v): v is number => v !== undefined);
      return defined.length ? defined.reduce((a, b) => Math.min(a, b)) : undefined;
    };
    return {
      started: min(attempts.map((a) => a.started))!,
      completed: min(attempts.map((a) => a.completedAt)),
      passed: min(attempts.map((a) => (a.judged?.passed ? a.judged.at : undefined))),
    };
  });
  // reduce, not Math.min(...): a spread of a few hundred thousand values overflows the stack.
  const months = monthsBetween(
    firsts.reduce((a, f) => Math.min(a, f.started), Infinity),
    firsts.reduce((a, f) => Math.max(a, f.started, f.completed ?? 0, f.passed ?? 0), -Infinity),
  );
  return months.map(({ month, end }) => ({
    module,
    month,
    started: firsts.filter((f) => f.started < end).length,
    completed: firsts.filter((f) => f.completed !== undefined && f.completed < end).length,
    passed: firsts.filter((f) => f.passed !== undefined && f.passed < end).length,
  }));
}

/** Calendar months in Danish time from the one holding `from` to the one holding `to`, with each month's end. */
function monthsBetween(from: number, to: number): Array<{ month: string; end: number }> {
  const out: Array<{ month: string; end: number }> = [];
  let [year, month] = copenhagenMonth(from).split('-').map(Number);
  for (;;) {
    const end = copenhagenMidnight(year, month + 1, 1);
    out.push({ month: `${year}-${String(month).padStart(2, '0')}`, end });
    if (end > to) return out;
    month++;
    if (month === 13) (month = 1), year++;
  }
}

function roleAreaOrder(modules: KnownModule[]): Map<string, number> {
  const roles = [...new Set(modules.map((m) => m.role))];
  const areas: string[] = [];
  for (const m of modules) for (const a of m.areas) if (!areas.includes(a.id)) areas.push(a.id);
  const codes = new Map(modules.flatMap((m) => m.areas.map((a) => [a.id, a.code] as const)));
  areas.sort((a, b) => Number(codes.get(a)?.slice(1)) - Number(codes.get(b)?.slice(1)));
  const order = new Map<string, number>();
  roles.forEach((role, r) => areas.forEach((area, a) => order.set(`${role}\u0000${area}`, r * 100 + a)));
  return order;
}

function groupBy<T>(items: T[], key: (item: T) => string): Array<[string, T[]]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return [...map];
}

/** A share or score to 4 decimals, as the LRS's scaled scores are given. */
export function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
