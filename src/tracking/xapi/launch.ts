/**
 * Reads the launch parameters an LMS puts on the package's URL: TinCan's (RusticiSoftware
 * launch, standards.md A6) and cmi5's (§8.1). Pure: give it `location.search`.
 */
import type { Agent } from '../../../xapi/types.js';

export interface TinCanLaunch {
  endpoint: string;
  /** The value for the Authorization header. */
  auth: string;
  actor: Agent;
  registration?: string;
  activityId?: string;
  /** Our extra parameter: the learner's organisational unit, for reports per unit. */
  unit?: string;
  language?: string;
}

export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: Agent;
  registration: string;
  activityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: string) => UUID.test(value);

/** null when the page was not launched with TinCan parameters (or they are unusable). */
export function tinCanLaunch(search: string): TinCanLaunch | null {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const actor = parseActor(q.get('actor'));
  if (!endpoint || !isHttpUrl(endpoint) || !actor) return null;
  const registration = q.get('registration') ?? undefined;
  return {
    endpoint: withSlash(endpoint),
    auth: authHeader(q.get('auth') ?? ''),
    actor,
    registration: registration && isUuid(registration) ? registration : undefined,
    activityId: q.get('activity_id') || undefined,
    unit: q.get('unit') || undefined,
    language: q.get('Accept-Language') || undefined,
  };
}

/** null when any of the five cmi5 parameters is missing or malformed. */
export function cmi5Launch(search: string): Cmi5Launch | null {
  const q = new URLSearchParams(search);
  const endpoint = q.get('endpoint');
  const fetchUrl = q.get('fetch');
  const actor = parseActor(q.get('actor'));
  const registration = q.get('registration');
  const activityId = q.get('activityId');
  if (!endpoint || !isHttpUrl(endpoint) || !fetchUrl || !isHttpUrl(fetchUrl) || !registration || !isUuid(registration) || !activityId) return null;
  // cmi5 §9.2: the actor is an Agent identified by an account.
  if (!actor?.account) return null;
  return { endpoint: withSlash(endpoint), fetch: fetchUrl, actor, registration, activityId };
}

/**
 * The actor as an xAPI 1.0 Agent. Older LMSs send the pre-1.0 form with arrays
 * (`{"name":["…"],"mbox":["mailto:…"]}` or `account: [{accountServiceHomePage, accountName}]`).
 */
export function parseActor(text: string | null): Agent | null {
  if (!text) return null;
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const agent: Agent = { objectType: 'Agent' };
  const name = first(raw.name);
  if (typeof name === 'string' && name) agent.name = name;
  const account = first(raw.account) as Record<string, unknown> | undefined;
  const mbox = first(raw.mbox);
  if (account && typeof account === 'object') {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    if (typeof homePage === 'string' && typeof accountName === 'string') agent.account = { homePage, name: accountName };
  } else if (typeof mbox === 'string') {
    agent.mbox = mbox.startsWith('mailto:') ? mbox : `mailto:${mbox}`;
  } else if (typeof raw.mbox_sha1sum === 'string') {
    agent.mbox_sha1sum = raw.mbox_sha1sum;
  } else if (typeof raw.openid === 'string') {
    agent.openid = raw.openid;
  }
  return agent.account || agent.mbox || agent.mbox_sha1sum || agent.openid ? agent : null;
}

/**
 * Most LMSs send "Basic …"; the launch document's own example has no scheme. An LMS that did not
 * URL-encode the base64 token leaves its "+" to be read as a space: put it back.
 */
export function authHeader(auth: string): string {
  const value = auth.trim();
  if (value === '') return value;
  const [, scheme, token] = /^([A-Za-z]+ )?(.*)$/.exec(value)!;
  return `${scheme ?? 'Basic '}${token.replace(/ /g, '+')}`;
}

/** A stable, readable id for the learner (to keep local data apart per learner). */
export function agentKey(agent: Agent): string {
  if (agent.account) return `${agent.account.homePage}|${agent.account.name}`;
  return agent.mbox ?? agent.mbox_sha1sum ?? agent.openid ?? '';
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
