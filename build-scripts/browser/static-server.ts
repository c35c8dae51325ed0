/** A tiny static file server on 127.0.0.1 and a free port, for pages the browser tests open. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
  '.css': 'text/css',
};

export interface StaticServer {
  url: string;
  /** Serve `dir` under `prefix` (e.g. "/pkg/"), also after the server started. */
  mount(prefix: string, dir: string): void;
  close(): Promise<void>;
}

export async function startStaticServer(mounts: Record<string, string> = {}): Promise<StaticServer> {
  const table = new Map(Object.entries(mounts));
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = [...table.keys()].sort((a, b) => b.length - a.length).find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end();
    const file = normalize(join(table.get(prefix)!, path.slice(prefix.length)));
    if (!file.startsWith(normalize(table.get(prefix)!)) || !existsSync(file) || !statSync(file).isFile()) {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    mount: (prefix, dir) => table.set(prefix, dir),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
