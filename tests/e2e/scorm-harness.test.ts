/**
 * The built SCORM packages in an LMS: scorm-again's LMS-side API in a harness page that
 * launches the package from its zip in a frame. Every assertion reads what the LMS received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { startStaticServer, type StaticServer } from '../support/static-server.js';
import { ModuleEngine } from '../../src/engine/module-engine.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import { objectiveUrn, cmiIdentifier } from '../../src/tracking/identifiers.js';
import { strings } from '../../src/i18n/strings.js';
import { strictViolations } from './strict-cmi.js';
import { answerFor, builtModules, DIST, ROOT, unzipTo, type Strategy } from './package-fixtures.js';
import { walk, currentSceneId } from './module-driver.js';

type Format = 'scorm12' | 'scorm2004';
interface LmsRecord {
  format: Format;
  sets: Array<[string, string]>;
  calls: { init: number; term: number; commit: number; failedCommits: number };
  cmi: Record<string, string> | null;
  errors: Array<[string, string, string]>;
  terminated?: boolean;
}

const modules = await builtModules();
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startStaticServer({
    '/lms/': join(ROOT, 'tests/e2e/lms-harness'),
    '/vendor/scorm-again/': join(ROOT, 'node_modules/scorm-again/dist'),
  });
  for (const module of modules) {
    for (const format of ['scorm12', 'scorm2004'] as const) {
      const dir = await unzipTo(join(DIST, 'packages', `${module.id}-${format}.zip`));
      unpacked.set(`${module.id}-${format}`, dir);
      server.mount(`/pkg/${module.id}-${format}/`, dir);
    }
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const unpacked = new Map<string, string>();

/** What a real LMS takes from the package's manifest: the mastery / passing score. */
function manifestSeed(module: CompiledModule, format: Format): Record<string, string> {
  const manifest = readFileSync(join(unpacked.get(`${module.id}-${format}`)!, 'imsmanifest.xml'), 'utf8');
  if (format === 'scorm12') {
    const mastery = /<adlcp:masteryscore>([^<]+)</.exec(manifest)![1];
    return { 'cmi.student_data.mastery_score': mastery };
  }
  return { 'cmi.scaled_passing_score': /<imsss:minNormalizedMeasure>([^<]+)</.exec(manifest)![1] };
}

async function launch(module: CompiledModule, format: Format, seed: Record<string, string> = {}, faults: object = {}): Promise<{ page: Page; frame: Frame }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.addInitScript(
    ([s, f]) => {
      (window as unknown as { __AK_SEED__: unknown }).__AK_SEED__ = s;
      (window as unknown as { __AK_FAULTS__: unknown }).__AK_FAULTS__ = f;
    },
    [{ ...manifestSeed(module, format), ...seed }, faults] as const,
  );
  await page.goto(`${server.url}/lms/harness.html?format=${format}&pkg=/pkg/${module.id}-${format}/`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await currentSceneId(frame!);
  return { page, frame: frame! };
}

const lmsOf = (page: Page) => page.evaluate(() => (window as unknown as { __lms: LmsRecord }).__lms);

/** The module's own reckoning of a strategy's results, played out on the engine in Node. */
function expected(module: CompiledModule, strategy: Strategy) {
  const engine = new ModuleEngine(module);
  for (let i = 0; i < 200 && engine.scene.type !== 'summary'; i++) {
    const scene = engine.scene;
    if ((scene.type === 'decision' || scene.type === 'quiz') && !engine.answerOf(scene.id)) engine.answer(answerFor(scene, strategy));
    engine.next();
  }
  return engine;
}

async function finish(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: strings.da.finish, exact: true }).click();
}

for (const module of modules) {
  describe(`${module.id}: SCORM 2004 package in scorm-again`, () => {
    it('all best answers → completed, passed, scaled 1, every objective passed; values strictly valid', async () => {
      const { page, frame } = await launch(module, 'scorm2004');
      await walk(frame, module, 'best');
      await finish(frame);
      const lms = await lmsOf(page);
      const cmi = lms.cmi!;
      expect(lms.errors).toEqual([]);
      expect(strictViolations('scorm2004', lms.sets)).toEqual([]);
      expect([lms.calls.init, lms.calls.term]).toEqual([1, 1]);
      expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi['cmi.success_status']).toBe('passed');
      expect(Number(cmi['cmi.score.scaled'])).toBe(1);
      expect(cmi['cmi.exit']).toBe('normal');
      const objectives = objectivesOf(cmi);
      expect(Object.keys(objectives).sort()).toEqual(module.areas.map((a) => objectiveUrn(a.id)).sort());
      for (const o of Object.values(objectives)) expect([o.success_status, o.scaled]).toEqual(['passed', '1']);
      const scored = expected(module, 'best').path.filter((id) => ['decision', 'quiz'].includes(module.scenes.find((s) => s.id === id)!.type));
      expect(Number(cmi['cmi.interactions._count'] ?? countOf(cmi, 'interactions'))).toBe(scored.length);
      await page.close();
    });

    it('poor answers → completed, failed, with the exact expected score and per-area results', async () => {
      const { page, frame } = await launch(module, 'scorm2004');
      await walk(frame, module, 'poor');
      await finish(frame);
      const lms = await lmsOf(page);
      const cmi = lms.cmi!;
      const want = expected(module, 'poor').results;
      expect(strictViolations('scorm2004', lms.sets)).toEqual([]);
      expect(want.passed).toBe(false);
      expect(cmi['cmi.completion_status']).toBe('completed');
      expect(cmi['cmi.success_status']).toBe('failed');
      expect(Number(cmi['cmi.score.scaled'])).toBe(want.scaled);
      expect([Number(cmi['cmi.score.raw']), Number(cmi['cmi.score.max'])]).toEqual([want.earned, want.possible]);
      const objectives = objectivesOf(cmi);
      for (const area of want.areas) {
        const o = objectives[objectiveUrn(area.id)];
        expect(Number(o.scaled), area.id).toBe(area.scaled);
        expect(o.success_status, area.id).toBe((area.scaled ?? 0) >= module.passingScore ? 'passed' : 'failed');
      }
      await page.close();
    });

    it('leave halfway (suspend), relaunch with the saved cmi data → same scene, same answers, same score', async () => {
      const first = await launch(module, 'scorm2004');
      await walk(first.frame, module, 'poor', { stopAfterScored: 3 });
      const sceneBefore = await currentSceneId(first.frame);
      const answersBefore = await first.frame.evaluate(() => {
        const engine = (document.querySelector('ak-player') as unknown as { engine: { path: string[]; answerOf(id: string): unknown } }).engine;
        return engine.path.map((id) => [id, engine.answerOf(id) ?? null]);
      });
      // The LMS closes the content frame: the package must suspend and terminate by itself.
      await first.page.evaluate(() => document.querySelector('iframe')!.remove());
      await first.page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.terminated === true);
      const saved = (await lmsOf(first.page)).cmi!;
      expect(saved['cmi.exit']).toBe('suspend');
      expect(saved['cmi.completion_status']).toBe('incomplete');
      expect(saved['cmi.location']).toBe(sceneBefore);
      expect((await lmsOf(first.page)).calls.term).toBe(1);
      await first.page.close();

      // The LMS relaunches with the stored data, as it does after exit=suspend.
      const seed = Object.fromEntries(
        Object.entries(saved).filter(([k]) => !['cmi.exit', 'cmi.session_time', 'cmi.entry', 'cmi.total_time'].includes(k)),
      );
      const second = await launch(module, 'scorm2004', { ...seed, 'cmi.entry': 'resume' });
      expect(await currentSceneId(second.frame)).toBe(sceneBefore);
      const answersAfter = await second.frame.evaluate(() => {
        const engine = (document.querySelector('ak-player') as unknown as { engine: { path: string[]; answerOf(id: string): unknown } }).engine;
        return engine.path.map((id) => [id, engine.answerOf(id) ?? null]);
      });
      expect(answersAfter).toEqual(answersBefore);
      const visibleHeading = await second.frame.locator('h2').first().innerText();
      expect(visibleHeading.trim().length).toBeGreaterThan(0);
      await second.page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.cmi !== null);
      const resumed = (await lmsOf(second.page)).cmi!;
      expect(resumed['cmi.score.scaled']).toBe(saved['cmi.score.scaled']);
      expect(resumed['cmi.score.raw']).toBe(saved['cmi.score.raw']);
      // …and it can be finished from there, with the score of all answers together.
      await walk(second.frame, module, 'poor');
      await finish(second.frame);
      const done = (await lmsOf(second.page)).cmi!;
      expect(Number(done['cmi.score.scaled'])).toBe(expected(module, 'poor').results.scaled);
      expect(strictViolations('scorm2004', (await lmsOf(second.page)).sets)).toEqual([]);
      await second.page.close();
    });

    it('keyboard only: Tab, arrows, Space and Enter take the learner to a completed module', async () => {
      const { page, frame } = await launch(module, 'scorm2004');
      await frame.locator('ak-player').focus();
      await walk(frame, module, 'best', { keyboard: page });
      await frame.getByRole('button', { name: strings.da.finish, exact: true }).focus();
      await page.keyboard.press('Enter');
      const cmi = (await lmsOf(page)).cmi!;
      expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual(['completed', 'passed']);
      await page.close();
    });

    it('an LMS whose commits fail at first: retried, nothing lost, the module keeps going', async () => {
      const { page, frame } = await launch(module, 'scorm2004', {}, { failCommits: 4 });
      await walk(frame, module, 'best');
      await finish(frame);
      const lms = await lmsOf(page);
      expect(lms.calls.failedCommits).toBe(4);
      expect(lms.calls.commit).toBeGreaterThan(4);
      expect([lms.cmi!['cmi.completion_status'], lms.cmi!['cmi.success_status']]).toEqual(['completed', 'passed']);
      await page.close();
    });

    it('an LMS that throws on GetValue does not crash the module', async () => {
      const { page, frame } = await launch(module, 'scorm2004', {}, { throwOnGet: true });
      await walk(frame, module, 'best');
      await finish(frame);
      const lms = await lmsOf(page);
      expect(lms.cmi!['cmi.completion_status']).toBe('completed');
      await page.close();
    });

    it('an LMS whose commits always fail: the learner can finish, and Terminate is still called exactly once', async () => {
      const { page, frame } = await launch(module, 'scorm2004', {}, { failCommits: 1e9 });
      await walk(frame, module, 'best');
      await finish(frame);
      const lms = await lmsOf(page);
      expect(lms.calls.term).toBe(1);
      // Terminate implies a commit: what the package set reaches the LMS even so.
      expect(lms.cmi!['cmi.completion_status']).toBe('completed');
      await page.close();
    });

    it('finds the API two frames up, and through the opener of a popup', async () => {
      for (const open of ['nested', 'popup']) {
        const page = await browser.newPage();
        await page.addInitScript((s) => ((window as unknown as { __AK_SEED__: unknown }).__AK_SEED__ = s), manifestSeed(module, 'scorm2004'));
        const popup = open === 'popup' ? page.waitForEvent('popup') : null;
        await page.goto(`${server.url}/lms/harness.html?format=scorm2004&open=${open}&pkg=/pkg/${module.id}-scorm2004/`);
        const frame = popup
          ? (await popup).mainFrame()
          : await (await (await (await page.waitForSelector('iframe')).contentFrame())!.waitForSelector('iframe')).contentFrame();
        await walk(frame!, module, 'best', { stopAfterScored: 1 });
        await page.waitForFunction(() => (window as unknown as { __lms: LmsRecord }).__lms.cmi?.['cmi.interactions.0.result'] === 'correct');
        expect((await lmsOf(page)).calls.init, open).toBe(1);
        await page.close();
      }
    });

    it('in a frame of another origin than the LMS, it does not throw and runs unsaved', async () => {
      const page = await browser.newPage();
      const errors: Error[] = [];
      page.on('pageerror', (e) => errors.push(e));
      const otherOrigin = server.url.replace('127.0.0.1', 'localhost');
      await page.goto(`${server.url}/lms/harness.html?format=scorm2004&pkg=${otherOrigin}/pkg/${module.id}-scorm2004/`);
      const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
      await expect.poll(() => frame.locator('ak-player').getByText(strings.da.notSaved).count()).toBeGreaterThan(0);
      await walk(frame, module, 'best', { stopAfterScored: 1 });
      expect(errors).toEqual([]);
      expect((await lmsOf(page)).calls.init).toBe(0);
      await page.close();
    });

    it('opened without an LMS, it runs and says progress is not saved', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/pkg/${module.id}-scorm2004/index.html`);
      const frame = page.mainFrame();
      await expect.poll(() => frame.locator('ak-player').getByText(strings.da.notSaved).count()).toBeGreaterThan(0);
      await walk(frame, module, 'best', { stopAfterScored: 1 });
      await page.close();
    });
  });

  describe(`${module.id}: SCORM 1.2 package in scorm-again`, () => {
    for (const strategy of ['best', 'poor'] as const) {
      it(`${strategy} answers → lesson_status ${strategy === 'best' ? 'passed' : 'failed'}, score.raw, objectives; strictly valid`, async () => {
        const { page, frame } = await launch(module, 'scorm12');
        await walk(frame, module, strategy);
        await finish(frame);
        const lms = await lmsOf(page);
        const cmi = lms.cmi!;
        const want = expected(module, strategy).results;
        expect(lms.errors).toEqual([]);
        expect(strictViolations('scorm12', lms.sets)).toEqual([]);
        expect([lms.calls.init, lms.calls.term]).toEqual([1, 1]);
        expect(cmi['cmi.core.lesson_status']).toBe(strategy === 'best' ? 'passed' : 'failed');
        expect(Number(cmi['cmi.core.score.raw'])).toBe(Math.round(want.scaled * 10000) / 100);
        const suspend = lms.sets.filter(([k]) => k === 'cmi.suspend_data').map(([, v]) => v.length);
        expect(Math.max(...suspend)).toBeLessThanOrEqual(4096);
        for (const area of want.areas) {
          const n = Object.entries(cmi).find(([k, v]) => /^cmi\.objectives\.\d+\.id$/.test(k) && v === cmiIdentifier('area', area.id))?.[0].split('.')[2];
          expect(n, area.id).toBeDefined();
          expect(cmi[`cmi.objectives.${n}.status`]).toBe((area.scaled ?? 0) >= module.passingScore ? 'passed' : 'failed');
        }
        await page.close();
      });
    }
  });
}

function objectivesOf(cmi: Record<string, string>): Record<string, { success_status: string; scaled: string }> {
  const out: Record<string, { success_status: string; scaled: string }> = {};
  for (const [key, id] of Object.entries(cmi)) {
    const m = /^cmi\.objectives\.(\d+)\.id$/.exec(key);
    if (!m) continue;
    out[id] = { success_status: cmi[`cmi.objectives.${m[1]}.success_status`], scaled: cmi[`cmi.objectives.${m[1]}.score.scaled`] };
  }
  return out;
}

function countOf(cmi: Record<string, string>, collection: string): number {
  return new Set(Object.keys(cmi).map((k) => new RegExp(`^cmi\\.${collection}\\.(\\d+)\\.`).exec(k)?.[1]).filter(Boolean)).size;
}
