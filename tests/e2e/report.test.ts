/**
 * The HR report (`npm run report`) against the real LRS (xapi-statements, with credentials checked
 * as Learning Locker deploys it): a small seeded population whose figures are computed by hand
 * below, paging across many pages, privacy, the HTML page in Chromium, and every bad condition.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { startLrs, type Lrs } from '../../build-scripts/lrs/lrs.js';
import { collect, knownModules, writeReport, type ReportOptions } from '../../build-scripts/report/report.js';
import { LrsReader, ReportError } from '../../build-scripts/report/lrs-reader.js';
import { attemptStatements, postStatements, voiding, type AttemptSpec } from '../../build-scripts/report/population.js';
import type { KnownModule } from '../../build-scripts/report/aggregate.js';
import { main, parseReportArgs } from '../../build-scripts/report/cli.js';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { DEFAULT_ACTIVITY_BASE, PROFILE_VERSION } from '../../xapi/vocabulary.js';
import { ROOT } from './package-fixtures.js';

const CREDENTIALS = { username: 'hr-rapport', password: 'Hemmelig-nøgle-42' };
const BASE = DEFAULT_ACTIVITY_BASE;
let lrs: Lrs;
let known: KnownModule[];
const mod = (id: string) => known.find((m) => m.id === id)!;

const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date, 9));
const person = (n: number) => ({ name: `Deltager ${n}`, email: `deltager${n}@aaby-kommune.example` });

/**
 * The population. Phishing (scored for front-line staff): 13 learners in three units; areas K4
 * recognise-threats and K5 incidents, [earned, possible]; the target of every area is 0.8.
 */
function population(): { statements: object[]; voidedPass: string } {
  const phishing = mod('phishing-og-svindel');
  const duty = mod('tavshedspligt-borgerservice');
  const access = mod('adgangsstyring-systemforvaltere');
  const a = (n: number, module: KnownModule, unit: string, start: Date, rest: Partial<AttemptSpec> = {}) =>
    attemptStatements({ learner: person(n), module, activityBase: BASE, unit, start, ...rest });
  const r = (k4: [number, number], k5: [number, number]) => ({ result: { 'recognise-threats': k4, incidents: k5 } });
  const bs = 'Borgerservice';
  const jc = 'Jobcenter';
  const ae = 'Ældrepleje';
  const l8 = a(8, phishing, jc, day(9, 9), r([6, 6], [4, 4]));
  const attempts = [
    a(1, phishing, bs, day(9, 2), r([6, 6], [4, 4])), // passed 1.0
    a(2, phishing, bs, day(9, 3), r([5, 6], [4, 4])), // passed 0.9
    a(3, phishing, bs, day(9, 4), r([2, 6], [2, 4])), // failed 0.4
    a(4, phishing, bs, day(9, 5)), // started only
    a(5, phishing, bs, day(9, 6), r([1, 6], [1, 4])), // failed 0.2 …
    a(5, phishing, bs, day(10, 1), r([6, 6], [4, 4])), // … then passed 1.0 in a later attempt: counts
    a(6, phishing, bs, day(9, 7), r([6, 6], [4, 4])), // passed …
    a(6, phishing, bs, day(11, 2)), // … then a new attempt, only started: counts (not completed)
    a(7, phishing, jc, day(9, 8), r([6, 6], [3, 4])), // passed 0.9
    l8, // completed and passed, but the passed statement is voided below: completed, no result
    a(9, phishing, jc, day(10, 2), r([3, 6], [2, 4])), // failed 0.5
    a(10, phishing, jc, day(10, 3), r([5, 6], [4, 4])), // passed 0.9
    a(11, phishing, jc, day(10, 4), { ...r([6, 6], [4, 4]), cmi5: true }), // passed 1.0, sent as cmi5 sends it
    a(12, phishing, ae, day(10, 5), r([6, 6], [4, 4])), // passed 1.0
    a(13, phishing, ae, day(11, 3), r([1, 6], [2, 4])), // failed 0.3
    // Learner 1 also took the duty-of-confidentiality module (front-line too): K4 0 of 4.
    a(1, duty, bs, day(9, 20), { result: { 'recognise-threats': [0, 4] } }),
    // Three system administrators: too few for any summary.
    ...[20, 21, 22].map((n) => a(n, access, 'IT', day(9, 10), { result: { access: [4, 4] } })),
    // A module this report does not know (retired, or another organisation's): initialized, completed, passed.
    a(30, { ...phishing, id: 'gammelt-modul' }, bs, day(9, 1), r([6, 6], [4, 4])),
  ];
  const otherCourse = {
    id: randomUUID(),
    actor: { mbox: 'mailto:deltager1@aaby-kommune.example' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: 'https://lms.example/courses/brandinstruks' },
    timestamp: day(9, 1).toISOString(),
  };
  const voidedPass = l8.find((s) => s.verb.id.endsWith('/passed'))!.id;
  return { statements: [...attempts.flat(), otherCourse, voiding(voidedPass)], voidedPass };
}

const connection = () => ({ endpoint: lrs.endpoint, auth: lrs.auth, retryDelayMs: 20 });
const options = (more: Partial<ReportOptions> = {}): ReportOptions => ({ ...more, connection: { ...connection(), ...more.connection } });

/** A CSV the report wrote (Danish: semicolons), as rows of cells, BOM and header included. */
function csv(dir: string, name: string): string[][] {
  const text = readFileSync(join(dir, name), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(';'));
}

const outDir = () => mkdtempSync(join(tmpdir(), 'ak-report-'));

beforeAll(async () => {
  lrs = await startLrs({ credentials: CREDENTIALS });
  known = knownModules();
  // Batches of 20: one stored time each, so small pages meet stored times larger than a page.
  await postStatements(lrs.endpoint, lrs.auth, population().statements, 20);
});
afterAll(() => lrs?.close());
afterEach(() => {
  lrs.setFault(null);
  vi.restoreAllMocks();
});

describe('figures from a seeded population, computed by hand', () => {
  it('per module: the latest attempt counts, a learner once, voided statements and other courses left out', async () => {
    const { data } = await collect(options(), known);
    const phishing = data.modules.find((g) => g.key === 'phishing-og-svindel')!;
    // 13 learners; completed: all but 4 (started only) and 6 (latest attempt only started) = 11;
    // passed: 1, 2, 5 (second attempt), 7, 10, 11, 12 = 7 (8's pass is voided); failed: 3, 9, 13.
    // Mean score of the 10 with a result: (1 + .9 + .4 + 1 + .9 + .5 + .9 + 1 + 1 + .3) / 10 = 0.79.
    expect(phishing.figures).toEqual({ learners: 13, completed: 11, passed: 7, failed: 3, meanScore: 0.79 });
    expect(data.counts).toMatchObject({ voided: 1, other: 1, unknown: 3, malformed: 0 });
    const l5 = data.learners.find((r) => r.learner.includes('deltager5@') && r.module === 'phishing-og-svindel')!;
    expect(l5).toMatchObject({ attempts: 2, completed: true, result: 'passed', score: 1 });
    const l6 = data.learners.find((r) => r.learner.includes('deltager6@'))!;
    expect(l6).toMatchObject({ attempts: 2, completed: false, result: '', score: null });
    const l8 = data.learners.find((r) => r.learner.includes('deltager8@'))!;
    expect(l8).toMatchObject({ completed: true, result: '', score: null });
    // Sent as cmi5 sends it (the LMS's activity id as object): still learner 11 in phishing.
    expect(data.learners.find((r) => r.learner.includes('deltager11@'))).toMatchObject({ module: 'phishing-og-svindel', result: 'passed', unit: 'Jobcenter' });
  });

  it('modules and units with fewer than 5 learners are suppressed, and so is the unit that would give a lone suppressed one away', async () => {
    const { data } = await collect(options(), known);
    expect(data.modules.find((g) => g.key === 'tavshedspligt-borgerservice')).toEqual({ key: 'tavshedspligt-borgerservice', learners: 1, figures: null, suppressed: 'small' });
    expect(data.modules.find((g) => g.key === 'adgangsstyring-systemforvaltere')!.figures).toBeNull();
    const units = Object.fromEntries(data.units.filter((g) => g.key.module === 'phishing-og-svindel').map((g) => [g.key.unit, g]));
    // Borgerservice: learners 1–6; completed 1, 2, 3, 5; passed 1, 2, 5; failed 3; mean (1 + .9 + .4 + 1) / 4.
    expect(units.Borgerservice.figures).toEqual({ learners: 6, completed: 4, passed: 3, failed: 1, meanScore: 0.825 });
    expect(units['Ældrepleje']).toMatchObject({ learners: 2, figures: null, suppressed: 'small' });
    // Jobcenter has 5, but with Ældrepleje alone hidden, module total minus Borgerservice minus Jobcenter would show it:
    // the smallest shown unit is hidden too, until the hidden ones hold 5 learners together (2 + 5).
    expect(units.Jobcenter).toMatchObject({ learners: 5, figures: null, suppressed: 'complement' });
    expect(units.Borgerservice.suppressed).toBeUndefined();
  });

  it('per role and area: points summed over the role’s modules per learner, mastered at the target; roles under 5 suppressed', async () => {
    const { data } = await collect(options(), known);
    const row = (role: string, area: string) => data.roleAreas.find((r) => r.role === role && r.area === area);
    // K4, front-line, the 10 learners with a result: 1: (6+0)/(6+4) = .6 (duty module too), 2: .8333, 3: .3333,
    // 5: 1, 7: 1, 9: .5, 10: .8333, 11: 1, 12: 1, 13: .1667 → 6 reach 0.8; mean 7.2667 / 10.
    expect(row('frontline', 'recognise-threats')).toEqual({ role: 'frontline', area: 'recognise-threats', learners: 10, mastered: 6, meanScaled: 0.7267, target: 0.8 });
    // K5: 1, 1, .5, 1, .75, .5, 1, 1, 1, .5 → 6 reach 0.8; mean 8.25 / 10.
    expect(row('frontline', 'incidents')).toEqual({ role: 'frontline', area: 'incidents', learners: 10, mastered: 6, meanScaled: 0.825, target: 0.8 });
    expect(row('sysadmin', 'access')).toMatchObject({ learners: 3, mastered: null, meanScaled: null });
  });

  it('trend: learners who had begun, completed and passed by the end of each month (any attempt, voided left out)', async () => {
    const { data } = await collect(options(), known);
    expect(data.trend.filter((r) => r.module === 'phishing-og-svindel')).toEqual([
      // September: 1–8 began; completed 1, 2, 3, 5, 6, 7, 8; passed 1, 2, 6, 7.
      { module: 'phishing-og-svindel', month: '2026-09', started: 8, completed: 7, passed: 4 },
      // October: 9–12 begin, complete; 5, 10, 11, 12 pass.
      { module: 'phishing-og-svindel', month: '2026-10', started: 12, completed: 11, passed: 8 },
      { module: 'phishing-og-svindel', month: '2026-11', started: 13, completed: 12, passed: 8 },
    ]);
    expect(data.trendSuppressed.sort()).toEqual(['adgangsstyring-systemforvaltere', 'tavshedspligt-borgerservice']);
  });

  it('statements about an unknown module are reported with their module, not dropped', async () => {
    const { data } = await collect(options(), known);
    expect(data.unknownModules).toEqual([{ iri: `${BASE}/modules/gammelt-modul`, statements: 3 }]);
    expect(data.learners.some((r) => r.module === 'gammelt-modul')).toBe(false);
  });

  it('filters: --module reads only that module (also its cmi5 statements), --since leaves out what was stored before', async () => {
    const only = await collect(options({ modules: ['phishing-og-svindel'] }), known);
    expect(only.data.modules.map((g) => g.key)).toEqual(['phishing-og-svindel']);
    expect(only.data.modules[0].figures).toMatchObject({ learners: 13, passed: 7 });
    expect(only.data.counts.unknown).toBe(0);
    const later = await collect(options({ since: new Date(Date.now() + 1000).toISOString(), until: new Date(Date.now() + 60_000).toISOString() }), known);
    expect(later.data.learners).toEqual([]);
    await expect(collect(options({ modules: ['phishing'] }), known)).rejects.toThrow(/--module phishing: no such module/);
    // --registration: one attempt (learner 5's second).
    const l5 = only.data.learners.find((r) => r.learner.includes('deltager5@'))!;
    const one = await collect(options({ registration: l5.registration }), known);
    expect(one.data.learners.map((r) => [r.learner, r.attempts, r.result])).toEqual([[l5.learner, 1, 'passed']]);
  });
});

describe('paging', () => {
  it('pages of 3 give the same figures as one large page, across stored times larger than a page', async () => {
    const small = await collect(options({ connection: { ...connection(), pageSize: 3 } }), known);
    const large = await collect(options({ connection: { ...connection(), pageSize: 1000 } }), known);
    expect(small.stats.requests).toBeGreaterThan(25);
    expect(large.stats.requests).toBe(5); // voided + four verbs, one page each
    expect(small.stats.statements).toBe(large.stats.statements);
    expect(small.data.modules).toEqual(large.data.modules);
    expect(small.data.roleAreas).toEqual(large.data.roleAreas);
    expect(small.data.learners.map((r) => [r.learner, r.module, r.result])).toEqual(large.data.learners.map((r) => [r.learner, r.module, r.result]));
  });

  it('every statement once: a batch of 25 sharing one stored time, then single ones, read 4 at a time', async () => {
    const marker = `https://awareness-kit.example/test/paging-${randomUUID()}`;
    const make = () => ({ id: randomUUID(), actor: { mbox: 'mailto:p@aaby-kommune.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: marker } });
    const batch = Array.from({ length: 25 }, make);
    const singles = Array.from({ length: 6 }, make);
    await postStatements(lrs.endpoint, lrs.auth, batch, 25);
    for (const s of singles) await postStatements(lrs.endpoint, lrs.auth, [s]);
    const reader = new LrsReader({ ...connection(), pageSize: 4 });
    const ids: string[] = [];
    for await (const s of reader.statements({ activity: marker, until: new Date().toISOString() })) ids.push(s.id);
    expect(ids.sort()).toEqual([...batch, ...singles].map((s) => s.id).sort());
    expect(reader.stats.requests).toBeGreaterThan(8);
  });
});

describe('output', () => {
  it('writes every view as CSV and a report page; Danish CSVs use semicolons and decimal commas', async () => {
    const dir = outDir();
    expect(await quietMain(['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', CREDENTIALS.password, '--out', dir])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['learners.csv', 'modules.csv', 'report.html', 'roles-areas.csv', 'trend.csv', 'units.csv', 'unknown-modules.csv']);
    const modules = csv(dir, 'modules.csv');
    expect(modules[0][0]).toBe('Modul');
    // Shares in % with one decimal: 11/13, 7/13; mean score 0.79.
    expect(modules.find((r) => r[0] === 'phishing-og-svindel')).toEqual(['phishing-og-svindel', 'Phishing, manipulation og svindel', '13', '11', '84,6', '7', '53,8', '3', '79']);
    expect(modules.find((r) => r[0] === 'tavshedspligt-borgerservice')!.slice(2)).toEqual(Array(7).fill('–'));
    const learners = csv(dir, 'learners.csv');
    const header = learners[0];
    const l2 = learners.find((r) => r[0].includes('deltager2@'))!;
    expect(l2[0]).toBe('Deltager 2 <deltager2@aaby-kommune.example>');
    expect(l2[header.findIndex((h) => h.startsWith('K4 '))]).toBe('83,3');
    expect(l2[header.indexOf('Resultat')]).toBe('Bestået');
    expect(l2[header.indexOf('Rolle')]).toMatch(/^Frontpersonale/);
    // Started in Danish time, as a spreadsheet reads a date: 2 September 09:00 UTC + 1 s (initialized) is 11:00 in summer time.
    expect(l2[header.indexOf('Startet')]).toBe('2026-09-03 11:00');
    const l4 = learners.find((r) => r[0].includes('deltager4@'))!;
    expect(l4[header.indexOf('Resultat')]).toBe('I gang');
    expect(csv(dir, 'unknown-modules.csv')[1]).toEqual([`${BASE}/modules/gammelt-modul`, '3']);
  });

  it('--pseudonymise: no name or address in any file, the same key gives the same pseudonyms, small units hidden', async () => {
    const run = async () => {
      const dir = outDir();
      writeReport(await collect(options({ pseudonymise: true, pseudonymKey: 'nøgle' }), known), { ...options(), outDir: dir, lang: 'da' });
      return dir;
    };
    const [a, b] = [await run(), await run()];
    for (const name of readdirSync(a)) {
      const text = readFileSync(join(a, name), 'utf8');
      expect(text).not.toMatch(/deltager\d|Deltager \d/);
    }
    const rows = csv(a, 'learners.csv').slice(1);
    expect(rows.every((r) => /^P-[0-9a-f]{12}$/.test(r[0]))).toBe(true);
    // Neither the registration nor the exact start: either would lead back to the person in the LRS or LMS.
    expect(rows.every((r) => r[5] === '' && /^\d{4}-\d{2}$/.test(r[6]))).toBe(true);
    expect(new Set(rows.filter((r) => r[2] === 'phishing-og-svindel').map((r) => r[0])).size).toBe(13);
    expect(readFileSync(join(a, 'learners.csv'), 'utf8')).toBe(readFileSync(join(b, 'learners.csv'), 'utf8'));
    // The units the summaries hide are hidden here too: Ældrepleje (2 learners), Jobcenter (hidden with it,
    // so it cannot be worked out from the total), IT (3) and learner 1's unit in the duty module (1).
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Borgerservice', '–']));
    expect(rows.filter((r) => r[1] === 'Borgerservice' && r[2] === 'phishing-og-svindel')).toHaveLength(6);
  });

  it('the page: Danish by default, English by flag; every chart has its table; axe finds nothing; no sideways scroll at 320 px', async () => {
    const dir = outDir();
    const enDir = outDir();
    const collected = await collect(options(), known);
    writeReport(collected, { ...options(), outDir: dir, lang: 'da' });
    writeReport(collected, { ...options(), outDir: enDir, lang: 'en' });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Gennemførelse og bestået pr. modul');
    expect(readFileSync(join(enDir, 'report.html'), 'utf8')).toContain('Completion and pass rate per module');
    expect(html).not.toMatch(/deltager\d@/); // individuals stay in learners.csv
    expect(html).not.toMatch(/<script|https?:\/\/(?!127\.0\.0\.1|awareness-kit\.example)/); // self-contained
    const browser: Browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      await page.goto(`file://${join(dir, 'report.html')}`);
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll('figure')].map((f) => ({ hidden: f.querySelector('svg')?.getAttribute('aria-hidden'), table: f.nextElementSibling?.querySelector('table > caption') !== null })),
      );
      expect(figures.length).toBeGreaterThanOrEqual(4);
      expect(figures.every((f) => f.hidden === 'true' && f.table)).toBe(true);
      const moduleTable = await page.getByRole('table', { name: 'Gennemførelse og bestået pr. modul' }).innerText();
      expect(moduleTable).toContain('11 (85 %)');
      await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await browser.close();
    }
  });
});

describe('bad conditions: a clear message, a non-zero exit, nothing written', () => {
  it('wrong credentials: exit 1, says so, never echoes the secret', async () => {
    const dir = outDir();
    const { code, output } = await captureMain(['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', 'forkert-kode-99', '--out', dir]);
    expect(code).toBe(1);
    expect(output).toMatch(/refused the credentials \(401/);
    expect(output).toContain('No report was written');
    expect(output).not.toContain('forkert-kode-99');
    expect(output).not.toContain(Buffer.from(`${CREDENTIALS.username}:forkert-kode-99`).toString('base64'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('credentials from the environment work, and are not echoed either', () => {
    const parsed = parseReportArgs(['--out', 'x'], { AK_LRS_ENDPOINT: lrs.endpoint, AK_LRS_USERNAME: 'a', AK_LRS_PASSWORD: 'b' });
    expect(parsed !== 'help' && parsed.connection.auth).toBe(`Basic ${Buffer.from('a:b').toString('base64')}`);
    expect(() => parseReportArgs(['--endpoint', lrs.endpoint], {})).toThrow(/credentials are missing/);
  });

  it('dates as YYYY-MM-DD only (01-09-2026 could be either), real days, and no credentials in the address: exit 2', async () => {
    const args = ['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', CREDENTIALS.password, '--out', outDir()];
    const danish = await captureMain([...args, '--since', '01-09-2026']);
    expect(danish.code).toBe(2);
    expect(danish.output).toContain('--since "01-09-2026": write the date as YYYY-MM-DD');
    const noSuchDay = await captureMain([...args, '--until', '2026-02-30']);
    expect(noSuchDay.code).toBe(2);
    expect(noSuchDay.output).toContain('--until 2026-02-30: there is no such day');
    const inAddress = await captureMain(['--endpoint', lrs.endpoint.replace('http://', 'http://hr:Hemmelig-i-adressen@'), '--username', 'a', '--password', 'b']);
    expect(inAddress.code).toBe(2);
    expect(inAddress.output).toContain('--endpoint must not contain a user name or password');
    expect(inAddress.output).not.toContain('Hemmelig-i-adressen');
    // A bare date is a Danish day: --since 2026-12-04 begins at midnight in Copenhagen (23:00 UTC the day before).
    const day = await collect(options({ since: '2026-12-04', until: '2026-12-04' }), known);
    expect(day.since).toBe('2026-12-03T22:59:59.999Z');
    expect(day.until).toBe('2026-12-04T22:59:59.999Z');
  });

  it('usage errors exit 2 with the usage', async () => {
    const { code, output } = await captureMain(['--endpoint', lrs.endpoint, '--username', 'a', '--password', 'b', '--lang', 'de']);
    expect(code).toBe(2);
    expect(output).toContain('--lang de: use da or en');
    expect(output).toContain('usage: npm run report');
  });

  it('an unreachable LRS: retried, then a clear message', async () => {
    const closed = await startLrs();
    const endpoint = closed.endpoint;
    await closed.close();
    const error = await collect({ connection: { endpoint, auth: lrs.auth, retries: 2, retryDelayMs: 10 } }, known).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as Error).message).toMatch(/Could not reach the LRS at http:\/\/127\.0\.0\.1:\d+\/xAPI\/: nothing answers at that address and port \(connection refused\) \(tried 3 times\)\. No report was written\./);
  });

  it('the LRS fails mid-way: retried, then exit 1 and nothing written — a passing failure is retried and the report is whole', async () => {
    lrs.setFault({ kind: 'unavailable', path: '/xAPI/statements', after: 4 });
    const dir = outDir();
    const error = await collect(options({ connection: { ...connection(), pageSize: 3 } }), known).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/failed with 503 Service Unavailable while reading statements: "Injected fault: LRS unavailable" \(tried 4 times\)\. No report was written\./);
    expect(readdirSync(dir)).toEqual([]);

    lrs.setFault({ kind: 'unavailable', path: '/xAPI/statements', after: 4, count: 2 });
    const healed = await collect(options({ connection: { ...connection(), pageSize: 3 } }), known);
    expect(healed.stats.retries).toBe(2);
    expect(healed.data.modules.find((g) => g.key === 'phishing-og-svindel')!.figures).toMatchObject({ learners: 13, completed: 11, passed: 7 });
  });

  it('an answer that is not a statement result', async () => {
    const remove = lrs.route('GET', '/xAPI/statements', (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Log ind</html>'));
    try {
      await expect(collect(options(), known)).rejects.toThrow(/sent an answer that is not a statement result: not JSON \(it begins "<html>Log ind<\/html>"\)/);
    } finally {
      remove();
    }
  });

  it('a malformed statement of ours stops the report and names it; --skip-malformed leaves it out and says so', async () => {
    // Valid xAPI (the LRS stores it), but a "passed" without its per-area results.
    const bad = attemptStatements({ learner: person(40), module: mod('phishing-og-svindel'), activityBase: BASE, unit: 'Jobcenter', start: day(11, 20), result: { incidents: [4, 4] } })
      .filter((s) => s.verb.id.endsWith('/passed'))
      .map((s) => ({ ...s, result: { ...s.result, extensions: {} } }))[0];
    expect(bad.context!.contextActivities!.category!.some((c) => c.id === PROFILE_VERSION)).toBe(true);
    await postStatements(lrs.endpoint, lrs.auth, [bad]);
    try {
      const dir = outDir();
      const { code, output } = await captureMain(['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', CREDENTIALS.password, '--out', dir]);
      expect(code).toBe(1);
      expect(output).toContain(`statement ${bad.id}: its result has no competence results`);
      expect(readdirSync(dir)).toEqual([]);
      const skipped = await captureMain(['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', CREDENTIALS.password, '--out', dir, '--skip-malformed']);
      expect(skipped.code).toBe(0);
      expect(skipped.output).toContain('1 malformed statements were left out');
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('1 ugyldige, sprunget over');
    } finally {
      await postStatements(lrs.endpoint, lrs.auth, [voiding(bad.id)]);
    }
    expect((await collect(options(), known)).data.counts.malformed).toBe(0);
  });

  it('a missing output folder is made; an existing report is only replaced by a whole new one', async () => {
    const dir = join(outDir(), 'ny', 'mappe');
    writeReport(await collect(options(), known), { ...options(), outDir: dir, lang: 'en' });
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    const before = readFileSync(join(dir, 'modules.csv'), 'utf8');
    lrs.setFault({ kind: 'unavailable', path: '/xAPI/statements' });
    const code = await quietMain(['--endpoint', lrs.endpoint, '--username', CREDENTIALS.username, '--password', CREDENTIALS.password, '--out', dir, '--lang', 'en']);
    expect(code).toBe(1);
    expect(readFileSync(join(dir, 'modules.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 30_000);
});

/** Runs the CLI in-process; returns its exit code and everything it printed. */
async function captureMain(argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  try {
    const code = await main(argv);
    return { code, output: lines.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

async function quietMain(argv: string[]): Promise<number> {
  return (await captureMain(argv)).code;
}
