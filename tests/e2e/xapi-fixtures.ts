/**
 * What the xAPI and cmi5 end-to-end tests share: the real LRS (build-scripts/lrs), the built
 * packages served from another origin (so CORS is real), a cmi5 LMS played by the test
 * (registration, LMS.LaunchData, a fetch URL that gives its token once), and readers that get
 * the stored statements back through @xapi/xapi, as any LRS client would.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll } from '../../build-scripts/cli.js';
import { randomUUID } from 'node:crypto';
import XAPI from '@xapi/xapi';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../build-scripts/browser/chromium.js';
import { startStaticServer, type StaticServer } from '../../build-scripts/browser/static-server.js';
import { startLrs, type Lrs } from '../../build-scripts/lrs/lrs.js';
import type { CompiledModule } from '../../src/model/compiled.js';
import type { Statement } from '../../xapi/types.js';
import { PROFILE_VERSION, VOCABULARY } from '../../xapi/vocabulary.js';
import { prepareCmi5Launch, type Cmi5Launch, type Cmi5LaunchOptions } from '../../build-scripts/lrs/cmi5-lms.js';
import { moduleIri } from '../../xapi/activities.js';
import { matchingTemplates, patternProblems, statementProblems, type XapiProfile } from '../support/xapi-profile.js';
import { currentSceneId } from './module-driver.js';
import { DIST, ROOT, unzipTo } from './package-fixtures.js';

export type XapiFormat = 'xapi' | 'cmi5';
/** Statements as the LRS returns them (with stored, authority, version). */
export type Stored = Statement & { stored: string };

export const profile = JSON.parse(readFileSync(join(ROOT, 'xapi/profile.jsonld'), 'utf8')) as XapiProfile;
const PRIMARY_PATTERN = `${VOCABULARY}/patterns/registration`;

/** Above what any test registration holds, so statements() reads one page. */
const STATEMENTS_PAGE = 1000;

export class XapiEnv {
  browser!: Browser;
  lrs!: Lrs;
  server!: StaticServer;
  private client!: XAPI;
  /** Pages the running test opened (closed after each test). */
  opened: Page[] = [];
  /** Where startWithModules built the test module's packages. */
  miniDist = '';

  async start(packages: Array<{ module: CompiledModule; dist: string }>): Promise<void> {
    this.lrs = await startLrs();
    this.client = new XAPI({ endpoint: this.lrs.endpoint, auth: this.lrs.auth });
    this.server = await startStaticServer({ '/lms/': join(ROOT, 'tests/e2e/lms-harness') });
    for (const { module, dist } of packages) {
      for (const format of ['xapi', 'cmi5'] as const) {
        this.server.mount(`/pkg/${module.id}-${format}/`, await unzipTo(join(dist, 'packages', `${module.id}-${format}.zip`)));
      }
    }
    this.browser = await launchChromium();
  }

  /** The built modules and the hand-computed test module (built here): serves their packages; returns the test module. */
  async startWithModules(modules: CompiledModule[]): Promise<CompiledModule> {
    this.miniDist = mkdtempSync(join(tmpdir(), 'ak-mini-dist-'));
    const mini = (await buildAll({ modulesDir: join(ROOT, 'tests/fixtures/modules'), distDir: this.miniDist, quiet: true })).modules[0];
    await this.start([...modules.map((module) => ({ module, dist: DIST })), { module: mini, dist: this.miniDist }]);
    return mini;
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.server?.close();
    await this.lrs?.close();
  }

  async closePages(): Promise<void> {
    const pages = this.opened;
    this.opened = [];
    await Promise.all(pages.map((p) => p.close({ runBeforeUnload: false }).catch(() => {})));
  }

  async newPage(): Promise<Page> {
    const page = await this.browser.newPage({ viewport: { width: 1024, height: 800 } });
    this.opened.push(page);
    page.on('pageerror', (error) => console.error('page error:', error));
    return page;
  }

  /** A TinCan launch URL as an LMS makes it. */
  tinCanUrl(module: CompiledModule, options: { actor?: object; registration?: string | null; activityId?: string; unit?: string } = {}): string {
    const params = new URLSearchParams({
      endpoint: this.lrs.endpoint,
      auth: this.lrs.auth,
      actor: JSON.stringify(options.actor ?? learner()),
    });
    if (options.registration !== null) params.set('registration', options.registration ?? randomUUID());
    if (options.activityId) params.set('activity_id', options.activityId);
    if (options.unit) params.set('unit', options.unit);
    return `${this.server.url}/pkg/${module.id}-xapi/index.html?${params}`;
  }

  /** Opens the package and waits until the player shows a scene. */
  async open(url: string, page?: Page): Promise<Page> {
    const p = page ?? (await this.newPage());
    await p.goto(url);
    await currentSceneId(p.mainFrame());
    return p;
  }

  /**
   * Every statement stored for a registration, oldest first, in one page. Not through `more`:
   * xapi-statements' `more` cursor sometimes skips a statement at a page boundary (seen with the
   * suspended and terminated of one request, which share their `stored` time), so a test would
   * wait for a statement the LRS holds. A test registration holds far fewer than the limit.
   */
  async statements(registration: string): Promise<Stored[]> {
    const reply = (await this.client.getStatements({ registration, ascending: true, limit: STATEMENTS_PAGE })).data as { statements: Stored[]; more?: string };
    if (reply.more) throw new Error(`registration ${registration} holds more than ${STATEMENTS_PAGE} statements; raise STATEMENTS_PAGE`);
    return [...reply.statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  }

  /** Waits until the registration's statements end with `terminated` (`times` of them) and stop changing. */
  async settled(registration: string, times = 1, timeoutMs = 20000): Promise<Stored[]> {
    const until = Date.now() + timeoutMs;
    let last = -1;
    for (;;) {
      const statements = await this.statements(registration);
      const terminated = statements.filter((s) => s.verb.id.endsWith('/terminated')).length;
      if (terminated >= times && statements.length === last) return statements;
      if (Date.now() > until) {
        const stream = statements.map((s) => `  ${s.timestamp} ${verbName(s)} ${s.object.id.split('/').pop()}`).join('\n');
        throw new Error(`registration ${registration}: ${terminated} of ${times} terminated after ${timeoutMs} ms (${statements.length} statements):\n${stream}`);
      }
      last = terminated >= times ? statements.length : -1;
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  /** A cmi5 launch, with the test playing the LMS (build-scripts/lrs/cmi5-lms.ts). */
  cmi5Launch(module: CompiledModule, options: Cmi5LaunchOptions = {}): Promise<Cmi5Launch> {
    return prepareCmi5Launch(this.lrs, `${this.server.url}/pkg/${module.id}-cmi5/index.html`, moduleIri(module.activityBase, module.id), options);
  }
}

/**
 * The learner leaves: the page gets its `pagehide` as when a tab closes, but stays open until
 * its requests are done, so what the package sends on leaving is checked deterministically.
 * (A real close may cut those requests; then the next launch sends them — tested separately.)
 */
export async function leave(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await page.waitForLoadState('networkidle');
  await page.close();
}

export function learner(name = `kim-${randomUUID().slice(0, 8)}`): object {
  return { objectType: 'Agent', name: 'Kim Testesen', mbox: `mailto:${name}@kommune.example` };
}

/** Ours: statements with our profile in category (the LMS's own, like cmi5 "launched", are not). */
export const ours = (statements: Stored[]) =>
  statements.filter((s) => s.context?.contextActivities?.category?.some((c) => c.id === PROFILE_VERSION));

export const verbName = (s: Statement) => s.verb.id.split('/').pop()!;

/**
 * Problems with the statements of one registration against xapi/profile.jsonld: each must
 * follow exactly one template, and together the primary pattern.
 */
export function profileProblems(statements: Stored[]): string[] {
  const problems: string[] = [];
  const matched = statements.map((s) => {
    const templates = matchingTemplates(profile, s);
    if (templates.length !== 1) problems.push(`${verbName(s)} ${s.object.id}: matches ${templates.length} templates`);
    problems.push(...statementProblems(profile, s).map((p) => `${verbName(s)} ${s.object.id}: ${p}`));
    return templates;
  });
  const pattern = patternProblems(profile, PRIMARY_PATTERN, matched);
  // With the stream itself, so a failure can be read without rerunning it.
  if (pattern.length) pattern.push(`the stream:\n${statements.map((s) => `  ${s.timestamp} ${verbName(s)} ${s.object.id.split('/').pop()} (stored ${s.stored})`).join('\n')}`);
  problems.push(...pattern);
  return problems;
}
