/**
 * One learner, four packages: the same answers on the test module in SCORM 1.2 and SCORM 2004
 * (scorm-again, LMS side) and in TinCan and cmi5 (the real LRS) must give the LMS and the LRS the
 * same overall score, pass/fail and per-area results — and those are the hand-computed ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledModule } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { extensions } from '../../xapi/vocabulary.js';
import { ROOT, unzipTo } from './package-fixtures.js';
import { walk } from './module-driver.js';
import { lmsView, manifestSeed, type Format, type LmsRecord } from './lms-view.js';
import { ours, verbName, XapiEnv, type Stored } from './xapi-fixtures.js';

/** Overall and per-area results in common terms; an area the learner never met is 'not attempted'. */
interface Reported {
  scaled: number | null;
  passed: boolean | null;
  areas: Record<string, { scaled: number | null; status: 'passed' | 'failed' | 'not attempted' }>;
}

// d1 "partial": know-the-rules 1 of 2, protect-daily 0 of 1; q1 right: know-the-rules 1 of 1;
// q2 only "a" (needs a and b): protect-daily 0 of 2; q3 right: incidents 1 of 1.
// recognise-threats is scored only on the branch after d1 "risky": not met.
const ANSWERS: Record<string, string[]> = { d1: ['partial'], q1: ['a'], q2: ['a'], q3: ['true'] };
const HAND_COMPUTED: Reported = {
  scaled: 0.4286,
  passed: false,
  areas: {
    'know-the-rules': { scaled: 0.6667, status: 'failed' },
    'protect-daily': { scaled: 0, status: 'failed' },
    'recognise-threats': { scaled: null, status: 'not attempted' },
    incidents: { scaled: 1, status: 'passed' },
  },
};

const env = new XapiEnv();
let mini: CompiledModule;
/** Each SCORM package's imsmanifest.xml, as the LMS reads it at import. */
const manifests = {} as Record<Format, string>;

beforeAll(async () => {
  mini = await env.startWithModules([]);
  env.server.mount('/vendor/scorm-again/', join(ROOT, 'node_modules/scorm-again/dist'));
  for (const format of ['scorm12', 'scorm2004'] as const) {
    const dir = await unzipTo(join(env.miniDist, 'packages', `${mini.id}-${format}.zip`));
    manifests[format] = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
    env.server.mount(`/pkg/${mini.id}-${format}/`, dir);
  }
});
afterAll(() => env.stop());

async function inScorm(format: Format): Promise<Reported> {
  const page = await env.newPage();
  await page.addInitScript(([seed]) => Object.assign(window, { __AK_SEED__: seed }), [manifestSeed(manifests[format], format)] as const);
  await page.goto(`${env.server.url}/lms/harness.html?format=${format}&open=frame&pkg=/pkg/${mini.id}-${format}/`);
  const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
  await walk(frame, mini, (scene) => ANSWERS[scene.id]);
  await frame.getByRole('button', { name: strings.da.finish, exact: true }).click();
  await frame.getByText(strings.da.finished).waitFor();
  const lms = (await page.evaluate(() => (window as unknown as { __lms: LmsRecord }).__lms)) as LmsRecord;
  const view = lmsView(format, lms.cmi!);
  const areas: Reported['areas'] = {};
  for (const [id, o] of Object.entries(view.objectives)) areas[id] = { scaled: o.scaled, status: o.status as Reported['areas'][string]['status'] };
  return { scaled: view.scaled, passed: view.success === 'unknown' ? null : view.success === 'passed', areas };
}

/** From the statements the LRS stored: the passed/failed result and its per-area extension. */
function fromStatements(statements: Stored[]): Reported {
  const judged = statements.filter((s) => ['passed', 'failed'].includes(verbName(s)));
  expect(judged).toHaveLength(1);
  const result = judged[0].result!;
  const perArea = result.extensions![extensions.competenceResults] as Array<{ id: string; earned: number; possible: number; scaled: number; mastered: boolean }>;
  const areas: Reported['areas'] = {};
  for (const area of mini.areas) {
    const r = perArea.find((a) => a.id === area.id);
    areas[area.id] = r ? { scaled: r.scaled, status: r.mastered ? 'passed' : 'failed' } : { scaled: null, status: 'not attempted' };
    // The per-area statements say the same as the extension.
    const scored = statements.find((s) => verbName(s) === 'scored' && s.object.id.endsWith(`/${area.id}`));
    expect(scored?.result?.score?.scaled ?? null, area.id).toBe(r ? r.scaled : null);
    if (r) expect(r.scaled, area.id).toBe(Math.round((r.earned / r.possible) * 10000) / 10000);
  }
  return { scaled: result.score!.scaled!, passed: result.success!, areas };
}

async function inTinCan(): Promise<Reported> {
  const registration = randomUUID();
  const page = await env.open(env.tinCanUrl(mini, { registration }));
  await walk(page.mainFrame(), mini, (scene) => ANSWERS[scene.id]);
  await page.getByRole('button', { name: strings.da.finish, exact: true }).click();
  return fromStatements(await env.settled(registration));
}

async function inCmi5(): Promise<Reported> {
  const launch = await env.cmi5Launch(mini);
  const page = await env.open(launch.url);
  await walk(page.mainFrame(), mini, (scene) => ANSWERS[scene.id]);
  await page.getByRole('button', { name: strings.da.finish, exact: true }).click();
  return fromStatements(ours(await env.settled(launch.registration)));
}

describe('the same answers in every format', () => {
  it('SCORM 1.2, SCORM 2004, TinCan and cmi5 report identical overall and per-area results, the hand-computed ones', async () => {
    const reported = {
      scorm12: await inScorm('scorm12'),
      scorm2004: await inScorm('scorm2004'),
      xapi: await inTinCan(),
      cmi5: await inCmi5(),
    };
    for (const [format, results] of Object.entries(reported)) expect(results, format).toEqual(HAND_COMPUTED);
  });
});
