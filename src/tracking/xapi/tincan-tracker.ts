/**
 * TinCan launch (`<id>-xapi.zip` with tincan.xml): the LMS puts endpoint, auth, actor and
 * optionally registration and activity_id on the URL. Without a registration the attempt
 * makes its own and keeps it with its progress.
 */
import { moduleActivity } from '../../../xapi/activities.js';
import type { Lang } from '../../model/compiled.js';
import { tinCanLaunch } from './launch.js';
import { LrsClient } from './lrs-client.js';
import { allowOnly } from './network-policy.js';
import { XapiTracker, type OpenedSession } from './xapi-tracker.js';

declare const __AK_VERSION__: string;

export class TinCanTracker extends XapiTracker {
  readonly format = 'xapi' as const;
  protected readonly oneResultPerSession = false;

  protected async open(): Promise<OpenedSession | null> {
    const launch = tinCanLaunch(window.location.search);
    // Without a launch there is no LRS to talk to: no network at all.
    if (!launch) {
      allowOnly([]);
      return null;
    }
    allowOnly([launch.endpoint]);
    const given = new URLSearchParams(window.location.search).get('registration');
    if (given && !launch.registration) console.warn(`[awareness-kit] The launch's registration "${given}" is not a UUID; this attempt makes its own.`);
    const activityId = launch.activityId ?? this.moduleIri;
    return {
      client: new LrsClient(launch.endpoint, launch.auth),
      session: {
        actor: launch.actor,
        registration: launch.registration ?? '',
        module: moduleActivity(activityId, this.module.title, this.module.description),
        moduleIri: this.moduleIri,
        grouping: this.grouping(),
        moduleVersion: this.module.version,
        platform: `Awareness-kit ${__AK_VERSION__} (xAPI)`,
        orgUnit: launch.unit,
      },
      stateRegistration: launch.registration,
      mode: 'normal',
      language: languageOf(launch.language),
      continuing: false,
    };
  }
}

export function languageOf(preference: string | undefined): Lang | undefined {
  for (const tag of (preference ?? '').split(',')) {
    const lang = tag.trim().slice(0, 2).toLowerCase();
    if (lang === 'da' || lang === 'en') return lang;
  }
  return undefined;
}
