/**
 * The built packages: manifests valid against the official XSDs (xmllint), every listed file
 * present, one self-contained page, and byte-identical zips from two builds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildAll } from '../../build-scripts/cli.js';
import { FORMATS } from '../../build-scripts/runtime.js';
import { areaIri, moduleIri } from '../../xapi/activities.js';
import { builtModules, DIST, ROOT } from '../e2e/package-fixtures.js';

const SCHEMAS = join(ROOT, 'build-scripts/schemas');
const modules = await builtModules();

function xmllint(schema: string, xml: string, name = 'imsmanifest.xml'): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ak-xml-'));
  const file = join(dir, name);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMAS, schema), file], { encoding: 'utf8' });
  if (run.error) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');
  return { status: run.status, stderr: run.stderr };
}

describe('vendored XSDs', () => {
  it('are byte for byte the official ones listed in SHA256SUMS', () => {
    const sums = readFileSync(join(SCHEMAS, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBeGreaterThan(40);
    for (const line of sums) {
      const [hash, name] = line.split(/\s+\*?/);
      expect(createHash('sha256').update(readFileSync(join(SCHEMAS, name))).digest('hex'), name).toBe(hash);
    }
  });

  it('tell a valid manifest from an invalid one (the samples)', () => {
    for (const [schema, sample] of [['scorm12-all.xsd', 'scorm12'], ['scorm2004-4th-all.xsd', 'scorm2004-4th']]) {
      expect(xmllint(schema, readFileSync(join(SCHEMAS, `samples/${sample}-valid-imsmanifest.xml`), 'utf8')).status).toBe(0);
      expect(xmllint(schema, readFileSync(join(SCHEMAS, `samples/${sample}-invalid-imsmanifest.xml`), 'utf8')).status).toBe(3);
    }
    for (const [schema, sample] of [['cmi5/CourseStructure.xsd', 'cmi5-%-cmi5.xml'], ['tincan/tincan.xsd', 'tincan-%-tincan.xml']]) {
      expect(xmllint(schema, readFileSync(join(SCHEMAS, 'samples', sample.replace('%', 'valid')), 'utf8')).status).toBe(0);
      expect(xmllint(schema, readFileSync(join(SCHEMAS, 'samples', sample.replace('%', 'invalid')), 'utf8')).status).toBe(3);
    }
  });
});

for (const module of modules) {
  describe(`${module.id}: packages`, () => {
    const zips: Record<string, JSZip> = {};
    beforeAll(async () => {
      for (const format of FORMATS) {
        zips[format] = await JSZip.loadAsync(readFileSync(join(DIST, 'packages', `${module.id}-${format}.zip`)));
      }
    });

    for (const [format, schema] of [['scorm12', 'scorm12-all.xsd'], ['scorm2004', 'scorm2004-4th-all.xsd']] as const) {
      it(`${format}: imsmanifest.xml at the root validates with xmllint; every file it names is in the zip`, async () => {
        const manifest = await zips[format].file('imsmanifest.xml')!.async('string');
        const result = xmllint(schema, manifest);
        expect(result.stderr).toContain('validates');
        expect(result.status).toBe(0);
        const hrefs = [...manifest.matchAll(/<file href="([^"]+)"/g)].map((m) => m[1]);
        expect(hrefs).toContain('index.html');
        for (const href of hrefs) expect(zips[format].file(href), href).not.toBeNull();
        // Control documents named in schemaLocation ship at the root (ADL RequiredFiles check).
        const located = /xsi:schemaLocation="([^"]+)"/.exec(manifest)![1].split(/\s+/).filter((_, i) => i % 2 === 1);
        for (const xsd of located) expect(zips[format].file(xsd), xsd).not.toBeNull();
      });
    }

    it('scorm12 manifest carries the mastery score; scorm2004 the passing score and one objective per area', async () => {
      const m12 = await zips.scorm12.file('imsmanifest.xml')!.async('string');
      expect(m12).toContain(`<adlcp:masteryscore>${Math.round(module.passingScore * 100)}</adlcp:masteryscore>`);
      const m2004 = await zips.scorm2004.file('imsmanifest.xml')!.async('string');
      expect(m2004).toContain(`<imsss:minNormalizedMeasure>${module.passingScore}</imsss:minNormalizedMeasure>`);
      for (const area of module.areas) expect(m2004).toContain(`objectiveID="urn:awareness-kit:competence:${area.id}"`);
    });

    it('xapi: tincan.xml at the root validates; the module is the one launchable activity, its areas are listed', async () => {
      const xml = await zips.xapi.file('tincan.xml')!.async('string');
      const result = xmllint('tincan/tincan.xsd', xml, 'tincan.xml');
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
      expect(Object.keys(zips.xapi.files).sort()).toEqual(['index.html', 'tincan.xml']);
      expect([...xml.matchAll(/<launch[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['index.html']);
      expect(xml).toContain(`<activity id="${moduleIri(module.activityBase, module.id)}" type="http://adlnet.gov/expapi/activities/module">`);
      for (const area of module.areas) expect(xml).toContain(`<activity id="${areaIri(area.id)}"`);
    });

    it('cmi5: cmi5.xml at the root validates against the cmi5 XSD; one AU with moveOn and the passing score as masteryScore', async () => {
      const xml = await zips.cmi5.file('cmi5.xml')!.async('string');
      const result = xmllint('cmi5/CourseStructure.xsd', xml, 'cmi5.xml');
      expect(result.stderr).toContain('validates');
      expect(result.status).toBe(0);
      expect(Object.keys(zips.cmi5.files).sort()).toEqual(['cmi5.xml', 'index.html']);
      const aus = [...xml.matchAll(/<au ([^>]+)>/g)].map((m) => m[1]);
      expect(aus).toEqual([`id="${moduleIri(module.activityBase, module.id)}" moveOn="CompletedAndPassed" masteryScore="${module.passingScore}" launchMethod="AnyWindow"`]);
      expect(xml).toContain('<url>index.html</url>');
      for (const area of module.areas) expect(xml).toContain(`<objective idref="${areaIri(area.id)}"/>`);
    });

    it('each package has one self-contained page (the web zip also its dialogue tool): no external scripts, styles or fetches', async () => {
      const hasDialogue = existsSync(join(DIST, 'content', `${module.id}.dialogue.json`));
      for (const format of FORMATS) {
        const pages = format === 'web' && hasDialogue ? ['dialogue.html', 'index.html'] : ['index.html'];
        const htmlFiles = Object.keys(zips[format].files).filter((f) => f.endsWith('.html') || f.endsWith('.js') || f.endsWith('.css'));
        expect(htmlFiles).toEqual(pages);
        for (const page of pages) {
          const html = await zips[format].file(page)!.async('string');
          expect(html).not.toMatch(/<script[^>]+src=/);
          expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
          expect(html).toContain(page === 'index.html' ? 'id="ak-module"' : 'id="ak-dialogue"');
        }
      }
      expect(readFileSync(join(DIST, 'web', module.id, 'index.html'), 'utf8')).toBe(await zips.web.file('index.html')!.async('string'));
    });
  });
}

describe('deterministic build', () => {
  it('building twice gives byte-identical zips', async () => {
    const a = mkdtempSync(join(tmpdir(), 'ak-build-a-'));
    const b = mkdtempSync(join(tmpdir(), 'ak-build-b-'));
    await buildAll({ distDir: a, quiet: true });
    await buildAll({ distDir: b, quiet: true });
    const names = readdirSync(join(a, 'packages')).sort();
    expect(names.length).toBe(modules.length * FORMATS.length);
    expect(readdirSync(join(b, 'packages')).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(b, 'packages', name)).equals(readFileSync(join(a, 'packages', name))), name).toBe(true);
    }
  });
});
