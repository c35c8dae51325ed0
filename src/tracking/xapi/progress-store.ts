/**
 * Keeps the learner's progress in the LRS's State API (one JSON document per learner, module
 * and registration), with a copy in localStorage: when the LRS cannot be reached at a relaunch,
 * the learner still continues where they left off, and the copy goes up when the LRS is back.
 *
 * The document also remembers what was sent in the registration (completed, passed), so it must
 * never be overwritten by a session that could not read it: until the LRS's copy has been read
 * (or is known not to exist), nothing is written there, and the two are merged when it comes.
 */
import { PROGRESS_STATE_ID } from '../../../xapi/vocabulary.js';
import type { Agent } from '../../../xapi/types.js';
import { START_TIMEOUT_MS, type DocumentKey, type LrsClient } from './lrs-client.js';
import type { KeyValueStorage } from './statement-queue.js';

export interface ProgressDocument {
  v: 1;
  /** The engine's resume state, or null before the first save. */
  suspendData: string | null;
  location: string | null;
  /** 0..1, for the `resumed` statement of the next session. */
  progress: number;
  /** completed / passed sent in this registration (cmi5 §9.3: at most once each). */
  sent: { completed: boolean; passed: boolean };
  /** The result of the current run has been sent; a new run (starting over) clears it. */
  runJudged: boolean;
  /** The attempt's own registration when the LMS gave none (TinCan). */
  registration?: string;
  savedAt: string;
}

export const emptyProgress = (): ProgressDocument => ({
  v: 1,
  suspendData: null,
  location: null,
  progress: 0,
  sent: { completed: false, passed: false },
  runJudged: false,
  savedAt: new Date(0).toISOString(),
});

const RETRY_DELAYS_S = [2, 5, 10, 30, 60];

export class ProgressStore {
  readonly key: DocumentKey;
  /** The LRS's copy has been read, or is known not to exist: writing it is safe. */
  known = false;
  /** Called once when the LRS's copy could be read later than at the start. */
  onLateRead: (remote: ProgressDocument | null) => void = () => {};
  private latest: ProgressDocument | null = null;
  private saving: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private reading = false;

  constructor(
    private readonly client: LrsClient,
    where: { activityId: string; agent: Agent; registration?: string },
    private readonly storage: KeyValueStorage | null,
    private readonly storageKey: string,
    private readonly onSaving: (ok: boolean) => void = () => {},
  ) {
    this.key = { ...where, stateId: PROGRESS_STATE_ID };
  }

  /** The newer of the LRS's document and the local copy (merged, so nothing sent is forgotten). */
  async load(): Promise<ProgressDocument> {
    const local = this.localCopy();
    const remote = await this.readRemote(START_TIMEOUT_MS);
    if (remote === undefined) {
      console.warn('[awareness-kit] Could not read saved progress from the LRS; using this browser\'s copy, and trying again.');
      this.readLater();
      return local ?? emptyProgress();
    }
    this.known = true;
    const merged = merge(remote, local);
    // A local copy newer than the LRS's never reached it: send it now.
    if (local && (!remote || local.savedAt > remote.savedAt)) this.save(merged);
    return merged;
  }

  /** Saves locally at once and to the LRS in the background (the newest document wins). */
  save(document: ProgressDocument): void {
    this.latest = { ...document, savedAt: new Date().toISOString() };
    try {
      this.storage?.setItem(this.storageKey, JSON.stringify(this.latest));
    } catch {
      // No local copy; the LRS still gets it.
    }
    void this.push();
  }

  /** The page is going: a keepalive PUT of the newest document. */
  saveOnExit(): void {
    if (this.latest && this.known) void this.client.putState(this.key, this.latest, true);
  }

  /** The LRS's document, null when there is none (404), undefined when it could not be read. */
  private async readRemote(timeoutMs?: number): Promise<ProgressDocument | null | undefined> {
    const reply = await this.client.getState(this.key, timeoutMs);
    if (reply.status === 404) return null;
    if (reply.status === 200) return parse(reply.body);
    return undefined;
  }

  /** Keeps trying to read the LRS's copy; writes wait for it. */
  private readLater(): void {
    const delay = RETRY_DELAYS_S[Math.min(this.failures++, RETRY_DELAYS_S.length - 1)];
    this.timer = setTimeout(() => void this.tryRead(), delay * 1000);
  }

  /** The LRS seems to be back (or a result waits): try the read now rather than at the next backoff step. */
  readNow(): void {
    if (this.known || this.reading) return;
    clearTimeout(this.timer);
    void this.tryRead();
  }

  private async tryRead(): Promise<void> {
    this.reading = true;
    const remote = await this.readRemote().finally(() => (this.reading = false));
    if (this.known) return;
    if (remote === undefined) return this.readLater();
    this.failures = 0;
    this.known = true;
    this.onLateRead(remote);
    if (this.latest) void this.push();
  }

  private push(): Promise<void> {
    if (this.saving || !this.known) return this.saving ?? Promise.resolve();
    clearTimeout(this.timer);
    this.saving = (async () => {
      while (this.latest) {
        const document = this.latest;
        const reply = await this.client.putState(this.key, document);
        if (reply.status < 200 || reply.status >= 300) {
          if (this.failures === 0) this.onSaving(false);
          const delay = RETRY_DELAYS_S[Math.min(this.failures++, RETRY_DELAYS_S.length - 1)];
          this.timer = setTimeout(() => void this.push(), delay * 1000);
          return;
        }
        if (this.failures > 0) this.onSaving(true);
        this.failures = 0;
        if (this.latest === document) this.latest = null;
      }
    })().finally(() => (this.saving = null));
    return this.saving;
  }

  private localCopy(): ProgressDocument | null {
    try {
      return parse(this.storage?.getItem(this.storageKey) ?? '');
    } catch {
      return null;
    }
  }
}

/**
 * Two copies of one learner's progress: the newer gives the place to resume; what was sent is
 * the union of both (a flag once set stays set), so no result is ever sent twice.
 */
export function merge(a: ProgressDocument | null, b: ProgressDocument | null): ProgressDocument {
  if (!a || !b) return a ?? b ?? emptyProgress();
  const [newer, older] = a.savedAt >= b.savedAt ? [a, b] : [b, a];
  return {
    ...newer,
    registration: newer.registration ?? older.registration,
    sent: { completed: a.sent.completed || b.sent.completed, passed: a.sent.passed || b.sent.passed },
  };
}

function parse(text: string): ProgressDocument | null {
  try {
    const doc = JSON.parse(text) as Partial<ProgressDocument>;
    if (doc?.v !== 1 || typeof doc.savedAt !== 'string') return null;
    return { ...emptyProgress(), ...doc, sent: { ...emptyProgress().sent, ...doc.sent } } as ProgressDocument;
  } catch {
    return null;
  }
}
