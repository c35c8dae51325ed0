/**
 * The built cmi5 packages against the real LRS, with the test playing the cmi5 LMS: it makes
 * the registration, writes LMS.LaunchData, records "launched", offers a fetch URL that gives
 * its token once, and launches the AU. The checks follow the cmi5 spec (standards.md A7).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { CompiledModule } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { cmi5, extensions } from '../../xapi/vocabulary.js';
import { prepareCmi5Launch } from '../../build-scripts/lrs/cmi5-lms.js';
import { builtModules, referenceModule, ROOT } from './package-fixtures.js';
import { currentSceneId, walk } from './module-driver.js';
import { leave, ours, profileProblems, verbName, XapiEnv, type Stored } from './xapi-fixtures.js';
import { collect, knownModules } from '../../build-scripts/report/report.js';
import { moduleIri } from '../../xapi/activities.js';

const modules = await builtModules();
// The runtime is the same for every module: these suites run on the reference module (package-fixtures.ts).
const reference = referenceModule(modules);
const env = new XapiEnv();
let mini: CompiledModule;
/** The learner of the Normal launch, for the HR report at the end of this file. */
let normalLaunch: { account: { name: string } } | undefined;

beforeAll(async () => {
  mini = await env.startWithModules(modules);
});
afterEach(() => env.closePages());
afterAll(() => env.stop());

const CMI5_DEFINED = ['initialized', 'completed', 'passed', 'failed', 'terminated'];
const categories = (s: Stored) => (s.context?.contextActivities?.category ?? []).map((c) => c.id);

/** The AU's own statements (not the LMS's "launched"). */
async function auStatements(registration: string, sessions = 1): Promise<Stored[]> {
  return ours(await env.settled(registration, sessions));
}

async function finish(page: import('playwright-core').Page): Promise<void> {
  await page.getByRole('button', { name: strings.da.finish, exact: true }).click();
}

/** Every rule of cmi5 §9 that one session's statements must keep. */
function cmi5Problems(statements: Stored[], launch: { activityId: string; sessionId: string; registration: string; publisherId: string }): string[] {
  const problems: string[] = [];
  const names = statements.map(verbName);
  if (names[0] !== 'initialized') problems.push(`first is ${names[0]}, not initialized (§9.3.2)`);
  if (names.at(-1) !== 'terminated') problems.push(`last is ${names.at(-1)}, not terminated (§9.3.8)`);
  for (const verb of CMI5_DEFINED) if (names.filter((n) => n === verb).length > 1) problems.push(`${verb} twice in a session (§9.3)`);
  if (names.includes('passed') && names.includes('failed')) problems.push('both passed and failed in a session');
  for (const s of statements) {
    const name = verbName(s);
    const where = `${name} ${s.object.id}`;
    if (!s.timestamp.endsWith('Z')) problems.push(`${where}: timestamp not UTC (§9.7)`);
    if (!s.actor.account) problems.push(`${where}: actor without account (§9.2)`);
    if (s.context?.registration !== launch.registration) problems.push(`${where}: registration`);
    if (s.context?.extensions?.[cmi5.sessionId] !== launch.sessionId) problems.push(`${where}: no session id (§9.6.3.1)`);
    if (!s.context?.contextActivities?.grouping?.some((g) => g.id === launch.publisherId)) problems.push(`${where}: publisher id missing from grouping`);
    const defined = CMI5_DEFINED.includes(name);
    if (defined !== categories(s).includes(cmi5.category)) problems.push(`${where}: cmi5 category ${defined ? 'missing' : 'on an allowed statement'} (§9.6.2.1)`);
    const moveOn = s.result?.success !== undefined || s.result?.completion !== undefined;
    if (defined && moveOn !== categories(s).includes(cmi5.moveOnCategory)) problems.push(`${where}: moveon category (§9.6.2.2)`);
    if (defined && s.object.id !== launch.activityId) problems.push(`${where}: object is not the launch activityId (§9.4)`);
    if (['completed', 'passed', 'failed', 'terminated'].includes(name) && !s.result?.duration) problems.push(`${where}: no duration`);
    if (name === 'completed' && (s.result?.score || s.result?.success !== undefined)) problems.push('completed with score or success (§9.5)');
    const raw = s.result?.score?.raw;
    if (defined && raw !== undefined && (!Number.isInteger(raw) || s.result!.score!.min === undefined || s.result!.score!.max === undefined)) problems.push(`${where}: raw score`);
  }
  return problems;
}

describe('the test LMS itself', () => {
  it('launches the reference client (@xapi/cmi5) too: fetch URL, LMS.LaunchData and session context work as the library expects', async () => {
    env.server.mount('/vendor/cmi5/', join(ROOT, 'node_modules/@xapi/cmi5/dist'));
    const launch = await prepareCmi5Launch(env.lrs, `${env.server.url}/lms/cmi5-reference.html`, 'https://example.org/reference-au');
    const page = await env.newPage();
    await page.goto(launch.url);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined);
    expect(await page.evaluate(() => (window as unknown as { __result: unknown }).__result)).toEqual({ ok: true, launchMode: 'Normal' });
    const au = (await env.settled(launch.registration)).filter((s) => verbName(s) !== 'launched');
    expect(au.map(verbName)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    for (const s of au) expect(s.context!.extensions![cmi5.sessionId]).toBe(launch.sessionId);
    expect(launch.fetchCalls).toEqual(['POST']);
  });
});

describe('hand-computed: the test module in cmi5 gives the same numbers as SCORM and TinCan', () => {
  it('mixed answers: 3 of 7 = 0.4286, failed at the module passing score 0.6; per area 2/3, 0/3, 1/1', async () => {
    const launch = await env.cmi5Launch(mini);
    const page = await env.open(launch.url);
    await walk(page.mainFrame(), mini, (scene) => ({ d1: ['partial'], q1: ['a'], q2: ['a'], q3: ['true'] })[scene.id] ?? []);
    await finish(page);
    const statements = await auStatements(launch.registration);
    const failed = statements.find((s) => verbName(s) === 'failed')!;
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0.4286, raw: 3, min: 0, max: 7 } });
    const areas = statements.filter((s) => verbName(s) === 'scored').map((s) => [s.object.id.split('/').pop(), s.result!.score!.scaled, s.result!.success]);
    expect(areas).toEqual([['know-the-rules', 0.6667, false], ['protect-daily', 0, false], ['incidents', 1, true]]);
    expect(cmi5Problems(statements, launch)).toEqual([]);
    expect(profileProblems(statements)).toEqual([]);
  });

  it("the LMS's masteryScore overrides the module's passing score: the same 0.4286 passes at 0.4", async () => {
    const launch = await env.cmi5Launch(mini, { masteryScore: 0.4 });
    const page = await env.open(launch.url);
    await walk(page.mainFrame(), mini, (scene) => ({ d1: ['partial'], q1: ['a'], q2: ['a'], q3: ['true'] })[scene.id] ?? []);
    await finish(page);
    const statements = await auStatements(launch.registration);
    const passed = statements.find((s) => verbName(s) === 'passed')!;
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 0.4286 } });
    expect(passed.context!.extensions![cmi5.masteryScore]).toBe(0.4);
    expect(statements.some((s) => verbName(s) === 'failed')).toBe(false);
    expect(cmi5Problems(statements, launch)).toEqual([]);
    expect(profileProblems(statements)).toEqual([]);
  });
});

for (const module of [reference]) {
  describe(`${module.id}: cmi5 package launched by an LMS`, () => {
    it('Normal launch: the token is fetched once with POST; statements in the order the spec requires; then back to returnURL', async () => {
      const launch = await env.cmi5Launch(module, { returnURL: `${env.server.url}/lms/returned.html`, launchParameters: '{"unit":"Jobcenter Syd"}' });
      normalLaunch = launch.actor as { account: { name: string } };
      const page = await env.open(launch.url);
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      await page.waitForURL(`${env.server.url}/lms/returned.html`, { timeout: 15000 });
      expect(launch.fetchCalls).toEqual(['POST']);
      const statements = await auStatements(launch.registration);
      expect(cmi5Problems(statements, launch)).toEqual([]);
      const names = statements.map(verbName);
      expect(names.indexOf('completed')).toBeLessThan(names.indexOf('passed'));
      expect(names.slice(names.indexOf('passed') + 1, -1).every((n) => n === 'scored')).toBe(true);
      expect(statements.find((s) => verbName(s) === 'passed')!.result!.score!.scaled).toBe(1);
      for (const s of statements) expect(s.context!.extensions![extensions.organisationalUnit]).toBe('Jobcenter Syd');
      // The AU (the browser: it sends an Origin) used the fetched token, never the LMS's own credentials.
      const posts = env.lrs.requests.filter((r) => r.headers.origin && r.path.startsWith('/xAPI/') && r.method !== 'OPTIONS' && (r.body.includes(launch.sessionId) || decodeURIComponent(r.path).includes(launch.registration)));
      expect(posts.length).toBeGreaterThan(0);
      expect(new Set(posts.map((r) => r.headers.authorization))).toEqual(new Set([`Basic ${Buffer.from(`au-${launch.sessionId.slice(0, 8)}:secret`).toString('base64')}`]));
      expect(profileProblems(statements)).toEqual([]);
    });

    it('Browse mode: initialized and terminated, no completed, passed or failed (§10)', async () => {
      const launch = await env.cmi5Launch(module, { launchMode: 'Browse' });
      const page = await env.open(launch.url);
      await page.getByText(strings.da.notRecorded).waitFor();
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      const statements = await auStatements(launch.registration);
      const names = statements.map(verbName);
      expect(names[0]).toBe('initialized');
      expect(names.at(-1)).toBe('terminated');
      for (const verb of ['completed', 'passed', 'failed', 'scored']) expect(names, verb).not.toContain(verb);
      expect(cmi5Problems(statements, launch)).toEqual([]);
      expect(profileProblems(statements)).toEqual([]);
    });

    it('Browse, then a Normal launch: what was browsed is neither resumed nor judged', async () => {
      const browse = await env.cmi5Launch(module, { launchMode: 'Browse' });
      const page = await env.open(browse.url);
      await walk(page.mainFrame(), module, 'poor');
      await finish(page);
      await auStatements(browse.registration);
      const normal = await env.cmi5Launch(module, { registration: browse.registration, activityId: browse.activityId, actor: browse.actor });
      const page2 = await env.open(normal.url);
      expect(await currentSceneId(page2.mainFrame())).toBe(module.scenes[0].id);
      await leave(page2);
      const all = await auStatements(browse.registration, 2);
      for (const verb of ['completed', 'passed', 'failed', 'scored', 'resumed']) expect(all.map(verbName), verb).not.toContain(verb);
    });

    it('failed in one session, passed in the next: starting over is offered at the relaunch, and passed follows failed', async () => {
      const first = await env.cmi5Launch(module);
      const page = await env.open(first.url);
      await walk(page.mainFrame(), module, 'poor');
      // One result per session: no second run in this one.
      await expect.poll(() => page.getByRole('button', { name: strings.da.restart, exact: true }).count()).toBe(0);
      await finish(page);
      await auStatements(first.registration);
      const second = await env.cmi5Launch(module, { registration: first.registration, activityId: first.activityId, actor: first.actor });
      const page2 = await env.open(second.url);
      await page2.getByRole('button', { name: strings.da.restart, exact: true }).click();
      await walk(page2.mainFrame(), module, 'best');
      await finish(page2);
      const all = await auStatements(first.registration, 2);
      expect(all.filter((s) => ['completed', 'passed', 'failed'].includes(verbName(s))).map(verbName)).toEqual(['completed', 'failed', 'passed']);
      expect(cmi5Problems(all.filter((s) => s.context!.extensions![cmi5.sessionId] === second.sessionId), second)).toEqual([]);
      expect(profileProblems(all)).toEqual([]);
    });

    it('Review mode: only initialized and terminated', async () => {
      const launch = await env.cmi5Launch(module, { launchMode: 'Review' });
      const page = await env.open(launch.url);
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 2 });
      await leave(page);
      expect((await auStatements(launch.registration)).map(verbName)).toEqual(['initialized', 'terminated']);
    });

    it('leave halfway, relaunch (a new session): resumes at the same scene; completed and passed come once in the registration', async () => {
      const first = await env.cmi5Launch(module);
      const page = await env.open(first.url);
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 3 });
      const where = await currentSceneId(page.mainFrame());
      await leave(page);
      const session1 = await auStatements(first.registration);
      expect(session1.map(verbName).slice(-2)).toEqual(['suspended', 'terminated']);
      expect(cmi5Problems(session1, first)).toEqual([]);

      const second = await env.cmi5Launch(module, { registration: first.registration, activityId: first.activityId, actor: first.actor });
      const page2 = await env.open(second.url);
      expect(await currentSceneId(page2.mainFrame())).toBe(where);
      await walk(page2.mainFrame(), module, 'best');
      await finish(page2);
      const all = await auStatements(first.registration, 2);
      const session2 = all.filter((s) => s.context!.extensions![cmi5.sessionId] === second.sessionId);
      expect(session2.map(verbName).slice(0, 2)).toEqual(['initialized', 'resumed']);
      expect(cmi5Problems(session2, second)).toEqual([]);
      expect(all.filter((s) => verbName(s) === 'completed')).toHaveLength(1);
      expect(all.filter((s) => verbName(s) === 'passed')).toHaveLength(1);
      expect(profileProblems(all)).toEqual([]);
    });

    it('a reload of a session that has terminated asks the fetch URL no second time and says progress is not saved', async () => {
      const launch = await env.cmi5Launch(module);
      const page = await env.open(launch.url);
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 1 });
      await page.reload();
      await page.getByText(strings.da.notSaved).waitFor();
      expect(launch.fetchCalls).toEqual(['POST']);
      const statements = await auStatements(launch.registration);
      expect(statements.map(verbName).filter((n) => n === 'initialized')).toHaveLength(1);
      expect(cmi5Problems(statements, launch)).toEqual([]);
      expect(profileProblems(statements)).toEqual([]);
    });

    it('the reflection text never leaves the device: no request to the LRS or the fetch URL carries it', async () => {
      const reflection = module.scenes.find((x) => x.type === 'reflection');
      if (!reflection) return;
      const launch = await env.cmi5Launch(module, { returnURL: `${env.server.url}/lms/returned.html` });
      const page = await env.newPage();
      const sent: string[] = [];
      page.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}`));
      await env.open(launch.url, page);
      await walk(page.mainFrame(), module, 'best', { stopAt: reflection.id });
      const secret = `Min egen tekst om borgeren Kim ${Date.now()}`;
      await page.locator('ak-reflection textarea').fill(secret);
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      await page.waitForURL(`${env.server.url}/lms/returned.html`, { timeout: 15000 });
      expect(sent.length).toBeGreaterThan(10);
      expect(sent.filter((r) => r.includes('borgeren Kim'))).toEqual([]);
      expect(env.lrs.requests.filter((r) => r.body.includes('borgeren Kim') || decodeURIComponent(r.path).includes('borgeren Kim'))).toEqual([]);
    });

    it("the learner's language preference from the LMS is used", async () => {
      const launch = await env.cmi5Launch(module, { languagePreference: 'en-GB,da-DK' });
      const page = await env.open(launch.url);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await leave(page);
      const statements = await auStatements(launch.registration);
      expect(statements.every((s) => s.context!.language === 'en')).toBe(true);
      expect(profileProblems(statements)).toEqual([]);
    });
  });
}

// Last in the file, so the LRS holds every statement the cmi5 runs above sent (Browse, Review, relaunches and all).
describe('the HR report over every cmi5 run above', () => {
  it('finds the module behind the LMS\'s activity id, with no malformed statement, and the Normal launch\'s result and unit', async () => {
    const { data } = await collect({ connection: { endpoint: env.lrs.endpoint, auth: env.lrs.auth } }, knownModules());
    expect(data.counts.malformed).toBe(0);
    expect(normalLaunch).toBeDefined();
    const row = data.learners.find((r) => r.learner.startsWith(`${normalLaunch!.account.name}@`));
    expect(row).toMatchObject({ module: reference.id, unit: 'Jobcenter Syd', completed: true, result: 'passed', score: 1 });
    expect(data.unknownModules.map((u) => u.iri)).toEqual([moduleIri(mini.activityBase, mini.id)]);
  });
});
