/** The commands as a trainer runs them: a broken module stops validate and build with a non-zero exit. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('an unknown command prints the usage and exits 2', () => {
    const run = cli('bulid');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: tsx build-scripts/cli.ts validate|build|schema');
  });
});
