/**
 * The competence framework: mastery against the role's target, coverage warnings, and the
 * publication holding every area of every profile.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeResults } from '../../src/engine/scoring.js';
import { checkCoverage, loadFramework } from '../../build-scripts/load-module.js';
import { renderInline } from '../../build-scripts/markdown.js';
import { publicationHtml, writePublication } from '../../build-scripts/publication.js';
import { formatProblem } from '../../build-scripts/yaml-file.js';
import { FRAMEWORK_FILE, loadMini } from './module-fixture.js';

const { framework, problems } = loadFramework(FRAMEWORK_FILE);
const mini = loadMini();

describe('competence framework', () => {
  it('loads without errors: 8 areas with three levels of behaviours, three role profiles', () => {
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(framework!.areas).toHaveLength(8);
    expect(framework!.levels.map((l) => l.level)).toEqual([1, 2, 3]);
    for (const area of framework!.areas) expect(area.behaviours.map((b) => b.level), area.id).toEqual([1, 2, 3]);
    expect(framework!.roles.map((r) => r.id).sort()).toEqual(['frontline', 'manager', 'sysadmin']);
  });

  it("a module's profile takes the target level of its first role for the areas it trains", () => {
    const frontline = framework!.roles.find((r) => r.id === 'frontline')!;
    for (const [area, target] of Object.entries(mini.profile.targets)) {
      const level = frontline.targets.find((t) => t.area === area)!.level;
      expect(target).toEqual({ level, minScore: framework!.levels[level - 1].minScore });
    }
    expect(mini.profile.role).toBe('frontline');
  });

  it('mastery per area is judged against the target, not the passing score (hand-computed)', () => {
    const d1 = mini.scenes.find((s) => s.id === 'd1')!;
    const q1 = mini.scenes.find((s) => s.id === 'q1')!;
    // d1 "partial": know-the-rules 1 of 2, protect-daily 0 of 1; q1 right: know-the-rules 1 of 1 → 2/3.
    const answered = [
      { scene: d1, response: ['partial'] },
      { scene: q1, response: ['a'] },
    ];
    const loose = computeResults(['know-the-rules', 'protect-daily'], answered, 0.5, { 'know-the-rules': { minScore: 0.6 } });
    expect(loose.areas.map((a) => [a.id, a.scaled, a.target, a.passed])).toEqual([
      ['know-the-rules', 0.6667, 0.6, true],
      ['protect-daily', 0, 0.5, false],
    ]);
    const strict = computeResults(['know-the-rules'], answered, 0.5, { 'know-the-rules': { minScore: 0.8 } });
    expect(strict.areas[0]).toMatchObject({ scaled: 0.6667, target: 0.8, passed: false });
  });

  it('warns when an area of a role profile is trained by fewer than 2 scored items that every learner meets', () => {
    const warnings = checkCoverage(FRAMEWORK_FILE, framework!, [mini]).map(formatProblem);
    const frontline = framework!.roles.find((r) => r.id === 'frontline')!;
    // mini: know-the-rules in d1 and q1 (2), protect-daily in d1 and q2 (2), incidents in q3 (1), and
    // recognise-threats only in fix, on the risky branch after d1: no learner is sure to meet it.
    const counts: Record<string, [number, number]> = { 'know-the-rules': [2, 2], 'protect-daily': [2, 2], 'recognise-threats': [0, 1], incidents: [1, 1] };
    for (const t of frontline.targets) {
      const [sure, any] = counts[t.area] ?? [0, 0];
      const warned = warnings.filter((w) => w.includes(`area "${t.area}" in the profile of role "frontline"`));
      expect(warned, t.area).toHaveLength(sure >= 2 ? 0 : 1);
      const branches = any > sure ? ` \\(${any} counting every branch\\)` : '';
      if (sure < 2) expect(warned[0]).toMatch(new RegExp(`modules/competence-framework\\.yaml:\\d+:\\d+: warning: .* is trained by ${sure} scored item\\(s\\) that every learner meets across its modules \\(mini\\)${branches}; at least 2 are needed`));
    }
    // Roles without modules are warned about every area.
    const manager = framework!.roles.find((r) => r.id === 'manager')!;
    expect(warnings.filter((w) => w.includes('role "manager"'))).toHaveLength(manager.targets.length);
  });
});

describe('competence-profile publication', () => {
  for (const role of ['frontline', 'sysadmin', 'manager'] as const) {
    for (const lang of ['da', 'en'] as const) {
      it(`${role} (${lang}) holds every area of the profile with its target level and every behaviour`, () => {
        const html = publicationHtml(framework!, [mini], role, lang);
        const profile = framework!.roles.find((r) => r.id === role)!;
        expect(html).toContain(`<html lang="${lang}">`);
        for (const task of profile.tasks) expect(html).toContain(renderInline(task[lang] ?? task.da));
        for (const target of profile.targets) {
          const area = framework!.areas.find((a) => a.id === target.area)!;
          expect(html, area.id).toContain(`<section class="area" id="${area.id}">`);
          expect(html).toContain(renderInline(area.title[lang] ?? area.title.da));
          for (const b of area.behaviours) for (const item of b.items) expect(html).toContain(renderInline(item[lang] ?? item.da));
        }
        // Areas outside the profile are not in it.
        for (const area of framework!.areas.filter((a) => !profile.targets.some((t) => t.area === a.id))) {
          expect(html).not.toContain(`id="${area.id}"`);
        }
      });
    }
  }

  it('names the modules that train each area, from the same data as the scoring', () => {
    const html = publicationHtml(framework!, [mini], 'frontline', 'da');
    expect(html).toContain('Mini-modul (2 opgaver)'); // know-the-rules: d1 and q1
  });

  it('is written as HTML and PDF per role and language', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ak-pub-'));
    await writePublication(framework!, [mini], dist);
    for (const role of ['frontline', 'sysadmin', 'manager']) {
      for (const lang of ['da', 'en']) {
        expect(existsSync(join(dist, 'publication', `${role}.${lang}.html`))).toBe(true);
        const pdf = readFileSync(join(dist, 'publication', `${role}.${lang}.pdf`));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.length).toBeGreaterThan(10_000);
      }
    }
  });
});
