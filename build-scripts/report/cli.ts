/**
 * `npm run report`: completion and competence figures from the organisation's LRS.
 * Exit codes: 0 written, 1 the LRS or its statements failed (nothing written), 2 wrong usage (an
 * option, a date, an address or a module id it cannot use).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { collect, writeReport, type ReportOptions } from './report.js';
import { ReportError, ReportUsageError } from './lrs-reader.js';
import type { ReportLang } from './texts.js';
import { copenhagenDateTime } from './dates.js';

export const USAGE = `usage: npm run report -- --endpoint <xAPI base> [options]

Reads Awareness-kit's statements from an LRS and writes, to --out:
  report.html          summaries with charts and tables (Danish; --lang en for English), printable
  learners.csv         learners x modules: latest attempt, completed, result, score, per area
  modules.csv, units.csv, roles-areas.csv, trend.csv, unknown-modules.csv

LRS
  --endpoint <url>       the LRS's xAPI base, e.g. https://lrs.kommune.dk/xAPI/   (or AK_LRS_ENDPOINT)
  --username <key>       the LRS client's key    (or AK_LRS_USERNAME)
  --password <secret>    the LRS client's secret (or AK_LRS_PASSWORD; safer, as an option it shows in
                         your shell history and the process list)
Filters
  --since <date>         statements stored from this day on: YYYY-MM-DD, a whole day in Danish time
                         (e.g. 2026-09-01), or a date and time with its zone (2026-09-01T08:00:00+02:00)
  --until <date>         statements stored up to and including this day (default: now)
  --module <id>          only this module (repeat for more)
  --registration <uuid>  only this registration (one attempt)
Modules
  --org <org.yaml>       an organisation's build: its activityBase and its own modules
  --modules <dir>        another folder of modules (default modules/)
  --activity-base <iri>  the activity base the packages were built with
Privacy
  --pseudonymise         learners as stable pseudonyms (P-…) instead of names and addresses
  --pseudonym-key <key>  the key behind the pseudonyms (or AK_PSEUDONYM_KEY); the same key gives the
                         same pseudonyms next time; without it they change with every run
  --min-group <n>        suppress groups with fewer learners than n in summaries (default 5)
Output
  --out <dir>            where to write (default dist/report)
  --lang da|en           the report's language (default da; Danish CSVs use ; and decimal commas)
  --skip-malformed       leave out statements not as our xAPI profile makes them, and say how many
  --page-size <n>        statements per request (default 500)
  --help`;

export class UsageError extends Error {}

export function parseReportArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): (ReportOptions & { outDir: string; lang: ReportLang }) | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        endpoint: { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        module: { type: 'string', multiple: true },
        registration: { type: 'string' },
        org: { type: 'string' },
        modules: { type: 'string' },
        'activity-base': { type: 'string' },
        pseudonymise: { type: 'boolean' },
        pseudonymize: { type: 'boolean' },
        'pseudonym-key': { type: 'string' },
        'min-group': { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        'skip-malformed': { type: 'boolean' },
        'page-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const endpoint = values.endpoint ?? env.AK_LRS_ENDPOINT;
  if (!endpoint) throw new UsageError('--endpoint is missing: the LRS\'s xAPI base, e.g. --endpoint https://lrs.kommune.dk/xAPI/');
  const username = values.username ?? env.AK_LRS_USERNAME;
  const password = values.password ?? env.AK_LRS_PASSWORD;
  if (username === undefined || password === undefined) {
    throw new UsageError('the LRS credentials are missing: --username and --password, or AK_LRS_USERNAME and AK_LRS_PASSWORD in the environment');
  }
  const lang = values.lang ?? 'da';
  if (lang !== 'da' && lang !== 'en') throw new UsageError(`--lang ${lang}: use da or en`);
  const minGroup = whole(values['min-group'], '--min-group', 5, 1);
  const pageSize = whole(values['page-size'], '--page-size', 500, 1);
  if (values.registration && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.registration)) {
    throw new UsageError(`--registration ${values.registration} is not a UUID`);
  }
  return {
    connection: { endpoint, auth: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, pageSize },
    since: values.since,
    until: values.until,
    modules: values.module,
    registration: values.registration,
    sources: {
      ...(values.modules ? { modulesDir: resolve(values.modules) } : {}),
      ...(values.org ? { orgFile: resolve(values.org) } : {}),
      ...(values['activity-base'] ? { activityBase: values['activity-base'] } : {}),
    },
    pseudonymise: values.pseudonymise ?? values.pseudonymize ?? false,
    pseudonymKey: values['pseudonym-key'] ?? env.AK_PSEUDONYM_KEY,
    minGroup,
    skipMalformed: values['skip-malformed'] ?? false,
    outDir: resolve(values.out ?? 'dist/report'),
    lang,
  };
}

function whole(value: string | undefined, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${option} ${value}: give a whole number of at least ${min}`);
  return n;
}

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseReportArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`report: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  try {
    const collected = await collect(options);
    const files = writeReport(collected, options);
    const { counts } = collected.data;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const period = `${collected.since ? copenhagenDateTime(Date.parse(collected.since) + 1) : 'the beginning'} to ${copenhagenDateTime(Date.parse(collected.until))} (Danish time)`;
    console.log(`Statements stored from ${period}.`);
    console.log(`Read ${collected.stats.statements} statements in ${collected.stats.requests} requests (${seconds} s): ${counts.learners} learners, ${counts.ours} statements from Awareness-kit, ${counts.other} from other courses, ${counts.voided} voided.`);
    if (counts.unknown) console.log(`${counts.unknown} statements are about modules the report does not know: see unknown-modules.csv.`);
    if (counts.malformed) console.log(`${counts.malformed} malformed statements were left out (--skip-malformed).`);
    console.log(`Wrote ${files.length} files to ${options.outDir}:`);
    for (const f of files) console.log(`  ${f}`);
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      console.error(`report: ${error.message}`);
      return error instanceof ReportUsageError ? 2 : 1;
    }
    throw error;
  }
}

// Peak memory for the bench (not a user option): AK_REPORT_STATS=1 prints it at exit. The JS heap
// is sampled, as V8 keeps no peak of its own; the RSS includes tsx and the module loader.
if (process.env.AK_REPORT_STATS === '1') {
  let peakHeap = 0;
  setInterval(() => void (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 10).unref();
  process.on('exit', () => console.error(`peak-rss-kb ${process.resourceUsage().maxRSS}\npeak-heap-kb ${Math.round(Math.max(peakHeap, process.memoryUsage().heapUsed) / 1024)}`));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('report/cli.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}
