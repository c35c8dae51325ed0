import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { writeSchemas } from '../../build-scripts/cli.js';
import { ROOT } from './module-fixture.js';

const committed = join(ROOT, 'modules/schema');

describe('JSON Schema for editors', () => {
  it('the committed files are what the TypeBox source generates (run npm run schema after changing it)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'ak-schema-'));
    writeSchemas(fresh);
    const names = readdirSync(fresh).sort();
    expect(names).toEqual(['competence-framework.schema.json', 'module.schema.json', 'scene.schema.json']);
    for (const name of names) expect(readFileSync(join(committed, name), 'utf8'), name).toBe(readFileSync(join(fresh, name), 'utf8'));
  });

  it('accepts the shipped module files and rejects a scene of an unknown type', () => {
    const ajv = new Ajv({ strict: false });
    const scene = ajv.compile(JSON.parse(readFileSync(join(committed, 'scene.schema.json'), 'utf8')));
    const module = ajv.compile(JSON.parse(readFileSync(join(committed, 'module.schema.json'), 'utf8')));
    for (const dir of ['modules/tavshedspligt-borgerservice', 'tests/fixtures/modules/mini']) {
      expect(module(parse(readFileSync(join(ROOT, dir, 'module.yaml'), 'utf8'))), dir).toBe(true);
      for (const file of readdirSync(join(ROOT, dir, 'scenes'))) {
        expect(scene(parse(readFileSync(join(ROOT, dir, 'scenes', file), 'utf8'))), file).toBe(true);
      }
    }
    expect(scene({ id: 'x', type: 'video', title: { da: 'x' } })).toBe(false);
  });
});
