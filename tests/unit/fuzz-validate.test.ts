/**
 * Broken module files give errors, never crashes: valid module files mutated at random (seeded,
 * so a failure can be replayed) — truncated, wrong types, unknown keys, deep nesting, huge
 * strings, bad UTF-8, duplicate keys — and validate must end within a second per file with a
 * file:line error or a success, and no stack trace or internal error in what it says.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { validateAll } from '../../build-scripts/cli.js';
import { formatProblem } from '../../build-scripts/yaml-file.js';
import { MINI, ROOT } from './module-fixture.js';
import { seededRandom as random } from '../../build-scripts/seeded-random.js';


type Mutation = { kind: string; apply: (text: string, rnd: () => number) => string | Buffer };

const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
const lineStarts = (text: string) => [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((i) => i < text.length);
/** The value part of a random `key: value` line. */
function atValue(text: string, rnd: () => number, replace: (indent: string, key: string, value: string) => string): string {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*(- )?[A-Za-z]+:\s*\S/.test(l));
  if (candidates.length === 0) return text + '\nx: 1';
  const [line, i] = pick(candidates, rnd);
  const m = /^(\s*(?:- )?)([A-Za-z]+):\s*(.*)$/.exec(line)!;
  lines[i] = replace(m[1], m[2], m[3]);
  return lines.join('\n');
}

const MUTATIONS: Mutation[] = [
  { kind: 'truncated', apply: (t, r) => t.slice(0, Math.floor(r() * t.length)) },
  { kind: 'wrong type: a list', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: [1, 2, 3]`) },
  { kind: 'wrong type: a map', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: { a: 1 }`) },
  { kind: 'wrong type: a number', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: ${Math.floor(r() * 1e6)}`) },
  { kind: 'wrong type: null', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}:`) },
  { kind: 'wrong type: a boolean', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: yes`) },
  { kind: 'unknown key', apply: (t, r) => atValue(t, r, (ind, key, value) => `${ind}${key}: ${value}\n${ind.replace('- ', '  ')}ukendtFelt${Math.floor(r() * 100)}: 1`) },
  { kind: 'deep nesting (lists)', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: ${'['.repeat(5000)}${']'.repeat(5000)}`) },
  { kind: 'deep nesting (maps)', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}`) },
  { kind: 'deep nesting (indented)', apply: (t) => `${t}\nnest:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1` },
  { kind: 'huge string', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: "${'æøå sikkerhed '.repeat(100_000)}"`) },
  { kind: 'huge line of text', apply: (t) => t.replace(/da: (.*)/, (_, v: string) => `da: ${v} ${'x'.repeat(2_000_000)}`) },
  { kind: 'bad UTF-8', apply: (t, r) => {
    const b = Buffer.from(t, 'utf8');
    const at = Math.floor(r() * b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from([0xff, 0xfe, 0xc3]), b.subarray(at)]);
  } },
  { kind: 'Latin-1 instead of UTF-8', apply: (t) => Buffer.from(t.replace(/da: .*/, 'da: Kære borger, vær sød at ringe'), 'latin1') },
  { kind: 'duplicate key', apply: (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
  } },
  { kind: 'anchors and aliases (a billion laughs)', apply: (t) => `${t}\nbomb0: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 9 }, (_, i) => `bomb${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]`).join('\n')}` },
  { kind: 'tabs for indentation', apply: (t, r) => { const s = pick(lineStarts(t), r); return t.slice(0, s) + '\t' + t.slice(s); } },
  { kind: 'random bytes spliced in', apply: (t, r) => { const at = Math.floor(r() * t.length); return t.slice(0, at) + String.fromCharCode(...Array.from({ length: 8 }, () => 32 + Math.floor(r() * 90))) + t.slice(at); } },
  { kind: 'empty file', apply: () => '' },
  { kind: 'a YAML tag', apply: (t, r) => atValue(t, r, (ind, key) => `${ind}${key}: !!js/function "function () { return 1 }"`) },
  { kind: 'a document separator and a second document', apply: (t) => `${t}\n---\nid: to\n` },
  { kind: 'deep nesting (dashes on one line)', apply: (t) => `${t}\nliste:\n  ${'- '.repeat(20_000)}x` },
  { kind: 'deep nesting (brackets over lines, unbalanced)', apply: (t) => `${t}\nflow:\n${'[\n'.repeat(40_000)}` },
];

/** Every kind of file a trainer edits: the module, its scenes, and the organisation's org.yaml. */
const ORG = '(org.yaml)';
const files = [join(MINI, 'module.yaml'), ...readdirSync(join(MINI, 'scenes')).map((f) => join(MINI, 'scenes', f)), ORG];
const orgText = `id: fuzz-kommune\n${readFileSync(join(ROOT, 'modules', 'org.yaml'), 'utf8')}`;
const SEED = 20261204;

/** Internal errors a learner-facing author must never see. */
const CRASH = /\bat \S+ \(|TypeError|RangeError|ReferenceError|Cannot read prop|undefined is not|Maximum call stack|\[object Object\]/;

describe(`validate under ${MUTATIONS.length} kinds of mutation × ${files.length} files (seed ${SEED})`, () => {
  const rnd = random(SEED);
  const work = mkdtempSync(join(tmpdir(), 'ak-fuzz-'));
  // Every kind of mutation on every kind of file, each with a seed of its own.
  const cases = MUTATIONS.flatMap((mutation) => files.map((file) => ({ mutation, file, seed: Math.floor(rnd() * 2 ** 31) }))).map((c, i) => ({ i, ...c }));

  it.each(cases)('#$i $mutation.kind in $file', ({ i, mutation, file, seed }) => {
    const dir = join(work, `case-${i}`, 'mini');
    cpSync(MINI, dir, { recursive: true });
    const orgFile = join(work, `case-${i}`, 'org', 'org.yaml');
    mkdirSync(dirname(orgFile));
    const original = file === ORG ? orgText : readFileSync(file, 'utf8');
    const target = file === ORG ? orgFile : join(dir, file === join(MINI, 'module.yaml') ? 'module.yaml' : join('scenes', basename(file)));
    writeFileSync(orgFile, orgText);
    writeFileSync(target, mutation.apply(original, random(seed)));
    const started = performance.now();
    let result: ReturnType<typeof validateAll> | undefined;
    expect(() => (result = validateAll({ modulesDir: join(work, `case-${i}`), orgFile }))).not.toThrow();
    const ms = performance.now() - started;
    expect(ms, `${mutation.kind} on ${basename(target)}`).toBeLessThan(1000);
    const errors = result!.problems.filter((p) => p.severity === 'error');
    for (const p of result!.problems) {
      expect(formatProblem(p)).toMatch(/^\S[^:]*:\d+:\d+: (error|warning): /);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.message).not.toMatch(CRASH);
    }
    if (/UTF-8/.test(mutation.kind)) expect(errors.map(formatProblem)).toContainEqual(expect.stringMatching(/:\d+:1: error: this line is not UTF-8 text/));
    // Either a clear error somewhere, or the mutation happened to leave everything valid.
    if (errors.length === 0) expect(result!.modules).toHaveLength(1);
    rmSync(join(work, `case-${i}`), { recursive: true, force: true });
  });

  it('the CLI prints no stack trace for the worst of them, and exits 1', () => {
    for (const mutation of MUTATIONS.filter((m) => /deep|bad UTF-8|huge string|laughs/.test(m.kind)).slice(0, 6)) {
      const dir = join(work, 'cli', 'mini');
      rmSync(join(work, 'cli'), { recursive: true, force: true });
      cpSync(MINI, dir, { recursive: true });
      writeFileSync(join(dir, 'scenes', 'q1.yaml'), mutation.apply(readFileSync(join(MINI, 'scenes', 'q1.yaml'), 'utf8'), random(1)));
      const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'build-scripts/cli.ts'), 'validate', '--modules', join(work, 'cli')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, `${mutation.kind}: ${run.stderr.slice(0, 500)}`).toBe(1);
      expect(run.stderr, mutation.kind).toMatch(/q1\.yaml:\d+:\d+: error: /);
      expect(run.stderr, mutation.kind).not.toMatch(CRASH);
    }
  }, 120_000);
});
