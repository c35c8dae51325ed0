/**
 * The standalone web version: no LMS, progress kept in this browser's localStorage so a
 * learner can close the page and come back.
 */
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from './tracker.js';

export class WebTracker implements Tracker {
  readonly format = 'web' as const;
  onSaveState?: (saving: boolean) => void;
  private storage: Storage | null = null;
  private saving = true;

  constructor(private readonly moduleId: string) {}

  private get key(): string {
    return `ak:${this.moduleId}:state`;
  }

  async start(): Promise<LaunchInfo> {
    try {
      this.storage = window.localStorage;
      return { connected: true, resumeState: this.storage.getItem(this.key), mode: 'normal' };
    } catch {
      return { connected: false, resumeState: null, mode: 'normal' }; // storage blocked (e.g. file:// policies)
    }
  }

  report(progress: ProgressReport): void {
    if (!this.storage) return;
    let ok = true;
    try {
      this.storage.setItem(this.key, progress.suspendData);
    } catch {
      ok = false; // storage full or blocked: the module goes on, and the learner is told
    }
    if (ok !== this.saving) {
      this.saving = ok;
      this.onSaveState?.(ok);
    }
  }

  recordInteraction(_interaction: InteractionReport): void {
    // Answers live in the resume state; there is nobody else to tell.
  }

  finish(progress: ProgressReport): void {
    this.report(progress);
  }
}
