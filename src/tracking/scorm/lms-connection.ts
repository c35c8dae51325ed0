/**
 * Calls into a SCORM API with the care real LMSs need: results are strings, a throwing API
 * never reaches the learner, a value the LMS could not take for a passing reason is set again
 * before the next commit, and a failed commit is tried again with back-off. It knows the two
 * dialects (1.2 and 2004) only by their function names.
 */
export interface ScormApiNames {
  initialize: string;
  terminate: string;
  getValue: string;
  setValue: string;
  commit: string;
  getLastError: string;
  getErrorString: string;
}

export const SCORM12_NAMES: ScormApiNames = {
  initialize: 'LMSInitialize',
  terminate: 'LMSFinish',
  getValue: 'LMSGetValue',
  setValue: 'LMSSetValue',
  commit: 'LMSCommit',
  getLastError: 'LMSGetLastError',
  getErrorString: 'LMSGetErrorString',
};

export const SCORM2004_NAMES: ScormApiNames = {
  initialize: 'Initialize',
  terminate: 'Terminate',
  getValue: 'GetValue',
  setValue: 'SetValue',
  commit: 'Commit',
  getLastError: 'GetLastError',
  getErrorString: 'GetErrorString',
};

export type ApiObject = Record<string, (...args: string[]) => unknown>;

/**
 * SetValue failures that may pass: a throw, no error code, a general exception (101), a general
 * set failure (2004: 351) and a dependency not yet met (2004: 408, e.g. a field before its id).
 * Anything else says the value itself is wrong, and setting it again would not help.
 */
const PASSING_SET_ERRORS = new Set(['threw', '', '0', '101', '351', '408']);
const MAX_SET_TRIES = 3;

/** Immediately, then after these delays; a commit that fails on all of them waits for the next save. */
const COMMIT_RETRY_DELAYS_MS = [1000, 3000, 10000, 30000];

export class LmsConnection {
  private initialized = false;
  private terminated = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryCount = 0;
  private saving = true;
  private readonly objectiveIndexes = new Map<string, number>();
  /** null when the LMS would not tell: then writing records could overwrite its own. */
  private objectiveCount: number | null = 0;
  private interactionCount: number | null = 0;
  /** Values the LMS failed to take for a passing reason, in the order they were set: set again before each commit. */
  private readonly pending = new Map<string, string>();
  /** How often each waiting value has failed. */
  private readonly tries = new Map<string, number>();
  /** Per collection, the first record whose id the LMS would not take: it and later ones are not written. */
  private readonly lostFrom: { objectives?: number; interactions?: number } = {};

  constructor(
    private readonly api: ApiObject,
    private readonly names: ScormApiNames,
    /** Told when commits start failing (false) and when they work again (true). */
    private readonly onSaveState: (saving: boolean) => void = () => {},
  ) {}

  get active(): boolean {
    return this.initialized && !this.terminated;
  }

  /** Initialize (tried twice), then reads the collections once so later writes need no reads. */
  initialize(): boolean {
    if (this.initialized) return true;
    this.initialized = this.invoke(this.names.initialize, ['']) === 'true' || this.invoke(this.names.initialize, ['']) === 'true';
    if (this.initialized) {
      this.objectiveCount = this.count('cmi.objectives._count');
      for (let n = 0; n < (this.objectiveCount ?? 0); n++) this.objectiveIndexes.set(this.get(`cmi.objectives.${n}.id`), n);
      this.interactionCount = this.count('cmi.interactions._count');
    }
    return this.initialized;
  }

  /** The value, or '' when it is not set (error 403 in 2004) or the call failed. */
  get(element: string): string {
    if (!this.active) return '';
    const value = this.invoke(this.names.getValue, [element]);
    return typeof value === 'string' ? value : '';
  }

  /**
   * Sets a value. When the LMS fails for a passing reason (it throws, or answers with a general
   * failure or a not-yet-met dependency), the value is kept and set again before the next
   * commits, in its original order, at most MAX_SET_TRIES times. Returns whether the LMS took it now.
   */
  set(element: string, value: string | number): boolean {
    if (!this.active) return false;
    this.pending.delete(element);
    this.tries.delete(element);
    if (this.lost(element)) return false;
    if (this.behindWaitingId(element)) {
      // Records go in index order, fields after their id: wait behind the id that waits.
      this.pending.set(element, String(value));
      return false;
    }
    return this.setOrKeep(element, String(value));
  }

  /** A field of this or a later record of a collection waits for a record id that the LMS has not taken yet. */
  private behindWaitingId(element: string): boolean {
    const at = recordOf(element);
    if (!at) return false;
    for (const key of this.pending.keys()) {
      const waiting = recordOf(key);
      if (waiting?.isId && key !== element && waiting.collection === at.collection && waiting.index <= at.index) return true;
    }
    return false;
  }

  /** The element belongs to a record whose id was given up, or a later one of that collection. */
  private lost(element: string): boolean {
    const at = recordOf(element);
    return at !== null && this.lostFrom[at.collection] !== undefined && at.index >= this.lostFrom[at.collection]!;
  }

  /** Tries a set; keeps it for later when the failure may pass. */
  private setOrKeep(element: string, value: string): boolean {
    const result = this.invoke(this.names.setValue, [element, value]);
    if (result === 'true') {
      this.tries.delete(element);
      return true;
    }
    const code = result === undefined ? 'threw' : String(this.invoke(this.names.getLastError, []) ?? '');
    const tries = (this.tries.get(element) ?? 0) + 1;
    const keep = PASSING_SET_ERRORS.has(code) && tries <= MAX_SET_TRIES;
    if (keep) {
      this.pending.set(element, value);
      this.tries.set(element, tries);
    } else this.giveUp(element);
    if (tries === 1 || !keep) console.warn(`[awareness-kit] SetValue(${element}) failed (${code})${keep ? '; trying again at the next commit' : ''}`);
    return false;
  }

  /**
   * A value the LMS will not take. When it is the id of an objective or interaction record, the
   * record does not exist in the LMS: its waiting fields go too, and no further records of that
   * kind are written (a later index would be out of order).
   */
  private giveUp(element: string): void {
    this.pending.delete(element);
    this.tries.delete(element);
    const at = recordOf(element);
    if (!at?.isId) return;
    this.lostFrom[at.collection] = Math.min(at.index, this.lostFrom[at.collection] ?? Infinity);
    for (const key of [...this.pending.keys()]) if (this.lost(key)) this.pending.delete(key);
    if (at.collection === 'interactions') this.interactionCount = null;
    else {
      this.objectiveCount = null;
      for (const [id, n] of this.objectiveIndexes) if (n >= at.index) this.objectiveIndexes.delete(id);
    }
  }

  /** Sets again what waits, oldest first, so ids come before their fields and records in index order. */
  private retryPending(): void {
    const pending = [...this.pending];
    this.pending.clear();
    for (const [element, value] of pending) {
      if (this.lost(element)) continue;
      if (this.behindWaitingId(element)) this.pending.set(element, value);
      else this.setOrKeep(element, value);
    }
  }

  commit(): boolean {
    if (!this.active) return false;
    this.retryPending();
    const ok = this.invoke(this.names.commit, ['']) === 'true';
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (ok) this.retryCount = 0;
    else if (this.retryCount < COMMIT_RETRY_DELAYS_MS.length) {
      this.retryTimer = setTimeout(() => this.commit(), COMMIT_RETRY_DELAYS_MS[this.retryCount++]);
    }
    this.setSaving(ok);
    return ok;
  }

  /** Exactly once, even if commits failed: Terminate implies a commit in both versions. */
  terminate(): boolean {
    if (!this.active) return false;
    this.retryPending();
    this.terminated = true;
    clearTimeout(this.retryTimer);
    return this.invoke(this.names.terminate, ['']) === 'true';
  }

  /**
   * The index of the objective with this id; new ones are appended (2004 may pre-fill from the
   * manifest). null when the objective cannot be written safely.
   */
  objectiveIndex(id: string): number | null {
    const known = this.objectiveIndexes.get(id);
    if (known !== undefined || this.objectiveCount === null) return known ?? null;
    const n = this.objectiveCount;
    if (!this.set(`cmi.objectives.${n}.id`, id) && !this.pending.has(`cmi.objectives.${n}.id`)) return null;
    this.objectiveCount++;
    this.objectiveIndexes.set(id, n);
    return n;
  }

  /**
   * The element prefix of a new interaction record (one record per answer, a journal), with its
   * id written; null when it cannot be written safely.
   */
  newInteraction(id: string): string | null {
    if (this.interactionCount === null) return null;
    const prefix = `cmi.interactions.${this.interactionCount}`;
    if (!this.set(`${prefix}.id`, id) && !this.pending.has(`${prefix}.id`)) return null;
    this.interactionCount++;
    return prefix;
  }

  /** A collection's _count, or null when the LMS does not give one. */
  private count(element: string): number | null {
    const value = this.get(element);
    const n = Number(value);
    return value !== '' && Number.isInteger(n) && n >= 0 ? n : null;
  }

  private setSaving(saving: boolean): void {
    if (saving === this.saving) return;
    this.saving = saving;
    if (!saving) console.warn(`[awareness-kit] Commit failed: ${this.lastError()}`);
    this.onSaveState(saving);
  }

  private lastError(): string {
    const code = String(this.invoke(this.names.getLastError, []) ?? '');
    return `${code} ${String(this.invoke(this.names.getErrorString, [code]) ?? '')}`.trim();
  }

  /** Calls the API; undefined when the function is missing or throws. */
  private invoke(name: string, args: string[]): unknown {
    try {
      const fn = this.api[name];
      return typeof fn === 'function' ? fn.apply(this.api, args) : undefined;
    } catch (error) {
      console.warn(`[awareness-kit] ${name} threw`, error);
      return undefined;
    }
  }
}

/** The collection record an element belongs to (not the records inside an interaction). */
function recordOf(element: string): { collection: 'objectives' | 'interactions'; index: number; isId: boolean } | null {
  const m = /^cmi\.(objectives|interactions)\.(\d+)\.(.+)$/.exec(element);
  return m ? { collection: m[1] as 'objectives' | 'interactions', index: Number(m[2]), isId: m[3] === 'id' } : null;
}
