/** SCORM 1.2: cmi.core.* through API, within 1.2's tight data types. */
import type { InteractionReport, LaunchInfo, ProgressReport } from '../tracker.js';
import { cmiTime, cmiTimespan } from '../time-format.js';
import { cmiIdentifier } from '../identifiers.js';
import { SCORM12_NAMES, type LmsConnection } from './lms-connection.js';
import { ScormTracker, languageOf, lmsNumber, modeOf } from './scorm-tracker.js';

/** CMIString4096: the spec's limit, which scorm-again does not enforce. */
export const SUSPEND_DATA_LIMIT = 4096;

export class Scorm12Tracker extends ScormTracker {
  readonly format = 'scorm12' as const;
  protected readonly apiName = 'API' as const;
  protected readonly names = SCORM12_NAMES;

  protected open(lms: LmsConnection): LaunchInfo {
    const raw = lmsNumber(lms.get('cmi.core.score.raw'));
    const status = lms.get('cmi.core.lesson_status');
    this.prior = {
      final: ['passed', 'failed', 'completed'].includes(status),
      passed: status === 'passed',
      scaled: raw === null ? null : raw / 100,
    };
    const mastery = lmsNumber(lms.get('cmi.student_data.mastery_score'));
    const launch: LaunchInfo = {
      connected: true,
      resumeState: lms.get('cmi.suspend_data') || null,
      mode: modeOf(lms.get('cmi.core.lesson_mode')),
      passingScore: mastery === null ? undefined : mastery / 100,
      language: languageOf(lms.get('cmi.student_preference.language')),
      learnerId: lms.get('cmi.core.student_id') || undefined,
    };
    if (launch.mode === 'normal') lms.set('cmi.core.exit', 'suspend');
    // Browsing is recorded as such, but never over a status the learner earned.
    if (launch.mode === 'browse' && ['', 'not attempted', 'browsed'].includes(status)) lms.set('cmi.core.lesson_status', 'browsed');
    return launch;
  }

  protected writeProgress(lms: LmsConnection, progress: ProgressReport): void {
    lms.set('cmi.core.lesson_location', progress.location.slice(0, 255));
    if (progress.suspendData.length <= SUSPEND_DATA_LIMIT) {
      lms.set('cmi.suspend_data', progress.suspendData);
    } else {
      // Never truncate: a cut state would resume wrongly. Keep the last good one instead.
      console.error(`[awareness-kit] resume state is ${progress.suspendData.length} chars; SCORM 1.2 allows ${SUSPEND_DATA_LIMIT}`);
    }
  }

  protected writeResult(lms: LmsConnection, { completed, results }: ProgressReport): void {
    if (!completed) {
      lms.set('cmi.core.lesson_status', 'incomplete');
      return;
    }
    lms.set('cmi.core.lesson_status', results.passed ? 'passed' : 'failed');
    if (results.possible > 0) {
      lms.set('cmi.core.score.raw', percent(results.scaled));
      lms.set('cmi.core.score.min', 0);
      lms.set('cmi.core.score.max', 100);
    }
    for (const area of results.areas) {
      const n = lms.objectiveIndex(cmiIdentifier('area', area.id));
      if (n === null) continue;
      const o = `cmi.objectives.${n}`;
      if (area.passed === null) {
        lms.set(`${o}.status`, 'not attempted');
        continue;
      }
      lms.set(`${o}.score.raw`, percent(area.scaled!));
      lms.set(`${o}.score.min`, 0);
      lms.set(`${o}.score.max`, 100);
      lms.set(`${o}.status`, area.passed ? 'passed' : 'failed');
    }
  }

  protected interactionId(i: InteractionReport): string {
    return cmiIdentifier(i.id);
  }

  protected writeInteraction(lms: LmsConnection, p: string, i: InteractionReport): void {
    // 1.2 choice responses are single characters 0-9a-z, one per option in authored order.
    const code = (ids: string[]): string =>
      i.type === 'true-false' ? (ids[0] === 'true' ? 't' : 'f') : ids.map((id) => i.optionIds.indexOf(id).toString(36)).join(',');
    i.areaIds.forEach((area, k) => lms.set(`${p}.objectives.${k}.id`, cmiIdentifier('area', area)));
    lms.set(`${p}.time`, cmiTime(i.timestamp));
    lms.set(`${p}.type`, i.type);
    lms.set(`${p}.correct_responses.0.pattern`, code(i.correctResponse));
    lms.set(`${p}.weighting`, i.weighting);
    lms.set(`${p}.student_response`, code(i.response));
    lms.set(`${p}.result`, i.correct ? 'correct' : 'wrong');
    lms.set(`${p}.latency`, cmiTimespan(i.latencyMs));
  }

  protected writeExit(lms: LmsConnection, reason: 'done' | 'suspend'): void {
    lms.set('cmi.core.exit', reason === 'done' ? '' : 'suspend');
  }

  protected writeSessionTime(lms: LmsConnection, ms: number): void {
    lms.set('cmi.core.session_time', cmiTimespan(ms));
  }
}

function percent(scaled: number): number {
  return Math.round(scaled * 10000) / 100;
}
