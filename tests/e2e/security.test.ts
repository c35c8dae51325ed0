/**
 * Content cannot inject code (issue 8): known XSS payloads in every text of a module and of its
 * organisation, built as the packages are, taken to the end in Chromium — nothing runs, nothing
 * from content turns into an element or attribute that could, nothing is requested. And the
 * packages' Content-Security-Policy holds on its own: an inline script slipped into a built page
 * does not run, and an xAPI package reaches only the LRS its launch names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { buildAll } from '../../build-scripts/cli.js';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { startStaticServer, type StaticServer } from '../../build-scripts/browser/static-server.js';
import { unzipTo } from '../../build-scripts/package.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import { currentSceneId, walk } from './module-driver.js';
import { HOSTILE_MODULE, hostileModules, PAYLOADS } from './hostile-content.js';

let browser: Browser;
let module: CompiledModule;
let dist: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ak-hostile-'));
  const { modulesDir, orgFile } = hostileModules(dir);
  dist = join(dir, 'dist');
  [module] = (await buildAll({ modulesDir, orgFile, distDir: dist, quiet: true })).modules;
  browser = await launchChromium();
}, 120_000);
afterAll(() => browser?.close());

/** What the page must never show: executed payloads, elements and attributes that run or load, requests. */
interface Watch {
  requests: string[];
  dialogs: string[];
  violations: string[];
  /** Requests that failed, with why (a policy's block is net::ERR_BLOCKED_BY_CSP). */
  blocked: string[];
}

async function watched(page: Page): Promise<Watch> {
  const watch: Watch = { requests: [], dialogs: [], violations: [], blocked: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('requestfailed', (r) => watch.blocked.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction('__akViolation', (v: string) => watch.violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __akViolation(v: string): void }).__akViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  return watch;
}

/** Everything in the document and every shadow root that could run or load something, from content. */
function dangerous(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // The page's own: everything in the head, and the bundled and content scripts in the body's light DOM.
        const inHead = el.closest('head') !== null || (tag === 'script' && el.getRootNode() === document && ['module', 'application/json'].includes((el as HTMLScriptElement).type));
        if (!inHead && ['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'link', 'meta', 'video', 'audio', 'source', 'math', 'svg', 'img', 'input', 'details', 'marquee', 'x'].includes(tag)) {
          // The player's own controls (inputs of options, icons) have no text of content in their attributes.
          const own = (tag === 'input' && ['radio', 'checkbox'].includes((el as HTMLInputElement).type) && !(el as HTMLElement).hasAttribute('autofocus')) || (tag === 'img' && (el as HTMLImageElement).src.startsWith('data:image/')) || (tag === 'svg' && el.closest('[part~="icon"], .icon') !== null);
          if (!own) found.push(`<${tag}>`);
        }
        if (tag === 'style' && /display:\s*none|evil/.test(el.textContent ?? '')) found.push('<style> from content');
        for (const a of el.attributes) {
          if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
          if (/^(href|src|action|formaction|data|xlink:href|srcdoc|background)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value.slice(0, 30)}]`);
          if (a.name === 'style' && /url\(/i.test(a.value)) found.push(`${tag}[style=url(…)]`);
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return found;
  });
}

describe(`${PAYLOADS.length} XSS payloads in every text of a module and its organisation`, () => {
  it('the built content carries every payload, as text', () => {
    const json = JSON.stringify(module);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
    // Markdown texts are escaped at build time; plain fields (an e-mail's sender) stay text, which Lit
    // renders as text. Whether any of it becomes markup is checked in the page, below.
    expect(json).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  });

  for (const strategy of ['best', 'poor'] as const) {
    it(`every scene, ${strategy} answers (feedback and consequences shown): nothing runs, nothing dangerous appears, nothing is requested`, async () => {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      try {
        const watch = await watched(page);
        await page.goto(pathToFileURL(join(dist, 'web', HOSTILE_MODULE, 'index.html')).href);
        await currentSceneId(page.mainFrame());
        const scenes: string[] = [];
        const problems: string[] = [];
        await walk(page.mainFrame(), module, strategy, {
          afterScene: async (id) => {
            scenes.push(id);
            const found = await dangerous(page);
            if (found.length) problems.push(`${id}: ${[...new Set(found)].join(' ')}`);
          },
        });
        // Hover and focus everything once: a handler that waits for the mouse or focus gets its chance.
        await page.mouse.move(10, 10);
        await page.keyboard.press('Tab');
        expect(problems).toEqual([]);
        expect(scenes.length).toBeGreaterThan(8);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(watch.dialogs).toEqual([]);
        expect(watch.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
        // Nothing even tried: the policy had nothing of content's to block.
        expect(watch.violations).toEqual([]);
        // The payloads are shown as the text they are, so a trainer sees what was pasted.
        const text = await page.evaluate(() => {
          const deep = (root: Document | ShadowRoot | Element): string =>
            [...root.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : n instanceof Element ? (n.shadowRoot ? deep(n.shadowRoot) : '') + deep(n) : '')).join('');
          return deep(document.body);
        });
        expect(text).toContain('<img src=x onerror="window.__xss=1">');
      } finally {
        await page.close();
      }
    });
  }
});

describe('the printed competence profiles, built from the same hostile module', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`frontline.${lang}.html: the module's title is text, nothing runs, nothing loads`, async () => {
      const page = await browser.newPage();
      try {
        const watch = await watched(page);
        const file = join(dist, 'publication', `frontline.${lang}.html`);
        expect(readFileSync(file, 'utf8')).toContain('&lt;img src=x onerror=');
        await page.goto(pathToFileURL(file).href);
        expect(await dangerous(page)).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
        expect(watch.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
        expect(watch.dialogs).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe('the packages’ Content-Security-Policy', () => {
  it('an inline script slipped into a built page does not run; the bundled one does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-csp-'));
    const html = readFileSync(join(dist, 'web', HOSTILE_MODULE, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('</body>', '<script>window.__xss=1</script><img src="https://evil.example/p.png"></body>'));
    const page = await browser.newPage();
    try {
      const watch = await watched(page);
      await page.goto(pathToFileURL(join(dir, 'index.html')).href);
      await currentSceneId(page.mainFrame()); // the bundled script runs: the player is there
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await expect.poll(() => watch.violations.some((v) => v.startsWith('script-src'))).toBe(true);
      // The browser lists the image's request, and the policy stops it before it leaves ("csp").
      expect(watch.blocked.filter((b) => b.includes('evil.example'))).toEqual(watch.requests.filter((u) => u.includes('evil.example')).map((u) => `${u} csp`));
      expect(watch.violations).toContain('img-src https://evil.example/p.png');
    } finally {
      await page.close();
    }
  });

  it('an xAPI package reaches the LRS its launch names and no other origin', async () => {
    const lrsSide: StaticServer = await startStaticServer();
    const elsewhere: StaticServer = await startStaticServer();
    const packageSide: StaticServer = await startStaticServer({ '/pkg/': await unzipTo(join(dist, 'packages', `${HOSTILE_MODULE}-xapi.zip`)) });
    const page = await browser.newPage();
    try {
      const watch = await watched(page);
      const actor = JSON.stringify({ objectType: 'Agent', mbox: 'mailto:kim@kommune.example' });
      const endpoint = `${lrsSide.url}/xAPI/`;
      await page.goto(`${packageSide.url}/pkg/index.html?endpoint=${encodeURIComponent(endpoint)}&auth=${encodeURIComponent('Basic a2ltOmtvZGU=')}&actor=${encodeURIComponent(actor)}`);
      await currentSceneId(page.mainFrame());
      // no-cors: an opaque answer still shows the request went out; only the policy makes fetch fail here.
      const tryFetch = (url: string) => page.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'reached', () => 'blocked'), url);
      expect(await tryFetch(`${lrsSide.url}/xAPI/about`)).toBe('reached');
      expect(await tryFetch(`${packageSide.url}/pkg/index.html`)).toBe('blocked'); // even the package's own origin
      expect(await tryFetch(`${elsewhere.url}/collect`)).toBe('blocked');
      // Opened without a launch, the same package has no LRS to talk to, and reaches nothing at all.
      const bare = await browser.newPage();
      await bare.goto(`${packageSide.url}/pkg/index.html`);
      await currentSceneId(bare.mainFrame());
      expect(await bare.evaluate((u) => fetch(u, { mode: 'no-cors' }).then(() => 'reached', () => 'blocked'), `${lrsSide.url}/xAPI/about`)).toBe('blocked');
      await bare.close();
      await expect.poll(() => watch.violations.filter((v) => v.startsWith('connect-src'))).toEqual([`connect-src ${packageSide.url}/pkg/index.html`, `connect-src ${elsewhere.url}/collect`]);
    } finally {
      await page.close();
      await lrsSide.close();
      await elsewhere.close();
      await packageSide.close();
    }
  });
});
