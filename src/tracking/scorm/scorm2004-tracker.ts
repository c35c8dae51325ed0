/** SCORM 2004 4th edition: cmi.* through API_1484_11. */
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from '../tracker.js';
import { isoDuration, scormTimestamp } from '../time-format.js';
import { clip, interactionUrn, objectiveUrn } from '../identifiers.js';
import { findApi } from './find-api.js';
import { LmsConnection, SCORM2004_NAMES, launchInfo, lmsNumber } from './lms-connection.js';

export class Scorm2004Tracker implements Tracker {
  readonly format = 'scorm2004' as const;
  private lms: LmsConnection | null = null;
  private readonly startedAt = Date.now();
  private finished = false;
  /** Set when the LMS already had this attempt completed: never report it as less. */
  private wasCompleted = false;

  constructor(
    private readonly moduleId: string,
    private readonly window_: Window = window,
  ) {}

  start(): LaunchInfo {
    const api = findApi<Record<string, (...a: string[]) => unknown>>('API_1484_11', this.window_);
    if (!api) return { connected: false, resumeState: null, mode: 'normal' };
    const lms = new LmsConnection(api, SCORM2004_NAMES);
    if (!lms.initialize()) return { connected: false, resumeState: null, mode: 'normal' };
    this.lms = lms;
    const launch = launchInfo({
      suspendData: lms.get('cmi.suspend_data'),
      mode: lms.get('cmi.mode'),
      passingScore: lmsNumber(lms.get('cmi.scaled_passing_score')),
      language: lms.get('cmi.learner_preference.language'),
    });
    this.wasCompleted = lms.get('cmi.completion_status') === 'completed';
    // Until the learner finishes, leaving in any way must keep the attempt open.
    lms.set('cmi.exit', 'suspend');
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
    const pattern = (ids: string[]): string => ids.join('[,]');
    lms.set(`${p}.id`, interactionUrn(this.moduleId, i.id));
    lms.set(`${p}.type`, i.type);
    i.areaIds.forEach((area, k) => lms.set(`${p}.objectives.${k}.id`, objectiveUrn(area)));
    lms.set(`${p}.timestamp`, scormTimestamp(i.timestamp));
    lms.set(`${p}.correct_responses.0.pattern`, pattern(i.correctResponse));
    lms.set(`${p}.weighting`, i.weighting);
    lms.set(`${p}.learner_response`, pattern(i.response));
    lms.set(`${p}.result`, i.correct ? 'correct' : 'incorrect');
    lms.set(`${p}.latency`, isoDuration(i.latencyMs));
    lms.set(`${p}.description`, clip(i.description, 250));
  }

  finish(progress: ProgressReport, reason: 'done' | 'suspend'): void {
    if (this.finished || !this.lms?.active) return;
    this.finished = true;
    this.write(progress);
    const done = reason === 'done';
    this.lms.set('cmi.exit', done ? 'normal' : 'suspend');
    this.lms.set('adl.nav.request', done ? 'exitAll' : 'suspendAll');
    this.lms.terminate();
  }

  private write(progress: ProgressReport): void {
    const lms = this.lms!;
    const { results } = progress;
    const completed = progress.completed || this.wasCompleted;
    lms.set('cmi.location', clip(progress.location, 1000));
    lms.set('cmi.suspend_data', progress.suspendData);
    lms.set('cmi.progress_measure', completed ? 1 : progress.progress);
    lms.set('cmi.completion_status', completed ? 'completed' : 'incomplete');
    if (results.possible > 0) {
      lms.set('cmi.score.scaled', results.scaled);
      lms.set('cmi.score.raw', results.earned);
      lms.set('cmi.score.min', 0);
      lms.set('cmi.score.max', results.possible);
    }
    if (progress.completed) lms.set('cmi.success_status', results.passed ? 'passed' : 'failed');
    for (const area of results.areas) {
      const o = `cmi.objectives.${lms.objectiveIndex(objectiveUrn(area.id))}`;
      lms.set(`${o}.description`, clip(area.title, 250));
      if (area.scaled !== null) {
        lms.set(`${o}.score.scaled`, area.scaled);
        lms.set(`${o}.score.raw`, area.earned);
        lms.set(`${o}.score.min`, 0);
        lms.set(`${o}.score.max`, area.possible);
      }
      lms.set(`${o}.completion_status`, progress.completed ? 'completed' : 'incomplete');
      if (progress.completed) {
        const passed = (area.scaled ?? 0) >= progress.passingScore;
        lms.set(`${o}.success_status`, passed ? 'passed' : 'failed');
      }
    }
    lms.set('cmi.session_time', isoDuration(Date.now() - this.startedAt));
  }

}
