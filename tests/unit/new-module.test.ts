/**
 * `npm run new-module`: the scaffold a trainer starts from is a valid module with every kind of
 * scene, it builds in every format, and the command refuses bad ids and existing folders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildAll, validateAll } from '../../build-scripts/cli.js';
import { AREAS, newModule, schemaRef, SCENES } from '../../build-scripts/new-module.js';
import { possiblePoints } from '../../src/engine/scoring.js';
import { isScored, type CompiledModule } from '../../src/model/compiled.js';
import { playOnEngine } from '../e2e/package-fixtures.js';
import { ROOT } from './module-fixture.js';

const ID = 'demo-modul';
const FORMATS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'];

/** Temp folders, removed after the tests. */
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build-scripts/new-module.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });

describe('npm run new-module', () => {
  let modulesDir: string;
  let made: { dir: string; files: string[] };
  let validated: ReturnType<typeof validateAll>;
  let module: CompiledModule;

  beforeAll(() => {
    modulesDir = temp('ak-new-module-');
    made = newModule({ id: ID, modulesDir });
    validated = validateAll({ modulesDir });
    module = validated.modules[0];
  });
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('writes module.yaml, a README and one file per scene, in <dir>/<id>/', () => {
    expect(made.dir).toBe(join(modulesDir, ID));
    expect(made.files.sort()).toEqual(['README.md', 'module.yaml', ...SCENES.map((s) => `scenes/${s}.yaml`)].sort());
    expect(readdirSync(join(made.dir, 'scenes')).sort()).toEqual(SCENES.map((s) => `${s}.yaml`).sort());
    const readme = readFileSync(join(made.dir, 'README.md'), 'utf8');
    expect(readme).toContain(`npm run validate -- --modules ${modulesDir}`);
    expect(readme).toContain(`/web/${ID}/index.html`);
  });

  it('validates without a single error or warning', () => {
    expect(validated.problems).toEqual([]);
    expect(validated.modules.map((m) => m.id)).toEqual([ID]);
  });

  it('has every kind of scene, the summary last, and a branch that rejoins', () => {
    const kinds = module.scenes.map((s) => (s.type === 'quiz' ? `quiz:${s.question}` : s.type));
    for (const kind of ['story', 'decision', 'quiz:single', 'quiz:multiple', 'quiz:true-false', 'quiz:spot', 'reflection', 'summary']) {
      expect(kinds, kind).toContain(kind);
    }
    expect(kinds.at(-1)).toBe('summary');
    const decision = module.scenes.find((s) => s.type === 'decision');
    expect(decision?.type === 'decision' && decision.options.length).toBe(3);
    expect(decision?.type === 'decision' && decision.options.filter((o) => o.next).length).toBe(1);
    const spot = module.scenes.find((s) => s.type === 'quiz' && s.question === 'spot');
    expect(spot?.type === 'quiz' && spot.medium?.kind).toBe('email');
  });

  it('lists exactly the competence areas that get points, and the best answers pass while the poorest fail', () => {
    const scored = new Set(module.scenes.filter(isScored).flatMap((s) => Object.keys(possiblePoints(s))));
    expect([...scored].sort()).toEqual([...AREAS].sort());
    expect(module.areas.map((a) => a.id).sort()).toEqual([...AREAS].sort());
    const best = playOnEngine(module, 'best').results;
    const poor = playOnEngine(module, 'poor').results;
    expect([best.scaled, best.passed]).toEqual([1, true]);
    expect(poor.passed).toBe(false);
  });

  it('fills the organisation variables and points every file at the editor schemas', () => {
    expect(JSON.stringify(module)).not.toContain('{{');
    const files = made.files.filter((f) => f.endsWith('.yaml'));
    for (const file of files) {
      const first = readFileSync(join(made.dir, file), 'utf8').split('\n')[0];
      const match = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(match, file).not.toBeNull();
      expect(match![1], file).toMatch(file === 'module.yaml' ? /module\.schema\.json$/ : /scene\.schema\.json$/);
      expect(existsSync(resolve(dirname(join(made.dir, file)), match![1])), file).toBe(true);
    }
    // Inside the repository the path is relative, as in the shipped modules.
    expect(schemaRef(join(ROOT, 'modules', ID), 'module.schema.json')).toBe('../schema/module.schema.json');
    expect(schemaRef(join(ROOT, 'modules', ID, 'scenes'), 'scene.schema.json')).toBe('../../schema/scene.schema.json');
    // Beside the project (../vores-kommune/overlay/<id>/scenes), too, so the folder can be shared.
    expect(schemaRef(join(ROOT, '..', 'vores-kommune', 'overlay', ID, 'scenes'), 'scene.schema.json')).toBe(`../../../../${basename(ROOT)}/modules/schema/scene.schema.json`);
  });

  it('builds: the zips of all five formats', async () => {
    const distDir = temp('ak-new-module-dist-');
    const { modules } = await buildAll({ modulesDir, distDir, quiet: true });
    expect(modules.map((m) => m.id)).toEqual([ID]);
    for (const format of FORMATS) expect(existsSync(join(distDir, 'packages', `${ID}-${format}.zip`)), format).toBe(true);
    expect(existsSync(join(distDir, 'web', ID, 'index.html'))).toBe(true);
  }, 180000);

  it('--title and --role go into module.yaml', () => {
    const dir = temp('ak-new-module-');
    const run = cli('sikker-print', '--modules', dir, '--title', 'Sikker print: "follow me"', '--role', 'manager');
    expect(run.status, run.stderr).toBe(0);
    const { modules, problems } = validateAll({ modulesDir: dir });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(modules[0].roles).toEqual(['manager']);
    const written = parse(readFileSync(join(dir, 'sikker-print', 'module.yaml'), 'utf8'));
    expect(written.title).toEqual({ da: 'Sikker print: "follow me"', en: 'Sikker print: "follow me"' });
  });

  it('refuses an id that is not lower-case letters, digits and single dashes', () => {
    for (const bad of ['Demo', 'demo_modul', 'demo--modul', '-demo', 'sikkerhed-på-jobbet', 'a b']) {
      expect(() => newModule({ id: bad, modulesDir }), bad).toThrow(`"${bad}" is not a valid module id`);
    }
    const run = cli('Demo_Modul', '--modules', modulesDir);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('new-module: "Demo_Modul" is not a valid module id: use lower-case letters, digits and single dashes, e.g. "sikker-print" (no æ, ø, å or spaces; at most 60 characters)');
    expect(existsSync(join(modulesDir, 'Demo_Modul'))).toBe(false);
  });

  it('never overwrites: an existing folder is refused and left as it was', () => {
    const before = readFileSync(join(made.dir, 'module.yaml'), 'utf8');
    expect(() => newModule({ id: ID, modulesDir })).toThrow(`${join(modulesDir, ID)} already exists; new-module never overwrites a folder`);
    const run = cli(ID, '--modules', modulesDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('already exists; new-module never overwrites a folder');
    expect(readFileSync(join(made.dir, 'module.yaml'), 'utf8')).toBe(before);
  });

  it('in an organisation, the id of a shipped module is refused: changing it is what the overlay is for', () => {
    const orgDir = mkdtempSync(join(tmpdir(), 'ak-new-org-'));
    const run = cli('gode-vaner-i-hverdagen', '--org', join(ROOT, 'docs/eksempel-kommune/org.yaml'), '--modules', join(orgDir, 'overlay'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('"gode-vaner-i-hverdagen" is a shipped module; a module of your own needs an id of its own');
    expect(existsSync(join(orgDir, 'overlay', 'gode-vaner-i-hverdagen'))).toBe(false);
  });

  it('without an id, or with an unknown role, says what is wrong and exits 1', () => {
    const none = cli('--modules', modulesDir);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('new-module: give the id of the new module');
    expect(none.stderr).toContain('usage: npm run new-module -- <id>');
    const role = cli('x-modul', '--modules', modulesDir, '--role', 'admin');
    expect(role.status).toBe(1);
    expect(role.stderr.trim()).toBe('new-module: --role must be frontline, sysadmin or manager (got "admin")');
  });
});
