/**
 * What SCORM 1.2 and 2004 share: discovery, one session, exit=suspend until the learner
 * finishes, results only at completion (an LMS that judges a score against the mastery score
 * must never see a half-way score), and no step backwards from a result the LMS already holds.
 * The subclasses map these onto each version's data model.
 */
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from '../tracker.js';
import { findApi } from './find-api.js';
import { LmsConnection, type ApiObject, type ScormApiNames } from './lms-connection.js';

/** What the LMS held before this session, which the package must never lower. */
export interface PriorResult {
  /** The LMS has a final result (completed, passed or failed). */
  final: boolean;
  /** It says passed. */
  passed: boolean;
  /** Its scaled score, 0..1, or null. */
  scaled: number | null;
}

export abstract class ScormTracker implements Tracker {
  abstract readonly format: 'scorm12' | 'scorm2004';
  onSaveState?: (saving: boolean) => void;
  protected lms: LmsConnection | null = null;
  protected mode: LaunchInfo['mode'] = 'normal';
  protected prior: PriorResult = { final: false, passed: false, scaled: null };
  private readonly startedAt = Date.now();
  private finished = false;

  constructor(
    protected readonly moduleId: string,
    private readonly window_: Window = window,
  ) {}

  protected abstract readonly apiName: 'API' | 'API_1484_11';
  protected abstract readonly names: ScormApiNames;
  /** Reads launch values and the prior result; sets exit to suspend. */
  protected abstract open(lms: LmsConnection): LaunchInfo;
  /** Bookmark and resume state: always written (except in review). */
  protected abstract writeProgress(lms: LmsConnection, progress: ProgressReport): void;
  /** Status and scores; `final` tells whether the module is completed. */
  protected abstract writeResult(lms: LmsConnection, progress: ProgressReport): void;
  /** The interaction id in this version's form. */
  protected abstract interactionId(i: InteractionReport): string;
  /** Everything after the id (already written at `prefix`). */
  protected abstract writeInteraction(lms: LmsConnection, prefix: string, i: InteractionReport): void;
  protected abstract writeExit(lms: LmsConnection, reason: 'done' | 'suspend'): void;
  protected abstract writeSessionTime(lms: LmsConnection, ms: number): void;

  async start(): Promise<LaunchInfo> {
    return this.startNow();
  }

  /** SCORM is synchronous; tests and the async interface share this. */
  startNow(): LaunchInfo {
    const api = findApi<ApiObject>(this.apiName, this.window_);
    const unconnected: LaunchInfo = { connected: false, resumeState: null, mode: 'normal' };
    if (!api) return unconnected;
    const lms = new LmsConnection(api, this.names, (saving) => this.onSaveState?.(saving));
    if (!lms.initialize()) return unconnected;
    this.lms = lms;
    const launch = this.open(lms);
    this.mode = launch.mode;
    return launch;
  }

  /** Review and browse record nothing: the learner looks, the LMS keeps what it has. */
  report(progress: ProgressReport): void {
    if (!this.lms?.active || this.mode !== 'normal') return;
    this.write(this.lms, progress);
    this.lms.commit();
  }

  recordInteraction(interaction: InteractionReport): void {
    if (!this.lms?.active || this.mode !== 'normal') return;
    const prefix = this.lms.newInteraction(this.interactionId(interaction));
    if (prefix) this.writeInteraction(this.lms, prefix, interaction);
  }

  finish(progress: ProgressReport, reason: 'done' | 'suspend'): void {
    if (this.finished || !this.lms?.active) return;
    this.finished = true;
    if (this.mode === 'normal') {
      this.write(this.lms, progress);
      this.writeExit(this.lms, reason);
    }
    this.lms.terminate();
  }

  private write(lms: LmsConnection, progress: ProgressReport): void {
    this.writeProgress(lms, progress);
    if (this.improves(progress)) {
      this.writeResult(lms, progress);
      // What the LMS now holds is what a later run (starting over) must beat.
      if (progress.completed) this.prior = { final: true, passed: progress.results.passed, scaled: progress.results.scaled };
    }
    this.writeSessionTime(lms, Date.now() - this.startedAt);
  }

  /**
   * A result may be written unless the LMS holds a final one this session does not beat:
   * completed, with at least the same score, and not a fail where the LMS has a pass.
   */
  private improves(progress: ProgressReport): boolean {
    if (!this.prior.final) return true;
    const { results } = progress;
    return progress.completed && results.scaled >= (this.prior.scaled ?? 0) && (results.passed || !this.prior.passed);
  }
}

export function lmsNumber(value: string): number | null {
  return value !== '' && !Number.isNaN(Number(value)) ? Number(value) : null;
}

export function languageOf(value: string): LaunchInfo['language'] {
  const language = value.slice(0, 2).toLowerCase();
  return language === 'da' || language === 'en' ? language : undefined;
}

export function modeOf(value: string): LaunchInfo['mode'] {
  return value === 'browse' || value === 'review' ? value : 'normal';
}
