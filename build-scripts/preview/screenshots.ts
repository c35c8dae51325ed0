/**
 * Takes the trainer guide's screenshots from the real preview (npm start) in Chromium:
 *   npx tsx build-scripts/preview/screenshots.ts
 * It uses a copy of docs/eksempel-kommune, so the broken file it shows never touches the docs.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.js';
import { startPreview } from './server.js';

const root = resolve(import.meta.dirname, '..', '..');
const out = join(root, 'docs', 'billeder');
const MODULE = 'phishing-og-svindel';

async function playerScene(frame: Frame): Promise<string> {
  await frame.waitForFunction(() => !!(document.querySelector('ak-player') as unknown as { engine?: unknown })?.engine);
  return frame.evaluate(() => (document.querySelector('ak-player') as unknown as { engine: { scene: { id: string } } }).engine.scene.id);
}

async function next(frame: Frame): Promise<void> {
  const before = await playerScene(frame);
  await frame.getByRole('button', { name: 'Næste', exact: true }).click();
  await frame.waitForFunction((prev) => (document.querySelector('ak-player') as unknown as { engine: { scene: { id: string } } }).engine.scene.id !== prev, before);
}

async function main(): Promise<void> {
  // The guide's folder names, so the paths on the error page read as the guide says.
  const work = join(tmpdir(), 'Dokumenter');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'docs', 'eksempel-kommune'), join(work, 'vores-kommune'), { recursive: true });
  const orgFile = join(work, 'vores-kommune', 'org.yaml');
  const preview = await startPreview({ orgFiles: [orgFile] });
  const browser = await launchChromium();
  const page: Page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const shot = (name: string) => page.screenshot({ path: join(out, name) });
  try {
    await page.goto(`${preview.url}?org=1`);
    await shot('01-portal.png');

    await page.goto(`${preview.url}lms/${MODULE}?org=1`);
    const frame = (await (await page.waitForSelector('iframe#sco')).contentFrame())!;
    await playerScene(frame);
    await next(frame);
    // Vestby's own scene, right after the welcome: the best choice, and what the LMS got.
    await frame.locator('ak-decision input[value="ring-og-spoerg"]').check();
    await frame.getByRole('button', { name: 'Vælg', exact: true }).click();
    await frame.locator('ak-decision [part="feedback"]').waitFor();
    await page.waitForTimeout(400);
    await shot('02-simuleret-lms.png');

    // The statements the xAPI package would send, one opened.
    await page.locator('#statements summary').first().click();
    await page.locator('#xapi-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await shot('03-xapi-statements.png');

    // The guide's slip (section 9), saved: a colon in a text without quotes, at line 31. The page shows where.
    const added = join(work, 'vores-kommune', 'overlay', MODULE, 'scenes', 'ring-til-it.yaml');
    const text = readFileSync(added, 'utf8');
    const slipped = text.replace('da: Du logger ind via linket, så du ikke mister de sager, du er i gang med.', 'da: Du logger ind via linket. Husk: du må ikke miste dine sager.');
    if (slipped === text) throw new Error('the line the guide shows in section 9 is no longer in ring-til-it.yaml');
    writeFileSync(added, slipped);
    await page.waitForSelector('.problems', { timeout: 15_000 });
    await page.waitForTimeout(300);
    await shot('04-fejl-paa-siden.png');
    writeFileSync(added, text);
    await page.waitForSelector('iframe#sco', { timeout: 15_000 });
  } finally {
    await browser.close();
    await preview.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`Screenshots in ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
