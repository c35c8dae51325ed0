/**
 * The live preview (`npm start`): a local portal that lists the modules, launches any of them
 * in a simulated LMS (scorm-again's SCORM 2004 API on the LMS side, the module in a frame, as
 * an LMS does) with live panels of the cmi values and the xAPI statements the xAPI package
 * would send, reloads when a module or organisation file is saved, and shows validation
 * problems with file:line instead of a blank page. Serves 127.0.0.1 only.
 */
import { watch, type Dirent, type FSWatcher, readFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { validateAll, type Validated } from '../cli.js';
import { buildRuntime } from '../runtime.js';
import { pageFor } from '../package.js';
import { loadOrg } from '../org.js';
import { lmsPage, portalPage, problemsPage, type OrgChoice } from './pages.js';
import { StatementSink } from './statement-sink.js';

const root = resolve(import.meta.dirname, '..', '..');
const ASSETS = join(import.meta.dirname, 'assets');
const SCORM_AGAIN = join(root, 'node_modules', 'scorm-again', 'dist', 'scorm2004.js');

export interface PreviewOptions {
  /** Folder of modules (default modules/). */
  modulesDir?: string;
  /** Organisations to switch between, besides the unbranded default. */
  orgFiles?: string[];
  port?: number;
  /** Called after files changed and pages were told to reload (tests wait on it). */
  onReload?: () => void;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

export async function startPreview({ modulesDir = join(root, 'modules'), orgFiles = [], port = 0, onReload }: PreviewOptions = {}): Promise<Preview> {
  const work = mkdtempSync(join(tmpdir(), 'ak-preview-'));
  const runtime = await buildRuntime('preview', work);
  const orgs: OrgChoice[] = [{ key: '0', label: 'Standard (Åby Kommune, fiktiv)' }, ...orgFiles.map((file, i) => ({ key: String(i + 1), label: orgLabel(file), file: resolve(file) }))];
  const cache = new Map<string, Validated>();
  const validated = (org: OrgChoice): Validated => {
    let v = cache.get(org.key);
    if (!v) cache.set(org.key, (v = validateAll({ modulesDir, orgFile: org.file })));
    return v;
  };
  const sink = new StatementSink();
  const listeners = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const res of listeners) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  sink.onStatement = (statement, registration) => send('statement', { registration, statement });

  const server = createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(String(error instanceof Error ? error.stack : error));
    }
  });

  function route(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const org = orgs.find((o) => o.key === (url.searchParams.get('org') ?? '0')) ?? orgs[0];
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/') return html(res, portalPage(orgs, org, validated(org)));
    if (url.pathname === '/events') return events(req, res, url.searchParams.get('registration'));
    if (parts[0] === 'xapi') return sink.handle(req, res, parts.slice(1).join('/'), url.searchParams);
    if (parts[0] === 'assets' && parts.length === 2 && /^[a-z-]+\.(js|css)$/.test(parts[1])) return file(res, join(ASSETS, parts[1]));
    if (url.pathname === '/vendor/scorm2004.js') return file(res, SCORM_AGAIN);
    if (parts[0] === 'lms' && parts.length === 2) {
      const v = validated(org);
      const module = v.modules.find((m) => m.id === parts[1]);
      const errors = v.problems.filter((p) => p.severity === 'error');
      if (errors.length || !module) return html(res, problemsPage(orgs, org, parts[1], errors), module || errors.length ? 200 : 404);
      return html(res, lmsPage(org, module));
    }
    // The module itself, as the package's index.html would be: /sco/<org>/<module>/index.html
    if (parts[0] === 'sco' && parts.length === 4 && parts[3] === 'index.html') {
      const choice = orgs.find((o) => o.key === parts[1]);
      const module = choice && validated(choice).modules.find((m) => m.id === parts[2]);
      if (!module) return void res.writeHead(404).end('no such module');
      return html(res, pageFor(runtime, module));
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke fundet / not found');
  }

  /** Server-sent events: reload, and statements; with ?registration=, first the ones already sent. */
  function events(req: IncomingMessage, res: ServerResponse, registration: string | null): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    if (registration) for (const statement of sink.statementsOf(registration)) res.write(`event: statement\ndata: ${JSON.stringify({ registration, statement })}\n\n`);
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
  }

  // Saving a file reloads every open page, once per burst of saves (editors write several times).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      cache.clear();
      for (const org of orgs.slice(1)) org.label = orgLabel(org.file!);
      send('reload', {});
      onReload?.();
    }, 150);
  };
  const watched = [modulesDir, ...new Set(orgs.slice(1).map((o) => dirname(o.file!)))];
  const watchers = watched.filter(existsSync).map((dir) => watchTree(dir, changed));

  await new Promise<void>((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is in use (is the preview already running?). Stop it, or choose another: npm start -- --port ${port + 1}${orgFiles.map((f) => ` --org ${f}`).join('')}`) : error),
    );
    server.listen(port, '127.0.0.1', ok);
  }).catch(async (error) => {
    for (const w of watchers) w.close();
    rmSync(work, { recursive: true, force: true });
    throw error;
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      for (const res of listeners) res.end();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Watches a folder and every folder in it, one watcher per folder. (Node 20's recursive watch on
 * Linux loses a file that an editor saves by renaming a new copy over it; a folder's own watcher
 * sees that rename.) Folders made or removed later are picked up at the next change.
 */
function watchTree(root: string, onChange: () => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let resync: ReturnType<typeof setTimeout> | undefined;
  const sync = () => {
    if (!existsSync(root)) return;
    const dirs = new Set([root, ...(readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[]).filter((d) => d.isDirectory()).map((d) => join(d.parentPath, d.name))]);
    for (const [dir, w] of watchers) if (!dirs.has(dir)) (w.close(), watchers.delete(dir));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(dir, watch(dir, () => {
          onChange();
          clearTimeout(resync);
          resync = setTimeout(sync, 100);
        }));
      } catch {
        // Removed between listing and watching: the next sync forgets it.
      }
    }
  };
  sync();
  return {
    close: () => {
      clearTimeout(resync);
      watchers.forEach((w) => w.close());
    },
  };
}

/** The organisation's name for the switch, or its file when it cannot be read. */
function orgLabel(file: string): string {
  const { org } = loadOrg(file);
  const name = org?.data.organisation;
  return name ? name.da : `${file} (har fejl)`;
}

function html(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

function file(res: ServerResponse, path: string): void {
  const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(readFileSync(path));
}

function option(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, i) => {
    if (arg === `--${name}` && process.argv[i + 1]) values.push(process.argv[i + 1]);
  });
  return values;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const orgFiles = [...option('org'), ...(process.env.AK_ORG ? [process.env.AK_ORG] : [])];
  const port = Number(option('port')[0] ?? process.env.PORT ?? 4173);
  const modulesDir = option('modules')[0] ?? process.env.AK_MODULES;
  startPreview({ orgFiles, port, modulesDir: modulesDir && resolve(modulesDir) })
    .then(({ url }) => {
      console.log(`Forhåndsvisning: ${url}  (Ctrl+C stopper den)`);
      if (orgFiles.length) console.log(`Organisationer: ${orgFiles.join(', ')}`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
