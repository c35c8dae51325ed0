/**
 * The HR report at scale (DESIGN.md budget: 100 000 statements, bounded memory): seeds the real
 * LRS with a generated population, then times `npm run report` in a child process and reads its
 * peak memory — with nothing to read (the baseline), over the first 10 000 statements and over
 * all of them. Memory grows with the attempts (one small record each), never with the statements,
 * which are read 500 at a time and let go.
 * `npm run bench` runs it last; `npm run bench -- --report` runs only this.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLrs } from '../lrs/lrs.js';
import { DEFAULT_ACTIVITY_BASE } from '../../xapi/vocabulary.js';
import type { Statement } from '../../xapi/types.js';
import { attemptStatements, postStatements } from './population.js';
import { knownModules } from './report.js';
import { seededRandom as random } from '../seeded-random.js';

const TOTAL = 100_000;
const FIRST = 10_000;
const UNITS = ['Borgerservice', 'Jobcenter', 'Ældreplejen', 'Skole og dagtilbud', 'Teknik og miljø', 'Økonomi', 'IT', 'HR', 'Sundhed', 'Familie', 'Kultur', 'Direktionen'];


/** The verbs the report reads. */
const READ = /\/(initialized|completed|passed|failed)$/;

/**
 * Attempts of learners at modules, as the packages send them, until `total` statements are made.
 * Each attempt also sends what the report never reads (experienced, answered, scored, …), but only a
 * few scenes' worth, so a good share of the LRS is what the report reads and seeding stays within
 * minutes (the test LRS keeps statements in memory and slows as it fills).
 */
function* generated(total: number): Generator<Statement[]> {
  const known = knownModules();
  const rnd = random(42);
  let made = 0;
  for (let i = 0; made < total; i++) {
    const learner = Math.floor(rnd() * 20000);
    const module = known[Math.floor(rnd() * known.length)];
    const start = new Date(Date.UTC(2026, Math.floor(rnd() * 10), 1 + Math.floor(rnd() * 27), 8 + Math.floor(rnd() * 8)));
    const finished = rnd() < 0.8;
    const result = finished ? Object.fromEntries(module.areas.map((a) => [a.id, [Math.floor(rnd() * 7), 6] as [number, number]])) : undefined;
    const attempt = attemptStatements({
      learner: { name: `Deltager ${learner}`, email: `deltager${learner}@aaby-kommune.example` },
      module,
      activityBase: DEFAULT_ACTIVITY_BASE,
      unit: UNITS[learner % UNITS.length],
      start,
      scenes: Math.floor(rnd() * 3),
      result,
      cmi5: rnd() < 0.3,
    });
    made += attempt.length;
    yield attempt;
  }
}

/** The report in a child process of its own (its peak memory is its own); async, since the LRS's front runs in this one. */
async function runReport(endpoint: string, auth: { username: string; password: string }, until?: string): Promise<{ seconds: number; peakMb: number; heapMb: number; summary: string }> {
  const out = mkdtempSync(join(tmpdir(), 'ak-report-bench-'));
  const cli = resolve(import.meta.dirname, 'cli.ts');
  const args = ['--import', 'tsx', cli, '--endpoint', endpoint, '--out', out, ...(until ? ['--until', until] : [])];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, AK_LRS_USERNAME: auth.username, AK_LRS_PASSWORD: auth.password, AK_REPORT_STATS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`the report failed:\n${stderr}`);
  const kb = (name: string) => Number(new RegExp(`${name} (\\d+)`).exec(stderr)?.[1] ?? NaN);
  return { seconds, peakMb: kb('peak-rss-kb') / 1024, heapMb: kb('peak-heap-kb') / 1024, summary: stdout.split('\n').find((l) => l.startsWith('Read ')) ?? '' };
}

export async function benchReport(total = TOTAL): Promise<void> {
  const credentials = { username: 'bench', password: 'bench-secret' };
  const lrs = await startLrs({ credentials, record: false });
  try {
    const beforeAny = new Date(Date.now() - 1000).toISOString();
    let seeded = 0;
    let read = 0;
    let firstUntil: string | undefined;
    let batch: Statement[] = [];
    const seedStarted = performance.now();
    const flush = async () => {
      await postStatements(lrs.endpoint, lrs.auth, batch, 500);
      seeded += batch.length;
      read += batch.filter((s) => READ.test(s.verb.id)).length;
      batch = [];
      if (!firstUntil && seeded >= FIRST) {
        firstUntil = new Date().toISOString();
        await new Promise((r) => setTimeout(r, 5)); // the next batch gets a later stored time
      }
    };
    for (const attempt of generated(total)) {
      batch.push(...attempt);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`HR report: seeded the real LRS with ${seeded} statements in ${seedSeconds.toFixed(0)} s, ${read} of them of the verbs the report reads (attempts of up to 20 000 learners in 12 units at every module, 30 % as cmi5 sends them)`);
    const line = (label: string, r: Awaited<ReturnType<typeof runReport>>) =>
      console.log(`  ${label.padEnd(28)} ${r.seconds.toFixed(1).padStart(5)} s, peak JS heap ${r.heapMb.toFixed(0).padStart(4)} MB, peak RSS ${r.peakMb.toFixed(0)} MB — ${r.summary}`);
    line('nothing (the baseline)', await runReport(lrs.endpoint, credentials, beforeAny));
    line(`the first ~${FIRST} in the LRS`, await runReport(lrs.endpoint, credentials, firstUntil));
    line(`all ${seeded} in the LRS`, await runReport(lrs.endpoint, credentials));
    console.log('  [budget: 100 000 statements with bounded memory: pages of 500, one record per attempt (learner × module × registration), never the statements; the baseline is tsx and loading the modules]');
  } finally {
    await lrs.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  benchReport(Number(process.argv[2]) || TOTAL).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
