/**
 * The few LRS calls a package makes, with fetch: statements, state documents and the cmi5
 * learner preferences. (@xapi/xapi would bring axios and ~14 KB gzip for this; see ADR 0002.)
 * Every call resolves — a network failure is `status: 0` — so callers decide about retries.
 */
import type { Agent, Statement } from '../../../xapi/types.js';

export interface LrsReply {
  /** HTTP status, or 0 when the LRS could not be reached. */
  status: number;
  body: string;
}

export interface DocumentKey {
  activityId: string;
  agent: Agent;
  registration?: string;
  stateId: string;
}

const TIMEOUT_MS = 15000;
/** Reads the learner waits for before the first scene: give up sooner and go on without. */
export const START_TIMEOUT_MS = 6000;

export class LrsClient {
  constructor(
    readonly endpoint: string,
    private readonly auth: string,
  ) {}

  postStatements(statements: Statement[]): Promise<LrsReply> {
    return this.call('POST', 'statements', { body: JSON.stringify(statements) });
  }

  /**
   * For a page that is going away: a beacon in xAPI 1.0.3's alternate request syntax (a form
   * POST, Communication §1.3), which needs no CORS preflight, so the browser can still send it
   * after the page is gone — plus the same statements as a keepalive request, for an LRS that
   * lacks the alternate syntax. Both carry the same ids, so the LRS keeps one.
   */
  sendOnExit(statements: Statement[]): void {
    const content = JSON.stringify(statements);
    const form = new URLSearchParams({ 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json', content });
    if (this.auth) form.set('Authorization', this.auth);
    try {
      navigator.sendBeacon(`${this.endpoint}statements?method=POST`, form);
    } catch {
      // No beacons here: the keepalive request below still goes.
    }
    void this.call('POST', 'statements', { body: content, keepalive: true });
  }

  getState(key: DocumentKey, timeoutMs?: number): Promise<LrsReply> {
    return this.call('GET', `activities/state?${stateQuery(key)}`, { timeoutMs });
  }

  putState(key: DocumentKey, document: unknown, keepalive = false): Promise<LrsReply> {
    return this.call('PUT', `activities/state?${stateQuery(key)}`, { body: JSON.stringify(document), keepalive });
  }

  getAgentProfile(agent: Agent, profileId: string, timeoutMs?: number): Promise<LrsReply> {
    return this.call('GET', `agents/profile?${new URLSearchParams({ agent: JSON.stringify(agent), profileId })}`, { timeoutMs });
  }

  private async call(method: string, path: string, options: { body?: string; keepalive?: boolean; timeoutMs?: number } = {}): Promise<LrsReply> {
    const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
    if (this.auth) headers.Authorization = this.auth;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const response = await fetch(this.endpoint + path, {
        method,
        headers,
        body: options.body,
        // keepalive lets the last statements leave with the page (at most 64 KB in all).
        keepalive: options.keepalive ?? false,
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
      });
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 0, body: '' };
    }
  }
}

function stateQuery({ activityId, agent, registration, stateId }: DocumentKey): URLSearchParams {
  const query = new URLSearchParams({ activityId, agent: JSON.stringify(agent), stateId });
  if (registration) query.set('registration', registration);
  return query;
}
