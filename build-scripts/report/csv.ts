/**
 * The report's views as CSV, one file each. Danish files follow Danish spreadsheets (semicolons,
 * decimal commas), English ones RFC 4180 with commas and points; both are UTF-8 with a BOM, so a
 * spreadsheet opened by double-click shows æ, ø and å.
 */
import type { Group, KnownModule, ReportData } from './aggregate.js';
import { NO_UNIT, round, SUPPRESSED_UNIT } from './aggregate.js';
import { SUPPRESSED_MARK, texts, type ReportLang } from './texts.js';
import { copenhagenDateTime } from './dates.js';

export function reportCsvs(data: ReportData, modules: KnownModule[], lang: ReportLang): Map<string, string> {
  const t = texts[lang];
  const sep = lang === 'da' ? ';' : ',';
  const num = (n: number | null | undefined): string => (n === null || n === undefined ? '' : lang === 'da' ? String(round(n)).replace('.', ',') : String(round(n)));
  const table = (rows: Array<Array<string | number | null>>): string =>
    '\ufeff' + rows.map((row) => row.map((cell) => (typeof cell === 'number' ? num(cell) : field(cell ?? '', sep))).join(sep)).join('\r\n') + '\r\n';
  const areaIds = allAreas(modules);
  const areaInfo = new Map(modules.flatMap((m) => m.areas.map((a) => [a.id, a] as const)));
  const areaName = (id: string) => {
    const a = areaInfo.get(id);
    return a ? `${a.code} ${a.title[lang] ?? a.title.da}` : id;
  };
  const roleName = (role: string) => {
    const m = modules.find((k) => k.role === role);
    return m ? (m.roleTitle[lang] ?? m.roleTitle.da) : role;
  };
  /** A share as a percentage with one decimal, as HR reads it. */
  const asPct = (scaled: number) => Math.round(scaled * 1000) / 10;
  const pct = (n: number, d: number) => asPct(n / d);
  const when = (iso: string) => (iso.length === 7 ? iso : copenhagenDateTime(Date.parse(iso)));
  const unitName = (unit: string) => (unit === NO_UNIT ? t.noUnit : unit === SUPPRESSED_UNIT ? SUPPRESSED_MARK : unit);
  const figures = (g: Group<unknown>): Array<string | number | null> =>
    g.figures
      ? [g.learners, g.figures.completed, pct(g.figures.completed, g.learners), g.figures.passed, pct(g.figures.passed, g.learners), g.figures.failed, g.figures.meanScore === null ? null : asPct(g.figures.meanScore)]
      : [SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK];
  const figureHeads = [t.learners, t.completed, `${t.completed} (%)`, t.passed, `${t.passed} (%)`, t.failed, `${t.meanScore} (%)`];

  const files = new Map<string, string>();
  files.set(
    'learners.csv',
    table([
      [t.learner, t.unit, t.module, t.role, t.attempts, t.registration, t.started, t.completed, t.result, `${t.score} (%)`, ...areaIds.map((a) => `${areaName(a)} (%)`)],
      ...data.learners.map((r) => [
        r.learner,
        unitName(r.unit),
        r.module,
        roleName(r.role),
        String(r.attempts),
        r.registration,
        when(r.started),
        r.completed ? t.yes : t.no,
        r.result === 'passed' ? t.passed : r.result === 'failed' ? t.failed : t.inProgress,
        r.score === null ? null : asPct(r.score),
        ...areaIds.map((a) => (r.areas[a] ? asPct(r.areas[a].scaled) : null)),
      ]),
    ]),
  );
  const title = (id: string) => {
    const m = modules.find((k) => k.id === id);
    return m ? (m.title[lang] ?? m.title.da) : id;
  };
  files.set('modules.csv', table([[t.module, t.moduleTitle, ...figureHeads], ...data.modules.map((g) => [g.key, title(g.key), ...figures(g)])]));
  files.set('units.csv', table([[t.unit, t.module, ...figureHeads], ...data.units.map((g) => [unitName(g.key.unit), g.key.module, ...figures(g)])]));
  files.set(
    'roles-areas.csv',
    table([
      [t.role, t.area, t.learners, t.mastered, `${t.mastered} (%)`, `${t.meanScore} (%)`, `${t.target} (%)`],
      ...data.roleAreas.map((r) => [
        roleName(r.role),
        areaName(r.area),
        r.learners,
        r.mastered ?? SUPPRESSED_MARK,
        r.mastered === null ? SUPPRESSED_MARK : pct(r.mastered, r.learners),
        r.meanScaled === null ? SUPPRESSED_MARK : asPct(r.meanScaled),
        r.target === null ? null : asPct(r.target),
      ]),
    ]),
  );
  files.set(
    'trend.csv',
    table([
      [t.module, t.month, t.started, t.completed, t.passed],
      ...data.trend.map((r) => [r.module, r.month, r.started, r.completed, r.passed]),
      ...data.trendSuppressed.map((m) => [m, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK, SUPPRESSED_MARK]),
    ]),
  );
  files.set('unknown-modules.csv', table([[t.iri, t.statements], ...data.unknownModules.map((u) => [u.iri, u.statements])]));
  return files;
}

export function allAreas(modules: KnownModule[]): string[] {
  const codes = new Map(modules.flatMap((m) => m.areas.map((a) => [a.id, Number(a.code.slice(1))] as const)));
  return [...codes.keys()].sort((a, b) => codes.get(a)! - codes.get(b)!);
}

/** A text cell: quoted when it holds the separator, a quote or a line break; one a spreadsheet would run as a formula gets a leading '. */
function field(value: string, sep: string): string {
  // A cell beginning with = + - @ would run as a formula in a spreadsheet (CSV injection): learner
  // names and units come from launches, so they are not trusted.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
