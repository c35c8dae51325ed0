/**
 * Delivers statements to the LRS so that nothing is lost and nothing is doubled:
 * - every statement is stored (localStorage) before it is sent, and removed only when the LRS
 *   has it, so a reload or a closed tab sends it next time;
 * - a statement keeps its id and bytes, so a resend after a lost reply is the same statement
 *   (the LRS keeps one);
 * - network failures and 5xx are retried with back-off while the learner goes on;
 * - a statement the LRS rejects (4xx) is reported with the LRS's reason and dropped, never
 *   retried forever; one bad statement does not hold back the others.
 */
import type { Statement } from '../../../xapi/types.js';
import type { LrsReply } from './lrs-client.js';

/** What the queue needs of localStorage. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Send = (batch: Statement[], keepalive: boolean) => Promise<LrsReply>;

/** Seconds between tries while the LRS cannot be reached; the last one repeats. */
const RETRY_DELAYS_S = [1, 2, 5, 10, 30, 60];
const BATCH = 25;
/** Browsers allow 64 KB of keepalive bodies in all; leave room for a state save. */
const KEEPALIVE_BYTES = 48 * 1024;

export class StatementQueue {
  private items: Statement[];
  private sending: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** The LRS refused our credentials: wait for the next launch rather than hammer it. */
  private unauthorised = false;

  constructor(
    private readonly send: Send,
    private readonly storage: KeyValueStorage | null,
    private readonly storageKey: string,
    /** Told when delivery starts failing (false) and works again (true). */
    private readonly onDelivering: (ok: boolean) => void = () => {},
  ) {
    this.items = this.load();
  }

  get pending(): readonly Statement[] {
    return this.items;
  }

  add(...statements: Statement[]): void {
    this.items.push(...statements);
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

  /** The page is going: hand what fits to a keepalive request. The items stay stored until confirmed. */
  flushOnExit(): void {
    if (this.items.length === 0 || this.unauthorised) return;
    const batch: Statement[] = [];
    let bytes = 2;
    for (const statement of this.items) {
      bytes += JSON.stringify(statement).length + 1;
      if (bytes > KEEPALIVE_BYTES) break;
      batch.push(statement);
    }
    void this.send(batch, true).then((reply) => {
      if (reply.status >= 200 && reply.status < 300) this.remove(batch);
    });
  }

  private async drain(): Promise<void> {
    while (this.items.length > 0 && !this.unauthorised) {
      const batch = this.items.slice(0, BATCH);
      const delivered = await this.deliver(batch);
      if (!delivered) return this.retryLater();
      if (this.failures > 0) this.onDelivering(true);
      this.failures = 0;
    }
  }

  /** true when the batch is settled (stored or dropped); false when it must be tried again. */
  private async deliver(batch: Statement[]): Promise<boolean> {
    const reply = await this.send(batch, false);
    const { status } = reply;
    if (status >= 200 && status < 300) {
      this.remove(batch);
      return true;
    }
    if (status === 0 || status >= 500 || status === 408 || status === 429) return false;
    if (status === 401 || status === 403) {
      console.error(`[awareness-kit] The LRS refused the credentials (${status}); statements are kept for the next launch.`, reply.body);
      this.unauthorised = true;
      this.onDelivering(false);
      return true;
    }
    if (batch.length > 1) {
      // 400/409/413…: find out which statement it is, one by one.
      for (const statement of batch) if (!(await this.deliver([statement]))) return false;
      return true;
    }
    if (status === 409) {
      // The LRS already has a statement with this id (xAPI Communication §2.1.2): it is stored.
      console.warn(`[awareness-kit] The LRS already holds statement ${batch[0].id} (409).`, reply.body);
    } else {
      console.error(`[awareness-kit] The LRS rejected statement ${batch[0].id} (${status}); it is dropped.`, reply.body, batch[0]);
    }
    this.remove(batch);
    return true;
  }

  private retryLater(): void {
    if (this.failures === 0) this.onDelivering(false);
    const delay = RETRY_DELAYS_S[Math.min(this.failures, RETRY_DELAYS_S.length - 1)];
    this.failures++;
    this.timer = setTimeout(() => void this.flush(), delay * 1000);
  }

  private remove(batch: Statement[]): void {
    const ids = new Set(batch.map((s) => s.id));
    this.items = this.items.filter((s) => !ids.has(s.id));
    this.persist();
  }

  private load(): Statement[] {
    try {
      const saved = this.storage?.getItem(this.storageKey);
      const items = saved ? (JSON.parse(saved) as unknown) : [];
      return Array.isArray(items) ? (items as Statement[]) : [];
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      if (this.items.length) this.storage?.setItem(this.storageKey, JSON.stringify(this.items));
      else this.storage?.removeItem(this.storageKey);
    } catch {
      // Storage full or blocked: the queue still lives in memory for this page.
    }
  }
}
