/**
 * Coverage of the competence framework: for every area of every role's profile, the scored
 * items (decisions and questions) that give points in it across the role's modules. An area
 * needs at least MIN_ITEMS to say anything about a learner. `npm run coverage` prints it, and
 * the build writes it to dist/coverage.md and dist/coverage.csv.
 */
import type { CompiledModule, Scene } from '../src/model/compiled.js';
import type { CompetenceFramework, Role } from '../src/model/schema.js';
import { possiblePoints } from '../src/engine/scoring.js';
import { isScored } from '../src/model/compiled.js';
import { plainText } from './package.js';

export const MIN_ITEMS = 2;

export interface CoverageRow {
  role: Role;
  area: string;
  code: string;
  title: string;
  targetLevel: number;
  /** `module/scene` of every scored item with points in the area, on any branch. */
  items: string[];
  /** How many of them every learner meets: per module the fewest over its paths, summed. */
  onEveryPath: number;
  /** Items per module, for modules that train the area. */
  modules: Array<{ id: string; items: number }>;
  /** At least MIN_ITEMS on every path: a branch never leaves an area too thin. */
  covered: boolean;
}

export function coverage(framework: CompetenceFramework, modules: readonly CompiledModule[]): CoverageRow[] {
  // Walked once per module, not once per role and area.
  const paths = new Map(modules.map((m) => [m.id, modulePaths(m)]));
  return framework.roles.flatMap((role) => {
    const ofRole = modules.filter((m) => m.roles.includes(role.id));
    return role.targets.map((target) => {
      const area = framework.areas.find((a) => a.id === target.area)!;
      const perModule = ofRole.map((m) => ({
        id: m.id,
        scenes: m.scenes.filter((s) => isScored(s) && (possiblePoints(s)[target.area] ?? 0) > 0).map((s) => s.id),
      }));
      const items = perModule.flatMap((m) => m.scenes.map((s) => `${m.id}/${s}`));
      const onEveryPath = perModule.reduce(
        (sum, m) => sum + Math.min(...paths.get(m.id)!.map((path) => path.filter((id) => m.scenes.includes(id)).length)),
        0,
      );
      return {
        role: role.id,
        area: target.area,
        code: area.code,
        title: area.title.da,
        targetLevel: target.level,
        items,
        onEveryPath,
        modules: perModule.filter((m) => m.scenes.length > 0).map((m) => ({ id: m.id, items: m.scenes.length })),
        covered: onEveryPath >= MIN_ITEMS,
      };
    });
  });
}

/** Every distinct path through a module (scene ids): at each decision, each option's branch. */
export function modulePaths(module: CompiledModule): string[][] {
  const index = new Map(module.scenes.map((s, i) => [s.id, i]));
  const after = (scene: Scene, branch?: string) => branch ?? scene.next ?? module.scenes[index.get(scene.id)! + 1]?.id;
  const out: string[][] = [];
  const walk = (id: string, path: string[]) => {
    const scene = module.scenes[index.get(id)!];
    const here = [...path, id];
    if (scene.type === 'summary' || !after(scene)) return void out.push(here);
    const targets = scene.type === 'decision' ? [...new Set(scene.options.map((o) => after(scene, o.next)))] : [after(scene)];
    for (const t of targets) walk(t!, here);
  };
  walk(module.scenes[0].id, []);
  return out;
}

/** Scored items a learner meets: the fewest and the most over all paths. */
export function scoredPerLearner(module: CompiledModule): { min: number; max: number } {
  const scored = new Set(module.scenes.filter(isScored).map((s) => s.id));
  const counts = modulePaths(module).map((p) => p.filter((id) => scored.has(id)).length);
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

export function coverageMarkdown(framework: CompetenceFramework, modules: readonly CompiledModule[]): string {
  const rows = coverage(framework, modules);
  const lines = [
    '# Coverage of the competence profiles',
    '',
    `Every area of every role's profile needs at least ${MIN_ITEMS} scored items across the role's modules that every learner meets, whichever branches they take.`,
    '',
    '## Modules',
    '',
    '| module | roles | minutes | scenes | scored items (all branches) | scored items per learner | areas |',
    '|---|---|---|---|---|---|---|',
    ...modules.map((m) => {
      const { min, max } = scoredPerLearner(m);
      const perLearner = min === max ? `${min}` : `${min}–${max}`;
      return `| ${m.id} | ${m.roles.join(', ')} | ${m.minutes} | ${m.scenes.length} | ${m.scenes.filter(isScored).length} | ${perLearner} | ${m.areas.map((a) => a.code).join(', ')} |`;
    }),
  ];
  for (const role of framework.roles) {
    lines.push('', `## ${plainText(role.title.da)} (\`${role.id}\`)`, '', '| area | target level | scored items | on every path | modules (items) | |', '|---|---|---|---|---|---|');
    for (const row of rows.filter((r) => r.role === role.id)) {
      const where = row.modules.map((m) => `${m.id} (${m.items})`).join(', ') || '—';
      lines.push(`| ${row.code} ${plainText(row.title)} | ${row.targetLevel} | ${row.items.length} | ${row.onEveryPath} | ${where} | ${row.covered ? 'ok' : `**fewer than ${MIN_ITEMS}**`} |`);
    }
  }
  const missing = rows.filter((r) => !r.covered).length;
  lines.push('', missing ? `**${missing} area(s) of a profile have fewer than ${MIN_ITEMS} scored items.**` : `Every area of every profile has at least ${MIN_ITEMS} scored items.`, '');
  return lines.join('\n');
}

export function coverageCsv(framework: CompetenceFramework, modules: readonly CompiledModule[]): string {
  const quote = (v: string | number | boolean) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const rows = coverage(framework, modules).map((r) =>
    [r.role, r.area, r.code, plainText(r.title), r.targetLevel, r.items.length, r.onEveryPath, r.modules.map((m) => `${m.id}:${m.items}`).join(' '), r.covered].map(quote).join(','),
  );
  return ['role,area,code,title,target_level,scored_items,on_every_path,modules,covered', ...rows].join('\n') + '\n';
}
