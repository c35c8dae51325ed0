/**
 * cmi5 launch (`<id>-cmi5.zip` with cmi5.xml), following the cmi5 spec (standards.md A7):
 * the one-time fetch URL gives the auth token (kept in sessionStorage so a reload does not ask
 * twice, Best Practice #17); LMS.LaunchData gives the context template, launch mode, mastery
 * score and return URL; the learner preferences give the language.
 */
import { cmi5 } from '../../../xapi/vocabulary.js';
import type { Context } from '../../../xapi/types.js';
import type { LaunchInfo } from '../tracker.js';
import { shortHash } from '../identifiers.js';
import { cmi5Launch, type Cmi5Launch } from './launch.js';
import { allowOnly } from './network-policy.js';
import { LrsClient, START_TIMEOUT_MS } from './lrs-client.js';
import { languageOf } from './tincan-tracker.js';
import { XapiTracker, type OpenedSession } from './xapi-tracker.js';

declare const __AK_VERSION__: string;

interface LaunchData {
  contextTemplate: Context;
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn?: string;
  masteryScore?: number;
  returnURL?: string;
  launchParameters?: string;
}

/** What survives a reload of the same session. */
interface SessionState {
  authToken: string;
  startedAt: number;
  terminated: boolean;
  /** passed or failed was sent in this session. */
  judged?: boolean;
}

export class Cmi5Tracker extends XapiTracker {
  readonly format = 'cmi5' as const;
  protected readonly oneResultPerSession = true;
  private returnUrl: string | undefined;
  private sessionKey = '';

  protected async open(): Promise<OpenedSession | null> {
    const launch = cmi5Launch(window.location.search);
    // Without a launch there is no LRS to talk to: no network at all.
    if (!launch) {
      allowOnly([]);
      return null;
    }
    allowOnly([launch.endpoint, launch.fetch]);
    this.sessionKey = `ak:cmi5:${shortHash(`${launch.registration}|${launch.activityId}|${launch.fetch}`)}`;
    const saved = this.savedSession();
    if (saved?.terminated) {
      console.warn('[awareness-kit] This cmi5 session has ended; start the module again from the LMS.');
      return null;
    }
    const authToken = saved?.authToken ?? (await fetchToken(launch));
    if (!authToken) return null;
    this.sessionStart = saved?.startedAt ?? Date.now();
    this.judgedThisSession = saved?.judged ?? false;
    this.keepSession({ authToken, startedAt: this.sessionStart, terminated: false, judged: this.judgedThisSession });

    const client = new LrsClient(launch.endpoint, `Basic ${authToken}`);
    const key = { activityId: launch.activityId, agent: launch.actor, registration: launch.registration };
    // The three reads do not depend on each other: one round trip instead of three.
    const progress = this.readProgress(client, launch.actor, launch.activityId, launch.registration);
    const [reply, preferences] = await Promise.all([
      client.getState({ ...key, stateId: cmi5.launchData }, START_TIMEOUT_MS),
      client.getAgentProfile(launch.actor, cmi5.learnerPreferences, START_TIMEOUT_MS),
    ]);
    const data = reply.status === 200 ? parseLaunchData(reply.body) : null;
    if (!data) {
      console.error(`[awareness-kit] cmi5: no usable LMS.LaunchData (${reply.status || 'LRS unreachable'}).`, reply.body);
      return null;
    }
    this.returnUrl = data.returnURL;
    return {
      client,
      session: {
        actor: launch.actor,
        registration: launch.registration,
        module: { objectType: 'Activity', id: launch.activityId },
        moduleIri: this.moduleIri,
        grouping: this.grouping(),
        moduleVersion: this.module.version,
        platform: `Awareness-kit ${__AK_VERSION__} (cmi5)`,
        orgUnit: unitOf(data.launchParameters),
        template: data.contextTemplate,
        cmi5: { masteryScore: data.masteryScore },
      },
      stateRegistration: launch.registration,
      mode: modeOf(data.launchMode),
      passingScore: data.masteryScore,
      language: preferences.status === 200 ? languageOf(preferenceOf(preferences.body)) : undefined,
      continuing: saved !== null,
      progress,
    };
  }

  protected override onJudged(): void {
    const saved = this.savedSession();
    if (saved) this.keepSession({ ...saved, judged: true });
  }

  protected override afterFinish(leaving: boolean): void {
    const saved = this.savedSession();
    if (saved) this.keepSession({ ...saved, terminated: true });
    // §10: return to the LMS after terminating — once the statements are delivered (or a few seconds passed).
    if (!leaving && this.returnUrl) {
      const url = this.returnUrl;
      void this.settle(3000).then(() => window.location.assign(url));
    }
  }

  private savedSession(): SessionState | null {
    try {
      const text = window.sessionStorage.getItem(this.sessionKey);
      return text ? (JSON.parse(text) as SessionState) : null;
    } catch {
      return null;
    }
  }

  private keepSession(state: SessionState): void {
    try {
      window.sessionStorage.setItem(this.sessionKey, JSON.stringify(state));
    } catch {
      // A reload will then ask the fetch URL again, which refuses: the learner relaunches from the LMS.
    }
  }
}

/** §8.2: POST (never GET) to the fetch URL, once. */
async function fetchToken(launch: Cmi5Launch): Promise<string | null> {
  try {
    const response = await fetch(launch.fetch, { method: 'POST', cache: 'no-store', credentials: 'omit', signal: AbortSignal.timeout(START_TIMEOUT_MS) });
    const body = (await response.json()) as Record<string, unknown>;
    if (response.ok && typeof body['auth-token'] === 'string') return body['auth-token'];
    console.error('[awareness-kit] cmi5 fetch URL refused a token', body);
  } catch (error) {
    console.error('[awareness-kit] cmi5 fetch URL failed', error);
  }
  return null;
}

function parseLaunchData(text: string): LaunchData | null {
  try {
    const data = JSON.parse(text) as LaunchData;
    return data && typeof data.contextTemplate === 'object' && typeof data.launchMode === 'string' ? data : null;
  } catch {
    return null;
  }
}

function modeOf(launchMode: LaunchData['launchMode']): LaunchInfo['mode'] {
  return launchMode === 'Browse' ? 'browse' : launchMode === 'Review' ? 'review' : 'normal';
}

function preferenceOf(text: string): string | undefined {
  try {
    const value = (JSON.parse(text) as { languagePreference?: unknown }).languagePreference;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The LMS may pass `{"unit": "…"}` as the AU's launchParameters, for reports per organisational unit. */
function unitOf(launchParameters: string | undefined): string | undefined {
  try {
    const unit = (JSON.parse(launchParameters ?? '') as { unit?: unknown }).unit;
    return typeof unit === 'string' && unit ? unit : undefined;
  } catch {
    return undefined;
  }
}
