/**
 * The built TinCan packages (`<id>-xapi.zip`) against the real LRS: launched as an LMS does
 * (endpoint, auth, actor, registration on the URL), taken by a learner in Chromium, and then
 * checked in what the LRS stored — every statement, against xapi/profile.jsonld too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { CompiledModule } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { PROGRESS_STATE_ID, extensions } from '../../xapi/vocabulary.js';
import { moduleIri } from '../../xapi/activities.js';
import { builtModules, playOnEngine, referenceModule, type Strategy } from './package-fixtures.js';
import { currentSceneId, walk } from './module-driver.js';
import { learner, leave, ours, profileProblems, verbName, XapiEnv, type Stored } from './xapi-fixtures.js';
import { collect, knownModules } from '../../build-scripts/report/report.js';

const modules = await builtModules();
/** Tests that wait on the client's retry schedule (outages, lost replies) get more room on a loaded machine. */
const LONG_TEST_MS = 150_000;
const reference = referenceModule(modules);
const env = new XapiEnv();
/** The best and poor runs of every module, for the HR report at the end of this file. */
const runs: Array<{ mbox: string; module: CompiledModule; strategy: Strategy }> = [];
let mini: CompiledModule;

beforeAll(async () => {
  mini = await env.startWithModules(modules);
});
afterEach(() => env.closePages());
afterAll(() => env.stop());


/** "verb last-two-path-segments" per statement: a readable, exact picture of a stream. */
const picture = (statements: Stored[]) => statements.map((s) => `${verbName(s)} ${s.object.id.split('/').slice(-2).join('/')}`);

function expectedPicture(module: CompiledModule, strategy: Strategy, result = true): string[] {
  const engine = playOnEngine(module, strategy);
  const out = [`initialized modules/${module.id}`];
  for (const id of engine.path) {
    out.push(`experienced scenes/${id}`);
    if (engine.answerOf(id)) out.push(`answered interactions/${id}`);
  }
  if (result) {
    out.push(`completed modules/${module.id}`, `${engine.results.passed ? 'passed' : 'failed'} modules/${module.id}`);
    for (const a of engine.results.areas) if (a.scaled !== null) out.push(`scored competences/${a.id}`);
  }
  out.push(`terminated modules/${module.id}`);
  return out;
}

async function finish(page: import('playwright-core').Page): Promise<void> {
  await page.getByRole('button', { name: strings.da.finish, exact: true }).click();
  await page.getByText(strings.da.finished).waitFor();
}

/**
 * A learner leaves halfway, then finishes in another browser (no local copy) while the State API
 * fails — until the test clears the fault.
 */
async function finishWhileProgressUnreadable(module: CompiledModule) {
  const registration = randomUUID();
  const url = env.tinCanUrl(module, { registration });
  const first = await env.open(url);
  await walk(first.mainFrame(), module, 'best', { stopAfterScored: 2 });
  await leave(first);
  await env.settled(registration);
  env.lrs.setFault({ kind: 'unavailable', path: '/xAPI/activities/state', match: registration });
  const second = await env.open(url);
  await walk(second.mainFrame(), module, 'best');
  await finish(second);
  return { registration, url, second };
}

describe('hand-computed: the test module (tests/fixtures/modules/mini) in TinCan', () => {
  // The same answers as the SCORM harness test: d1 partial, q1 right, q2 half, q3 right.
  const answers: Record<string, string[]> = { d1: ['partial'], q1: ['a'], q2: ['a'], q3: ['true'] };

  it('mixed answers give 3 of 7 = 0.4286 and, per area, 2/3 (below the 0.8 target), 0/3, not met, 1/1 — as in SCORM', async () => {
    const registration = randomUUID();
    const page = await env.open(env.tinCanUrl(mini, { registration }));
    await walk(page.mainFrame(), mini, (scene) => answers[scene.id]);
    await finish(page);
    const statements = await env.settled(registration);
    const failed = statements.find((s) => verbName(s) === 'failed')!;
    expect(failed.result).toMatchObject({ success: false, score: { scaled: 0.4286, raw: 3, min: 0, max: 7 } });
    expect(failed.result!.extensions![extensions.competenceResults]).toEqual([
      { area: expect.stringContaining('/know-the-rules'), id: 'know-the-rules', earned: 2, possible: 3, scaled: 0.6667, target: 0.8, mastered: false },
      { area: expect.stringContaining('/protect-daily'), id: 'protect-daily', earned: 0, possible: 3, scaled: 0, target: 0.8, mastered: false },
      { area: expect.stringContaining('/incidents'), id: 'incidents', earned: 1, possible: 1, scaled: 1, target: 0.8, mastered: true },
    ]);
    const areas = statements.filter((s) => verbName(s) === 'scored').map((s) => [s.object.id.split('/').pop(), s.result!.score!.scaled, s.result!.success]);
    expect(areas).toEqual([['know-the-rules', 0.6667, false], ['protect-daily', 0, false], ['incidents', 1, true]]);
    // d1 "partial": 1 of the 3 points possible (know-the-rules 2 + protect-daily 1).
    const d1 = statements.find((s) => s.object.id.endsWith('/interactions/d1'))!;
    expect(d1.result).toMatchObject({ response: 'partial', success: false, score: { scaled: 0.3333, raw: 1, min: 0, max: 3 } });
    expect(d1.object.definition).toMatchObject({ interactionType: 'choice', correctResponsesPattern: ['safe'] });
    expect(d1.object.definition!.choices!.map((c) => c.id)).toEqual(['safe', 'partial', 'risky']);
    const q2 = statements.find((s) => s.object.id.endsWith('/interactions/q2'))!;
    expect(q2.result).toMatchObject({ response: 'a', success: false });
    expect(q2.object.definition!.correctResponsesPattern).toEqual(['a[,]b']);
    expect(profileProblems(ours(statements))).toEqual([]);
  });
});

for (const module of modules) {
  describe(`${module.id}: TinCan package with the real LRS`, () => {
    for (const strategy of ['best', 'poor'] as const) {
      it(`${strategy} answers: exactly the statements of the path, with scores, per-area results and the registration`, async () => {
        const registration = randomUUID();
        const actor = learner();
        const page = await env.open(env.tinCanUrl(module, { registration, actor, unit: 'Borgerservice Nord' }));
        await walk(page.mainFrame(), module, strategy);
        await finish(page);
        const statements = await env.settled(registration);
        expect(picture(statements)).toEqual(expectedPicture(module, strategy));
        const engine = playOnEngine(module, strategy);
        const judged = statements.find((s) => ['passed', 'failed'].includes(verbName(s)))!;
        expect(judged.result!.score!.scaled).toBe(engine.results.scaled);
        expect(judged.result!.success).toBe(strategy === 'best');
        if (strategy === 'best') expect(judged.result!.score!.scaled).toBe(1);
        const areas = statements.filter((s) => verbName(s) === 'scored');
        for (const s of areas) {
          const area = engine.results.areas.find((a) => s.object.id.endsWith(`/${a.id}`))!;
          expect([s.result!.score!.scaled, s.result!.success], area.id).toEqual([area.scaled, area.passed]);
        }
        for (const s of statements) {
          expect(s.context!.registration).toBe(registration);
          expect(s.actor).toMatchObject({ mbox: (actor as { mbox: string }).mbox });
          expect(s.context!.extensions![extensions.organisationalUnit]).toBe('Borgerservice Nord');
        }
        expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
        expect(profileProblems(statements)).toEqual([]);
        runs.push({ mbox: (actor as { mbox: string }).mbox, module, strategy });
      });
    }
  });
}

// The reference module: resume, closing, outages and lost replies (the runtime, not the content).
for (const module of [reference]) {
  describe(`${module.id}: TinCan package with the real LRS, leaving, relaunching, outages`, () => {
    it('leave halfway, relaunch: suspended, then a new session resumes at the same scene from the State API', async () => {
      const registration = randomUUID();
      const actor = learner();
      const url = env.tinCanUrl(module, { registration, actor });
      const first = await env.open(url);
      await walk(first.mainFrame(), module, 'best', { stopAfterScored: 3 });
      const where = await currentSceneId(first.mainFrame());
      await leave(first);
      const left = await env.settled(registration);
      expect(picture(left).slice(-2)).toEqual([`suspended modules/${module.id}`, `terminated modules/${module.id}`]);
      const query = new URLSearchParams({ activityId: moduleIri(module.activityBase, module.id), agent: JSON.stringify(actor), registration, stateId: PROGRESS_STATE_ID });
      const doc = await fetch(`${env.lrs.endpoint}activities/state?${query}`, { headers: { Authorization: env.lrs.auth, 'X-Experience-API-Version': '1.0.3' } });
      expect(doc.status).toBe(200);
      expect(((await doc.json()) as { location: string }).location).toBe(where);

      const second = await env.open(url);
      expect(await currentSceneId(second.mainFrame())).toBe(where);
      await walk(second.mainFrame(), module, 'best');
      await finish(second);
      const all = await env.settled(registration, 2);
      const session2 = picture(all).slice(left.length);
      expect(session2.slice(0, 3)).toEqual([`initialized modules/${module.id}`, `resumed modules/${module.id}`, `experienced scenes/${where}`]);
      // Items answered in the first session are not answered again.
      const answered = all.filter((s) => verbName(s) === 'answered').map((s) => s.object.id);
      expect(new Set(answered).size).toBe(answered.length);
      expect(all.find((s) => verbName(s) === 'passed')).toBeDefined();
      expect(profileProblems(all)).toEqual([]);
    });

    it('the tab is closed for real: whatever the closing cut off arrives with the next launch, once', async () => {
      const registration = randomUUID();
      const url = env.tinCanUrl(module, { registration });
      const first = await env.open(url);
      await walk(first.mainFrame(), module, 'best', { stopAfterScored: 3 });
      await first.close({ runBeforeUnload: true });
      const second = await env.open(url);
      await walk(second.mainFrame(), module, 'best');
      await finish(second);
      const all = await env.settled(registration, 2);
      expect(picture(all).filter((p) => /^(suspended|terminated|initialized)/.test(p))).toEqual([
        `initialized modules/${module.id}`,
        `suspended modules/${module.id}`,
        `terminated modules/${module.id}`,
        `initialized modules/${module.id}`,
        `terminated modules/${module.id}`,
      ]);
      expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
      expect(profileProblems(all)).toEqual([]);
    });

    it('works without an LMS registration: the attempt makes its own and keeps it across launches', async () => {
      const actor = learner();
      const url = env.tinCanUrl(module, { registration: null, actor });
      const first = await env.open(url);
      await walk(first.mainFrame(), module, 'best', { stopAfterScored: 2 });
      await leave(first);
      const ofActor = async () => {
        const reply = await fetch(`${env.lrs.endpoint}statements?${new URLSearchParams({ agent: JSON.stringify(actor), limit: '500' })}`, {
          headers: { Authorization: env.lrs.auth, 'X-Experience-API-Version': '1.0.3' },
        });
        return ((await reply.json()) as { statements: Stored[] }).statements;
      };
      await expect.poll(async () => (await ofActor()).some((s) => verbName(s) === 'terminated'), { timeout: 15000 }).toBe(true);
      const registrations = new Set((await ofActor()).map((s) => s.context!.registration));
      expect(registrations.size).toBe(1);
      const [registration] = registrations;
      expect(registration).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      const second = await env.open(url);
      await walk(second.mainFrame(), module, 'best');
      await finish(second);
      const all = await env.settled(registration!, 2);
      expect(all.filter((s) => verbName(s) === 'resumed')).toHaveLength(1);
      expect(profileProblems(all)).toEqual([]);
    });

    it('the reflection text never leaves the device: no request carries it', async () => {
      const reflection = module.scenes.find((s) => s.type === 'reflection');
      if (!reflection) return;
      const registration = randomUUID();
      const sent: string[] = [];
      const page = await env.newPage();
      page.on('request', (r) => sent.push(`${r.url()}\n${r.postData() ?? ''}`));
      await env.open(env.tinCanUrl(module, { registration }), page);
      await walk(page.mainFrame(), module, 'best', { stopAt: reflection.id });
      const secret = `Min egen tekst ${randomUUID()}`;
      await page.locator('ak-reflection textarea').fill(secret);
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      await env.settled(registration);
      expect(sent.length).toBeGreaterThan(10);
      expect(sent.filter((r) => r.includes(secret))).toEqual([]);
      expect(env.lrs.requests.filter((r) => r.body.includes(secret) || decodeURIComponent(r.path).includes(secret))).toEqual([]);
      expect(profileProblems(await env.statements(registration))).toEqual([]);
    });

    it('outage: the LRS goes down mid-module, the learner goes on and reloads, the LRS comes back — every statement arrives exactly once', async () => {
      const registration = randomUUID();
      const page = await env.open(env.tinCanUrl(module, { registration }));
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 2 });
      await env.lrs.goDown();
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 2 });
      // The learner is told that progress is not being saved.
      await page.getByText(strings.da.saveFailing).waitFor({ timeout: 15000 });
      const where = await currentSceneId(page.mainFrame());
      await page.reload();
      expect(await currentSceneId(page.mainFrame())).toBe(where);
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 1 });
      await env.lrs.comeBack();
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      const statements = await env.settled(registration, 2, 90000);
      expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
      // Each item answered once, each session opened once: nothing lost, nothing doubled.
      const answered = statements.filter((s) => verbName(s) === 'answered').map((s) => s.object.id.split('/').pop());
      const best = playOnEngine(module, 'best');
      expect(answered).toEqual(best.path.filter((id) => best.answerOf(id)));
      expect(statements.filter((s) => verbName(s) === 'initialized')).toHaveLength(2);
      for (const verb of ['resumed', 'completed', 'passed', 'suspended']) expect(statements.filter((s) => verbName(s) === verb), verb).toHaveLength(1);
      // Every scene experienced once per session, nothing lost around the reload.
      const experienced = statements.filter((s) => verbName(s) === 'experienced').map((s) => s.object.id.split('/').pop());
      expect(new Set(experienced)).toEqual(new Set(best.path));
      expect(profileProblems(statements)).toEqual([]);
    }, LONG_TEST_MS);

    it('a reply lost after the LRS stored the statements: the resend is the same statements, stored once', async () => {
      const registration = randomUUID();
      const page = await env.open(env.tinCanUrl(module, { registration }));
      env.lrs.setFault({ kind: 'drop-reply', count: 2, match: registration });
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 2 });
      const dropped = () => env.lrs.requests.filter((r) => r.fault === 'drop-reply' && r.body.includes(registration)).length;
      await expect.poll(dropped, { timeout: 15000 }).toBe(2);
      env.lrs.setFault(null);
      await walk(page.mainFrame(), module, 'best');
      await finish(page);
      const statements = await env.settled(registration, 1, 60000);
      expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);
      expect(picture(statements)).toEqual(expectedPicture(module, 'best'));
      expect(profileProblems(statements)).toEqual([]);
    }, LONG_TEST_MS);

    it('after Finish, going Back sends nothing more: terminated stays the last statement', async () => {
      const registration = randomUUID();
      const url = env.tinCanUrl(module, { registration });
      const first = await env.open(url);
      await walk(first.mainFrame(), module, 'best');
      await leave(first);
      await env.settled(registration);
      // A relaunch opens at the summary; the scenes before it are new to this session.
      const page = await env.open(url);
      await finish(page);
      await env.settled(registration, 2);
      await page.getByRole('button', { name: strings.da.back, exact: true }).click();
      await page.getByRole('button', { name: strings.da.back, exact: true }).click();
      await leave(page);
      const statements = await env.settled(registration, 2);
      expect(picture(statements).at(-1)).toBe(`terminated modules/${module.id}`);
      expect(statements.filter((s) => verbName(s) === 'terminated')).toHaveLength(2);
      expect(profileProblems(statements)).toEqual([]);
    });

    it('the saved progress cannot be read at a relaunch: no second completed or passed, and the LRS copy is not reset', async () => {
      const registration = randomUUID();
      const url = env.tinCanUrl(module, { registration });
      const first = await env.open(url);
      await walk(first.mainFrame(), module, 'best');
      await finish(first);
      await env.settled(registration);
      // A new browser (no local copy); the first read of the State API fails.
      env.lrs.setFault({ kind: 'unavailable', path: '/xAPI/activities/state', count: 1, match: registration });
      const second = await env.open(url);
      await walk(second.mainFrame(), module, 'best');
      await finish(second);
      const all = await env.settled(registration, 2, 30000);
      expect(all.filter((s) => verbName(s) === 'completed')).toHaveLength(1);
      expect(all.filter((s) => verbName(s) === 'passed')).toHaveLength(1);
      expect(profileProblems(all)).toEqual([]);
    });

    it('Finish while the saved progress cannot be read: the result waits for it and goes before terminated, once', async () => {
      const { registration } = await finishWhileProgressUnreadable(module);
      await new Promise((r) => setTimeout(r, 1500));
      env.lrs.setFault(null);
      const all = await env.settled(registration, 2, 30000);
      const verbs = all.map(verbName);
      const areas = verbs.filter((v) => v === 'scored').length;
      expect(areas).toBeGreaterThan(0);
      expect(verbs.slice(verbs.indexOf('completed'))).toEqual(['completed', 'passed', ...Array(areas).fill('scored'), 'terminated']);
      for (const verb of ['completed', 'passed']) expect(all.filter((s) => verbName(s) === verb), verb).toHaveLength(1);
      expect(verbName(all.at(-1)!)).toBe('terminated');
      const passed = all.find((s) => verbName(s) === 'passed')!;
      expect(passed.timestamp < all.at(-1)!.timestamp).toBe(true);
      // One session, one duration: the result carries the one terminated carries.
      expect(passed.result!.duration).toBe(all.at(-1)!.result!.duration);
      expect(profileProblems(all)).toEqual([]);
    });

    it('the progress stays unreadable for longer than Finish waits: terminated goes without the result, and the next launch sends it, once', async () => {
      const { registration, url, second } = await finishWhileProgressUnreadable(module);
      const closed = await env.settled(registration, 2, 30000);
      expect(closed.filter((s) => ['completed', 'passed', 'failed'].includes(verbName(s)))).toEqual([]);
      // The same browser (its local copy knows the run is complete), the LRS whole again.
      env.lrs.setFault(null);
      await env.open(url, second);
      await expect.poll(async () => (await env.statements(registration)).filter((s) => verbName(s) === 'passed').length, { timeout: 15000 }).toBe(1);
      const all = await env.statements(registration);
      for (const verb of ['completed', 'passed']) expect(all.filter((s) => verbName(s) === verb), verb).toHaveLength(1);
      expect(profileProblems(all.filter((s) => s.timestamp <= closed.at(-1)!.timestamp))).toEqual([]);
    });
  });
}

// Last in the file, so the LRS holds every statement the runs above sent: outages, resumes and all.
describe('the HR report over every run above', () => {
  it('reads all the packages sent without a malformed statement, and gives each best and poor run its result, score and areas', async () => {
    const { data } = await collect({ connection: { endpoint: env.lrs.endpoint, auth: env.lrs.auth } }, knownModules());
    expect(data.counts.malformed).toBe(0);
    expect(runs).toHaveLength(modules.length * 2);
    for (const run of runs) {
      const engine = playOnEngine(run.module, run.strategy);
      const row = data.learners.find((r) => r.module === run.module.id && r.learner.endsWith(`<${run.mbox.replace('mailto:', '')}>`));
      expect(row, `${run.module.id} ${run.strategy}`).toMatchObject({ unit: 'Borgerservice Nord', attempts: 1, completed: true, result: run.strategy === 'best' ? 'passed' : 'failed', score: engine.results.scaled });
      for (const area of engine.results.areas.filter((a) => a.scaled !== null)) expect(row!.areas[area.id]?.scaled, area.id).toBe(area.scaled);
    }
    // The hand-computed test module is not among the shipped ones: reported, not counted.
    expect(data.unknownModules.map((u) => u.iri)).toEqual([moduleIri(mini.activityBase, mini.id)]);
  });
});
