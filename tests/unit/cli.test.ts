/** The commands as a trainer runs them: a broken module stops validate and build with a non-zero exit. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyOfMini, edit, MINI, ROOT } from './module-fixture.js';

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build-scripts/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });

describe('the CLI', () => {
  it('validate: exit 0 and the module named for a good module folder', () => {
    const run = cli('validate', '--modules', dirname(MINI));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('1 module(s) valid: mini');
  });

  it('validate and build: a broken module exits 1 with file:line:column, and build writes no package', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', '    next: q1\n  - id: partial', '    next: q9\n  - id: partial');
    const validate = cli('validate', '--modules', dirname(dir));
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(/scenes\/d1\.yaml:10:11: error: "next" points to scene "q9", which does not exist/);
    expect(validate.stderr).toContain('1 error. Fix it and run npm run validate again.');
    const dist = join(mkdtempSync(join(tmpdir(), 'ak-cli-dist-')), 'dist');
    const build = cli('build', '--modules', dirname(dir), '--dist', dist);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/d1\.yaml:10:11: error/);
    expect(existsSync(join(dist, 'packages'))).toBe(false);
  });

  it('build --dist: packages in that folder, and nothing else in it is touched', () => {
    const dist = mkdtempSync(join(tmpdir(), 'ak-cli-dist-'));
    writeFileSync(join(dist, 'noter.txt'), 'mine');
    const build = cli('build', '--modules', dirname(MINI), '--dist', dist);
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(dist, 'packages', 'mini-scorm2004.zip'))).toBe(true);
    expect(readFileSync(join(dist, 'noter.txt'), 'utf8')).toBe('mine');
    expect(cli('build', '--dist').stderr).toContain('--dist needs a value');
  }, 120000);

  it('an organisation file given without --org, or an option npm took, stops with how to write it — never an unbranded build', () => {
    const org = join(ROOT, 'docs/eksempel-kommune/org.yaml');
    const positional = cli('build', org);
    expect(positional.status).toBe(1);
    expect(positional.stderr).toContain(`"${org}" is not an option. To use an organisation's file, write --org before it. npm passes options on only after "--": npm run build -- --org`);
    const typo = cli('validate', '--og', org);
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('unknown option --og (did you mean "--org"?)');
    // `npm run validate --org x` hands --org to npm, which puts it in npm_config_org.
    const swallowed = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build-scripts/cli.ts'), 'validate'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_org: 'true' } });
    expect(swallowed.status).toBe(1);
    expect(swallowed.stderr).toContain('--org was taken by npm, not passed on');
  });

  it('validate --org: a broken organisation exits 1 at its line; the folder may be named instead of its org.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-cli-org-'));
    cpSync(join(ROOT, 'docs/eksempel-kommune'), dir, { recursive: true });
    const good = cli('validate', '--org', dir);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('phishing-og-svindel: replaced sms-fra-chefen; added ring-til-it');
    writeFileSync(join(dir, 'org.yaml'), readFileSync(join(dir, 'org.yaml'), 'utf8').replace(/primary: .*/, "primary: '#ffff00'"));
    const bad = cli('validate', '--org', join(dir, 'org.yaml'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/org\.yaml:\d+:\d+: error: #ffff00 has a contrast of 1\.07:1 against white/);
    const missing = cli('validate', '--org', join(dir, 'nope.yaml'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no organisation file here; make one with: npm run new-org -- <folder>');
  }, 60000);

  it('an unknown command prints the usage and exits 2', () => {
    const run = cli('bulid');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: tsx build-scripts/cli.ts validate|build|schema');
  });
});
