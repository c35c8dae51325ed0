/**
 * Where the preview's xAPI adapter sends its statements: just enough of the Statements and
 * State APIs for the adapter to run (store, answer, keep progress documents), so the preview
 * can show what the xAPI package would send. Not an LRS: it checks nothing. Interoperability
 * is tested against the real LRS (tests/e2e), never against this.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

interface Stored {
  id?: string;
  context?: { registration?: string };
}

export class StatementSink {
  onStatement?: (statement: unknown, registration: string | undefined) => void;
  private readonly ids = new Set<string>();
  /** The statements of each registration, so a page that connects late still lists them all. */
  private readonly byRegistration = new Map<string, unknown[]>();

  statementsOf(registration: string): readonly unknown[] {
    return this.byRegistration.get(registration) ?? [];
  }
  private readonly documents = new Map<string, string>();

  handle(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): void {
    let body = '';
    let tooLarge = false;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      // Far more than a module's statements; anything bigger is not from the module.
      if (body.length > MAX_BODY) tooLarge = true;
    });
    req.on('end', () => {
      const reply = (status: number, text = '', type = 'application/json') =>
        res.writeHead(status, { 'content-type': type, 'x-experience-api-version': '1.0.3', 'cache-control': 'no-store' }).end(text);
      try {
        if (tooLarge) return reply(413, JSON.stringify({ error: 'too large' }));
        this.answer(req, path, query, body, reply);
      } catch (error) {
        reply(400, JSON.stringify({ error: String(error) }));
      }
    });
  }

  private answer(req: IncomingMessage, path: string, query: URLSearchParams, body: string, reply: (status: number, text?: string) => void): void {
    if (path === 'about') return reply(200, JSON.stringify({ version: ['1.0.3'] }));
    if (path === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      // The alternate request syntax (a form POST from a page that is closing) carries the statements in `content`.
      const content = query.get('method') === 'POST' ? (new URLSearchParams(body).get('content') ?? body) : body;
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        return reply(400, JSON.stringify({ error: 'statements are not JSON' }));
      }
      // Only statements (objects) are kept; anything else is refused, never trusted.
      const list = (Array.isArray(parsed) ? parsed : [parsed]).filter((s): s is Stored => !!s && typeof s === 'object' && !Array.isArray(s));
      if (list.length === 0) return reply(400, JSON.stringify({ error: 'no statements' }));
      if (req.method === 'PUT' && list[0] && !list[0].id) list[0].id = query.get('statementId') ?? undefined;
      for (const statement of list) {
        // Retries carry the same id: show each statement once.
        if (statement.id && this.ids.has(statement.id)) continue;
        if (statement.id) this.ids.add(statement.id);
        const registration = statement.context?.registration;
        if (registration) {
          const list = this.byRegistration.get(registration) ?? [];
          list.push(statement);
          this.byRegistration.set(registration, list);
        }
        this.onStatement?.(statement, registration);
      }
      return req.method === 'PUT' ? reply(204) : reply(200, JSON.stringify(list.map((s) => s.id)));
    }
    if (path === 'activities/state' || path === 'agents/profile') {
      const key = [path, query.get('activityId'), query.get('agent'), query.get('registration'), query.get('stateId') ?? query.get('profileId')].join('|');
      if (req.method === 'GET') {
        const doc = this.documents.get(key);
        return doc === undefined ? reply(404) : reply(200, doc);
      }
      if (req.method === 'PUT' || req.method === 'POST') {
        this.documents.set(key, body);
        return reply(204);
      }
      if (req.method === 'DELETE') {
        this.documents.delete(key);
        return reply(204);
      }
    }
    reply(404, JSON.stringify({ error: `the preview does not answer ${req.method} ${path}` }));
  }
}
