/**
 * The competence-profile publication as people read it: every page reflows at 320 px (WCAG
 * 1.4.10) and axe-core finds no WCAG 2.1 A/AA violations, in Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { DIST, ROOT } from './package-fixtures.js';

const pages = readdirSync(join(DIST, 'publication')).filter((f) => f.endsWith('.html')).sort();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('competence-profile publication', () => {
  it('has a page per role and language', () => {
    expect(pages).toEqual(['frontline.da.html', 'frontline.en.html', 'manager.da.html', 'manager.en.html', 'sysadmin.da.html', 'sysadmin.en.html']);
  });

  it('the PDFs are tagged (for screen readers) and say their language', () => {
    for (const name of pages) {
      const pdf = readFileSync(join(DIST, 'publication', name.replace(/\.html$/, '.pdf')), 'latin1');
      expect(pdf, name).toMatch(/\/StructTreeRoot/);
      expect(pdf, name).toContain(`/Lang (${name.split('.')[1]})`);
    }
  });

  for (const name of pages) {
    it(`${name}: no horizontal scrolling at 320 px, and no axe violations`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true }); // axe is injected; the page's own policy is tested in security.test.ts
      try {
        await page.goto(pathToFileURL(join(DIST, 'publication', name)).href);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        await page.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
