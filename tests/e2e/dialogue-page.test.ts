/**
 * The built dialogue tools (modules with a dialogue.yaml): the page runs from the file system
 * with every card, makes no request, is in the module's web zip, and the printed cards (PDF)
 * have a cover, one page per card and a page of notes per card, in Danish and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { DIALOGUE_PAGE } from '../../build-scripts/cli.js';
import { builtDialogues, DIST, ROOT } from './package-fixtures.js';
import { plainText } from '../../build-scripts/package.js';

const dialogues = builtDialogues();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Pages in a PDF: Chromium writes one "/Type /Page" object per page. */
const pdfPages = (path: string) => (readFileSync(path, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describe('dialogue tools', () => {
  it('the managers module has one (the issue asks for it)', () => {
    expect(dialogues.map((d) => d.moduleId)).toContain('sikkerhedskultur-ledere');
  });

  for (const d of dialogues) {
    describe(d.moduleId, () => {
      const page = join(DIST, 'web', d.moduleId, DIALOGUE_PAGE);

      it('runs from the file system: the start page lists every card, the arrow key goes through all of them, and nothing is requested', async () => {
        const context = await browser.newContext({ bypassCSP: true }); // axe is injected as a script; the page's own policy is tested in security.test.ts
        const tab = await context.newPage();
        const requests: string[] = [];
        tab.on('request', (r) => requests.push(r.url()));
        try {
          await tab.goto(pathToFileURL(page).href);
          const items = tab.locator('ak-dialogue .card-list li button');
          await expect.poll(() => items.count()).toBe(d.cards.length);
          expect((await items.allTextContents()).map((t) => t.trim())).toEqual(d.cards.map((c) => plainText(c.title.da)));
          const seen: string[] = [];
          for (let i = 0; i < d.cards.length; i++) {
            await tab.keyboard.press('ArrowRight');
            seen.push((await tab.locator('ak-dialogue main h1').textContent())!.trim());
          }
          expect(seen).toEqual(d.cards.map((c) => plainText(c.title.da)));
          expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
          await tab.addScriptTag({ path: join(ROOT, 'node_modules/axe-core/axe.min.js') });
          const violations = await tab.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: Array<{ id: string }> }> } }).axe;
            return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map((v) => v.id);
          });
          expect(violations).toEqual([]);
        } finally {
          await context.close();
        }
      });

      it('is in the module web zip, byte for byte', async () => {
        const zip = await JSZip.loadAsync(readFileSync(join(DIST, 'packages', `${d.moduleId}-web.zip`)));
        expect(await zip.file(DIALOGUE_PAGE)!.async('string')).toBe(readFileSync(page, 'utf8'));
      });

      for (const lang of ['da', 'en'] as const) {
        it(`printed cards (${lang}): a cover, a page per card and a page of notes per card that has them, tagged for screen readers, in ${lang}`, () => {
          const pdf = join(DIST, 'publication', `dialogue-${d.moduleId}.${lang}.pdf`);
          expect(existsSync(pdf)).toBe(true);
          expect(pdfPages(pdf)).toBe(1 + d.cards.length + d.cards.filter((c) => c.facilitator).length);
          const text = readFileSync(pdf, 'latin1');
          expect(text).toMatch(/\/StructTreeRoot/);
          expect(text).toContain(`/Lang (${lang})`);
        });
      }
    });
  }
});
