/** SCORM 1.2: cmi.core.* through API, within 1.2's tight data types. */
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from '../tracker.js';
import { cmiTime, cmiTimespan } from '../time-format.js';
import { cmiIdentifier } from '../identifiers.js';
import { findApi } from './find-api.js';
import { LmsConnection, SCORM12_NAMES, launchInfo, lmsNumber } from './lms-connection.js';

/** CMIString4096: the spec's limit, which scorm-again does not enforce. */
export const SUSPEND_DATA_LIMIT = 4096;
const FINAL_STATUSES = ['passed', 'failed', 'completed'];

export class Scorm12Tracker implements Tracker {
  readonly format = 'scorm12' as const;
  private lms: LmsConnection | null = null;
  private readonly startedAt = Date.now();
  private finished = false;
  private initialStatus = '';

  constructor(
    private readonly moduleId: string,
    private readonly window_: Window = window,
  ) {}

  start(): LaunchInfo {
    const api = findApi<Record<string, (...a: string[]) => unknown>>('API', this.window_);
    if (!api) return { connected: false, resumeState: null, mode: 'normal' };
    const lms = new LmsConnection(api, SCORM12_NAMES);
    if (!lms.initialize()) return { connected: false, resumeState: null, mode: 'normal' };
    this.lms = lms;
    this.initialStatus = lms.get('cmi.core.lesson_status');
    const mastery = lmsNumber(lms.get('cmi.student_data.mastery_score'));
    const launch = launchInfo({
      suspendData: lms.get('cmi.suspend_data'),
      mode: lms.get('cmi.core.lesson_mode'),
      passingScore: mastery === null ? null : mastery / 100,
      language: lms.get('cmi.student_preference.language'),
    });
    lms.set('cmi.core.exit', 'suspend');
    return launch;
  }

  report(progress: ProgressReport): void {
    if (!this.lms?.active) return;
    this.write(progress);
    this.lms.commit();
  }

  recordInteraction(i: InteractionReport): void {
    const lms = this.lms;
    if (!lms?.active) return;
    const p = lms.newInteraction();
    // 1.2 choice responses are single characters 0-9a-z, one per option.
    const code = (ids: string[]): string =>
      i.type === 'true-false' ? (ids[0] === 'true' ? 't' : 'f') : ids.map((id) => i.optionIds.indexOf(id).toString(36)).join(',');
    lms.set(`${p}.id`, cmiIdentifier(i.id));
    i.areaIds.forEach((area, k) => lms.set(`${p}.objectives.${k}.id`, cmiIdentifier('area', area)));
    lms.set(`${p}.time`, cmiTime(i.timestamp));
    lms.set(`${p}.type`, i.type);
    lms.set(`${p}.correct_responses.0.pattern`, code(i.correctResponse));
    lms.set(`${p}.weighting`, i.weighting);
    lms.set(`${p}.student_response`, code(i.response));
    lms.set(`${p}.result`, i.correct ? 'correct' : 'wrong');
    lms.set(`${p}.latency`, cmiTimespan(i.latencyMs));
  }

  finish(progress: ProgressReport, reason: 'done' | 'suspend'): void {
    if (this.finished || !this.lms?.active) return;
    this.finished = true;
    this.write(progress);
    this.lms.set('cmi.core.exit', reason === 'done' ? '' : 'suspend');
    this.lms.terminate();
  }

  private write(progress: ProgressReport): void {
    const lms = this.lms!;
    const { results } = progress;
    lms.set('cmi.core.lesson_location', progress.location.slice(0, 255));
    if (progress.suspendData.length <= SUSPEND_DATA_LIMIT) {
      lms.set('cmi.suspend_data', progress.suspendData);
    } else {
      // Never truncate: a cut state would resume wrongly. Keep the last good one instead.
      console.error(`[awareness-kit] resume state is ${progress.suspendData.length} chars; SCORM 1.2 allows ${SUSPEND_DATA_LIMIT}`);
    }
    lms.set('cmi.core.lesson_status', this.status(progress));
    if (results.possible > 0) {
      lms.set('cmi.core.score.raw', percent(results.scaled));
      lms.set('cmi.core.score.min', 0);
      lms.set('cmi.core.score.max', 100);
    }
    for (const area of results.areas) {
      const o = `cmi.objectives.${lms.objectiveIndex(cmiIdentifier('area', area.id))}`;
      if (area.scaled !== null) {
        lms.set(`${o}.score.raw`, percent(area.scaled));
        lms.set(`${o}.score.min`, 0);
        lms.set(`${o}.score.max`, 100);
      }
      const passed = (area.scaled ?? 0) >= progress.passingScore;
      lms.set(`${o}.status`, progress.completed ? (passed ? 'passed' : 'failed') : 'incomplete');
    }
    lms.set('cmi.core.session_time', cmiTimespan(Date.now() - this.startedAt));
  }


  /** passed/failed once finished; incomplete before; never back from a final status. */
  private status(progress: ProgressReport): string {
    if (progress.completed) return progress.results.passed ? 'passed' : 'failed';
    return FINAL_STATUSES.includes(this.initialStatus) ? this.initialStatus : 'incomplete';
  }
}

function percent(scaled: number): number {
  return Math.round(scaled * 10000) / 100;
}
