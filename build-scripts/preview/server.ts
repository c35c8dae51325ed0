/**
 * The live preview (`npm start`): a local portal that lists the modules, launches any of them
 * in a simulated LMS (scorm-again's SCORM 2004 API on the LMS side, the module in a frame, as
 * an LMS does) with live panels of the cmi values and the xAPI statements the xAPI package
 * would send, reloads when a module or organisation file is saved, and shows validation
 * problems with file:line instead of a blank page. Serves 127.0.0.1 only.
 */
import { watch, type FSWatcher, readFileSync, readdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { validateAll, type Validated } from '../cli.js';
import { buildRuntime } from '../runtime.js';
import { pageFor } from '../package.js';
import { loadOrg } from '../org.js';
import { errorPage, lmsPage, portalPage, problemsPage, type OrgChoice } from './pages.js';
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

  let bound = port;
  const server = createServer((req, res) => {
    // Only this computer's own pages may talk to the preview: no other site, and no DNS rebinding.
    if (!isLocalHost(req.headers.host, bound)) return void res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden');
    try {
      route(req, res);
    } catch (error) {
      // A file the preview reads vanished or is not a file: say so on a page that reloads when it is fixed.
      if (res.headersSent) return void res.destroy();
      html(res, errorPage(error instanceof Error ? error.message : String(error)), 500);
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
      // A module that compiled is shown even when another module has errors (the portal lists those).
      if (!module) return html(res, problemsPage(orgs, org, parts[1], errors), errors.length ? 200 : 404);
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
  /** Editors' swap and backup files change as the trainer types; only real saves reload. */
  const saved = (name: string | null) => {
    if (name && /(^\.|~$|\.sw[a-z]$|\.tmp$|^#.*#$|^4913$)/.test(basename(name))) return;
    changed();
  };
  const watched = outermost([modulesDir, ...orgs.slice(1).flatMap((o) => orgFolders(o.file!))]);
  const watchers = watched.filter(existsSync).map((dir) => watchTree(dir, saved));

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
  bound = (server.address() as AddressInfo).port;
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
 * The folders an organisation's preview depends on: org.yaml's own, and its overlay folder and
 * logo's, which org.yaml may place elsewhere (`overlay: ../fælles/overlay`).
 */
function orgFolders(orgFile: string): string[] {
  const dir = dirname(orgFile);
  const { org } = loadOrg(orgFile);
  const data = org?.data;
  return [dir, ...(org?.overlayDir ? [org.overlayDir] : []), ...(data?.logo ? [dirname(resolve(dir, data.logo))] : [])];
}

/** Without folders inside others: a folder's watcher covers everything under it. */
function outermost(dirs: string[]): string[] {
  const unique = [...new Set(dirs.map((d) => resolve(d)))];
  return unique.filter((d) => !unique.some((other) => other !== d && !relative(other, d).startsWith('..') && !isAbsolute(relative(other, d))));
}

/**
 * Watches a folder and every folder in it, one watcher per folder. (Node 20's recursive watch on
 * Linux loses a file that an editor saves by renaming a new copy over it; a folder's own watcher
 * sees that rename.) Folders made or removed later are picked up at the next change.
 */
function watchTree(root: string, onChange: (name: string | null) => void): { close(): void } {
  const watchers = new Map<string, FSWatcher>();
  let resync: ReturnType<typeof setTimeout> | undefined;
  const sync = () => {
    if (!existsSync(root)) return;
    const dirs = new Set([root, ...foldersIn(root)]);
    for (const [dir, w] of watchers) if (!dirs.has(dir)) (w.close(), watchers.delete(dir));
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, (_event, name) => {
          onChange(name);
          clearTimeout(resync);
          resync = setTimeout(sync, 100);
        });
        // A watched folder that is deleted (EPERM on Windows) is forgotten at the next sync, not fatal.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(dir);
        });
        watchers.set(dir, watcher);
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

/** The folders under `root` worth watching: not dependencies, version control or hidden ones. */
function foldersIn(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'dist') continue;
    const dir = join(root, entry.name);
    out.push(dir, ...foldersIn(dir));
  }
  return out;
}

/** The organisation's name for the switch, or its file when it cannot be read. */
function orgLabel(file: string): string {
  try {
    const name = loadOrg(file).org?.data.organisation;
    if (name) return name.da;
  } catch {
    // Unreadable (a folder where the file should be, say): the portal shows its problem.
  }
  return `${file} (har fejl)`;
}

function isLocalHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function html(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

function file(res: ServerResponse, path: string): void {
  const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
  if (!existsSync(path)) return void res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Ikke fundet / not found');
  const body = readFileSync(path);
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' }).end(body);
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
    .then((preview) => {
      const { url } = preview;
      // Ctrl+C: close the server and remove its temporary runtime build.
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void preview.close().then(() => process.exit(0)));
      console.log(`Forhåndsvisning: ${url}  (Ctrl+C stopper den)`);
      if (orgFiles.length) console.log(`Organisationer: ${orgFiles.join(', ')}`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
