/**
 * The standalone web version: no LMS, progress kept in this browser's localStorage so a
 * learner can close the page and come back.
 */
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from './tracker.js';

export class WebTracker implements Tracker {
  readonly format = 'web' as const;
  private storage: Storage | null = null;

  constructor(private readonly moduleId: string) {}

  private get key(): string {
    return `ak:${this.moduleId}:state`;
  }

  start(): LaunchInfo {
    try {
      this.storage = window.localStorage;
      return { connected: true, resumeState: this.storage.getItem(this.key), mode: 'normal' };
    } catch {
      return { connected: false, resumeState: null, mode: 'normal' }; // storage blocked (e.g. file:// policies)
    }
  }

  report(progress: ProgressReport): void {
    try {
      this.storage?.setItem(this.key, progress.suspendData);
    } catch {
      /* storage full or blocked: the module goes on, unsaved */
    }
  }

  recordInteraction(_interaction: InteractionReport): void {
    // Answers live in the resume state; there is nobody else to tell.
  }

  finish(progress: ProgressReport): void {
    this.report(progress);
  }
}
