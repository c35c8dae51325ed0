/**
 * Plays the LMS side of a cmi5 launch (cmi5 §8, §10) against the test LRS: writes
 * LMS.LaunchData through the State API, records "launched", offers a fetch URL that gives its
 * auth token once, and makes the launch URL. Used by the end-to-end tests and the benchmark.
 */
import { randomUUID } from 'node:crypto';
import type { Lrs } from './lrs.js';
import { cmi5 } from '../../xapi/vocabulary.js';

export interface Cmi5LaunchOptions {
  masteryScore?: number;
  launchMode?: 'Normal' | 'Browse' | 'Review';
  returnURL?: string;
  /** Another launch in the same registration (a relaunch): pass registration, activityId and actor. */
  registration?: string;
  activityId?: string;
  actor?: object;
  languagePreference?: string;
  launchParameters?: string;
}

export interface Cmi5Launch {
  url: string;
  registration: string;
  /** The LMS's id for this AU in this course (never the AU's own id, §8.1). */
  activityId: string;
  sessionId: string;
  /** The AU's own id (cmi5.xml), which the LMS puts in the context template's grouping. */
  publisherId: string;
  actor: object;
  /** The token the fetch URL hands out. */
  token: string;
  /** The HTTP methods the fetch URL was called with. */
  fetchCalls: string[];
}

export async function prepareCmi5Launch(lrs: Lrs, auUrl: string, publisherId: string, options: Cmi5LaunchOptions = {}): Promise<Cmi5Launch> {
  const registration = options.registration ?? randomUUID();
  const activityId = options.activityId ?? `https://lms.example/courses/42/au/${randomUUID()}`;
  const actor = options.actor ?? { objectType: 'Agent', account: { homePage: 'https://lms.example', name: `learner-${randomUUID().slice(0, 8)}` } };
  const sessionId = randomUUID();
  const headers = { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const contextTemplate = {
    contextActivities: { grouping: [{ objectType: 'Activity', id: publisherId }] },
    extensions: { [cmi5.sessionId]: sessionId },
  };
  const launchData: Record<string, unknown> = {
    contextTemplate,
    launchMode: options.launchMode ?? 'Normal',
    moveOn: 'CompletedAndPassed',
    ...(options.masteryScore !== undefined ? { masteryScore: options.masteryScore } : {}),
    ...(options.returnURL ? { returnURL: options.returnURL } : {}),
    ...(options.launchParameters ? { launchParameters: options.launchParameters } : {}),
  };
  const state = new URLSearchParams({ activityId, agent: JSON.stringify(actor), registration, stateId: cmi5.launchData });
  const put = await fetch(`${lrs.endpoint}activities/state?${state}`, { method: 'PUT', headers, body: JSON.stringify(launchData) });
  if (put.status !== 204) throw new Error(`writing LMS.LaunchData: ${put.status}`);
  if (options.languagePreference) {
    const profile = new URLSearchParams({ agent: JSON.stringify(actor), profileId: cmi5.learnerPreferences });
    await fetch(`${lrs.endpoint}agents/profile?${profile}`, {
      method: 'PUT',
      headers: { ...headers, 'If-None-Match': '*' },
      body: JSON.stringify({ languagePreference: options.languagePreference }),
    });
  }
  // The LMS records "launched" before the AU runs (§9.3.1).
  await fetch(`${lrs.endpoint}statements`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      id: randomUUID(),
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { en: 'launched' } },
      object: { objectType: 'Activity', id: activityId },
      context: { ...contextTemplate, registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: cmi5.category }] } },
      timestamp: new Date().toISOString(),
    }),
  });
  const token = Buffer.from(`au-${sessionId.slice(0, 8)}:secret`).toString('base64');
  const fetchPath = `/fetch/${sessionId}`;
  const fetchCalls: string[] = [];
  lrs.route('*', fetchPath, (req, res) => {
    fetchCalls.push(req.method ?? '');
    res.setHeader('Content-Type', 'application/json');
    if (req.method !== 'POST') return void res.writeHead(405).end(JSON.stringify({ 'error-code': '3', 'error-text': 'POST only' }));
    // §8.2: a token once; later calls get an error in a 200 answer.
    const first = fetchCalls.filter((m) => m === 'POST').length === 1;
    res.writeHead(200).end(JSON.stringify(first ? { 'auth-token': token } : { 'error-code': '1', 'error-text': 'already in use' }));
  });
  const params = new URLSearchParams({ endpoint: lrs.endpoint, fetch: `${lrs.url}${fetchPath}`, actor: JSON.stringify(actor), registration, activityId });
  return { url: `${auUrl}?${params}`, registration, activityId, sessionId, publisherId, actor, token, fetchCalls };
}
