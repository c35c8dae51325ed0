import type { LaunchInfo } from '../tracker.js';

/**
 * Calls into a SCORM API with the care real LMSs need: results are strings, a failed call is
 * retried, a throwing API never reaches the learner, and a failed commit is tried again later.
 * It knows two dialects (1.2 and 2004) only by their function names.
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

type ApiObject = Record<string, (...args: string[]) => unknown>;

/** What both SCORM versions read at launch, turned into the Tracker's terms. */
export function launchInfo(values: { suspendData: string; mode: string; passingScore: number | null; language: string }): LaunchInfo {
  const language = values.language.slice(0, 2);
  return {
    connected: true,
    resumeState: values.suspendData || null,
    mode: values.mode === 'browse' || values.mode === 'review' ? values.mode : 'normal',
    passingScore: values.passingScore ?? undefined,
    language: language === 'da' || language === 'en' ? language : undefined,
  };
}

/** A number from the LMS, or null for "not set" / not a number. */
export function lmsNumber(value: string): number | null {
  return value !== '' && !Number.isNaN(Number(value)) ? Number(value) : null;
}

const IMMEDIATE_TRIES = 3;
const COMMIT_RETRY_DELAYS_MS = [1000, 3000, 10000, 30000];

export class LmsConnection {
  private initialized = false;
  private terminated = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryCount = 0;
  /** The last problem, for the "progress may not be saved" notice. */
  lastError: string | null = null;

  constructor(
    private readonly api: ApiObject,
    private readonly names: ScormApiNames,
  ) {}

  get active(): boolean {
    return this.initialized && !this.terminated;
  }

  initialize(): boolean {
    if (this.initialized) return true;
    this.initialized = this.call(this.names.initialize, ['']) === 'true';
    return this.initialized;
  }

  /** Returns '' for elements that are not set (error 403 in 2004) or on failure. */
  get(element: string): string {
    if (!this.active) return '';
    const value = this.raw(this.names.getValue, [element]);
    return typeof value === 'string' ? value : value == null ? '' : String(value);
  }

  set(element: string, value: string | number): boolean {
    if (!this.active) return false;
    return this.call(this.names.setValue, [element, String(value)]) === 'true';
  }

  commit(): boolean {
    if (!this.active) return false;
    const ok = this.call(this.names.commit, ['']) === 'true';
    if (ok) {
      this.retryCount = 0;
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    } else {
      this.scheduleCommitRetry();
    }
    return ok;
  }

  /** The index of the objective with this id; appended when the LMS has none yet (2004 may pre-fill from the manifest). */
  objectiveIndex(id: string): number {
    const count = Number(this.get('cmi.objectives._count')) || 0;
    for (let n = 0; n < count; n++) if (this.get(`cmi.objectives.${n}.id`) === id) return n;
    this.set(`cmi.objectives.${count}.id`, id);
    return count;
  }

  /** The element prefix of a new interaction record: one record per answer (a journal). */
  newInteraction(): string {
    return `cmi.interactions.${Number(this.get('cmi.interactions._count')) || 0}`;
  }

  /** Exactly once, even if an earlier commit failed: terminate implies a commit in both versions. */
  terminate(): boolean {
    if (!this.active) return false;
    this.terminated = true;
    clearTimeout(this.retryTimer);
    return this.raw(this.names.terminate, ['']) === 'true';
  }

  private scheduleCommitRetry(): void {
    if (this.retryTimer !== undefined || this.retryCount >= COMMIT_RETRY_DELAYS_MS.length) return;
    const delay = COMMIT_RETRY_DELAYS_MS[this.retryCount++];
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.commit();
    }, delay);
  }

  /** A call with immediate retries; the result as the API returned it. */
  private call(name: string, args: string[]): string {
    let result = 'false';
    for (let attempt = 0; attempt < IMMEDIATE_TRIES; attempt++) {
      result = String(this.raw(name, args));
      if (result === 'true') return result;
      const code = String(this.raw(this.names.getLastError, []));
      // Errors about our own data (4xx) will not change on a retry.
      if (/^4\d\d$/.test(code)) break;
    }
    this.lastError = `${name}(${args[0] ?? ''}) failed: ${this.describeLastError()}`;
    console.warn(`[awareness-kit] ${this.lastError}`);
    return result;
  }

  private describeLastError(): string {
    const code = String(this.raw(this.names.getLastError, []));
    const text = String(this.raw(this.names.getErrorString, [code]) ?? '');
    return `${code} ${text}`.trim();
  }

  private raw(name: string, args: string[]): unknown {
    try {
      const fn = this.api[name];
      return typeof fn === 'function' ? fn.apply(this.api, args) : 'false';
    } catch (error) {
      console.warn(`[awareness-kit] ${name} threw`, error);
      return 'false';
    }
  }
}
