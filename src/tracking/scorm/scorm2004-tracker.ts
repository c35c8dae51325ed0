/** SCORM 2004 4th edition: cmi.* through API_1484_11. */
import type { InteractionReport, LaunchInfo, ProgressReport } from '../tracker.js';
import { isoDuration, scormTimestamp } from '../time-format.js';
import { clip, clipLine, interactionUrn, objectiveUrn } from '../identifiers.js';
import { SCORM2004_NAMES, type LmsConnection } from './lms-connection.js';
import { ScormTracker, languageOf, lmsNumber, modeOf } from './scorm-tracker.js';

export class Scorm2004Tracker extends ScormTracker {
  readonly format = 'scorm2004' as const;
  protected readonly apiName = 'API_1484_11' as const;
  protected readonly names = SCORM2004_NAMES;

  protected open(lms: LmsConnection): LaunchInfo {
    this.prior = {
      final: lms.get('cmi.completion_status') === 'completed',
      passed: lms.get('cmi.success_status') === 'passed',
      scaled: lmsNumber(lms.get('cmi.score.scaled')),
    };
    const launch: LaunchInfo = {
      connected: true,
      resumeState: lms.get('cmi.suspend_data') || null,
      mode: modeOf(lms.get('cmi.mode')),
      passingScore: lmsNumber(lms.get('cmi.scaled_passing_score')) ?? undefined,
      language: languageOf(lms.get('cmi.learner_preference.language')),
      learnerId: lms.get('cmi.learner_id') || undefined,
    };
    // Until the learner finishes, leaving in any way must keep the attempt open.
    if (launch.mode === 'normal') lms.set('cmi.exit', 'suspend');
    return launch;
  }

  protected writeProgress(lms: LmsConnection, progress: ProgressReport): void {
    lms.set('cmi.location', clip(progress.location, 1000));
    lms.set('cmi.suspend_data', progress.suspendData);
  }

  protected writeResult(lms: LmsConnection, { completed, progress, results }: ProgressReport): void {
    lms.set('cmi.completion_status', completed ? 'completed' : 'incomplete');
    lms.set('cmi.progress_measure', completed ? 1 : progress);
    if (!completed) return;
    if (results.possible > 0) {
      lms.set('cmi.score.scaled', results.scaled);
      lms.set('cmi.score.raw', results.earned);
      lms.set('cmi.score.min', 0);
      lms.set('cmi.score.max', results.possible);
    }
    lms.set('cmi.success_status', results.passed ? 'passed' : 'failed');
    for (const area of results.areas) {
      const n = lms.objectiveIndex(objectiveUrn(area.id));
      if (n === null) continue;
      const o = `cmi.objectives.${n}`;
      lms.set(`${o}.description`, clipLine(area.title, 250));
      lms.set(`${o}.completion_status`, area.passed === null ? 'not attempted' : 'completed');
      if (area.passed === null) continue;
      lms.set(`${o}.score.scaled`, area.scaled!);
      lms.set(`${o}.score.raw`, area.earned);
      lms.set(`${o}.score.min`, 0);
      lms.set(`${o}.score.max`, area.possible);
      lms.set(`${o}.success_status`, area.passed ? 'passed' : 'failed');
    }
  }

  protected interactionId(i: InteractionReport): string {
    return interactionUrn(this.moduleId, i.id);
  }

  protected writeInteraction(lms: LmsConnection, p: string, i: InteractionReport): void {
    const pattern = (ids: string[]): string => ids.join('[,]');
    lms.set(`${p}.type`, i.type);
    i.areaIds.forEach((area, k) => lms.set(`${p}.objectives.${k}.id`, objectiveUrn(area)));
    lms.set(`${p}.timestamp`, scormTimestamp(i.timestamp));
    lms.set(`${p}.correct_responses.0.pattern`, pattern(i.correctResponse));
    lms.set(`${p}.weighting`, i.weighting);
    lms.set(`${p}.learner_response`, pattern(i.response));
    lms.set(`${p}.result`, i.correct ? 'correct' : 'incorrect');
    lms.set(`${p}.latency`, isoDuration(i.latencyMs));
    lms.set(`${p}.description`, clipLine(i.description, 250));
  }

  protected writeExit(lms: LmsConnection, reason: 'done' | 'suspend'): void {
    const done = reason === 'done';
    lms.set('cmi.exit', done ? 'normal' : 'suspend');
    // Lets the LMS close its player instead of leaving a dead frame.
    lms.set('adl.nav.request', done ? 'exitAll' : 'suspendAll');
  }

  protected writeSessionTime(lms: LmsConnection, ms: number): void {
    lms.set('cmi.session_time', isoDuration(ms));
  }
}
