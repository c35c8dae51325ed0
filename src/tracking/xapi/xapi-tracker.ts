/**
 * What TinCan and cmi5 packages share: turning the app's reports into statements (xapi/), a
 * queue that delivers them exactly once, and progress kept in the State API. The subclasses
 * only read their launch and set the session's rules.
 */
import { curriculumActivity, moduleIri, roleActivity } from '../../../xapi/activities.js';
import * as build from '../../../xapi/statements.js';
import type { Outcome, Session, Stamp } from '../../../xapi/statements.js';
import type { Agent, LanguageMap, Statement } from '../../../xapi/types.js';
import type { Lang } from '../../model/compiled.js';
import type { InteractionReport, LaunchInfo, ProgressReport, SceneReport, Tracker } from '../tracker.js';
import { shortHash } from '../identifiers.js';
import { Clock, uuid } from './ids.js';
import { agentKey } from './launch.js';
import type { LrsClient } from './lrs-client.js';
import { merge, ProgressStore, type ProgressDocument } from './progress-store.js';
import { StatementQueue } from './statement-queue.js';

/** How long Finish waits for the LRS's progress before it closes the session without the result. */
const RESULT_WAIT_MS = 5000;
const PROGRESS_POLL_MS = 1000;

/** What the adapters need to know about the module (never its scenes). */
export interface XapiModuleInfo {
  id: string;
  version: string;
  activityBase: string;
  title: LanguageMap;
  description: LanguageMap;
  roles: Array<{ id: string; title: LanguageMap }>;
}

/** What a subclass found in its launch. */
export interface OpenedSession {
  client: LrsClient;
  session: Session;
  /** Where the progress document lives (the registration is absent when the LMS gave none). */
  stateRegistration?: string;
  mode: LaunchInfo['mode'];
  passingScore?: number;
  language?: Lang;
  /** A reload of a session that already sent `initialized` (cmi5 Best Practice #17). */
  continuing: boolean;
  /** The saved progress, when the subclass started reading it early (in parallel with its launch). */
  progress?: Promise<LoadedProgress>;
}

interface LoadedProgress {
  store: ProgressStore;
  doc: ProgressDocument;
}

export abstract class XapiTracker implements Tracker {
  abstract readonly format: 'xapi' | 'cmi5';
  onSaveState?: (saving: boolean) => void;
  protected session: Session | null = null;
  protected mode: LaunchInfo['mode'] = 'normal';
  protected queue: StatementQueue | null = null;
  private store: ProgressStore | null = null;
  private doc: ProgressDocument | null = null;
  private readonly clock = new Clock();
  private language: Lang = 'da';
  protected sessionStart = Date.now();
  /** passed or failed already sent in this session. */
  protected judgedThisSession = false;
  /** A completed run waits for its result until the LRS's progress could be read (see ProgressStore). */
  private pendingResult: ProgressReport | null = null;
  private readonly experienced = new Set<string>();
  private finished = false;
  /** Finish was asked for; suspended/terminated wait while a result waits for the LRS's progress. */
  private closing: { reason: 'done' | 'suspend'; progress: number; duration: number } | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Statements kept back while finishing, to be queued together. */
  private held: Statement[] | null = null;
  private delivering = true;
  private storing = true;

  constructor(protected readonly module: XapiModuleInfo) {}

  /** Reads the launch; null when the page was not launched by an LMS/LRS we can talk to. */
  protected abstract open(): Promise<OpenedSession | null>;
  /** May this session send a second passed/failed (after starting over)? cmi5: no (§9.3). */
  protected abstract readonly oneResultPerSession: boolean;
  /** After the last statement was handed over (cmi5 returns to the LMS). */
  protected afterFinish(_leaving: boolean): void {}
  /** A result was sent in this session (cmi5 remembers it across a reload). */
  protected onJudged(): void {}

  /** The module's own IRI under the organisation's activity base. */
  protected get moduleIri(): string {
    return moduleIri(this.module.activityBase, this.module.id);
  }

  protected grouping() {
    return [curriculumActivity(this.module.activityBase), ...this.module.roles.map((r) => roleActivity(r.id, r.title))];
  }

  async start(): Promise<LaunchInfo> {
    const opened = await this.open().catch((error: unknown) => {
      console.error('[awareness-kit] xAPI launch failed', error);
      return null;
    });
    if (!opened) return { connected: false, resumeState: null, mode: 'normal' };
    const { client, session } = opened;
    this.mode = opened.mode;
    if (opened.language) this.language = opened.language;
    const { store, doc } = await (opened.progress ?? this.readProgress(client, session.actor, session.module.id, opened.stateRegistration));
    this.store = store;
    this.doc = doc;
    store.onLateRead = (remote) => this.lateRead(remote);
    if (!opened.stateRegistration) {
      // No registration from the LMS: the attempt gets its own, kept with its progress.
      this.doc.registration ??= uuid();
      session.registration = this.doc.registration;
    }
    this.session = session;
    this.queue = new StatementQueue(
      { send: (batch) => client.postStatements(batch), sendOnExit: (batch) => client.sendOnExit(batch) },
      localStorageOrNull(),
      `${storageKey(client, session.actor, session.module.id, opened.stateRegistration)}:queue`,
      (ok) => {
        this.delivering = ok;
        this.tellSaving();
        // The LRS answers again: the progress it could not give at the start may come now.
        if (ok) this.store?.readNow();
      },
    );
    if (!opened.continuing) {
      this.emit(build.initialized(session, this.stamp()));
      if (this.doc.suspendData) this.emit(build.resumed(session, this.stamp(), this.doc.progress));
    } else {
      void this.queue.flush();
    }
    return {
      connected: true,
      resumeState: this.doc.suspendData,
      mode: this.mode,
      passingScore: opened.passingScore,
      language: opened.language,
      learnerId: agentKey(session.actor),
    };
  }

  /** Reads the saved progress (the LRS's, or this browser's newer copy). */
  protected async readProgress(client: LrsClient, actor: Agent, activityId: string, registration?: string): Promise<LoadedProgress> {
    const key = storageKey(client, actor, activityId, registration);
    const store = new ProgressStore(client, { activityId, agent: actor, registration }, localStorageOrNull(), `${key}:progress`, (ok) => {
      this.storing = ok;
      this.tellSaving();
    });
    return { store, doc: await store.load() };
  }

  setLanguage(lang: Lang): void {
    this.language = lang;
  }

  /** Starting over is a new run; where one result per session is the rule, only before it. */
  canRestart(): boolean {
    return !this.oneResultPerSession || !this.judgedThisSession;
  }

  sceneShown(scene: SceneReport): void {
    if (!this.active || this.mode === 'review' || this.experienced.has(scene.id)) return;
    this.experienced.add(scene.id);
    this.emit(build.experienced(this.session!, this.stamp(), { id: scene.id, type: scene.type, title: scene.title }, scene.progress));
  }

  recordInteraction(i: InteractionReport): void {
    if (!this.active || this.mode === 'review') return;
    this.emit(
      build.answered(this.session!, this.stamp(), {
        sceneId: i.id,
        interactionType: i.type,
        name: i.name,
        description: i.prompt,
        choices: i.choices,
        response: i.response,
        correctResponse: i.correctResponse,
        correct: i.correct,
        earned: i.earned,
        possible: i.possible,
        latencyMs: i.latencyMs,
      }),
    );
  }

  /**
   * Saves progress and, when a run is completed, sends its result. Browse and review launches
   * write nothing: a look at the module must not change the registration's progress or result.
   */
  report(progress: ProgressReport): void {
    // Hidden or navigated while Finish waits: close now; a hidden page may never come back, so
    // its last statements go as a page that leaves sends them.
    if (this.closing) return this.closeSession(document.visibilityState === 'hidden');
    if (!this.active || !this.doc || this.mode !== 'normal') return;
    const doc = this.doc;
    doc.suspendData = progress.suspendData;
    doc.location = progress.location;
    doc.progress = progress.progress;
    if (!progress.completed) doc.runJudged = false;
    else if (!doc.runJudged) this.sendResult(progress, doc);
    this.store?.save(doc);
  }

  finish(progress: ProgressReport, reason: 'done' | 'suspend', leaving = false): void {
    if (!this.session) return;
    if (this.finished) {
      // Finished earlier (the Finish button); the page now goes: what is still queued goes with it.
      if (leaving && this.closing) this.closeSession(true);
      else if (leaving) this.leaveNow();
      return;
    }
    this.report(progress);
    this.finished = true;
    this.closing = { reason, progress: progress.progress, duration: Date.now() - this.sessionStart };
    if (this.pendingResult && !leaving) return this.awaitProgress(Date.now() + RESULT_WAIT_MS);
    this.closeSession(leaving);
  }

  /**
   * The result waits for the LRS's progress (see sendResult): ask for it every second, and close
   * the session when it comes (lateRead) — or at `until` anyway. The store then goes on trying
   * in the background and writes the progress document when it can, so the next launch, on any
   * device, sends the result that was held back.
   */
  private awaitProgress(until: number): void {
    if (!this.closing) return;
    if (Date.now() >= until) return this.closeSession(false);
    this.store?.readNow();
    this.closeTimer = setTimeout(() => this.awaitProgress(until), PROGRESS_POLL_MS);
  }

  /** suspended and terminated: the session's last statements, in one request. */
  private closeSession(leaving: boolean): void {
    const closing = this.closing;
    if (!closing || !this.session) return;
    this.closing = null;
    clearTimeout(this.closeTimer);
    // The last statements leave in one request: a page that is going may get only one out.
    this.held = [];
    if (closing.reason === 'suspend' && this.mode !== 'review') this.emit(build.suspended(this.session, this.stamp(), closing.progress, closing.duration));
    this.emit(build.terminated(this.session, this.stamp(), closing.duration));
    const last = this.held;
    this.held = null;
    this.queue?.add(...last);
    if (leaving) this.leaveNow();
    this.afterFinish(leaving);
  }

  /** Nothing is sent after `terminated` (cmi5 §9.3.8: it is the last statement of a session). */
  private get active(): boolean {
    return this.session !== null && !this.finished;
  }

  private leaveNow(): void {
    this.queue?.flushOnExit();
    this.store?.saveOnExit();
  }

  /** completed (once per registration), then passed/failed and the competence areas. */
  private sendResult(progress: ProgressReport, doc: ProgressDocument): void {
    if (this.store && !this.store.known) {
      // What was sent before is not known yet: wait, rather than risk a second completed/passed.
      this.pendingResult = progress;
      return;
    }
    const session = this.session!;
    // Sent while Finish waited: the session's duration is the one terminated will carry.
    const duration = this.closing?.duration ?? Date.now() - this.sessionStart;
    doc.runJudged = true;
    if (!doc.sent.completed) {
      this.emit(build.completed(session, this.stamp(), duration));
      doc.sent.completed = true;
    }
    const { results } = progress;
    // A pass is never followed by a fail (cmi5 §9.3.4; and a result is never lowered).
    if (results.possible === 0 || doc.sent.passed || (this.oneResultPerSession && this.judgedThisSession)) return;
    const outcome: Outcome = {
      scaled: results.scaled,
      earned: results.earned,
      possible: results.possible,
      passed: results.passed,
      areas: results.areas
        .filter((a) => a.scaled !== null)
        .map((a) => ({ id: a.id, title: a.titles, earned: a.earned, possible: a.possible, scaled: a.scaled!, target: a.target, mastered: a.passed === true })),
    };
    this.emit(build.judged(session, this.stamp(), outcome, duration));
    for (const area of outcome.areas) this.emit(build.areaScored(session, this.stamp(), area));
    this.judgedThisSession = true;
    this.onJudged();
    if (results.passed) doc.sent.passed = true;
  }

  /** The LRS's progress arrived late: keep this session's place, and everything either copy sent. */
  private lateRead(remote: ProgressDocument | null): void {
    if (!this.doc) return;
    const merged = merge(remote, this.doc);
    this.doc = { ...this.doc, sent: merged.sent, runJudged: this.doc.runJudged };
    // A result waits only while the session is open (or closing: Finish waits for it).
    if (this.pendingResult && (!this.finished || this.closing)) {
      const progress = this.pendingResult;
      this.pendingResult = null;
      this.sendResult(progress, this.doc);
    }
    this.store?.save(this.doc);
    if (this.closing) this.closeSession(false);
  }

  protected emit(statement: Statement): void {
    if (this.held) this.held.push(statement);
    else this.queue?.add(statement);
  }

  protected stamp(): Stamp {
    return { id: uuid(), timestamp: this.clock.now(), language: this.language };
  }

  /** Waits (a little) for the queue to empty: before leaving for the LMS's return URL. */
  protected async settle(timeoutMs: number): Promise<void> {
    if (!this.queue) return;
    await Promise.race([this.queue.flush(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  private tellSaving(): void {
    this.onSaveState?.(this.delivering && this.storing);
  }
}

/** Local storage keys per endpoint, learner, activity and registration — hashed, never in the clear. */
function storageKey(client: LrsClient, actor: Agent, activityId: string, registration = ''): string {
  return `ak:xapi:${shortHash([client.endpoint, agentKey(actor), activityId, registration].join('|'))}`;
}

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
