import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { writeSchemas } from '../../build-scripts/cli.js';
import { moduleDirs } from '../../build-scripts/load-module.js';
import { ROOT } from './module-fixture.js';

const committed = join(ROOT, 'modules/schema');

describe('JSON Schema for editors', () => {
  it('the committed files are what the TypeBox source generates (run npm run schema after changing it)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ak-schema-'));
    writeSchemas(fresh);
    const names = readdirSync(fresh).sort();
    expect(names).toEqual(['competence-framework.schema.json', 'dialogue.schema.json', 'module.schema.json', 'org.schema.json', 'overlay.schema.json', 'scene.schema.json']);
    for (const name of names) expect(readFileSync(join(committed, name), 'utf8'), name).toBe(readFileSync(join(fresh, name), 'utf8'));
  });

  it('accepts the shipped module files and rejects a scene of an unknown type', () => {
    const ajv = new Ajv({ strict: false });
    const scene = ajv.compile(JSON.parse(readFileSync(join(committed, 'scene.schema.json'), 'utf8')));
    const module = ajv.compile(JSON.parse(readFileSync(join(committed, 'module.schema.json'), 'utf8')));
    const dialogue = ajv.compile(JSON.parse(readFileSync(join(committed, 'dialogue.schema.json'), 'utf8')));
    const dirs = [...moduleDirs(join(ROOT, 'modules')), join(ROOT, 'tests/fixtures/modules/mini')];
    expect(dirs.length).toBeGreaterThanOrEqual(7);
    let dialogues = 0;
    for (const dir of dirs) {
      expect(module(parse(readFileSync(join(dir, 'module.yaml'), 'utf8'))), dir).toBe(true);
      for (const file of readdirSync(join(dir, 'scenes'))) {
        expect(scene(parse(readFileSync(join(dir, 'scenes', file), 'utf8'))), file).toBe(true);
      }
      if (existsSync(join(dir, 'dialogue.yaml'))) {
        dialogues++;
        expect(dialogue(parse(readFileSync(join(dir, 'dialogue.yaml'), 'utf8'))), `${dir}/dialogue.yaml`).toBe(true);
      }
    }
    expect(dialogues).toBeGreaterThan(0);
    expect(dialogue({ title: { da: 'x' }, intro: { da: 'x' }, minutes: 30, cards: [] })).toBe(false);
    expect(scene({ id: 'x', type: 'video', title: { da: 'x' } })).toBe(false);
  });

  it('accepts the organisation files and overlay plans, and rejects a misspelt key in them', () => {
    const ajv = new Ajv({ strict: false });
    const org = ajv.compile(JSON.parse(readFileSync(join(committed, 'org.schema.json'), 'utf8')));
    const overlay = ajv.compile(JSON.parse(readFileSync(join(committed, 'overlay.schema.json'), 'utf8')));
    for (const file of ['modules/org.yaml', 'tests/fixtures/org/org.yaml', 'docs/eksempel-kommune/org.yaml']) {
      expect(org(parse(readFileSync(join(ROOT, file), 'utf8'))), file).toBe(true);
    }
    const plan = parse(readFileSync(join(ROOT, 'tests/fixtures/org/overlay/phishing-og-svindel/overlay.yaml'), 'utf8'));
    expect(overlay(plan)).toBe(true);
    expect(overlay({ ...plan, ad: [] })).toBe(false);
    expect(org({ ...parse(readFileSync(join(ROOT, 'modules/org.yaml'), 'utf8')), securityContact: { name: 'x' } })).toBe(false);
  });
});

/** The editor wiring: a settings file maps file patterns to the schemas, and files name their schema in their first line. */
describe('editor wiring', () => {
  /** A glob as the YAML extension reads it: ** any folders, * any name part. */
  const globToRegExp = (glob: string) =>
    new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(.*/)?') + '$');
  const settings = JSON.parse(readFileSync(join(ROOT, '.vscode/settings.json'), 'utf8'))['yaml.schemas'] as Record<string, string[]>;
  const schemaFor = (path: string) => Object.entries(settings).filter(([, globs]) => globs.some((g) => globToRegExp(g).test(path))).map(([schema]) => schema);

  it('.vscode/settings.json gives every kind of content file exactly one schema, and the schemas exist', () => {
    for (const schema of Object.keys(settings)) expect(existsSync(join(ROOT, schema)), schema).toBe(true);
    const cases: Record<string, string> = {
      'modules/phishing-og-svindel/module.yaml': 'module',
      'modules/phishing-og-svindel/scenes/velkommen.yaml': 'scene',
      'modules/sikkerhedskultur-ledere/dialogue.yaml': 'dialogue',
      'modules/competence-framework.yaml': 'competence-framework',
      'modules/org.yaml': 'org',
      'docs/eksempel-kommune/org.yaml': 'org',
      'docs/eksempel-kommune/overlay/phishing-og-svindel/overlay.yaml': 'overlay',
      'docs/eksempel-kommune/overlay/phishing-og-svindel/scenes/ring-til-it.yaml': 'scene',
    };
    for (const [path, kind] of Object.entries(cases)) expect(schemaFor(path), path).toEqual([`./modules/schema/${kind}.schema.json`]);
  });

  it('a file that names its schema (yaml-language-server comment) names an existing one of its kind', () => {
    const files = ['tests/fixtures/org', 'docs/eksempel-kommune', 'modules'].flatMap((dir) =>
      (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f)),
    );
    let named = 0;
    for (const file of files) {
      const m = /^# yaml-language-server: \$schema=(\S+)/m.exec(readFileSync(join(ROOT, file), 'utf8'));
      if (!m) continue;
      named++;
      const schema = join(ROOT, file, '..', m[1]);
      expect(existsSync(schema), `${file} → ${m[1]}`).toBe(true);
      const kind = schemaFor(file)[0];
      if (kind) expect(join(ROOT, kind), file).toBe(schema);
    }
    expect(named).toBeGreaterThanOrEqual(5);
  });
});
