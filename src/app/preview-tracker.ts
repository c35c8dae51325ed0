/**
 * The live preview's tracker (npm start): the SCORM 2004 adapter talks to the simulated LMS,
 * and the xAPI (TinCan) adapter runs beside it against the preview server's statement sink,
 * so a trainer sees both the cmi values and the statements the xAPI package would send.
 * The SCORM side leads: its launch, resume state and save status are the module's.
 */
import type { Lang } from '../model/compiled.js';
import type { InteractionReport, LaunchInfo, ProgressReport, SceneReport, Tracker } from '../tracking/tracker.js';

export class PreviewTracker implements Tracker {
  readonly format = 'scorm2004' as const;

  constructor(
    private readonly lms: Tracker,
    private readonly xapi: Tracker,
  ) {}

  set onSaveState(listener: ((saving: boolean) => void) | undefined) {
    this.lms.onSaveState = listener;
  }

  async start(): Promise<LaunchInfo> {
    // The xAPI side only feeds the preview's panel: if it cannot start, the module still runs, and the console says why.
    const [launch] = await Promise.all([this.lms.start(), this.xapi.start().catch((error: unknown) => console.warn('[preview] the xAPI adapter did not start:', error))]);
    return launch;
  }

  report(progress: ProgressReport): void {
    this.lms.report(progress);
    this.xapi.report(progress);
  }

  recordInteraction(interaction: InteractionReport): void {
    this.lms.recordInteraction(interaction);
    this.xapi.recordInteraction(interaction);
  }

  sceneShown(scene: SceneReport): void {
    this.lms.sceneShown?.(scene);
    this.xapi.sceneShown?.(scene);
  }

  setLanguage(lang: Lang): void {
    this.lms.setLanguage?.(lang);
    this.xapi.setLanguage?.(lang);
  }

  canRestart(): boolean {
    return this.lms.canRestart?.() ?? true;
  }

  finish(progress: ProgressReport, reason: 'done' | 'suspend', leaving?: boolean): void {
    this.lms.finish(progress, reason, leaving);
    this.xapi.finish(progress, reason, leaving);
  }
}
