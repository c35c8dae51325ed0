/**
 * The statement queue's decisions, for each answer an LRS can give (xAPI Communication §2.1).
 * The LRS here is a function that answers by rule; the end-to-end tests use the real one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StatementQueue, type Transport } from '../../src/tracking/xapi/statement-queue.js';
import type { LrsReply } from '../../src/tracking/xapi/lrs-client.js';
import type { Statement } from '../../xapi/types.js';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
  removeItem = (k: string) => void this.data.delete(k);
}

const statement = (n: number, verb = 'experienced'): Statement => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  actor: { mbox: 'mailto:kim@kommune.dk' },
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { en: verb } },
  object: { id: `https://kommune.dk/xapi/x/${n}` },
  timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
});

/** An LRS that answers each POST by a rule and keeps what it accepted (by id, once). */
function lrs(answer: (batch: Statement[]) => number) {
  const stored = new Map<string, Statement>();
  const posts: string[][] = [];
  const exits: string[][] = [];
  const send: Transport = {
    send: async (batch) => {
      posts.push(batch.map((s) => s.id));
      const status = answer(batch);
      if (status >= 200 && status < 300) for (const s of batch) stored.set(s.id, s);
      return { status, body: status >= 400 ? `{"message":"rule ${status}"}` : '[]' } satisfies LrsReply;
    },
    sendOnExit: (batch) => void exits.push(batch.map((s) => s.id)),
  };
  return { send, stored, posts, exits };
}

afterEach(() => vi.restoreAllMocks());

describe('StatementQueue', () => {
  it('sends in order and forgets what the LRS stored', async () => {
    const storage = new MemoryStorage();
    const server = lrs(() => 200);
    const queue = new StatementQueue(server.send, storage, 'q');
    queue.add(statement(1), statement(2));
    queue.add(statement(3));
    await queue.flush();
    expect([...server.stored.keys()]).toEqual([statement(1).id, statement(2).id, statement(3).id]);
    expect(queue.pending).toEqual([]);
    expect(storage.data.has('q')).toBe(false);
  });

  it('keeps statements across a reload (localStorage) and sends them from the next page', async () => {
    const storage = new MemoryStorage();
    const down = lrs(() => 0);
    const first = new StatementQueue(down.send, storage, 'q');
    first.add(statement(1), statement(2));
    await first.flush();
    expect(JSON.parse(storage.data.get('q')!)).toHaveLength(2);
    const up = lrs(() => 200);
    const second = new StatementQueue(up.send, storage, 'q');
    await second.flush();
    expect([...up.stored.keys()]).toEqual([statement(1).id, statement(2).id]);
  });

  it('a rejected statement (400) is reported with the LRS reason and dropped; the rest of the batch is delivered', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bad = statement(2, 'bad');
    const server = lrs((batch) => (batch.some((s) => s.verb.id.endsWith('/bad')) ? 400 : 200));
    const queue = new StatementQueue(server.send, new MemoryStorage(), 'q');
    queue.add(statement(1), bad, statement(3));
    await queue.flush();
    expect([...server.stored.keys()]).toEqual([statement(1).id, statement(3).id]);
    expect(queue.pending).toEqual([]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining(`rejected statement ${bad.id} (400)`), '{"message":"rule 400"}', bad);
    // Tried as a batch, then one by one — never again after that.
    expect(server.posts.filter((p) => p.includes(bad.id))).toHaveLength(2);
  });

  it('409 (the LRS already has this id) counts as stored', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const server = lrs(() => 409);
    const queue = new StatementQueue(server.send, new MemoryStorage(), 'q');
    queue.add(statement(1));
    await queue.flush();
    expect(queue.pending).toEqual([]);
  });

  it('network failures and 5xx are retried with back-off, with the same ids, and the learner is told', async () => {
    vi.useFakeTimers();
    try {
      let up = false;
      const told: boolean[] = [];
      const server = lrs(() => (up ? 200 : 503));
      const queue = new StatementQueue(server.send, new MemoryStorage(), 'q', (ok) => told.push(ok));
      queue.add(statement(1));
      await vi.advanceTimersByTimeAsync(0);
      expect(told).toEqual([false]);
      await vi.advanceTimersByTimeAsync(1000 + 2000);
      expect(server.posts).toHaveLength(3);
      up = true;
      await vi.advanceTimersByTimeAsync(5000);
      expect(told).toEqual([false, true]);
      expect(server.posts.every((p) => p[0] === statement(1).id)).toBe(true);
      expect([...server.stored.keys()]).toEqual([statement(1).id]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('401/403 on one statement: kept for the next launch, the others still delivered; given up after 3 launches', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new MemoryStorage();
    const refused = statement(2, 'refused');
    const rule = (batch: Statement[]) => (batch.some((s) => s.verb.id.endsWith('/refused')) ? 403 : 200);
    const launch1 = lrs(rule);
    const first = new StatementQueue(launch1.send, storage, 'q');
    first.add(statement(1), refused, statement(3));
    await first.flush();
    expect([...launch1.stored.keys()]).toEqual([statement(1).id, statement(3).id]);
    expect(first.pending.map((s) => s.id)).toEqual([refused.id]);
    // Not sent again in the same launch.
    first.add(statement(4));
    await first.flush();
    expect(launch1.posts.filter((p) => p.includes(refused.id))).toHaveLength(2);
    // Launches 2 and 3 try again; after the third refusal it is dropped, with the LRS's reason.
    for (let launch = 2; launch <= 3; launch++) {
      const next = lrs(rule);
      await new StatementQueue(next.send, storage, 'q').flush();
      expect(next.posts).toEqual([[refused.id]]);
    }
    expect(storage.data.has('q')).toBe(false);
    expect(error).toHaveBeenLastCalledWith(expect.stringContaining(`refused statement ${refused.id} (403) in 3 launches; it is dropped`), '{"message":"rule 403"}', refused);
  });

  it('401 for every statement (bad credentials): stops after three refusals in a row, keeps everything', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const storage = new MemoryStorage();
    const told: boolean[] = [];
    const server = lrs(() => 401);
    const queue = new StatementQueue(server.send, storage, 'q', (ok) => told.push(ok));
    queue.add(...[1, 2, 3, 4, 5, 6].map((n) => statement(n)));
    await queue.flush();
    // One batch, then one by one until the third refusal: 4 requests, not 7.
    expect(server.posts).toHaveLength(4);
    expect(JSON.parse(storage.data.get('q')!)).toHaveLength(6);
    expect(told).toEqual([false]);
  });

  it('leaving hands what is queued to the browser, stored until the LRS confirms', async () => {
    const storage = new MemoryStorage();
    const server = lrs(() => 0);
    const queue = new StatementQueue(server.send, storage, 'q');
    queue.add(statement(1), statement(2));
    await queue.flush();
    queue.flushOnExit();
    expect(server.exits).toEqual([[statement(1).id, statement(2).id]]);
    expect(JSON.parse(storage.data.get('q')!)).toHaveLength(2);
  });

  it('two tabs of one launch do not wipe each other\'s statements', async () => {
    const storage = new MemoryStorage();
    const down = lrs(() => 0);
    const a = new StatementQueue(down.send, storage, 'q');
    const b = new StatementQueue(down.send, storage, 'q');
    a.add(statement(1));
    b.add(statement(2));
    a.add(statement(3));
    await Promise.all([a.flush(), b.flush()]);
    const up = lrs(() => 200);
    await new StatementQueue(up.send, storage, 'q').flush();
    expect([...up.stored.keys()].sort()).toEqual([statement(1).id, statement(2).id, statement(3).id]);
  });
});
