/**
 * The live preview (npm start) as a trainer uses it, in Chromium: the portal lists the modules
 * and organisations, a module launches in the simulated LMS (scorm-again, LMS side) whose cmi
 * panel follows the answers, the xAPI panel shows the statements, and saving a file reloads
 * the page: a broken file shows its file:line error, a fixed one brings the module back where
 * the learner was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { startPreview, type Preview } from '../../build-scripts/preview/server.js';
import { validateAll } from '../../build-scripts/cli.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import { currentSceneId, walk } from './module-driver.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MODULE = 'phishing-og-svindel';
let work: string;
let preview: Preview;
let browser: Browser;
let module: CompiledModule;
let reloads = 0;

beforeAll(async () => {
  // The preview watches copies, so the test can break and fix files without touching the repo.
  work = mkdtempSync(join(tmpdir(), 'ak-preview-test-'));
  cpSync(join(ROOT, 'modules', MODULE), join(work, 'modules', MODULE), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'org'), join(work, 'org'), { recursive: true });
  module = validateAll({ modulesDir: join(work, 'modules') }).modules[0];
  preview = await startPreview({ modulesDir: join(work, 'modules'), orgFiles: [join(work, 'org', 'org.yaml')], onReload: () => reloads++ });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(work, { recursive: true, force: true });
});

async function openPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(path, preview.url).href);
  return page;
}

const moduleFrame = async (page: Page): Promise<Frame> => {
  const handle = await page.waitForSelector('iframe#sco');
  const frame = (await handle.contentFrame())!;
  await currentSceneId(frame);
  return frame;
};

const cmiValue = (page: Page, element: string) =>
  page.evaluate((name) => [...document.querySelectorAll('#cmi tbody tr')].find((tr) => tr.querySelector('th')?.textContent === name)?.querySelector('td')?.firstChild?.textContent ?? null, element);

/** WCAG 2.1 A/AA violations axe finds on the page itself (the module frame is tested elsewhere). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
    return (await axe.run({ exclude: [['iframe']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
  });
}

/**
 * Saves a file as an editor does and waits until the preview has told its pages. `atomic`: as many
 * editors do, write a new copy and rename it over the file.
 */
async function save(path: string, text: string, { atomic = false } = {}): Promise<void> {
  const before = reloads;
  if (atomic) {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
  } else writeFileSync(path, text);
  await expect.poll(() => reloads, { timeout: 10_000 }).toBeGreaterThan(before);
}

describe('the preview portal', () => {
  it('lists every module with its roles and minutes, and switches organisation', async () => {
    const page = await openPage('/');
    const row = page.locator('table.modules tbody tr', { hasText: 'Phishing' });
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['frontpersonale, systemforvaltere, ledere', String(module.minutes), MODULE]);
    await page.getByRole('link', { name: 'Nordby Kommune' }).click();
    await expect.poll(() => page.locator('caption').textContent()).toContain('Nordby Kommune');
    expect(await page.getByRole('link', { name: 'Nordby Kommune' }).getAttribute('aria-current')).toBe('page');
    expect(await axeViolations(page)).toEqual([]);
    // The organisation's module is branded and carries its own variables.
    await page.getByRole('link', { name: /Phishing/ }).click();
    const frame = await moduleFrame(page);
    expect(await frame.locator('ak-player').evaluate((el) => el.shadowRoot!.querySelector('[part="brand"]')?.textContent?.trim())).toBe('Nordby Kommune');
    expect(await frame.locator('ak-player').evaluate((el) => getComputedStyle(el).getPropertyValue('--ak-color-primary').trim())).toBe('#2d5f2e');
    await page.close();
  });
});

describe('the preview server', () => {
  it('answers bad requests and keeps running: a missing asset, junk statements, a request from another site', async () => {
    expect((await fetch(new URL('/assets/nope.js', preview.url))).status).toBe(404);
    for (const body of ['null', '[null, 5]', '{not json', '"x"']) {
      expect((await fetch(new URL('/xapi/statements', preview.url), { method: 'POST', body })).status, body).toBe(400);
    }
    // A page on another origin that resolves to this machine (DNS rebinding) is refused.
    const foreign = await new Promise<number>((done) => {
      const req = httpRequest(new URL('/', preview.url), { headers: { host: 'evil.example:80' } }, (res) => done(res.statusCode ?? 0));
      req.end();
    });
    expect(foreign).toBe(403);
    expect((await fetch(preview.url)).status).toBe(200);
  });
});

describe('a module in the simulated LMS', () => {
  it('fills the cmi panel as the learner answers, and lists the xAPI statements', async () => {
    const page = await openPage(`/lms/${MODULE}?org=0`);
    const frame = await moduleFrame(page);
    await expect.poll(() => cmiValue(page, 'cmi.completion_status')).toBe('incomplete');
    expect(await cmiValue(page, 'cmi.interactions.0.id')).toBeNull();
    await walk(frame, module, 'best', { stopAfterScored: 1 });
    const first = module.scenes.find((s) => s.type === 'decision' || s.type === 'quiz')!;
    await expect.poll(() => cmiValue(page, 'cmi.interactions.0.id'), { timeout: 10_000 }).toBe(`urn:awareness-kit:${MODULE}:${first.id}`);
    expect(await cmiValue(page, 'cmi.interactions.0.result')).toBe('correct');
    expect(await page.locator('#calls').textContent()).toMatch(/Initialize 1/);
    expect(await axeViolations(page)).toEqual([]);
    // The xAPI adapter's statements: launched …, and the answer.
    await expect.poll(() => page.locator('#statements summary').allTextContents(), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([expect.stringMatching(/^besvarede: .*rigtigt\)$/), expect.stringMatching(/^startede: /)]),
    );
    await page.close();
  });

  it('goes straight to a scene a trainer is editing, also one that only a poorer choice leads to', async () => {
    const page = await openPage(`/lms/${MODULE}?org=0`);
    await moduleFrame(page);
    for (const target of ['mitid-aldrig', 'postkasse-overtaget']) {
      await page.getByLabel('Gå til scene').selectOption(target);
      await page.getByRole('button', { name: 'Gå', exact: true }).click();
      const frame = await moduleFrame(page);
      expect(await currentSceneId(frame)).toBe(target);
      await expect.poll(() => cmiValue(page, 'cmi.location')).toBe(target);
    }
    await page.close();
  });

  it('shows a broken file\'s error with file:line on the page, and resumes where the learner was once it is fixed', async () => {
    const page = await openPage(`/lms/${MODULE}?org=0`);
    let frame = await moduleFrame(page);
    await page.getByRole('button', { name: 'Start forfra' }).click();
    frame = await moduleFrame(page);
    await walk(frame, module, 'best', { stopAfterScored: 1 });
    const here = await currentSceneId(frame);
    const file = join(work, 'modules', MODULE, 'scenes', `${here}.yaml`);
    const good = readFileSync(file, 'utf8');

    await save(file, good.replace(/^type: (\w+)$/m, 'type: $1\n  broken: [indent'));
    await expect.poll(() => page.locator('.problems').textContent(), { timeout: 15_000 }).toMatch(new RegExp(`scenes/${here}\\.yaml:\\d+:\\d+: error: YAML syntax error`));
    expect(await page.locator('iframe#sco').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Saved the way many editors save (a new copy renamed over the file), after an earlier save.
    await save(file, good.replace(/^title:\n(\s+da: )/m, 'title:\n$1Ændret '), { atomic: true });
    frame = await moduleFrame(page);
    // A text edit keeps the learner's place: the LMS resumes the suspended attempt, with the new text.
    expect(await currentSceneId(frame)).toBe(here);
    const shownTitle = () => frame.evaluate(() => (document.querySelector('ak-player') as unknown as { engine: { scene: { title: { da: string } } } }).engine.scene.title.da);
    expect(await shownTitle()).toMatch(/^Ændret /);
    // The LMS kept the attempt's interactions, and the statements sent before the reload are listed.
    await expect.poll(() => cmiValue(page, 'cmi.interactions.0.id')).toMatch(new RegExp(`:${here}$`));
    await expect.poll(() => page.locator('#statements summary').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^startede: /), expect.stringMatching(/^besvarede: /)]));
    // And the learner's answer is still there.
    expect(await frame.evaluate((id) => !!(document.querySelector('ak-player') as unknown as { engine: { answerOf(id: string): unknown } }).engine.answerOf(id), here)).toBe(true);
    await page.close();
  });
});
