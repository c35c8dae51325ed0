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
    expect(names).toEqual(['competence-framework.schema.json', 'dialogue.schema.json', 'module.schema.json', 'scene.schema.json']);
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
});
