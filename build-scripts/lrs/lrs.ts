/**
 * The real LRS for tests and previews (DESIGN.md "Real components in tests"): Learning Locker's
 * statement service (npm xapi-statements) in a child process, behind a front server on 127.0.0.1
 * that answers CORS, serves the xAPI document resources (document-store.ts), proxies everything
 * else, records every request, and injects faults and outages — so no test needs a mock LRS.
 * Never shipped in a package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore, type DocumentResource } from './document-store.js';

/** What the front does to a matching request instead of answering it normally. */
export type Fault = (
  | { kind: 'unavailable' } // 503 without forwarding: nothing is stored
  | { kind: 'drop-reply' } // forwarded and stored, then the socket is cut without a reply
  | { kind: 'delay'; ms: number } // answered normally after `ms`
) & {
  /** Apply to the next `count` matching requests only (default: until cleared). */
  count?: number;
  /** Apply to request paths starting with this (default "/xAPI/statements"; "/" for every request). */
  path?: string;
  /**
   * Apply only to requests whose URL or body contains this (e.g. a registration), so that a page
   * left from another test, still sending as it closes, cannot use up the count.
   */
  match?: string;
  /** Let this many matching requests through first (default 0): a fault in the middle of a read. */
  after?: number;
};

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status answered (with a drop-reply fault: the one that was not delivered); 0 if none. */
  status: number;
  /** The fault applied to this request, if any. */
  fault?: Fault['kind'];
}

/** A Node request handler; `body` is the request body, already read (the front records it). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface LrsOptions {
  /** The front's port (default: a free one). */
  port?: number;
  /** How long xapi-statements may take to listen (default 20 s). */
  startTimeoutMs?: number;
  /**
   * Accept only these credentials (HTTP Basic), checked the way Learning Locker deploys the statement
   * service: it asks a client-info endpoint (here one of the front's) about every request's
   * Authorization. Without this, any credentials are accepted.
   */
  credentials?: { username: string; password: string };
  /** Keep every request in `requests` (default true); a bench that stores 100 000 statements does not. */
  record?: boolean;
}

export interface Lrs {
  /** The xAPI base, with a trailing slash: http://127.0.0.1:PORT/xAPI/ */
  readonly endpoint: string;
  /** The front's origin, for extra routes: http://127.0.0.1:PORT */
  readonly url: string;
  /** An Authorization header value the LRS accepts. */
  readonly auth: string;
  /** The document resources' storage, for harnesses that write e.g. cmi5 LMS.LaunchData directly. */
  readonly store: DocumentStore;
  /** Every request the front received, in order. */
  readonly requests: RecordedRequest[];
  /** Serve requests for `method` ("*" for any) whose path starts with `pathPrefix`; returns a function that removes the route. */
  route(method: string, pathPrefix: string, handler: RouteHandler): () => void;
  setFault(fault: Fault | null): void;
  /** Stop listening and cut open connections: clients get "connection refused". */
  goDown(): Promise<void>;
  /** Listen again on the same port; the real LRS kept its statements. */
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

const XAPI_VERSION = '1.0.3';
/** The front's client-info endpoint, which xapi-statements asks when credentials are set. */
const CLIENT_INFO_PATH = '/auth/client';
/** The client xapi-statements is told about for accepted credentials (the shape of its own test client). */
const CLIENT_INFO = {
  _id: '58fe13e34effd3c26a7fc4b7',
  title: 'Awareness-kit test client',
  authority: { objectType: 'Agent', mbox: 'mailto:lrs-client@awareness-kit.example' },
  isTrusted: true,
  lrs_id: '58fe13e34effd3c26a7fc4b7',
  organisation: '58fe13e34effd3c26a7fc4b6',
  scopes: ['all'],
};
const DOCUMENT_PATHS: Record<string, DocumentResource> = {
  '/xAPI/activities/state': 'state',
  '/xAPI/activities/profile': 'activity-profile',
  '/xAPI/agents/profile': 'agent-profile',
};
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Experience-API-Version', 'If-Match', 'If-None-Match'];
const EXPOSED_HEADERS = ['ETag', 'Last-Modified', 'X-Experience-API-Version', 'X-Experience-API-Consistent-Through'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

// Runs in the child before xapi-statements: it listens on every interface unless told a host, and
// it should die with us, and remove its temporary directory (its cwd), even when we are killed (our
// stdin pipe then closes).
const CHILD_PRELUDE = `
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  return typeof port === 'number' && typeof rest[0] === 'function'
    ? listen.call(this, port, '127.0.0.1', ...rest)
    : listen.call(this, port, ...rest);
};
process.stdin.on('end', () => {
  require('node:fs').rmSync(process.cwd(), { recursive: true, force: true });
  process.exit(0);
}).resume();
require(process.argv[1]);
`;

export async function startLrs(options: LrsOptions = {}): Promise<Lrs> {
  const dir = mkdtempSync(join(tmpdir(), 'ak-lrs-'));
  const lrsPort = await freePort();
  // With credentials, xapi-statements asks the front about each request, so the front's port is needed first.
  const frontPort = options.port ?? (options.credentials ? await freePort() : 0);
  const clientInfo = options.credentials ? `http://127.0.0.1:${frontPort}${CLIENT_INFO_PATH}` : undefined;
  const child = spawnXapiStatements(lrsPort, dir, clientInfo);
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stopChild = async (): Promise<void> => {
    process.off('exit', killOnExit);
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const auth = basic(options.credentials ?? { username: 'test', password: 'test' });
  const front = new Front(lrsPort, options.credentials ? auth : undefined, options.record ?? true);
  try {
    await waitUntilListening(child, options.startTimeoutMs ?? 20_000);
    await front.listen(frontPort);
  } catch (error) {
    await stopChild();
    throw error;
  }
  const url = `http://127.0.0.1:${front.port}`;
  return {
    endpoint: `${url}/xAPI/`,
    url,
    auth,
    store: front.store,
    requests: front.requests,
    route: (method, pathPrefix, handler) => front.route(method, pathPrefix, handler),
    setFault: (fault) => front.setFault(fault),
    goDown: () => front.goDown(),
    comeBack: () => front.listen(front.port),
    close: async () => {
      await front.close();
      await stopChild();
    },
  };
}

interface Route {
  method: string;
  prefix: string;
  handler: RouteHandler;
}

/** The front server: CORS, document resources, extra routes, faults, records; the rest goes to xapi-statements. */
class Front {
  readonly store = new DocumentStore();
  readonly requests: RecordedRequest[] = [];
  port = 0;
  private fault: Fault | null = null;
  private readonly routes: Route[] = [];
  private readonly server: Server;

  constructor(
    private readonly lrsPort: number,
    /** The only Authorization accepted, when the LRS was started with credentials. */
    private readonly acceptedAuth: string | undefined,
    private readonly recording: boolean,
  ) {
    this.server = createServer((req, res) => {
      res.on('error', () => {}); // a client that went away (or goDown) is not our error
      this.handle(req, res).catch((error: unknown) => fail(res, error));
    });
  }

  async listen(port: number): Promise<void> {
    if (this.server.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject).listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async goDown(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  close(): Promise<void> {
    return this.goDown();
  }

  setFault(fault: Fault | null): void {
    this.fault = fault && { ...fault }; // a copy: its count goes down
  }

  route(method: string, prefix: string, handler: RouteHandler): () => void {
    const route = { method: method.toUpperCase(), prefix, handler };
    this.routes.push(route);
    return () => {
      const index = this.routes.indexOf(route);
      if (index >= 0) this.routes.splice(index, 1);
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const record: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: body.toString('utf8'), status: 0 };
    if (this.recording) this.requests.push(record);
    recordStatus(res, record);
    setCorsHeaders(req, res);
    // One request per connection: a browser silently resends a request whose *reused* connection
    // closes unanswered (hiding drop-reply and goDown), and a fetch in this process could pick a
    // pooled connection we just cut. Fresh connections make both faults deterministic.
    res.setHeader('Connection', 'close');
    // Preflights always succeed, so a page meets a fault on its real request, as with a real outage behind a proxy.
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();

    const pathname = new URL(record.path, 'http://front').pathname;
    if (pathname === CLIENT_INFO_PATH) {
      // xapi-statements' "fetch" auth: 200 with the client for good credentials, 404 (no such client) otherwise.
      return req.headers.authorization === this.acceptedAuth ? sendJson(res, 200, CLIENT_INFO) : sendJson(res, 404, { message: 'No such client' });
    }
    const fault = this.takeFault(pathname, record);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'unavailable') return sendJson(res, 503, { message: 'Injected fault: LRS unavailable' });
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'drop-reply') swallowReply(res, record);
    if (req.socket.destroyed) return; // the client gave up during a delay, or we went down

    const route = this.findRoute(record.method, pathname);
    if (route) return route.handler(req, res, body);
    const resource = DOCUMENT_PATHS[pathname];
    // The documents are the front's own: it checks the credentials itself, as the statement service does.
    if (resource && this.acceptedAuth && req.headers.authorization !== this.acceptedAuth) return sendJson(res, 401, { message: 'Unauthorised' });
    if (resource) return this.serveDocument(resource, req, res, body);
    if (pathname.startsWith('/xAPI/')) return proxy(req, res, body, this.lrsPort);
    sendJson(res, 404, { message: `Nothing at ${pathname}` });
  }

  /** The current fault if it applies to `pathname`, counting it down. */
  private takeFault(pathname: string, record: RecordedRequest): Fault | null {
    const fault = this.fault;
    if (!fault || !pathname.startsWith(fault.path ?? '/xAPI/statements')) return null;
    if (fault.match && !record.path.includes(fault.match) && !record.body.includes(fault.match)) return null;
    if (fault.after && fault.after-- > 0) return null;
    if (fault.count !== undefined && --fault.count <= 0) this.fault = null;
    return fault;
  }

  private findRoute(method: string, pathname: string): Route | undefined {
    return this.routes
      .filter((route) => (route.method === '*' || route.method === method) && pathname.startsWith(route.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  }

  private serveDocument(resource: DocumentResource, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const versionProblem = checkVersion(req.headers['x-experience-api-version']);
    if (versionProblem) return sendJson(res, 400, { message: versionProblem });
    const head = req.method === 'HEAD';
    const result = this.store.handle(resource, {
      method: head ? 'GET' : (req.method ?? 'GET'),
      params: new URL(req.url ?? '/', 'http://front').searchParams,
      contentType: req.headers['content-type'],
      ifMatch: req.headers['if-match'],
      ifNoneMatch: req.headers['if-none-match'],
      body,
    });
    res.writeHead(result.status, { ...result.headers, 'X-Experience-API-Version': XAPI_VERSION });
    res.end(head ? undefined : result.body);
  }
}

/** C §3.3: the LRS rejects requests without a 1.0.x version header, as xapi-statements does for statements. */
function checkVersion(header: string | string[] | undefined): string | null {
  const version = Array.isArray(header) ? header.join(', ') : header;
  if (version === undefined) return 'X-Experience-API-Version header is required';
  return /^1\.0(\.\d+)?$/.test(version) ? null : `X-Experience-API-Version ${version} is not supported (1.0.x)`;
}

function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Vary', 'Origin');
  if (req.headers.origin) res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
  if (req.method !== 'OPTIONS') return;
  res.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,POST,DELETE,OPTIONS');
  const requested = (req.headers['access-control-request-headers'] ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  res.setHeader('Access-Control-Allow-Headers', [...new Set([...ALLOWED_HEADERS, ...requested])].join(', '));
  // Chromium's Private Network Access asks this of preflights from less private origins.
  if (req.headers['access-control-request-private-network']) res.setHeader('Access-Control-Allow-Private-Network', 'true');
}

/** Forward to xapi-statements and stream its reply back, with our CORS headers instead of its own. */
function proxy(req: IncomingMessage, res: ServerResponse, body: Buffer, lrsPort: number): Promise<void> {
  const headers: OutgoingHttpHeaders = { ...withoutHopByHop(req.headers), host: `127.0.0.1:${lrsPort}`, 'content-length': body.length };
  return new Promise((resolve) => {
    // agent: false — a fresh connection each time, so no race with xapi-statements closing an idle keep-alive one.
    const upstream = httpRequest({ host: '127.0.0.1', port: lrsPort, method: req.method, path: req.url, headers, agent: false }, (reply) => {
      const replyHeaders = Object.fromEntries(
        Object.entries(withoutHopByHop(reply.headers)).filter(([name]) => !name.startsWith('access-control-')),
      );
      res.writeHead(reply.statusCode ?? 502, replyHeaders as OutgoingHttpHeaders);
      reply.pipe(res);
      reply.on('end', resolve).on('error', resolve);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) sendJson(res, 502, { message: `xapi-statements did not answer: ${error.message}` });
      else res.destroy();
      resolve();
    });
    upstream.end(body);
  });
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Note the status in the request's record when the response head is written (explicitly or implicitly). */
function recordStatus(res: ServerResponse, record: RecordedRequest): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    record.status = args[0];
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/** drop-reply: let whoever answers run to the end (so the LRS stores), but send nothing and cut the socket. */
function swallowReply(res: ServerResponse, record: RecordedRequest): void {
  res.writeHead = ((status: number) => {
    record.status = status;
    return res;
  }) as ServerResponse['writeHead'];
  res.write = (() => true) as ServerResponse['write'];
  res.end = (() => {
    record.status ||= res.statusCode;
    res.socket?.destroy();
    return res;
  }) as ServerResponse['end'];
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION });
  res.end(JSON.stringify(value));
}

function fail(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) return void res.destroy();
  sendJson(res, 500, { message: `LRS front failed: ${error instanceof Error ? error.message : String(error)}` });
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function basic({ username, password }: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

function spawnXapiStatements(port: number, dir: string, clientInfo: string | undefined): ChildProcess {
  const main = createRequire(import.meta.url).resolve('xapi-statements');
  return spawn(process.execPath, ['-e', CHILD_PRELUDE, main], {
    cwd: dir, // it reads a .env from its working directory
    // Only what it needs: it reads many variables (LANG, MONGO_URL, …) that must not leak in.
    env: {
      PATH: process.env.PATH,
      EXPRESS_PORT: String(port),
      ...(clientInfo ? { AUTH_REPO: 'fetch', LL_CLIENT_INFO_ENDPOINT: clientInfo } : { AUTH_REPO: 'test' }),
      EVENTS_REPO: 'test',
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: join(dir, 'storage'),
      EXPRESS_MORGAN_DIRECTORY: join(dir, 'logs'),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Resolve when xapi-statements logs that it listens; reject with its output if it exits or takes too
 * long. Its output keeps being read (and only the tail kept), so its pipes never fill up.
 */
function waitUntilListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const failure = (why: string): Error => new Error(`xapi-statements ${why}\n--- its stderr:\n${stderr}\n--- its stdout:\n${stdout}`);
    const onExit = (code: number | null, signal: string | null): void => done(failure(`exited (${signal ?? code}) before listening`));
    const timer = setTimeout(() => done(failure(`did not listen within ${timeoutMs} ms`)), timeoutMs);
    child.on('exit', onExit);
    child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-20_000)));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-20_000);
      if (stdout.includes('Listening on port')) done();
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
