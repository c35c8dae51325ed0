/**
 * The HR report: reads the statements it needs from the LRS (a few verbs, in stored order),
 * aggregates them as they come, and only when every read has finished writes the CSVs and the
 * HTML page. A failure half-way writes nothing, so a partial result is never taken for a whole one.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateAll, type Sources } from '../cli.js';
import { moduleIri } from '../../xapi/activities.js';
import { verbs } from '../../xapi/vocabulary.js';
import { Aggregator, VOIDED, type AggregateOptions, type KnownModule, type Problem, type ReportData } from './aggregate.js';
import { reportCsvs } from './csv.js';
import { reportHtml } from './html.js';
import { LrsReader, redact, ReportError, ReportUsageError, type LrsConnection, type ReadStats, type StatementQuery } from './lrs-reader.js';
import type { ReportLang } from './texts.js';
import { parseDateOption } from './dates.js';

export interface ReportOptions extends AggregateOptions {
  connection: LrsConnection;
  /** Statements stored after this time (ISO 8601). */
  since?: string;
  /** Statements stored up to this time (default: when the report starts). */
  until?: string;
  /** Only these module ids (default: all). */
  modules?: string[];
  registration?: string;
  /** Where the modules come from (and the organisation, whose activity base names them). */
  sources?: Sources;
  /** Go on past statements that are not as our profile makes them, and say how many (default: stop). */
  skipMalformed?: boolean;
}

export interface Collected {
  data: ReportData;
  known: KnownModule[];
  since?: string;
  until: string;
  stats: ReadStats;
  problems: Problem[];
}

/** The statements the report reads; every other verb (experienced, answered, …) stays in the LRS. */
const READ_VERBS = [verbs.initialized.id, verbs.completed.id, verbs.passed.id, verbs.failed.id];

export function knownModules(sources: Sources = {}): KnownModule[] {
  const { modules, problems } = validateAll(sources);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new ReportError(`the modules have errors, so the report cannot know them:\n${errors.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}\n(npm run validate shows them all)`);
  }
  return modules.map((m) => ({
    id: m.id,
    iris: [moduleIri(m.activityBase, m.id)],
    title: m.title,
    role: m.profile.role,
    roleTitle: m.profile.title,
    areas: m.areas.map((a) => ({ id: a.id, code: a.code, title: a.title })),
  }));
}

export async function collect(options: ReportOptions, known = knownModules(options.sources)): Promise<Collected> {
  const until = options.until ? isoTime(options.until, '--until', true) : new Date().toISOString();
  // since is exclusive in the Statement API: the millisecond before the first one meant.
  const since = options.since ? new Date(Date.parse(isoTime(options.since, '--since')) - 1).toISOString() : undefined;
  if (since && Date.parse(since) >= Date.parse(until)) throw new ReportUsageError(`--since ${options.since} is not before --until ${options.until ?? '(now)'}`);
  const filter = options.modules ?? [];
  for (const id of filter) {
    if (!known.some((m) => m.id === id)) throw new ReportUsageError(`--module ${id}: no such module; modules: ${known.map((m) => m.id).join(', ')}`);
  }
  const reader = new LrsReader(options.connection);
  const aggregator = new Aggregator(filter.length ? known.filter((m) => filter.includes(m.id)) : known, options);
  const base: StatementQuery = { until, since, registration: options.registration };

  for await (const s of reader.statements({ ...base, verb: VOIDED })) aggregator.addVoiding(s);
  // With --module, the LRS picks the module's statements: its IRI is their object (TinCan) or in their context (cmi5).
  const activities = filter.length ? known.filter((m) => filter.includes(m.id)).flatMap((m) => m.iris) : [undefined];
  for (const verb of READ_VERBS) {
    for (const activity of activities) {
      for await (const s of reader.statements({ ...base, verb, activity, relatedActivities: activity !== undefined })) aggregator.add(s);
    }
  }
  if (aggregator.problems.length && !options.skipMalformed) {
    const n = aggregator.malformedCount;
    throw new ReportError(
      `${n} statement(s) from Awareness-kit are not as its xAPI profile makes them, so the figures would be wrong:\n` +
        aggregator.problems.map((p) => `  statement ${p.id}: ${p.why}`).join('\n') +
        (n > aggregator.problems.length ? `\n  … and ${n - aggregator.problems.length} more` : '') +
        `\nNo report was written. Void these statements in the LRS, or run again with --skip-malformed to leave them out (the report then says how many).`,
    );
  }
  return { data: aggregator.result(), known, since, until, stats: reader.stats, problems: aggregator.problems };
}

/** Writes the CSVs and report.html into `outDir` at once (through a folder beside it). */
export function writeReport(collected: Collected, options: ReportOptions & { outDir: string; lang: ReportLang }): string[] {
  const { data, known, until, stats } = collected;
  const files = reportCsvs(data, known, options.lang);
  files.set(
    'report.html',
    reportHtml(
      data,
      known,
      {
        generatedAt: new Date(),
        // As the user wrote them: a bare date reads better than its first millisecond in UTC.
        since: options.since,
        until: options.until ?? until,
        endpoint: redact(options.connection.endpoint),
        moduleFilter: options.modules ?? [],
        registration: options.registration,
        statementsRead: stats.statements,
      },
      options.lang,
    ),
  );
  const out = resolve(options.outDir);
  mkdirSync(out, { recursive: true });
  const staging = mkdtempSync(join(out, '.report-'));
  try {
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    for (const name of files.keys()) renameSync(join(staging, name), join(out, name));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return [...files.keys()].map((name) => join(out, name));
}

/** An option's date as the LRS wants it (ISO 8601, UTC); see dates.ts for what is accepted. */
function isoTime(value: string, option: string, endOfDay = false): string {
  const parsed = parseDateOption(value, option, endOfDay);
  if (typeof parsed === 'string') throw new ReportUsageError(parsed);
  return new Date(parsed).toISOString();
}
