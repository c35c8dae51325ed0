/**
 * Delivers statements to the LRS so that nothing is lost and nothing is doubled:
 * - every statement is stored (localStorage) before it is sent, and removed only when the LRS
 *   has it, so a reload or a closed tab sends it next time;
 * - a statement keeps its id and bytes, so a resend after a lost reply is the same statement
 *   (the LRS keeps one);
 * - network failures and 5xx are retried with back-off while the learner goes on;
 * - a statement the LRS rejects (4xx) is reported with the LRS's reason and dropped, never
 *   retried forever; one bad statement does not hold back the others;
 * - a statement refused with 401/403 (credentials, or an LMS that closed the session) is kept
 *   for the next launch, skipped meanwhile, and dropped after being refused in three launches.
 */
import type { Statement } from '../../../xapi/types.js';
import type { LrsReply } from './lrs-client.js';

/** What the queue needs of localStorage. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface Transport {
  send(batch: Statement[]): Promise<LrsReply>;
  /** Hands statements to the browser as the page goes (no answer comes back). */
  sendOnExit(batch: Statement[]): void;
}

interface Entry {
  statement: Statement;
  /** In how many launches the LRS refused it with 401/403. */
  refusals: number;
}

/** Seconds between tries while the LRS cannot be reached; the last one repeats. */
const RETRY_DELAYS_S = [1, 2, 5, 10, 30, 60];
const BATCH = 25;
/** Browsers allow 64 KB for beacons and keepalive requests; leave room for the form encoding. */
const EXIT_BYTES = 40 * 1024;
/** A statement refused in this many launches is given up (and logged). */
const MAX_REFUSALS = 3;
/** After this many refused statements in a row the credentials are the problem: stop for this launch. */
const REFUSALS_BEFORE_PAUSE = 3;

export class StatementQueue {
  private entries: Entry[];
  private sending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** Ids refused (401/403) in this launch: kept, but not sent again until the next launch. */
  private readonly refused = new Set<string>();
  private refusedInARow = 0;

  constructor(
    private readonly transport: Transport,
    private readonly storage: KeyValueStorage | null,
    private readonly storageKey: string,
    /** Told when delivery starts failing (false) and works again (true). */
    private readonly onDelivering: (ok: boolean) => void = () => {},
  ) {
    this.entries = this.load();
  }

  get pending(): readonly Statement[] {
    return this.entries.map((e) => e.statement);
  }

  add(...statements: Statement[]): void {
    // Re-read first: another tab of the same launch may have queued statements meanwhile.
    this.entries = mergeEntries(this.load(), this.entries);
    this.entries.push(...statements.map((statement) => ({ statement, refusals: 0 })));
    this.persist();
    void this.flush();
  }

  /** Sends what is queued, one batch after another; resolves when empty or failing. */
  flush(): Promise<void> {
    if (!this.sending) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.sending = this.drain().finally(() => (this.sending = null));
    }
    return this.sending;
  }

  /** The page is going: hand what fits to the browser. The entries stay stored until confirmed. */
  flushOnExit(): void {
    const batch: Statement[] = [];
    let bytes = 0;
    for (const { statement } of this.sendable()) {
      bytes += utf8Length(JSON.stringify(statement)) * 1.1 + 1;
      if (bytes > EXIT_BYTES) break;
      batch.push(statement);
    }
    if (batch.length) this.transport.sendOnExit(batch);
  }

  private sendable(): Entry[] {
    return this.entries.filter((e) => !this.refused.has(e.statement.id));
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.refusedInARow >= REFUSALS_BEFORE_PAUSE) return;
      const batch = this.sendable().slice(0, BATCH).map((e) => e.statement);
      if (batch.length === 0) return;
      const delivered = await this.deliver(batch);
      if (!delivered) return this.retryLater();
      if (this.failures > 0) this.onDelivering(true);
      this.failures = 0;
    }
  }

  /** true when the batch is settled (stored, dropped or put aside); false when it must be tried again. */
  private async deliver(batch: Statement[]): Promise<boolean> {
    const reply = await this.transport.send(batch);
    const { status } = reply;
    if (status >= 200 && status < 300) {
      this.remove(batch);
      this.refusedInARow = 0;
      return true;
    }
    if (status === 0 || status >= 500 || status === 408 || status === 429) return false;
    if (batch.length > 1) {
      // 400/401/403/409/413…: find out which statement it is, one by one.
      for (const statement of batch) {
        if (this.refusedInARow >= REFUSALS_BEFORE_PAUSE) break;
        if (!(await this.deliver([statement]))) return false;
      }
      return true;
    }
    const [statement] = batch;
    if (status === 401 || status === 403) {
      this.putAside(statement, status, reply.body);
    } else if (status === 409) {
      // The LRS already has a statement with this id (xAPI Communication §2.1.2): it is stored.
      console.warn(`[awareness-kit] The LRS already holds statement ${statement.id} (409).`, reply.body);
      this.remove(batch);
    } else {
      console.error(`[awareness-kit] The LRS rejected statement ${statement.id} (${status}); it is dropped.`, reply.body, statement);
      this.remove(batch);
    }
    return true;
  }

  /** Refused by the LRS: keep it for the next launch, unless it has been refused too often. */
  private putAside(statement: Statement, status: number, body: string): void {
    const entry = this.entries.find((e) => e.statement.id === statement.id)!;
    entry.refusals++;
    this.refusedInARow++;
    if (entry.refusals >= MAX_REFUSALS) {
      console.error(`[awareness-kit] The LRS refused statement ${statement.id} (${status}) in ${MAX_REFUSALS} launches; it is dropped.`, body, statement);
      this.remove([statement]);
      return;
    }
    console.error(`[awareness-kit] The LRS refused statement ${statement.id} (${status}); it is kept for the next launch.`, body);
    this.refused.add(statement.id);
    this.persist();
    if (this.refusedInARow === REFUSALS_BEFORE_PAUSE) this.onDelivering(false);
  }

  private retryLater(): void {
    if (this.failures === 0) this.onDelivering(false);
    const delay = RETRY_DELAYS_S[Math.min(this.failures, RETRY_DELAYS_S.length - 1)];
    this.failures++;
    this.timer = setTimeout(() => void this.flush(), delay * 1000);
  }

  private remove(batch: Statement[]): void {
    const ids = new Set(batch.map((s) => s.id));
    this.entries = this.entries.filter((e) => !ids.has(e.statement.id));
    // What another tab delivered meanwhile is gone from storage; keep only what is still there or ours.
    this.persist(ids);
  }

  private load(): Entry[] {
    try {
      const saved = this.storage?.getItem(this.storageKey);
      const items = saved ? (JSON.parse(saved) as unknown) : [];
      return Array.isArray(items) ? (items as Entry[]).filter((e) => e && typeof e.statement?.id === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Writes the queue, keeping entries another tab added (but not ones just delivered here). */
  private persist(delivered: Set<string> = new Set()): void {
    try {
      const stored = this.load().filter((e) => !delivered.has(e.statement.id));
      const all = mergeEntries(stored, this.entries);
      if (all.length) this.storage?.setItem(this.storageKey, JSON.stringify(all));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      // Storage full or blocked: the queue still lives in memory for this page.
    }
  }
}

/** Union by statement id, in timestamp order; for a statement in both, ours (the newer count) wins. */
function mergeEntries(stored: Entry[], ours: Entry[]): Entry[] {
  const byId = new Map(stored.map((e) => [e.statement.id, e]));
  for (const e of ours) byId.set(e.statement.id, e);
  return [...byId.values()].sort((a, b) => a.statement.timestamp.localeCompare(b.statement.timestamp));
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
