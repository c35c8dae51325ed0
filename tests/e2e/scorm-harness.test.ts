/**
 * The built SCORM packages in an LMS: scorm-again's LMS-side API in a harness page that
 * launches the package from its zip in a frame, seeded from the package's manifest as an LMS
 * does. Every assertion reads what the LMS received, and every value the LMS received is also
 * checked by our strict validators after each test.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { startStaticServer, type StaticServer } from '../../build-scripts/browser/static-server.js';
import { buildAll } from '../../build-scripts/cli.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { strictViolations } from './strict-cmi.js';
import { answerFor, builtModules, DIST, playOnEngine, referenceModule, ROOT, scoredOnBestPath, unzipTo } from './package-fixtures.js';
import { walk, currentSceneId } from './module-driver.js';
import { lmsView, manifestSeed, resumeSeed, type Format, type LmsRecord } from './lms-view.js';

const FORMATS: Format[] = ['scorm2004', 'scorm12'];
const modules = await builtModules();
const reference = referenceModule(modules);
let browser: Browser;
let server: StaticServer;
const unpacked = new Map<string, string>();
/** Pages opened by the running test; their LMS records are checked strictly afterwards. */
let opened: Page[] = [];

/** The test module, built here too, so that some figures can be checked against hand-computed ones. */
let mini: CompiledModule;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer({
    '/lms/': join(ROOT, 'tests/e2e/lms-harness'),
    '/vendor/scorm-again/': join(ROOT, 'node_modules/scorm-again/dist'),
  });
  const miniDist = mkdtempSync(join(tmpdir(), 'ak-mini-dist-'));
  mini = (await buildAll({ modulesDir: join(ROOT, 'tests/fixtures/modules'), distDir: miniDist, quiet: true })).modules[0];
  for (const [module, dist] of [...modules.map((m) => [m, DIST] as const), [mini, miniDist] as const]) {
    for (const format of FORMATS) {
      const dir = await unzipTo(join(dist, 'packages', `${module.id}-${format}.zip`));
      unpacked.set(`${module.id}-${format}`, dir);
      server.mount(`/pkg/${module.id}-${format}/`, dir);
    }
  }
});

afterEach(async () => {
  const pages = opened;
  opened = [];
  const problems: string[] = [];
  try {
    for (const page of pages) {
      if (page.isClosed()) continue;
      const lms = await lmsOf(page);
      if (!lms) continue;
      problems.push(...strictViolations(lms.format, lms.sets), ...lms.errors.map(([k, v, code]) => `LMS refused ${k} = ${v} (${code})`));
    }
  } finally {
    await Promise.all(pages.map((p) => p.close()));
  }
  expect(problems, 'values outside the specification, or refused by the LMS').toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function seedOf(module: CompiledModule, format: Format): Record<string, string> {
  return manifestSeed(readFileSync(join(unpacked.get(`${module.id}-${format}`)!, 'imsmanifest.xml'), 'utf8'), format);
}

async function launch(
  module: CompiledModule,
  format: Format,
  seed: Record<string, string> = {},
  faults: object = {},
  open = 'frame',
): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  opened.push(page);
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.addInitScript(
    ([s, f]) => {
      (window as unknown as { __AK_SEED__: unknown }).__AK_SEED__ = s;
      (window as unknown as { __AK_FAULTS__: unknown }).__AK_FAULTS__ = f;
    },
    [{ ...seedOf(module, format), ...seed }, faults] as const,
  );
  const popup = open === 'popup' ? page.waitForEvent('popup') : null;
  await page.goto(`${server.url}/lms/harness.html?format=${format}&open=${open}&pkg=/pkg/${module.id}-${format}/`);
  let frame: Frame;
  if (popup) frame = (await popup).mainFrame();
  else {
    frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    if (open === 'nested') frame = (await (await frame.waitForSelector('iframe')).contentFrame())!;
  }
  await currentSceneId(frame);
  return { page, frame };
}

const lmsOf = (page: Page) => page.evaluate(() => (window as unknown as { __lms?: LmsRecord }).__lms ?? null) as Promise<LmsRecord>;


async function finish(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: strings.da.finish, exact: true }).click();
  await frame.getByText(strings.da.finished).waitFor();
}

/** The LMS closes the content frame mid-module: the package must save and terminate by itself. */
async function closeContent(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('iframe')!.remove());
  await page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.terminated === true);
}

describe('hand-computed: the test module (tests/fixtures/modules/mini)', () => {
  for (const format of FORMATS) {
    // d1 "partial": know-the-rules 1 of 2, protect-daily 0 of 1; q1 right: know-the-rules 1 of 1;
    // q2 only "a" (needs a and b): protect-daily 0 of 2; q3 right: incidents 1 of 1.
    const answers: Record<string, string[]> = { d1: ['partial'], q1: ['a'], q2: ['a'], q3: ['true'] };
    it(`${format}: mixed answers give 3 of 7 points = 0.4286; per area 2/3, 0/3, not met, 1/1`, async () => {
      const { page, frame } = await launch(mini, format);
      await walk(frame, mini, (scene) => answers[scene.id]);
      await finish(frame);
      const view = lmsView(format, (await lmsOf(page)).cmi!);
      expect([view.completed, view.success, view.scaled]).toEqual([true, 'failed', 0.4286]);
      expect(view.objectives).toEqual({
        'know-the-rules': { status: 'failed', scaled: 0.6667 },
        'protect-daily': { status: 'failed', scaled: 0 },
        // Only the risky branch scores this area: not met is "not attempted", never "failed".
        'recognise-threats': { status: 'not attempted', scaled: null },
        incidents: { status: 'passed', scaled: 1 },
      });
    });
  }
});

// Every module: best and poor paths in SCORM 2004 (the reference module in both formats).
for (const module of modules) {
  for (const format of module === reference ? FORMATS : (['scorm2004'] as const)) {
    describe(`${module.id}: ${format} package in scorm-again`, () => {
      it('all best answers → completed, passed, score 1, every objective passed, one interaction per item', async () => {
        const { page, frame } = await launch(module, format);
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        const view = lmsView(format, lms.cmi!);
        expect([lms.calls.init, lms.calls.term]).toEqual([1, 1]);
        expect([view.completed, view.success, view.scaled, view.exit]).toEqual([true, 'passed', 1, format === 'scorm12' ? '' : 'normal']);
        expect(Object.keys(view.objectives).sort()).toEqual(module.areas.map((a) => a.id).sort());
        for (const o of Object.values(view.objectives)) expect(o).toEqual({ status: 'passed', scaled: 1 });
        const scored = scoredOnBestPath(module);
        expect(lms.sets.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))).toHaveLength(scored.length);
        // Every answer is recorded as correct, in the module's own terms whatever order the learner saw.
        const response = format === 'scorm12' ? 'student_response' : 'learner_response';
        for (let n = 0; n < scored.length; n++) {
          const get = (k: string) => lms.sets.find(([key]) => key === `cmi.interactions.${n}.${k}`)?.[1];
          expect([get('result'), get(response)], `interaction ${n}`).toEqual(['correct', get('correct_responses.0.pattern')]);
        }
        if (format === 'scorm2004') {
          expect(lms.sets.filter(([k]) => k === 'adl.nav.request').map(([, v]) => v)).toEqual(['exitAll']);
          expect(lms.cmi!['cmi.progress_measure']).toBe('1');
        }
      });

      it('poor answers → completed, failed, with the expected score and per-area results', async () => {
        const { page, frame } = await launch(module, format);
        await walk(frame, module, 'poor');
        await finish(frame);
        const view = lmsView(format, (await lmsOf(page)).cmi!);
        const want = playOnEngine(module, 'poor').results;
        expect(want.passed).toBe(false);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'failed', want.scaled]);
        for (const area of want.areas) {
          expect(view.objectives[area.id], area.id).toEqual({
            status: area.passed === null ? 'not attempted' : area.passed ? 'passed' : 'failed',
            scaled: area.scaled,
          });
        }
      });

    });
  }
}

// The reference module: what the runtime does on leaving, relaunching and with a failing LMS.
for (const module of [reference]) {
  for (const format of FORMATS) {
    describe(`${module.id}: ${format} package in scorm-again, leaving, relaunching, failing LMS`, () => {
      it('leave halfway with good answers: incomplete, and no score the LMS could judge as passed', async () => {
        const { page, frame } = await launch(module, format);
        await walk(frame, module, 'best', { stopAfterScored: 3 });
        await closeContent(page);
        const lms = await lmsOf(page);
        const view = lmsView(format, lms.cmi!);
        expect([view.completed, view.success, view.scaled, view.exit]).toEqual([false, 'unknown', null, 'suspend']);
        if (format === 'scorm2004') {
          expect(lms.sets.filter(([k]) => k === 'adl.nav.request').map(([, v]) => v)).toEqual(['suspendAll']);
          const progress = Number(lms.cmi!['cmi.progress_measure']);
          expect(progress > 0 && progress < 1, `progress_measure ${progress}`).toBe(true);
        }
      });

      it('review and browse launches record no result, and say so', async () => {
        const modeKey = format === 'scorm12' ? 'cmi.core.lesson_mode' : 'cmi.mode';
        for (const mode of ['review', 'browse']) {
          const { page, frame } = await launch(module, format, { [modeKey]: mode });
          await expect.poll(() => frame.getByText(strings.da.notRecorded).count()).toBeGreaterThan(0);
          await walk(frame, module, 'best');
          await finish(frame);
          const lms = await lmsOf(page);
          const written = lms.sets.map(([k]) => k);
          expect(written, mode).toEqual(format === 'scorm12' && mode === 'browse' ? ['cmi.core.lesson_status'] : []);
          if (written.length) expect(lms.cmi!['cmi.core.lesson_status']).toBe('browsed');
          expect(lms.calls.term).toBe(1);
        }
      });

      it('a page put in the back/forward cache only saves; leaving for good terminates once', async () => {
        const { page, frame } = await launch(module, format);
        await walk(frame, module, 'best', { stopAfterScored: 1 });
        const commits = (await lmsOf(page)).calls.commit;
        await frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
        let lms = await lmsOf(page);
        expect([lms.calls.commit, lms.calls.term]).toEqual([commits + 1, 0]);
        await frame.evaluate(() => {
          Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
          document.dispatchEvent(new Event('visibilitychange'));
        });
        lms = await lmsOf(page);
        expect([lms.calls.commit, lms.calls.term]).toEqual([commits + 2, 0]);
        await frame.evaluate(() => {
          window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
          window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
        });
        lms = await lmsOf(page);
        expect(lms.calls.term).toBe(1);
        expect(lmsView(format, lms.cmi!).exit).toBe('suspend');
      });

      it('suspend, then relaunch with the saved cmi data → same scene, same answers, same order of options', async () => {
        const first = await launch(module, format);
        await walk(first.frame, module, 'poor', { stopAfterScored: 3 });
        const snapshot = (frame: Frame) =>
          frame.evaluate(() => {
            type E = { path: string[]; scene: { id: string }; answerOf(id: string): unknown; serialize(): string };
            const engine = (document.querySelector('ak-player') as unknown as { engine: E }).engine;
            return { scene: engine.scene.id, answers: engine.path.map((id) => [id, engine.answerOf(id) ?? null]), state: engine.serialize() };
          });
        const before = await snapshot(first.frame);
        await closeContent(first.page);
        const saved = (await lmsOf(first.page)).cmi!;
        expect(lmsView(format, saved).location).toBe(before.scene);
        expect((await lmsOf(first.page)).calls.term).toBe(1);

        const second = await launch(module, format, resumeSeed(format, saved));
        expect(await snapshot(second.frame)).toEqual(before);
        await walk(second.frame, module, 'poor');
        await finish(second.frame);
        const view = lmsView(format, (await lmsOf(second.page)).cmi!);
        expect([view.completed, view.scaled]).toEqual([true, playOnEngine(module, 'poor').results.scaled]);
      });

      it('relaunch after passing: a poorer second run never lowers status, score or objectives', async () => {
        const first = await launch(module, format);
        await walk(first.frame, module, 'best');
        await finish(first.frame);
        const passed = (await lmsOf(first.page)).cmi!;
        // A relaunch of the same record (1.2 keeps data between launches; 2004 after a content update).
        const seed = resumeSeed(format, passed);
        delete seed['cmi.suspend_data'];
        const second = await launch(module, format, seed);
        await walk(second.frame, module, 'poor');
        await finish(second.frame);
        const view = lmsView(format, (await lmsOf(second.page)).cmi!);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
        for (const o of Object.values(view.objectives)) expect(o).toEqual({ status: 'passed', scaled: 1 });
      });

      it('after a fail the learner can start over in the same session, and a pass then replaces the fail', async () => {
        const { page, frame } = await launch(module, format);
        await walk(frame, module, 'poor');
        await frame.getByRole('button', { name: strings.da.restart, exact: true }).click();
        expect(await currentSceneId(frame)).toBe(module.scenes[0].id);
        await walk(frame, module, 'best');
        await expect.poll(() => frame.getByRole('button', { name: strings.da.restart, exact: true }).count()).toBe(0);
        await finish(frame);
        const view = lmsView(format, (await lmsOf(page)).cmi!);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
      });

      it('starting over after a fail, then leaving halfway, keeps the fail and its score in the LMS', async () => {
        const { page, frame } = await launch(module, format);
        // A mixed first run: best answers for the first half, poor ones after — a fail with some points.
        let n = 0;
        const scored = module.scenes.filter((s) => s.type === 'decision' || s.type === 'quiz').length;
        await walk(frame, module, (scene) => answerFor(scene, n++ < scored / 2 ? 'best' : 'poor'));
        const first = lmsView(format, (await lmsOf(page)).cmi!);
        expect(first.success).toBe('failed');
        expect(first.scaled).toBeGreaterThan(0);
        await frame.getByRole('button', { name: strings.da.restart, exact: true }).click();
        await walk(frame, module, 'poor', { stopAfterScored: 2 });
        await closeContent(page);
        const after = lmsView(format, (await lmsOf(page)).cmi!);
        expect([after.completed, after.success, after.scaled, after.objectives]).toEqual([true, 'failed', first.scaled, first.objectives]);
      });

      it('keyboard only: Tab, arrows, Space and Enter take the learner to a completed module', async () => {
        const { page, frame } = await launch(module, format);
        await frame.locator('ak-player').focus();
        await walk(frame, module, 'best', { keyboard: page });
        await frame.getByRole('button', { name: strings.da.finish, exact: true }).focus();
        await page.keyboard.press('Enter');
        await frame.getByText(strings.da.finished).waitFor();
        const view = lmsView(format, (await lmsOf(page)).cmi!);
        expect([view.completed, view.success]).toEqual([true, 'passed']);
      });

      it('a failed commit is retried later on its own, and the learner is told meanwhile', async () => {
        const page = await browser.newPage();
        opened.push(page);
        await page.clock.install();
        await page.addInitScript(([s]) => Object.assign(window, { __AK_SEED__: s, __AK_FAULTS__: { failCommits: 1 } }), [seedOf(module, format)] as const);
        await page.goto(`${server.url}/lms/harness.html?format=${format}&pkg=/pkg/${module.id}-${format}/`);
        const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
        await frame.getByText(strings.da.saveFailing).waitFor();
        expect((await lmsOf(page)).calls).toMatchObject({ commit: 1, failedCommits: 1 });
        await page.clock.runFor(1500);
        await page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.calls.commit === 2);
        await expect.poll(() => frame.getByText(strings.da.saveFailing).count()).toBe(0);
        expect((await lmsOf(page)).cmi).not.toBeNull();
      });

      it('an LMS whose commits always fail: the learner can finish, and Terminate is called exactly once', async () => {
        const { page, frame } = await launch(module, format, {}, { failCommits: 1e9 });
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        expect(lms.calls.term).toBe(1);
        // Terminate implies a commit: what the package set reaches the LMS even so.
        expect(lmsView(format, lms.cmi!).completed).toBe(true);
      });

      it('SetValue fails for a while (a busy LMS): the values are set again before the next commit, and the LMS ends with the whole result', async () => {
        // General failures: 351 in 2004, 101 (general exception) in 1.2.
        const { page, frame } = await launch(module, format, {}, { failSets: [4, 30, format === 'scorm2004' ? '351' : '101'] });
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        // The failures hit an answer's interaction record and the progress, not just one value.
        expect(lms.failedSets).toHaveLength(30);
        expect(lms.failedSets!.some((k) => /^cmi\.interactions\.0\./.test(k))).toBe(true);
        const view = lmsView(format, lms.cmi!);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
        for (const o of Object.values(view.objectives)) expect(o).toEqual({ status: 'passed', scaled: 1 });
        // Every answer's record is whole in the LMS, the first one included.
        const scored = scoredOnBestPath(module);
        const results = Object.entries(lms.cmi!).filter(([k]) => /^cmi\.interactions\.\d+\.result$/.test(k));
        expect(results.map(([, v]) => v)).toEqual(scored.map(() => 'correct'));
        expect(lms.errors).toEqual([]);
      });

      it('the LMS refuses the first answer record for good: it is given up after bounded tries, no later record goes out of order, and the result arrives', async () => {
        // 2004's 351 may pass, so it is tried again (3 times); 1.2's 201 (invalid argument) never will.
        const code = format === 'scorm2004' ? '351' : '201';
        const { page, frame } = await launch(module, format, {}, { refuseSets: { match: '^cmi\\.interactions\\.0\\.id$', code } });
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        expect(lms.failedSets).toEqual(Array(format === 'scorm2004' ? 4 : 1).fill('cmi.interactions.0.id'));
        // No record at index 1 or later without a record 0 before it.
        expect(Object.keys(lms.cmi!).filter((k) => k.startsWith('cmi.interactions.') && !k.startsWith('cmi.interactions._'))).toEqual([]);
        const view = lmsView(format, lms.cmi!);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
        for (const o of Object.values(view.objectives)) expect(o).toEqual({ status: 'passed', scaled: 1 });
        // The answer journal is lost, not the learner's progress: no "not saved" notice.
        expect(await frame.getByText(strings.da.saveFailing).count()).toBe(0);
      });

      it('Commit, Terminate and SetValue throw: the learner still finishes, told that progress is not saved, and Terminate is tried once', async () => {
        const { page, frame } = await launch(module, format, {}, { throwOn: ['set', 'commit', 'term'] });
        await frame.getByText(strings.da.saveFailing).waitFor();
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        expect(lms.thrown).toMatchObject({ term: 1 });
        expect(lms.thrown!.commit).toBeGreaterThan(1);
      });

      it('an LMS that answers slowly (every call blocks 25 ms): the learner finishes, the whole result arrives, Terminate once, no false alarm', async () => {
        const { page, frame } = await launch(module, format, {}, { slowMs: 25 });
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        expect(lms.calls.term).toBe(1);
        const view = lmsView(format, lms.cmi!);
        expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
        expect(await frame.getByText(strings.da.saveFailing).count()).toBe(0);
      });

      it('the reflection text never reaches the LMS: no call carries it, no request is made', async () => {
        const reflection = module.scenes.find((x) => x.type === 'reflection');
        if (!reflection) return;
        const { page, frame } = await launch(module, format);
        const requests: string[] = [];
        page.on('request', (r) => requests.push(`${r.url()}\n${r.postData() ?? ''}`));
        await walk(frame, module, 'best', { stopAt: reflection.id });
        const secret = `Min egen tekst om borgeren Kim ${Date.now()}`;
        await frame.locator('ak-reflection textarea').fill(secret);
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        expect(lms.sets.length).toBeGreaterThan(20);
        expect(lms.sets.filter(([, v]) => v.includes(secret) || v.includes('borgeren Kim'))).toEqual([]);
        expect(JSON.stringify(lms.cmi)).not.toContain('borgeren Kim');
        expect(requests.filter((r) => r.includes('borgeren Kim'))).toEqual([]);
      });

      it('Initialize throws: the module runs unsaved and says so', async () => {
        const { page, frame } = await launch(module, format, {}, { throwOn: ['init'] });
        await expect.poll(() => frame.locator('ak-player').getByText(strings.da.notSaved).count()).toBeGreaterThan(0);
        await walk(frame, module, 'best');
        await finish(frame);
        expect((await lmsOf(page)).thrown).toEqual({ init: 2 });
      });

      it("an LMS whose GetValue throws: the module runs, and leaves the LMS's own records alone", async () => {
        const { page, frame } = await launch(module, format, {}, { throwOnGet: true });
        await walk(frame, module, 'best');
        await finish(frame);
        const lms = await lmsOf(page);
        const view = lmsView(format, lms.cmi!);
        expect([view.completed, view.success]).toEqual([true, 'passed']);
        // Without _count the package cannot know where its records go, so it writes none.
        expect(lms.sets.filter(([k]) => /^cmi\.(objectives|interactions)\./.test(k))).toEqual([]);
      });

      it('finds the API two frames up, and through the opener of a popup', async () => {
        for (const open of ['nested', 'popup']) {
          const { page, frame } = await launch(module, format, {}, {}, open);
          await walk(frame, module, 'best', { stopAfterScored: 1 });
          await page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.sets.some(([k]) => k.endsWith('.result')));
          expect((await lmsOf(page)).calls.init, open).toBe(1);
        }
      });

      it('in a frame of another origin than the LMS, it does not throw and runs unsaved', async () => {
        const page = await browser.newPage();
        opened.push(page);
        const errors: Error[] = [];
        page.on('pageerror', (e) => errors.push(e));
        const otherOrigin = server.url.replace('127.0.0.1', 'localhost');
        await page.goto(`${server.url}/lms/harness.html?format=${format}&pkg=${otherOrigin}/pkg/${module.id}-${format}/`);
        const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
        await expect.poll(() => frame.locator('ak-player').getByText(strings.da.notSaved).count()).toBeGreaterThan(0);
        await walk(frame, module, 'best', { stopAfterScored: 1 });
        expect(errors).toEqual([]);
        expect((await lmsOf(page)).calls.init).toBe(0);
      });

      it('opened without an LMS, it runs and says progress is not saved', async () => {
        const page = await browser.newPage();
        opened.push(page);
        await page.goto(`${server.url}/pkg/${module.id}-${format}/index.html`);
        await expect.poll(() => page.locator('ak-player').getByText(strings.da.notSaved).count()).toBeGreaterThan(0);
        await walk(page.mainFrame(), module, 'best', { stopAfterScored: 1 });
      });
    });
  }
}

/**
 * Leaving is safe at any scene (issue 8): at every scene of the reference module's best path the
 * learner leaves in each of three ways — the tab closes (pagehide), the LMS removes the frame, or
 * the device goes to sleep (visibilitychange, and nothing after it) — and the LMS holds a
 * consistent state from which a relaunch resumes at that very scene. SCORM 2004; the strict checks
 * of afterEach apply to the relaunch.
 */
describe(`${reference.id}: scorm2004, leaving at every scene and coming back`, () => {
  const format: Format = 'scorm2004';
  const path = playOnEngine(reference, 'best').path;
  const ways = ['the tab closes', 'the LMS removes the frame', 'the device sleeps'] as const;
  it.each(path.flatMap((scene, i) => ways.map((way) => ({ scene, i, way }))))('#$i $scene: $way', async ({ scene, way }) => {
    const { page, frame } = await launch(reference, format);
    await walk(frame, reference, 'best', { stopAt: scene });
    expect(await currentSceneId(frame)).toBe(scene);
    if (way === 'the tab closes') await frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    else if (way === 'the LMS removes the frame') await closeContent(page);
    else {
      await frame.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
    }
    const lms = await lmsOf(page);
    // Terminated once when the page went for good; only committed when it may yet come back.
    expect(lms.calls.term).toBe(way === 'the device sleeps' ? 0 : 1);
    const saved = lms.cmi!;
    const view = lmsView(format, saved);
    expect(view.location).toBe(scene);
    expect(saved['cmi.suspend_data']).toBeTruthy();
    const done = scene === path.at(-1); // the summary: the attempt is complete
    // Asleep, nothing more may ever come: the exit set at launch already says "suspend", so the next launch resumes.
    if (!(done && way === 'the device sleeps')) expect(view.exit).toBe(done ? 'normal' : 'suspend');
    if (done) return void expect([view.completed, view.success]).toEqual([true, 'passed']);
    // What the LMS holds is all the next launch gets (a device that never wakes sends nothing more).
    await page.close();
    const again = await launch(reference, format, resumeSeed(format, saved));
    expect(await currentSceneId(again.frame)).toBe(scene);
  });
});
