import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLrs, type Lrs } from '../../build-scripts/lrs/lrs.js';

// The test LRS through real HTTP: the document resources beside xapi-statements, CORS, faults, outages.
let lrs: Lrs;
beforeAll(async () => {
  lrs = await startLrs();
});
afterAll(async () => {
  await lrs?.close();
});
afterEach(() => {
  lrs.setFault(null);
});

const ACTIVITY = 'https://example.com/activities/module-1';
const ANN = { objectType: 'Agent', name: 'Ann', mbox: 'mailto:ann@example.com' };
const BOB = { account: { homePage: 'https://lms.example.com', name: 'bob' } };

type Params = Record<string, string | object>;

function url(path: string, params: Params = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return `${lrs.endpoint}${path}${query.size > 0 ? `?${query}` : ''}`;
}

function xapi(path: string, params: Params, init: RequestInit = {}): Promise<Response> {
  const headers = { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', ...(init.headers as Record<string, string>) };
  return fetch(url(path, params), { ...init, headers });
}

const state = (params: Params, init?: RequestInit) => xapi('activities/state', { activityId: ACTIVITY, agent: ANN, ...params }, init);
const activityProfile = (params: Params, init?: RequestInit) => xapi('activities/profile', { activityId: ACTIVITY, ...params }, init);
const agentProfile = (params: Params, init?: RequestInit) => xapi('agents/profile', { agent: ANN, ...params }, init);
const putJson = (value: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'PUT',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(value),
});
const postJson = (value: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) });
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const id = () => `doc-${randomUUID()}`;

function statement(statementId = randomUUID()) {
  return {
    id: statementId,
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'learner-1' } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { en: 'experienced' } },
    object: { objectType: 'Activity', id: ACTIVITY },
    timestamp: new Date().toISOString(),
  };
}

function postStatement(body: unknown): Promise<Response> {
  return xapi('statements', {}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** The error code under fetch's "fetch failed" TypeError (undici puts the socket error in `cause`). */
async function networkError(request: Promise<Response>): Promise<string> {
  const error = await request.then(
    () => null,
    (e: unknown) => e as { cause?: { code?: string } },
  );
  expect(error, 'the request should fail at the network level').not.toBeNull();
  return error!.cause?.code ?? 'no code';
}

describe('document resources', () => {
  it('PUT then GET returns the bytes, content type, SHA-1 ETag, Last-Modified and the xAPI version', async () => {
    const stateId = id();
    const put = await state({ stateId }, { method: 'PUT', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'bookmark: scene 3' });
    expect(put.status).toBe(204);
    const got = await state({ stateId });
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('bookmark: scene 3');
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(got.headers.get('etag')).toBe(`"${sha1('bookmark: scene 3')}"`);
    expect(Math.abs(Date.parse(got.headers.get('last-modified')!) - Date.now())).toBeLessThan(5000);
    expect(got.headers.get('x-experience-api-version')).toBe('1.0.3');
  });

  it('PUT replaces the whole document', async () => {
    const stateId = id();
    await state({ stateId }, putJson({ a: 1, b: 2 }));
    await state({ stateId }, putJson({ c: 3 }));
    expect(await (await state({ stateId })).json()).toEqual({ c: 3 });
  });

  it('keeps a document with a registration apart from one without and from another registration', async () => {
    const stateId = id();
    const [regA, regB] = [randomUUID(), randomUUID()];
    expect((await state({ stateId, registration: regA }, putJson({ in: 'A' }))).status).toBe(204);
    expect((await state({ stateId }, putJson({ in: 'none' }))).status).toBe(204);
    expect(await (await state({ stateId, registration: regA })).json()).toEqual({ in: 'A' });
    expect(await (await state({ stateId, registration: regA.toUpperCase() })).json()).toEqual({ in: 'A' });
    expect(await (await state({ stateId })).json()).toEqual({ in: 'none' });
    expect((await state({ stateId, registration: regB })).status).toBe(404);
  });

  it('finds an agent by its identifier, whatever else the agent JSON holds', async () => {
    const stateId = id();
    await state({ stateId, agent: ANN }, putJson({ who: 'ann' }));
    for (const same of [{ mbox: 'mailto:ann@example.com' }, { name: 'Ann Other', mbox: 'mailto:ann@EXAMPLE.com', objectType: 'Agent' }]) {
      expect(await (await state({ stateId, agent: same })).json()).toEqual({ who: 'ann' });
    }
    expect((await state({ stateId, agent: { mbox: 'mailto:ann2@example.com' } })).status).toBe(404);
    expect((await state({ stateId, agent: { mbox_sha1sum: sha1('mailto:ann@example.com') } })).status).toBe(404);

    const profileId = id();
    await agentProfile({ agent: BOB, profileId }, putJson({ who: 'bob' }, { 'If-None-Match': '*' }));
    const bobAgain = { name: 'Bob', objectType: 'Agent', account: { name: 'bob', homePage: 'https://lms.example.com' } };
    expect(await (await agentProfile({ agent: bobAgain, profileId })).json()).toEqual({ who: 'bob' });
    expect((await agentProfile({ agent: { account: { homePage: 'https://lms.example.com', name: 'bo' } }, profileId })).status).toBe(404);
  });

  it('POST merges top-level properties of JSON objects, and refuses anything else with 400', async () => {
    const stateId = id();
    await state({ stateId }, putJson({ x: 'foo', y: 'bar', nested: { keep: false } }));
    expect((await state({ stateId }, postJson({ x: 'bash', z: 'faz', nested: { new: true } }))).status).toBe(204);
    const merged = await state({ stateId });
    expect(await merged.json()).toEqual({ x: 'bash', y: 'bar', z: 'faz', nested: { new: true } });
    expect(merged.headers.get('content-type')).toBe('application/json');

    expect((await state({ stateId }, postJson(['not', 'an', 'object']))).status).toBe(400);
    const asText = await state({ stateId }, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x=1' });
    expect(asText.status).toBe(400);
    expect(typeof ((await asText.json()) as { message: unknown }).message).toBe('string');

    const textId = id();
    await state({ stateId: textId }, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'plain' });
    expect((await state({ stateId: textId }, postJson({ x: 1 }))).status).toBe(400);
    expect(await (await state({ stateId: textId })).text()).toBe('plain');
    expect(await (await state({ stateId })).json()).toEqual({ x: 'bash', y: 'bar', z: 'faz', nested: { new: true } });
  });

  it('POST to a missing document stores it', async () => {
    const stateId = id();
    expect((await state({ stateId }, postJson({ first: true }))).status).toBe(204);
    expect(await (await state({ stateId })).json()).toEqual({ first: true });
  });

  it('If-Match with the current ETag writes; a stale or unknown one gets 412 and changes nothing', async () => {
    const profileId = id();
    expect((await activityProfile({ profileId }, putJson({ v: 1 }, { 'If-None-Match': '*' }))).status).toBe(204);
    const etag = (await activityProfile({ profileId })).headers.get('etag')!;
    expect(etag).toBe(`"${sha1(JSON.stringify({ v: 1 }))}"`);
    expect((await activityProfile({ profileId }, putJson({ v: 2 }, { 'If-Match': etag }))).status).toBe(204);
    expect((await activityProfile({ profileId }, putJson({ v: 3 }, { 'If-Match': etag }))).status).toBe(412);
    expect(await (await activityProfile({ profileId })).json()).toEqual({ v: 2 });
    expect((await activityProfile({ profileId: id() }, putJson({ v: 1 }, { 'If-Match': etag }))).status).toBe(412);
    const stale = await state({ stateId: id() }, { method: 'DELETE', headers: { 'If-Match': etag } });
    expect(stale.status).toBe(412);
  });

  it('If-None-Match: * gets 412 when the document exists', async () => {
    const profileId = id();
    expect((await agentProfile({ profileId }, putJson({ v: 1 }, { 'If-None-Match': '*' }))).status).toBe(204);
    expect((await agentProfile({ profileId }, putJson({ v: 2 }, { 'If-None-Match': '*' }))).status).toBe(412);
    expect(await (await agentProfile({ profileId })).json()).toEqual({ v: 1 });
  });

  it('a profile PUT without concurrency headers over an existing document is a 409; State allows it', async () => {
    const profileId = id();
    expect((await agentProfile({ profileId }, putJson({ v: 1 }))).status).toBe(204);
    const conflict = await agentProfile({ profileId }, putJson({ v: 2 }));
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { message: string }).message).toMatch(/If-Match/);
    expect(await (await agentProfile({ profileId })).json()).toEqual({ v: 1 });

    await activityProfile({ profileId }, putJson({ v: 1 }));
    expect((await activityProfile({ profileId }, putJson({ v: 2 }))).status).toBe(409);

    const stateId = id();
    await state({ stateId }, putJson({ v: 1 }));
    expect((await state({ stateId }, putJson({ v: 2 }))).status).toBe(204);
  });

  it('answers 404 for a missing document, 204 for DELETE, then 404', async () => {
    const profileId = id();
    const missing = await activityProfile({ profileId });
    expect(missing.status).toBe(404);
    await activityProfile({ profileId }, putJson({ v: 1 }, { 'If-None-Match': '*' }));
    expect((await activityProfile({ profileId })).status).toBe(200);
    expect((await activityProfile({ profileId }, { method: 'DELETE' })).status).toBe(204);
    expect((await activityProfile({ profileId })).status).toBe(404);
  });

  it('DELETE of State without stateId deletes every state of that activity, agent and registration', async () => {
    const [regA, regB] = [randomUUID(), randomUUID()];
    await state({ stateId: 's1', registration: regA }, putJson(1));
    await state({ stateId: 's2', registration: regA }, putJson(2));
    await state({ stateId: 's1', registration: regB }, putJson(3));
    expect((await state({ registration: regA }, { method: 'DELETE' })).status).toBe(204);
    expect((await state({ stateId: 's1', registration: regA })).status).toBe(404);
    expect((await state({ stateId: 's2', registration: regA })).status).toBe(404);
    expect(await (await state({ stateId: 's1', registration: regB })).json()).toBe(3);
  });

  it('GET without an id lists the ids, limited by since', async () => {
    const activityId = `https://example.com/activities/${randomUUID()}`;
    await activityProfile({ activityId, profileId: 'early' }, putJson(1, { 'If-None-Match': '*' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await activityProfile({ activityId, profileId: 'late' }, putJson(2, { 'If-None-Match': '*' }));

    const all = await activityProfile({ activityId });
    expect(all.status).toBe(200);
    expect(((await all.json()) as string[]).sort()).toEqual(['early', 'late']);
    expect(await (await activityProfile({ activityId, since })).json()).toEqual(['late']);
    expect((await activityProfile({ activityId, since: 'yesterday' })).status).toBe(400);

    const registration = randomUUID();
    await state({ stateId: 'bookmark', registration }, putJson('x'));
    await state({ stateId: 'suspend', registration }, putJson('y'));
    await state({ stateId: 'other', registration: randomUUID() }, putJson('z'));
    expect(((await (await state({ registration })).json()) as string[]).sort()).toEqual(['bookmark', 'suspend']);
  });

  it('answers 400 with a JSON message for bad or missing parameters', async () => {
    const bad: Array<Promise<Response>> = [
      xapi('activities/state', { agent: ANN, stateId: 's' }), // no activityId
      xapi('activities/state', { activityId: ACTIVITY, stateId: 's' }), // no agent
      state({ stateId: 's', agent: '{"mbox": "mailto:ann@example.com"' }), // not JSON
      state({ stateId: 's', agent: { name: 'Ann' } }), // no identifier
      state({ stateId: 's', agent: { mbox: 'mailto:ann@example.com', openid: 'https://id.example.com/ann' } }), // two
      state({ stateId: 's', agent: { mbox: 'ann@example.com' } }), // mbox without mailto:
      state({ stateId: 's', registration: 'not-a-uuid' }),
      state({}, putJson({ v: 1 })), // PUT without stateId
      xapi('activities/profile', { profileId: 'p' }), // no activityId
      xapi('agents/profile', { profileId: 'p' }), // no agent
      agentProfile({}, { method: 'DELETE' }), // DELETE without profileId
    ];
    for (const response of await Promise.all(bad)) {
      expect(response.status, response.url).toBe(400);
      expect(((await response.json()) as { message: unknown }).message, response.url).toEqual(expect.any(String));
    }
  });

  it('rejects document requests without the X-Experience-API-Version header', async () => {
    const response = await fetch(url('activities/state', { activityId: ACTIVITY, agent: ANN, stateId: 's' }), {
      headers: { Authorization: lrs.auth },
    });
    expect(response.status).toBe(400);
  });
});

describe('the front server', () => {
  it('answers CORS preflights itself, for every path, and exposes the xAPI headers', async () => {
    const origin = 'http://page.example.test';
    const headers = 'authorization,content-type,x-experience-api-version,if-match,if-none-match';
    for (const path of ['activities/state', 'statements', 'anything/else']) {
      const preflight = await fetch(`${lrs.endpoint}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': headers },
      });
      expect(preflight.status, path).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
      expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
      const methods = preflight.headers.get('access-control-allow-methods')!.split(',').map((m) => m.trim());
      expect(methods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS']));
      const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(',').map((h) => h.trim());
      expect(allowed).toEqual(expect.arrayContaining(headers.split(',')));
    }
    const stateId = id();
    await state({ stateId }, putJson({ v: 1 }));
    for (const response of [await state({ stateId }, { headers: { Origin: 'null' } }), await xapi('about', {}, { headers: { Origin: 'null' } })]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('null');
      const exposed = response.headers.get('access-control-expose-headers')!.toLowerCase();
      for (const name of ['etag', 'last-modified', 'x-experience-api-version']) expect(exposed).toContain(name);
    }
  });

  it('forwards statements to the real LRS, which stores them', async () => {
    const sent = statement();
    const posted = await postStatement([sent]);
    expect(posted.status).toBe(200);
    expect(await posted.json()).toEqual([sent.id]);
    const got = await xapi('statements', { statementId: sent.id });
    expect(got.status).toBe(200);
    const stored = (await got.json()) as { id: string; actor: unknown; stored?: string };
    expect(stored.id).toBe(sent.id);
    expect(stored.actor).toEqual(sent.actor);
    expect(stored.stored).toEqual(expect.any(String)); // set by the LRS, so it went through xapi-statements
    expect((await xapi('statements', { statementId: randomUUID() })).status).toBe(404);
  });

  it('records every request it received', async () => {
    const sent = statement();
    const before = lrs.requests.length;
    await postStatement(sent);
    const [record] = lrs.requests.slice(before);
    expect(record.method).toBe('POST');
    expect(record.path).toBe('/xAPI/statements');
    expect(record.headers['x-experience-api-version']).toBe('1.0.3');
    expect(JSON.parse(record.body)).toEqual(sent);
    expect(record.status).toBe(200);
  });

  it('serves extra routes, with the body, until they are removed', async () => {
    const remove = lrs.route('POST', '/fetch', (_req, res, body) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ 'auth-token': 'once', got: body.toString() }));
    });
    const first = await fetch(`${lrs.url}/fetch?x=1`, { method: 'POST', body: 'hello' });
    expect(await first.json()).toEqual({ 'auth-token': 'once', got: 'hello' });
    remove();
    expect((await fetch(`${lrs.url}/fetch`, { method: 'POST' })).status).toBe(404);
  });

  it('unavailable: answers 503 without forwarding, so nothing is stored; only the next `count` requests', async () => {
    const sent = statement();
    lrs.setFault({ kind: 'unavailable' });
    const refused = await postStatement(sent);
    expect(refused.status).toBe(503);
    expect((await state({ stateId: id() })).status).toBe(404); // documents are not behind the default path
    lrs.setFault(null);
    expect((await xapi('statements', { statementId: sent.id })).status).toBe(404);

    lrs.setFault({ kind: 'unavailable', count: 1, path: '/' });
    expect((await state({ stateId: id() })).status).toBe(503);
    expect((await state({ stateId: id() })).status).toBe(404);
  });

  it('a fault with `match` hits only requests that carry it, and only those count down', async () => {
    const other = statement();
    const mine = statement();
    lrs.setFault({ kind: 'unavailable', count: 1, match: mine.id });
    expect((await postStatement(other)).status).toBe(200);
    expect((await postStatement(mine)).status).toBe(503);
    expect((await postStatement(mine)).status).toBe(200);
  });

  it('drop-reply: the real LRS stores the statement, the client gets a socket error', async () => {
    const sent = statement();
    lrs.setFault({ kind: 'drop-reply', count: 1 });
    // One request per connection, or a browser would resend it silently over a new one.
    expect((await xapi('about', {})).headers.get('connection')).toBe('close');
    const code = await networkError(postStatement(sent));
    expect(code).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect(lrs.requests.at(-1)).toMatchObject({ method: 'POST', fault: 'drop-reply', status: 200 });
    expect((await xapi('statements', { statementId: sent.id })).status).toBe(200);
  });

  it('delay: answers after the delay', async () => {
    lrs.setFault({ kind: 'delay', ms: 400, count: 1 });
    const started = Date.now();
    expect((await xapi('statements', { statementId: randomUUID() })).status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('goDown: connection refused; comeBack: works again, earlier statements still there', async () => {
    const sent = statement();
    expect((await postStatement(sent)).status).toBe(200);
    await lrs.goDown();
    expect(await networkError(xapi('statements', { statementId: sent.id }))).toBe('ECONNREFUSED');
    await lrs.comeBack();
    const got = await xapi('statements', { statementId: sent.id });
    expect(got.status).toBe(200);
    expect(((await got.json()) as { id: string }).id).toBe(sent.id);
  });

  it('goDown also cuts a request in progress', async () => {
    lrs.setFault({ kind: 'delay', ms: 2000, count: 1 });
    const before = lrs.requests.length;
    const pending = networkError(xapi('statements', { statementId: randomUUID() }));
    await expect.poll(() => lrs.requests.length).toBeGreaterThan(before);
    await lrs.goDown();
    const started = Date.now();
    await pending;
    expect(Date.now() - started).toBeLessThan(1000); // cut, not answered after the delay
    await lrs.comeBack();
  });
});

describe('startLrs', () => {
  it('fails with a clear error, and cleans up, when xapi-statements does not come up in time', async () => {
    await expect(startLrs({ startTimeoutMs: 1 })).rejects.toThrow(/xapi-statements did not listen within 1 ms[\s\S]*its stderr/);
  });
});
