/** No package may carry LRS credentials: the build refuses, says where, and never prints the secret. */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAll } from '../../build-scripts/cli.js';
import { secretsIn, secretsMessage } from '../../build-scripts/secrets.js';
import { MINI } from './module-fixture.js';

const one = (text: string, env: NodeJS.ProcessEnv = {}) => secretsIn(new Map([['index.html', text]]), env).map((f) => f.what);

describe('secrets in packages', () => {
  it('finds credentials in addresses, Basic and Bearer values, query parameters and the environment’s LRS password', () => {
    expect(one('<activity id="https://kim:hemmelig@lrs.example/xapi/modules/x">')).toEqual([expect.stringContaining('user name and password')]);
    expect(one('{"auth":"Basic a2ltOmhlbW1lbGlnLW7DuGdsZQ=="}')).toEqual([expect.stringContaining('HTTP Basic')]);
    expect(one('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc')).toEqual([expect.stringContaining('bearer token')]);
    expect(secretsIn(new Map([['tincan.xml', '<launch>index.html?auth=a2ltOmhlbW1lbGln</launch>']]), {}).map((f) => f.what)).toEqual([expect.stringContaining('credential in a web address')]);
    expect(one('{"token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXRleHQ"}')).toEqual([expect.stringContaining('JSON Web Token')]);
    expect(one('fetch(u, { headers: { authorization: "basic%20a2ltOmhlbW1lbGln" } })')).toEqual([expect.stringContaining('HTTP Basic')]);
    expect(one('Ring til Lene – koden er Sommer-2026!', { AK_LRS_PASSWORD: 'Sommer-2026!' })).toEqual(['the value of AK_LRS_PASSWORD from the environment']);
  });

  it('leaves ordinary content alone: "Basic" in a sentence, a fake link in a phishing mock, a short password in the environment', () => {
    expect(one('Læs https://intra.example/politik?side=2 og Basic principper for sikkerhed', { AK_LRS_PASSWORD: 'abc' })).toEqual([]);
    expect(one('<p>Basic sikkerhedsforståelse og HTTP Basic Authentication sender koden for hver side</p>')).toEqual([]);
    expect(one('Klik her: https://login.it-support.example.com/verify?token=8f3kd92x')).toEqual([]);
  });

  it('the message names the package and file, and not the secret', () => {
    const message = secretsMessage('mini-xapi.zip', secretsIn(new Map([['tincan.xml', 'https://kim:hemmelig@lrs.example/x']])));
    expect(message).toContain('mini-xapi.zip would contain LRS credentials or a token');
    expect(message).toContain('tincan.xml: a web address with a user name and password');
    expect(message).not.toContain('hemmelig');
  });

  it('a build whose activity base carries credentials is refused, and leaves no package behind', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'ak-secrets-')), 'dist');
    const build = buildAll({ modulesDir: dirname(MINI), distDir: dist, quiet: true, activityBase: 'https://kim:hemmelig@lrs.example/xapi' });
    await expect(build).rejects.toThrow(/mini-\w+\.zip would contain LRS credentials or a token[\s\S]*a web address with a user name and password/);
    await build.catch((error: Error) => expect(error.message).not.toContain('hemmelig'));
    expect(existsSync(join(dist, 'packages'))).toBe(false);
  }, 60_000);

  it('the shipped runtime and every format of the test module pass the check', async () => {
    const dist = join(mkdtempSync(join(tmpdir(), 'ak-secrets-')), 'dist');
    await buildAll({ modulesDir: dirname(MINI), distDir: dist, quiet: true });
    expect(existsSync(join(dist, 'packages', 'mini-cmi5.zip'))).toBe(true);
  }, 60_000);
});
