/** Launch parameters as LMSs send them (standards.md A6, A7.2). */
import { describe, expect, it } from 'vitest';
import { authHeader, cmi5Launch, parseActor, tinCanLaunch } from '../../src/tracking/xapi/launch.js';

const q = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;
const REG = '3f1c6f2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f';

describe('TinCan launch', () => {
  it('reads endpoint, auth, actor, registration, activity_id and unit', () => {
    const launch = tinCanLaunch(
      q({
        endpoint: 'https://lrs.kommune.dk/xapi',
        auth: 'Basic dXNlcjpwYXNz',
        actor: JSON.stringify({ mbox: 'mailto:kim@kommune.dk', name: 'Kim' }),
        registration: REG,
        activity_id: 'https://kommune.dk/xapi/modules/x',
        unit: 'Borgerservice',
      }),
    );
    expect(launch).toEqual({
      endpoint: 'https://lrs.kommune.dk/xapi/',
      auth: 'Basic dXNlcjpwYXNz',
      actor: { objectType: 'Agent', name: 'Kim', mbox: 'mailto:kim@kommune.dk' },
      registration: REG,
      activityId: 'https://kommune.dk/xapi/modules/x',
      unit: 'Borgerservice',
      language: undefined,
    });
  });

  it('converts the pre-1.0 actor with arrays that the launch document shows', () => {
    expect(parseActor(JSON.stringify({ name: ['Project Tin Can'], mbox: ['mailto:tincan@example.com'] }))).toEqual({
      objectType: 'Agent',
      name: 'Project Tin Can',
      mbox: 'mailto:tincan@example.com',
    });
    expect(parseActor(JSON.stringify({ account: [{ accountServiceHomePage: 'https://lms.dk', accountName: '42' }] }))).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://lms.dk', name: '42' },
    });
  });

  it('adds the Basic scheme when the LMS sends the bare token, and keeps a given scheme', () => {
    expect(authHeader('dXNlcjpwYXNz')).toBe('Basic dXNlcjpwYXNz');
    expect(authHeader('Basic dXNlcjpwYXNz')).toBe('Basic dXNlcjpwYXNz');
    expect(authHeader('Bearer abc')).toBe('Bearer abc');
  });

  it('works without a registration, and ignores one that is not a UUID', () => {
    const base = { endpoint: 'https://lrs.dk/xapi/', actor: JSON.stringify({ mbox: 'mailto:a@b.dk' }) };
    expect(tinCanLaunch(q(base))?.registration).toBeUndefined();
    expect(tinCanLaunch(q({ ...base, registration: 'not-a-uuid' }))?.registration).toBeUndefined();
  });

  it('is no launch without an endpoint or a usable actor', () => {
    expect(tinCanLaunch('')).toBeNull();
    expect(tinCanLaunch(q({ endpoint: 'https://lrs.dk/', actor: '{"name":"no id"}' }))).toBeNull();
    expect(tinCanLaunch(q({ endpoint: 'javascript:alert(1)', actor: '{"mbox":"mailto:a@b.dk"}' }))).toBeNull();
  });
});

describe('cmi5 launch', () => {
  const params = {
    endpoint: 'https://lms.dk/lrs',
    fetch: 'https://lms.dk/fetch/abc',
    actor: JSON.stringify({ objectType: 'Agent', account: { homePage: 'https://lms.dk', name: 'u-17' } }),
    registration: REG,
    activityId: 'https://lms.dk/au/1',
  };

  it('reads all five parameters', () => {
    expect(cmi5Launch(q(params))).toEqual({
      endpoint: 'https://lms.dk/lrs/',
      fetch: 'https://lms.dk/fetch/abc',
      actor: { objectType: 'Agent', account: { homePage: 'https://lms.dk', name: 'u-17' } },
      registration: REG,
      activityId: 'https://lms.dk/au/1',
    });
  });

  it('needs every parameter, and an actor with an account (§9.2)', () => {
    for (const key of Object.keys(params)) {
      const without = { ...params } as Record<string, string>;
      delete without[key];
      expect(cmi5Launch(q(without)), key).toBeNull();
    }
    expect(cmi5Launch(q({ ...params, actor: JSON.stringify({ mbox: 'mailto:a@b.dk' }) }))).toBeNull();
  });
});
