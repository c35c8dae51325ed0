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

export class LrsClient {
  constructor(
    readonly endpoint: string,
    private readonly auth: string,
  ) {}

  postStatements(statements: Statement[], keepalive = false): Promise<LrsReply> {
    return this.call('POST', 'statements', { body: JSON.stringify(statements), keepalive });
  }

  getState(key: DocumentKey): Promise<LrsReply> {
    return this.call('GET', `activities/state?${stateQuery(key)}`);
  }

  putState(key: DocumentKey, document: unknown, keepalive = false): Promise<LrsReply> {
    return this.call('PUT', `activities/state?${stateQuery(key)}`, { body: JSON.stringify(document), keepalive });
  }

  getAgentProfile(agent: Agent, profileId: string): Promise<LrsReply> {
    return this.call('GET', `agents/profile?${new URLSearchParams({ agent: JSON.stringify(agent), profileId })}`);
  }

  private async call(method: string, path: string, options: { body?: string; keepalive?: boolean } = {}): Promise<LrsReply> {
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
        signal: AbortSignal.timeout(TIMEOUT_MS),
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
