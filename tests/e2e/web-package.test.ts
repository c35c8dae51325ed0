/**
 * The standalone web page: works from the file system, keeps progress in local storage and
 * resumes after a reload; the reflection text never leaves the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { builtModules, referenceModule, DIST } from './package-fixtures.js';
import { currentSceneId, walk } from './module-driver.js';
import { strings } from '../../src/i18n/strings.js';

const modules = await builtModules();
// The runtime is the same for every module: these suites run on the reference module (package-fixtures.ts).
const reference = referenceModule(modules);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const module of [reference]) {
  describe(`${module.id}: web page`, () => {
    it('runs from the file system, and a reload resumes at the same scene with the same answers', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const url = pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href;
      await page.goto(url);
      expect(await currentSceneId(page.mainFrame())).toBe(module.scenes[0].id);
      await walk(page.mainFrame(), module, 'poor', { stopAfterScored: 2 });
      const before = await currentSceneId(page.mainFrame());
      const answers = () =>
        page.evaluate(() => {
          const engine = (document.querySelector('ak-player') as unknown as { engine: { path: string[]; answerOf(id: string): unknown } }).engine;
          return engine.path.map((id) => [id, engine.answerOf(id) ?? null]);
        });
      const answersBefore = await answers();
      await page.reload();
      expect(await currentSceneId(page.mainFrame())).toBe(before);
      expect(await answers()).toEqual(answersBefore);
      await context.close();
    });

    it('sends nothing over the network while the learner works, reflection included', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href);
      const reflection = module.scenes.find((s) => s.type === 'reflection');
      await walk(page.mainFrame(), module, 'best', { stopAfterScored: 99, stopAt: reflection?.id });
      if (reflection) {
        await page.locator('ak-reflection textarea').fill('Min egen tekst om Karen Holm 123456-7890');
        const stored = await page.evaluate(() => JSON.stringify(localStorage));
        expect(stored).toContain('Min egen tekst');
        // The text is kept apart from the progress state, which an LMS would receive.
        const state = await page.evaluate((id) => localStorage.getItem(`ak:${id}:state`), module.id);
        expect(state ?? '').not.toContain('Min egen tekst');
      }
      expect(requests).toEqual([]);
      await context.close();
    });
  });
}

for (const module of [reference]) {
  const reflection = module.scenes.find((s) => s.type === 'reflection');
  it.runIf(reflection)(`${module.id}: finishing deletes the reflection text from the browser (counter PCs are shared)`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href);
    await walk(page.mainFrame(), module, 'best', { stopAt: reflection!.id });
    await page.locator('ak-reflection textarea').fill('Mine egne tanker om dagen');
    const stored = () => page.evaluate(() => JSON.stringify(localStorage));
    expect(await stored()).toContain('Mine egne tanker');
    await walk(page.mainFrame(), module, 'best');
    await page.getByRole('button', { name: strings.da.finish, exact: true }).click();
    await page.getByText(strings.da.finished).waitFor();
    expect(await stored()).not.toContain('Mine egne tanker');
    await context.close();
  });

  it.runIf(reflection)(`${module.id}: closing the page at the summary without pressing Finish deletes it too`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href;
    await page.goto(url);
    await walk(page.mainFrame(), module, 'best', { stopAt: reflection!.id });
    await page.locator('ak-reflection textarea').fill('Mine egne tanker om dagen');
    await walk(page.mainFrame(), module, 'best');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await again.goto(url);
    expect(await again.evaluate(() => JSON.stringify(localStorage))).not.toContain('Mine egne tanker');
    await context.close();
  });

  it(`${module.id}: the web page's summary offers to start over, which begins a new attempt`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href);
    await walk(page.mainFrame(), module, 'poor');
    await page.getByRole('button', { name: strings.da.restart, exact: true }).click();
    await page.waitForFunction((first) => {
      const engine = (document.querySelector('ak-player') as unknown as { engine?: { scene: { id: string }; path: string[] } }).engine;
      return engine?.scene.id === first && engine.path.length === 1;
    }, module.scenes[0].id);
    await context.close();
  });
}

for (const module of [reference]) {
  it(`${module.id}: when the browser will not store progress, the learner is told, until it works again`, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if ((window as unknown as { __full?: boolean }).__full) throw new DOMException('full', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    await page.goto(pathToFileURL(join(DIST, 'web', module.id, 'index.html')).href);
    await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
    await walk(page.mainFrame(), module, 'best', { stopAfterScored: 1 });
    await expect.poll(() => page.getByText(strings.da.saveFailing).count()).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
    await walk(page.mainFrame(), module, 'best', { stopAfterScored: 1 });
    await expect.poll(() => page.getByText(strings.da.saveFailing).count()).toBe(0);
    await context.close();
  });
}
