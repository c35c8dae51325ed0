/** Copies of the test module in a temp folder, to break on purpose. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFramework, loadModule } from '../../build-scripts/load-module.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FRAMEWORK_FILE = join(ROOT, 'modules/competence-framework.yaml');
export const MINI = join(ROOT, 'tests/fixtures/modules/mini');

export function copyOfMini(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ak-mini-')), 'mini');
  cpSync(MINI, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in one file of a module copy; fails loudly if `from` is absent. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

export function load(dir: string) {
  const { framework, problems } = loadFramework(FRAMEWORK_FILE);
  if (!framework) throw new Error(JSON.stringify(problems));
  return loadModule(dir, framework);
}

export function loadMini() {
  const result = load(MINI);
  if (!result.module) throw new Error(JSON.stringify(result.problems));
  return result.module;
}
