/**
 * `npm run bench`: the figures the budgets in DESIGN.md are about, printed per module and
 * format, and the HR report over 100 000 statements. Measures; never fails a build. Runs a fresh
 * build into a temp folder. `npm run bench -- --report` runs only the report's part.
 */
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAll } from './cli.js';
import { FORMATS } from './runtime.js';
import type { CompiledModule } from '../src/model/compiled.js';
import { launchChromium } from './browser/chromium.js';
import { startStaticServer } from './browser/static-server.js';
import { unzipTo } from './package.js';
import { startLrs, type Lrs } from './lrs/lrs.js';
import { prepareCmi5Launch } from './lrs/cmi5-lms.js';
import { moduleIri } from '../xapi/activities.js';
import { createRequire } from 'node:module';
import { worstResumeState } from './state-budget.js';
import { benchReport } from './report/bench.js';

const RUNS = 7;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The page's address as its LMS would launch it: xAPI and cmi5 with the real LRS on loopback
 * (so the figure includes reading the saved state), SCORM and web as they are.
 */
async function launchUrl(format: string, page: string, module: CompiledModule, lrs: Lrs): Promise<string> {
  if (format === 'xapi') {
    const params = new URLSearchParams({ endpoint: lrs.endpoint, auth: lrs.auth, actor: JSON.stringify({ mbox: `mailto:bench-${Math.random()}@kommune.example` }), registration: crypto.randomUUID() });
    return `${page}?${params}`;
  }
  if (format === 'cmi5') return (await prepareCmi5Launch(lrs, page, moduleIri(module.activityBase, module.id))).url;
  return page;
}

async function timeToFirstScene(url: () => Promise<string>): Promise<{ ms: number; heapMb: number }> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    const heaps: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Interactive: the first scene's heading and the player's buttons are rendered. Checked
      // in the page on every frame, so the figure has no test-driver round trip in it.
      // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
      await page.addInitScript(`
        function check() {
          const root = document.querySelector('ak-player')?.shadowRoot;
          const scene = root?.querySelector('main > *');
          if ((scene?.shadowRoot ?? scene)?.querySelector('h2') && root?.querySelector('button')) {
            window.__akInteractive = performance.now();
          } else requestAnimationFrame(check);
        }
        // Frames asked for before the document exists are dropped, so start with the document.
        document.addEventListener('DOMContentLoaded', check);
      `);
      await page.goto(await url());
      await page.waitForFunction(() => (window as unknown as { __akInteractive?: number }).__akInteractive !== undefined);
      times.push(await page.evaluate(() => (window as unknown as { __akInteractive: number }).__akInteractive));
      heaps.push(await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576));
      await context.close();
    }
    return { ms: median(times), heapMb: median(heaps) };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--report')) return benchReport();
  const dist = mkdtempSync(join(tmpdir(), 'ak-bench-'));
  const builds: number[] = [];
  let modules: CompiledModule[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await buildAll({ distDir: dist, quiet: true });
    builds.push(result.ms);
    modules = result.modules;
  }
  console.log(`Build: every module (${modules.length}) in every format (${FORMATS.length}): median ${(median(builds) / 1000).toFixed(2)} s of 3 builds [budget 20 s]\n`);

  const server = await startStaticServer();
  const lrs = await startLrs();
  console.log('module / format                          zip       files  runtime gz  content gz  first scene  JS heap');
  for (const format of FORMATS) {
    const runtime = readFileSync(join(dist, '.runtime', format, 'index.html'));
    for (const module of modules) {
      const zipPath = join(dist, 'packages', `${module.id}-${format}.zip`);
      const dir = await unzipTo(zipPath);
      server.mount(`/${module.id}-${format}/`, dir);
      const content = gzipSync(JSON.stringify(module), { level: 9 }).length;
      const page = `${server.url}/${module.id}-${format}/index.html`;
      const { ms, heapMb } = await timeToFirstScene(() => launchUrl(format, page, module, lrs));
      console.log(
        `${`${module.id} / ${format}`.padEnd(40)} ${kb(statSync(zipPath).size).padStart(8)}  ${String(readdirSync(dir).length).padStart(5)}  ${kb(gzipSync(runtime, { level: 9 }).length).padStart(10)}  ${kb(content).padStart(10)}  ${`${ms.toFixed(0)} ms`.padStart(11)}  ${`${heapMb.toFixed(1)} MB`.padStart(7)}`,
      );
    }
  }
  await server.close();
  await lrs.close();
  console.log(`\n[budgets: zip ≤ 100 KB, runtime ≤ 40 KB gzip, first scene ≤ 150 ms (median of ${RUNS} loads, headless Chromium; xAPI and cmi5 launched against the real LRS on loopback)]\n`);

  // The trade-off in ADR 0002: what the xAPI libraries would add to a package, measured.
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const require = createRequire(import.meta.url);
  const runtimeGz = (format: string) => gzipSync(readFileSync(join(dist, '.runtime', format, 'index.html')), { level: 9 }).length;
  const cmi5Lib = gz(join(require.resolve('@xapi/cmi5/package.json'), '..', 'dist', 'Cmi5.esm.js'));
  const xapiLib = gz(join(require.resolve('@xapi/xapi/package.json'), '..', 'dist', 'XAPI.esm.js'));
  console.log('xAPI transport, gzip:');
  console.log(`  ours (launch, queue, State API; cmi5 runtime minus SCORM 2004 runtime): ${kb(runtimeGz('cmi5') - runtimeGz('scorm2004'))}`);
  console.log(`  @xapi/cmi5 1.4.0 bundle (with @xapi/xapi and axios inside): ${kb(cmi5Lib)}; @xapi/xapi 2.2.8 bundle (with axios): ${kb(xapiLib)}\n`);

  console.log('Resume state over every path (every branch), widest answers, after every scene [SCORM 1.2 limit 4096]:');
  for (const module of modules) {
    const resume = worstResumeState(module);
    console.log(`  ${module.id.padEnd(34)} max ${String(resume.max).padStart(4)} characters (${((resume.max / 4096) * 100).toFixed(1)} %) over ${resume.paths} paths; longest, per scene: ${resume.perScene.join(' ')}`);
  }
  console.log('');
  await benchReport();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
