/**
 * The HR report at scale (DESIGN.md budget: 100 000 statements, bounded memory): seeds the real
 * LRS with a generated population, then times `npm run report` in a child process and reads its
 * peak memory — once over the first 10 000 statements and once over all of them, so the two peaks
 * show whether memory grows with the LRS (it should not: the report keeps one record per attempt).
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

const TOTAL = 100_000;
const FIRST = 10_000;
const UNITS = ['Borgerservice', 'Jobcenter', 'Ældreplejen', 'Skole og dagtilbud', 'Teknik og miljø', 'Økonomi', 'IT', 'HR', 'Sundhed', 'Familie', 'Kultur', 'Direktionen'];

/** A small deterministic generator (mulberry32), so every run seeds the same population. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Attempts of learners at modules, as statements, until `total` statements are made. */
function* generated(total: number): Generator<Statement[]> {
  const known = knownModules();
  const rnd = random(42);
  let made = 0;
  for (let i = 0; made < total; i++) {
    const learner = Math.floor(rnd() * 3000);
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
      scenes: finished ? 14 : Math.floor(rnd() * 10),
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
  return { seconds, peakMb: kb('peak-rss-kb') / 1024, heapMb: kb('peak-heap-kb') / 1024, summary: stdout.split('\n')[0] };
}

export async function benchReport(total = TOTAL): Promise<void> {
  const credentials = { username: 'bench', password: 'bench-secret' };
  const lrs = await startLrs({ credentials, record: false });
  try {
    let seeded = 0;
    let firstUntil: string | undefined;
    let batch: object[] = [];
    const seedStarted = performance.now();
    for (const attempt of generated(total)) {
      batch.push(...attempt);
      if (batch.length >= 500) {
        await postStatements(lrs.endpoint, lrs.auth, batch, 500);
        seeded += batch.length;
        batch = [];
        if (!firstUntil && seeded >= FIRST) {
          firstUntil = new Date().toISOString();
          await new Promise((r) => setTimeout(r, 5)); // the next batch gets a later stored time
        }
      }
    }
    if (batch.length) await postStatements(lrs.endpoint, lrs.auth, batch, 500);
    seeded += batch.length;
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`HR report: seeded the real LRS with ${seeded} statements (${(seeded / seedSeconds).toFixed(0)}/s, ${seedSeconds.toFixed(0)} s): attempts of 3000 learners in 12 units at every module, 30 % sent as cmi5 sends them`);
    const small = await runReport(lrs.endpoint, credentials, firstUntil);
    console.log(`  first ~${FIRST} statements: ${small.seconds.toFixed(1)} s, peak JS heap ${small.heapMb.toFixed(0)} MB, peak RSS ${small.peakMb.toFixed(0)} MB — ${small.summary}`);
    const all = await runReport(lrs.endpoint, credentials);
    console.log(`  all ${seeded} statements:   ${all.seconds.toFixed(1)} s, peak JS heap ${all.heapMb.toFixed(0)} MB, peak RSS ${all.peakMb.toFixed(0)} MB — ${all.summary}`);
    console.log('  [budget: 100 000 statements with bounded memory; the report reads initialized, completed, passed, failed and voided only, in pages of 500, and keeps one record per attempt; the RSS includes tsx and loading the modules]');
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
