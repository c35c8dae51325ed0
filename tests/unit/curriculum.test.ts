/**
 * The shipped curriculum meets the quality bar of issue 5, checked on the modules themselves:
 * the six modules, their length, scored items on every path, areas of the role's profile,
 * branch points whose consequences play out later, complete English, fictitious data only, and
 * coverage of every area of every role's profile by at least two scored items.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAll } from '../../build-scripts/cli.js';
import { coverage, coverageMarkdown, MIN_ITEMS, modulePaths } from '../../build-scripts/coverage.js';
import { possiblePoints } from '../../src/engine/scoring.js';
import { isScored, type CompiledModule } from '../../src/model/compiled.js';
import { playOnEngine } from '../e2e/package-fixtures.js';
import { ROOT } from './module-fixture.js';

const { modules, dialogues, problems, framework } = validateAll();

const scoredOn = (module: CompiledModule, path: string[]) => path.filter((id) => isScored(module.scenes.find((s) => s.id === id)!));

/** Every text of a module file, as written (before Markdown). */
function sourceTexts(id: string): string {
  const dir = join(ROOT, 'modules', id);
  const files = ['module.yaml', ...readdirSync(join(dir, 'scenes')).map((f) => `scenes/${f}`)];
  if (readdirSync(dir).includes('dialogue.yaml')) files.push('dialogue.yaml');
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

describe('the curriculum', () => {
  it('validates without a single error or warning', () => {
    expect(problems).toEqual([]);
  });

  it('has the six modules of the issue, for the roles they are written for', () => {
    expect(Object.fromEntries(modules.map((m) => [m.id, m.roles]))).toEqual({
      'tavshedspligt-borgerservice': ['frontline'],
      'phishing-og-svindel': ['frontline', 'sysadmin', 'manager'],
      'sikkerhedshaendelser-og-brud': ['frontline', 'sysadmin', 'manager'],
      'adgangsstyring-systemforvaltere': ['sysadmin'],
      'sikkerhedskultur-ledere': ['manager'],
      'gode-vaner-i-hverdagen': ['frontline', 'sysadmin', 'manager'],
    });
  });

  it('every area of every role profile is trained by at least two scored items', () => {
    const thin = coverage(framework!, modules).filter((row) => !row.covered).map((r) => `${r.role}/${r.area}: ${r.items.length}`);
    expect(thin).toEqual([]);
    expect(coverageMarkdown(framework!, modules)).toContain(`Every area of every profile has at least ${MIN_ITEMS} scored items.`);
  });

  it('the managers module has the dialogue tool, with cards on areas the framework knows', () => {
    const dialogue = dialogues.find((d) => d.moduleId === 'sikkerhedskultur-ledere');
    expect(dialogue?.cards.length).toBeGreaterThanOrEqual(6);
    for (const card of dialogue!.cards) expect(card.questions.length, card.id).toBeGreaterThanOrEqual(2);
  });

  for (const module of modules) {
    describe(module.id, () => {
      const all = modulePaths(module);

      it('takes 10–20 minutes and ends with a reflection and the summary', () => {
        expect(module.minutes).toBeGreaterThanOrEqual(10);
        expect(module.minutes).toBeLessThanOrEqual(20);
        expect(module.scenes.at(-1)!.type).toBe('summary');
        expect(module.scenes.some((s) => s.type === 'reflection')).toBe(true);
      });

      it('every path has at least 8 scored items, and every path the same number', () => {
        const counts = new Set(all.map((p) => scoredOn(module, p).length));
        expect(Math.min(...counts)).toBeGreaterThanOrEqual(8);
        expect([...counts]).toHaveLength(1);
      });

      it("scores at least 3 areas of its role's profile", () => {
        const profile = framework!.roles.find((r) => r.id === module.roles[0])!.targets.map((t) => t.area);
        const scored = new Set(module.scenes.filter(isScored).flatMap((s) => Object.keys(possiblePoints(s))));
        expect(profile.filter((a) => scored.has(a)).length).toBeGreaterThanOrEqual(3);
      });

      it('has at least 2 branch points whose choices lead to different later scenes, which every path rejoins', () => {
        const branchPoints = module.scenes.filter((s) => s.type === 'decision' && new Set(s.options.map((o) => o.next ?? '')).size > 1);
        expect(branchPoints.length).toBeGreaterThanOrEqual(2);
        for (const point of branchPoints) {
          // What follows the choice: scenes some paths through this point see and others do not.
          const through = all.filter((p) => p.includes(point.id));
          const seenBy = (id: string) => through.filter((p) => p.includes(id)).length;
          const consequences = module.scenes.filter((s) => seenBy(s.id) > 0 && seenBy(s.id) < through.length).map((s) => s.id);
          expect(consequences.length, `${point.id} changes what comes later`).toBeGreaterThan(0);
        }
        const onEvery = module.scenes.filter((s) => all.every((p) => p.includes(s.id))).map((s) => s.id);
        expect(onEvery.at(-1)).toBe(module.scenes.at(-1)!.id);
      });

      it('the best answers pass with 100 %, the poorest fail', () => {
        const best = playOnEngine(module, 'best').results;
        const poor = playOnEngine(module, 'poor').results;
        expect([best.scaled, best.passed]).toEqual([1, true]);
        expect(poor.passed).toBe(false);
        expect(poor.scaled).toBeLessThan(module.passingScore);
      });

      it('uses only obviously fictitious CPR numbers and reserved example domains', () => {
        const text = sourceTexts(module.id);
        const cprs = [...text.matchAll(/\b(\d{2})(\d{2})(\d{2})-?(\d{4})\b/g)].filter((m) => m[0].includes('-'));
        for (const [cpr, , month] of cprs) expect(Number(month), `${cpr} must have an impossible month`).toBeGreaterThan(12);
        const domains = [...text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)|https?:\/\/([\w-]+(?:\.[\w-]+)+)/g)].map((m) => (m[1] ?? m[2]).toLowerCase());
        const reserved = /(^|\.)(example\.(com|net|org)|example|test|invalid)$/;
        expect(domains.filter((d) => !reserved.test(d) && d !== 'creativecommons.org')).toEqual([]);
      });
    });
  }
});
