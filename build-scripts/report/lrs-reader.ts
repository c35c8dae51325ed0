/**
 * Reads statements from any conformant LRS (xAPI 1.0.3 Statement API), one page at a time, so the
 * report never holds more than a page.
 *
 * Pages are taken in `stored` order with `since`, and `more` links are followed only inside one
 * stored time. Why not simply follow `more` from the start: an LRS's cursor is its own, and the
 * one of Learning Locker's statement service orders by stored time but cuts by its internal id, so
 * statements stored by two requests at nearly the same moment can fall between two pages and never
 * be returned. `since` compares stored times, which every LRS keeps; the last stored time of a page
 * is read again on the next page, and a stored time shared by more statements than fit a page is
 * read through `more` (within one stored time, id order is the only order, so the cursor is sound).
 */

/** A message for the person running the report; never contains credentials. */
export class ReportError extends Error {}

/** The command was written wrong (exit 2): a date, an address or a module id it cannot use. */
export class ReportUsageError extends ReportError {}

export interface LrsConnection {
  /** The xAPI base, e.g. https://lrs.kommune.dk/xAPI/ (a trailing slash is added when missing). */
  endpoint: string;
  /** The Authorization header value. */
  auth: string;
  /** Statements per request (default 500). */
  pageSize?: number;
  /** Retries of a request that failed for a passing reason: a network error, 429, 5xx (default 3). */
  retries?: number;
  /** The first retry's wait; it doubles each time (default 1 s). */
  retryDelayMs?: number;
  /** How long one request may take (default 60 s). */
  timeoutMs?: number;
}

export interface StatementQuery {
  verb?: string;
  activity?: string;
  /** Also match the activity in context (parent, grouping, …): cmi5 statements name our module there. */
  relatedActivities?: boolean;
  registration?: string;
  /** Stored after this time (exclusive), ISO 8601. */
  since?: string;
  /** Stored at or before this time: one fixed time for every query of a report, so they agree. */
  until: string;
}

/** A statement as an LRS returns it: ours or anyone's, so nothing in it is trusted yet. */
export interface StoredStatement {
  id: string;
  stored: string;
  [key: string]: unknown;
}

export interface ReadStats {
  requests: number;
  statements: number;
  retries: number;
}

const XAPI_VERSION = '1.0.3';

export class LrsReader {
  readonly stats: ReadStats = { requests: 0, statements: 0, retries: 0 };
  private readonly base: string;
  private readonly pageSize: number;

  constructor(private readonly connection: LrsConnection) {
    this.base = withSlash(connection.endpoint);
    let url: URL;
    try {
      url = new URL(this.base);
    } catch {
      throw new ReportUsageError(`--endpoint "${redact(connection.endpoint)}" is not a web address; give the LRS's xAPI base, e.g. https://lrs.kommune.dk/xAPI/`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ReportUsageError(`--endpoint must be an http(s) address, e.g. https://lrs.kommune.dk/xAPI/`);
    // Credentials in the address would be echoed by any message that shows it.
    if (url.username || url.password) throw new ReportUsageError('--endpoint must not contain a user name or password; give them with --username and --password (or AK_LRS_USERNAME and AK_LRS_PASSWORD)');
    this.pageSize = connection.pageSize ?? 500;
  }

  /** Every statement matching the query, oldest stored first. */
  async *statements(query: StatementQuery): AsyncGenerator<StoredStatement> {
    let since = query.since;
    for (;;) {
      const page = await this.get(this.url({ ...query, since }));
      const list = page.statements;
      if (list.length === 0) return;
      this.checkOrder(list, since);
      if (!page.more) {
        yield* this.counted(list);
        return;
      }
      const last = list[list.length - 1].stored;
      const before = list.filter((s) => s.stored !== last);
      if (before.length > 0) {
        // The last stored time may go on in the next page: it is read again from there.
        yield* this.counted(before);
        since = before[before.length - 1].stored;
        continue;
      }
      // One stored time fills the page (a batch posted in one request): read all of it through `more`.
      yield* this.oneStoredTime(query, last);
      since = last;
    }
  }

  /**
   * Every page must move on: stored times ascending and after `since`. An LRS that reads `since`
   * as inclusive, ignores it, or compares finer times than it returns would otherwise send the same
   * page for ever.
   */
  private checkOrder(list: StoredStatement[], since: string | undefined): void {
    const times = list.map((s) => Date.parse(s.stored));
    const after = since === undefined ? -Infinity : Date.parse(since);
    if (times.some((t, i) => t < (i ? times[i - 1] : -Infinity)) || times[0] < after || (since !== undefined && list[0].stored === since)) {
      throw new ReportError(`${this.where} does not page as the Statement API says (stored times ascending, and after "since"), so the report cannot tell that it read every statement. No report was written.`);
    }
  }

  private async *oneStoredTime(query: StatementQuery, stored: string): AsyncGenerator<StoredStatement> {
    const justBefore = new Date(Date.parse(stored) - 1).toISOString();
    let url: string | undefined = this.url({ ...query, since: justBefore, until: stored });
    const seen = new Set<string>();
    let found = 0;
    while (url) {
      if (seen.has(url)) throw new ReportError(`${this.where} sent the same "more" link twice. No report was written.`);
      seen.add(url);
      const page = await this.get(url);
      // An LRS that keeps finer times than milliseconds may return a neighbour: it belongs to another read.
      const mine = page.statements.filter((s) => s.stored === stored);
      found += mine.length;
      yield* this.counted(mine);
      url = page.more ? new URL(page.more, this.base).href : undefined;
    }
    if (found === 0) throw new ReportError(`${this.where} gave no statement stored at ${stored} when asked for that time alone, though it had just listed some. No report was written.`);
  }

  private get where(): string {
    return `the LRS at ${redact(this.base)}`;
  }

  private *counted(list: StoredStatement[]): Generator<StoredStatement> {
    this.stats.statements += list.length;
    yield* list;
  }

  private url(query: StatementQuery): string {
    const params = new URLSearchParams();
    if (query.verb) params.set('verb', query.verb);
    if (query.activity) params.set('activity', query.activity);
    if (query.relatedActivities) params.set('related_activities', 'true');
    if (query.registration) params.set('registration', query.registration);
    if (query.since) params.set('since', query.since);
    params.set('until', query.until);
    params.set('ascending', 'true');
    params.set('limit', String(this.pageSize));
    return `${this.base}statements?${params}`;
  }

  /** One page, retried on passing failures; anything else is a ReportError that says what to do. */
  private async get(url: string): Promise<{ statements: StoredStatement[]; more: string }> {
    const retries = this.connection.retries ?? 3;
    let delay = this.connection.retryDelayMs ?? 1000;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.request(url);
      if (outcome.ok) return outcome.page;
      if (!outcome.passing || attempt >= retries) {
        throw new ReportError(`${outcome.message}${outcome.passing ? ` (tried ${retries + 1} times)` : ''}. No report was written.`);
      }
      this.stats.retries++;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }

  private async request(url: string): Promise<
    { ok: true; page: { statements: StoredStatement[]; more: string } } | { ok: false; passing: boolean; message: string }
  > {
    this.stats.requests++;
    const where = this.where;
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        headers: { Authorization: this.connection.auth, 'X-Experience-API-Version': XAPI_VERSION, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.connection.timeoutMs ?? 60_000),
      });
      body = await response.text();
    } catch (error) {
      const { text, passing } = reason(error);
      return { ok: false, passing, message: `Could not reach ${where}: ${text}` };
    }
    if (response.status === 401 || response.status === 403) {
      return {
        ok: false,
        passing: false,
        message: `${where} refused the credentials (${response.status} ${response.statusText}); check --username and --password (or AK_LRS_USERNAME and AK_LRS_PASSWORD), and that the key may read statements`,
      };
    }
    if (response.status === 429 || response.status >= 500) {
      return { ok: false, passing: true, message: `${where} failed with ${response.status} ${response.statusText} while reading statements${lrsMessage(body)}` };
    }
    if (response.status !== 200) {
      return { ok: false, passing: false, message: `${where} answered ${response.status} ${response.statusText} to a statement query${lrsMessage(body)}; is --endpoint the xAPI base (the address that ends just before /statements)` };
    }
    const page = parsePage(body);
    if (typeof page === 'string') return { ok: false, passing: false, message: `${where} sent an answer that is not a statement result: ${page}` };
    return { ok: true, page };
  }
}

/** A StatementResult (xAPI-Communication §2.1.3): statements with id and stored, and a more link. */
function parsePage(body: string): { statements: StoredStatement[]; more: string } | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `not JSON (it begins "${body.slice(0, 60).replace(/\s+/g, ' ')}")`;
  }
  const result = value as { statements?: unknown; more?: unknown };
  if (!result || typeof result !== 'object' || !Array.isArray(result.statements)) return 'it has no "statements" list';
  if (result.more !== undefined && typeof result.more !== 'string') return '"more" is not a string';
  for (const [index, s] of result.statements.entries()) {
    const statement = s as { id?: unknown; stored?: unknown };
    if (!statement || typeof statement !== 'object' || typeof statement.id !== 'string' || typeof statement.stored !== 'string' || Number.isNaN(Date.parse(statement.stored))) {
      return `statement ${index + 1} of the page has no id or no stored time`;
    }
  }
  return { statements: result.statements as StoredStatement[], more: (result.more as string | undefined) ?? '' };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** A URL without any user:password in it, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/\/\/[^/@]*@/, '//');
  }
}

/** What went wrong on the way, in words, and whether trying again could help. */
function reason(error: unknown): { text: string; passing: boolean } {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error instanceof Error && error.name === 'TimeoutError') return { text: 'no answer in time', passing: true };
  const code = cause?.code ?? '';
  const known: Record<string, { text: string; passing: boolean }> = {
    ECONNREFUSED: { text: 'nothing answers at that address and port (connection refused)', passing: true },
    ECONNRESET: { text: 'the connection was cut', passing: true },
    ENOTFOUND: { text: 'there is no such host name (check the address)', passing: false },
    EAI_AGAIN: { text: 'the host name could not be looked up right now', passing: true },
    CERT_HAS_EXPIRED: { text: "the LRS's certificate has expired", passing: false },
    DEPTH_ZERO_SELF_SIGNED_CERT: { text: "the LRS's certificate is self-signed, and not trusted", passing: false },
  };
  if (known[code]) return known[code];
  const text = (cause?.message ?? (error instanceof Error ? error.message : String(error))).replace(/\/\/[^/@\s]*@/g, '//');
  // fetch throws a TypeError with no cause when the request itself cannot be made: trying again will not help.
  return { text, passing: cause !== undefined };
}

function lrsMessage(body: string): string {
  try {
    const message = (JSON.parse(body) as { message?: unknown }).message;
    return typeof message === 'string' && message ? `: "${message.slice(0, 200)}"` : '';
  } catch {
    return '';
  }
}
