/**
 * A branded SCORM 2004 package, as a trainer uploads it: built with the test organisation
 * (Nordby Kommune: one scene replaced, one added, its own contact), its manifest valid against
 * the official XSDs, and taken in the LMS harness (scorm-again, LMS side) from first scene to
 * finish: the added scene is scored, the LMS gets a pass with full marks, and every value it
 * received passes our strict validators.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { startStaticServer, type StaticServer } from '../../build-scripts/browser/static-server.js';
import { buildAll } from '../../build-scripts/cli.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import { strings } from '../../src/i18n/strings.js';
import { strictViolations } from './strict-cmi.js';
import { ROOT, unzipTo } from './package-fixtures.js';
import { walk } from './module-driver.js';
import { lmsView, manifestSeed, type LmsRecord } from './lms-view.js';

const MODULE = 'phishing-og-svindel';
let work: string;
let browser: Browser;
let server: StaticServer;
let module: CompiledModule;
let unpacked: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ak-branded-'));
  cpSync(join(ROOT, 'modules', MODULE), join(work, 'modules', MODULE), { recursive: true });
  const built = await buildAll({ modulesDir: join(work, 'modules'), orgFile: join(ROOT, 'tests/fixtures/org/org.yaml'), distDir: join(work, 'dist'), quiet: true });
  module = built.modules[0];
  unpacked = await unzipTo(join(work, 'dist', 'packages', `${MODULE}-scorm2004.zip`));
  browser = await launchChromium();
  server = await startStaticServer({
    '/lms/': join(ROOT, 'tests/e2e/lms-harness'),
    '/vendor/scorm-again/': join(ROOT, 'node_modules/scorm-again/dist'),
    '/pkg/': unpacked,
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a branded SCORM 2004 package', () => {
  it('has a manifest the official XSDs accept, under the organisation\'s own identifier', () => {
    const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(ROOT, 'build-scripts/schemas/scorm2004-4th-all.xsd'), join(unpacked, 'imsmanifest.xml')], { encoding: 'utf8' });
    if (run.error) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8')).toContain('identifier="awareness-kit.nordby-kommune.phishing-og-svindel"');
  });

  it('runs in the LMS from start to finish with the added scene scored: passed, full marks, strict values', async () => {
    const page = await browser.newPage();
    const seed = manifestSeed(readFileSync(join(unpacked, 'imsmanifest.xml'), 'utf8'), 'scorm2004');
    await page.addInitScript((s) => Object.assign(window, { __AK_SEED__: s }), seed);
    await page.goto(`${server.url}/lms/harness.html?format=scorm2004&pkg=/pkg/`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    const seen = await walk(frame, module, 'best');
    expect(seen).toContain('ring-til-peter');
    expect(await frame.locator('ak-player').evaluate((el) => el.shadowRoot!.querySelector('[part="brand"]')?.textContent?.trim())).toBe('Nordby Kommune');
    await frame.getByRole('button', { name: strings.da.finish, exact: true }).click();
    await frame.getByText(strings.da.finished).waitFor();
    const lms = (await page.evaluate(() => (window as unknown as { __lms: LmsRecord }).__lms)) as LmsRecord;
    const view = lmsView('scorm2004', lms.cmi!);
    expect([view.completed, view.success, view.scaled]).toEqual([true, 'passed', 1]);
    const interactions = lms.sets.filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v);
    expect(interactions).toContain(`urn:awareness-kit:${MODULE}:ring-til-peter`);
    expect([...strictViolations('scorm2004', lms.sets), ...lms.errors.map(([k, v, code]) => `LMS refused ${k} = ${v} (${code})`)]).toEqual([]);
    await page.close();
  });
});
