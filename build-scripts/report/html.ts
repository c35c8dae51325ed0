/**
 * The report as one self-contained HTML page: summaries only (individual learners stay in
 * learners.csv), charts as inline SVG, each followed by the table with the same figures (the chart
 * is hidden from screen readers, the table is the accessible equivalent), printable on A4.
 */
import type { Group, KnownModule, ReportData } from './aggregate.js';
import { NO_UNIT } from './aggregate.js';
import { SUPPRESSED_MARK, texts, type ReportLang } from './texts.js';
import { escapeHtml as esc } from '../package.js';

export interface ReportMeta {
  generatedAt: Date;
  since?: string;
  until: string;
  endpoint: string;
  moduleFilter: string[];
  registration?: string;
  statementsRead: number;
}

type T = (typeof texts)[ReportLang];

export function reportHtml(data: ReportData, modules: KnownModule[], meta: ReportMeta, lang: ReportLang): string {
  const t = texts[lang];
  const title = (m: string) => {
    const known = modules.find((k) => k.id === m);
    return known ? (known.title[lang] ?? known.title.da) : m;
  };
  const roleTitle = (role: string) => {
    const known = modules.find((k) => k.role === role);
    return known ? (known.roleTitle[lang] ?? known.roleTitle.da) : role;
  };
  const areaInfo = new Map(modules.flatMap((m) => m.areas.map((a) => [a.id, a] as const)));
  const areaName = (id: string) => {
    const a = areaInfo.get(id);
    return a ? `${a.code} ${a.title[lang] ?? a.title.da}` : id;
  };
  const pct = (n: number, d: number) => percent(n / d, lang);
  const dateFmt = (iso: string) => new Date(iso).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });

  const dayFmt = (v: string) => new Date(`${v}T12:00:00Z`).toLocaleDateString(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' });
  const when = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? dayFmt(v) : dateFmt(v));
  const sections: string[] = [];

  // Per module
  const moduleGroups = data.modules;
  sections.push(
    section(
      'moduler',
      t.byModule,
      moduleGroups.length === 0
        ? `<p>${t.noData}</p>`
        : barChart(
            moduleGroups.map((g) => ({ label: title(g.key), values: g.figures ? [g.figures.completed / g.learners, g.figures.passed / g.learners] : null })),
            [t.completed, t.passed],
            lang,
          ) + groupTable(t.byModule, [t.module], moduleGroups.map((g) => ({ cells: [title(g.key)], group: g })), t, lang),
    ),
  );

  // Per unit
  sections.push(
    section(
      'enheder',
      t.byUnit,
      data.units.length === 0
        ? `<p>${t.noData}</p>`
        : barChart(
            data.units.map((g) => ({ label: `${unitLabel(g.key.unit, t)} – ${title(g.key.module)}`, values: g.figures ? [g.figures.completed / g.learners, g.figures.passed / g.learners] : null })),
            [t.completed, t.passed],
            lang,
          ) +
            groupTable(
              t.byUnit,
              [t.unit, t.module],
              data.units.map((g) => ({ cells: [unitLabel(g.key.unit, t), title(g.key.module)], group: g })),
              t,
              lang,
            ),
    ),
  );

  // Per role and area
  const roles = [...new Set(data.roleAreas.map((r) => r.role))];
  sections.push(
    section(
      'kompetencer',
      t.byRole,
      `<p>${t.byRoleIntro}</p>` +
        (roles.length === 0
          ? `<p>${t.noData}</p>`
          : roles
              .map((role) => {
                const rows = data.roleAreas.filter((r) => r.role === role);
                const caption = `${t.byRole}: ${esc(roleTitle(role))}`;
                return (
                  `<h3>${esc(roleTitle(role))}</h3>` +
                  barChart(
                    rows.map((r) => ({ label: areaName(r.area), values: r.mastered === null ? null : [r.mastered / r.learners] })),
                    [t.mastered],
                    lang,
                  ) +
                  `<table><caption>${caption}</caption><thead><tr><th scope="col">${t.area}</th><th scope="col" class="n">${t.learners}</th><th scope="col" class="n">${t.mastered}</th><th scope="col" class="n">${t.meanScore}</th><th scope="col" class="n">${t.target}</th></tr></thead><tbody>` +
                  rows
                    .map(
                      (r) =>
                        `<tr><th scope="row">${esc(areaName(r.area))}</th>` +
                        (r.mastered === null
                          ? `<td class="n">${r.learners}</td><td class="n suppressed" colspan="2">${SUPPRESSED_MARK} <span class="why">(${t.suppressed})</span></td>`
                          : `<td class="n">${r.learners}</td><td class="n">${r.mastered} (${pct(r.mastered, r.learners)})</td><td class="n">${percent(r.meanScaled!, lang)}</td>`) +
                        `<td class="n">${r.target === null ? '' : percent(r.target, lang)}</td></tr>`,
                    )
                    .join('') +
                  `</tbody></table>`
                );
              })
              .join('')),
    ),
  );

  // Trend
  const trendModules = [...new Set(data.trend.map((r) => r.module))];
  sections.push(
    section(
      'udvikling',
      t.trend,
      `<p>${t.trendIntro}</p>` +
        (trendModules.length === 0 && data.trendSuppressed.length === 0
          ? `<p>${t.noData}</p>`
          : trendModules
              .map((m) => {
                const rows = data.trend.filter((r) => r.module === m);
                const learners = data.modules.find((g) => g.key === m)?.learners ?? Math.max(...rows.map((r) => r.started));
                return (
                  `<h3>${esc(title(m))}</h3>` +
                  lineChart(rows.map((r) => ({ label: r.month, values: [r.completed / learners, r.passed / learners] })), [t.completed, t.passed], lang) +
                  `<table><caption>${esc(t.trendFor(title(m)))}</caption><thead><tr><th scope="col">${t.month}</th><th scope="col" class="n">${t.started}</th><th scope="col" class="n">${t.completed}</th><th scope="col" class="n">${t.passed}</th></tr></thead><tbody>` +
                  rows
                    .map((r) => `<tr><th scope="row">${r.month}</th><td class="n">${r.started}</td><td class="n">${r.completed} (${pct(r.completed, learners)})</td><td class="n">${r.passed} (${pct(r.passed, learners)})</td></tr>`)
                    .join('') +
                  `</tbody></table>`
                );
              })
              .join('') +
            (data.trendSuppressed.length
              ? `<p>${t.suppressed}: ${data.trendSuppressed.map((m) => esc(title(m))).join(', ')} (${SUPPRESSED_MARK}).</p>`
              : '')),
    ),
  );

  if (data.unknownModules.length) {
    sections.push(
      section(
        'ukendte',
        t.unknown,
        `<p>${t.unknownIntro}</p><table><caption>${t.unknown}</caption><thead><tr><th scope="col">${t.iri}</th><th scope="col" class="n">${t.statements}</th></tr></thead><tbody>` +
          data.unknownModules.map((u) => `<tr><td class="iri">${esc(u.iri)}</td><td class="n">${u.statements}</td></tr>`).join('') +
          `</tbody></table>`,
      ),
    );
  }

  const c = data.counts;
  const facts: Array<[string, string]> = [
    [t.generated, dateFmt(meta.generatedAt.toISOString())],
    [t.period, `${t.from} ${meta.since ? when(meta.since) : t.beginning} ${t.until} ${when(meta.until)}`],
    [t.lrs, meta.endpoint],
    [t.filterModules, meta.moduleFilter.length ? meta.moduleFilter.map(title).join(', ') : t.all],
    ...(meta.registration ? [[t.filterRegistration, meta.registration] as [string, string]] : []),
    [t.learners, String(c.learners)],
    [
      t.statementsRead,
      // The voided are not among those read (the LRS leaves them out): said apart, so the parts add up.
      `${meta.statementsRead}: ${c.ours} ${t.statementsOurs} (${t.ofWhich} ${c.unknown} ${t.statementsUnknown}` +
        (c.malformed ? `, ${c.malformed} ${t.statementsMalformed}` : '') +
        `), ${c.other} ${t.statementsOther}. ${t.voidedNote(c.voided)}`,
    ],
  ];

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(t.title)}</h1>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<p class="privacy">${esc(t.privacy(data.minGroup, data.pseudonymised))}</p>
<p>${esc(t.counting)}</p>
<nav aria-label="${lang === 'da' ? 'Indhold' : 'Contents'}"><ul>${sections.map((s) => s.match(/<h2 id="([^"]+)">([^<]+)<\/h2>/)!).map(([, id, h]) => `<li><a href="#${id}">${h}</a></li>`).join('')}</ul></nav>
</header>
<main>
${scrollableTables(sections.join('\n'))}
</main>
</body>
</html>
`;
}

/**
 * Wide tables scroll on their own at 320 px instead of widening the page (WCAG 1.4.10); a region
 * that scrolls must be reachable by keyboard, so it is focusable and named by its caption.
 */
function scrollableTables(html: string): string {
  let n = 0;
  return html
    .replace(/<table><caption>/g, () => {
      n++;
      return `<div class="scroll" role="region" tabindex="0" aria-labelledby="tabel-${n}"><table><caption id="tabel-${n}">`;
    })
    .replace(/<\/table>/g, '</table></div>');
}

function unitLabel(unit: string, t: T): string {
  return unit === NO_UNIT ? t.noUnit : unit;
}

function section(id: string, heading: string, body: string): string {
  return `<section aria-labelledby="${id}"><h2 id="${id}">${esc(heading)}</h2>${body}</section>`;
}

function groupTable(caption: string, heads: string[], rows: Array<{ cells: string[]; group: Group<unknown> }>, t: T, lang: ReportLang): string {
  const pct = (n: number, d: number) => percent(n / d, lang);
  return (
    `<table><caption>${esc(caption)}</caption><thead><tr>${heads.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}` +
    `<th scope="col" class="n">${t.learners}</th><th scope="col" class="n">${t.completed}</th><th scope="col" class="n">${t.passed}</th><th scope="col" class="n">${t.failed}</th><th scope="col" class="n">${t.meanScore}</th></tr></thead><tbody>` +
    rows
      .map(({ cells, group: g }) => {
        const head = cells.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('');
        if (!g.figures) return `<tr>${head}<td class="n suppressed" colspan="5">${SUPPRESSED_MARK} <span class="why">(${g.suppressed === 'complement' ? t.suppressedComplement : t.suppressed})</span></td></tr>`;
        const f = g.figures;
        return `<tr>${head}<td class="n">${g.learners}</td><td class="n">${f.completed} (${pct(f.completed, g.learners)})</td><td class="n">${f.passed} (${pct(f.passed, g.learners)})</td><td class="n">${f.failed}</td><td class="n">${f.meanScore === null ? '' : percent(f.meanScore, lang)}</td></tr>`;
      })
      .join('') +
    `</tbody></table>`
  );
}

/** Two series, told apart by colour, marker shape and order; both 7:1 against white. */
const SERIES = ['#1f5f8b', '#7a3b00'];
const BAR_H = 14;
const LABEL_W = 260;
const PLOT_W = 360;

/** Horizontal bars, one row per item, one bar per series; a suppressed item shows the mark. Values 0..1. */
function barChart(items: Array<{ label: string; values: number[] | null }>, series: string[], lang: ReportLang): string {
  const rowH = series.length * (BAR_H + 2) + 10;
  const top = 24;
  const height = top + items.length * rowH + 4;
  const width = LABEL_W + PLOT_W + 70;
  let svg = legend(series, 0);
  items.forEach((item, i) => {
    const y = top + i * rowH;
    svg += `<text x="${LABEL_W - 8}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="middle">${esc(truncate(item.label, 38))}</text>`;
    if (!item.values) {
      svg += `<text x="${LABEL_W + 4}" y="${y + rowH / 2}" dominant-baseline="middle">${SUPPRESSED_MARK}</text>`;
      return;
    }
    item.values.forEach((v, s) => {
      const by = y + 3 + s * (BAR_H + 2);
      svg += `<rect x="${LABEL_W}" y="${by}" width="${Math.max(1, v * PLOT_W).toFixed(1)}" height="${BAR_H}" fill="${SERIES[s]}"/>`;
      svg += `<text x="${LABEL_W + v * PLOT_W + 4}" y="${by + BAR_H / 2}" dominant-baseline="middle">${percent(v, lang)}</text>`;
    });
  });
  svg += `<line x1="${LABEL_W}" x2="${LABEL_W}" y1="${top - 2}" y2="${height - 4}" stroke="#555"/>`;
  return figure(svg, width, height, lang);
}

/** Cumulative shares by month: one line per series. */
function lineChart(points: Array<{ label: string; values: number[] }>, series: string[], lang: ReportLang): string {
  const left = 50;
  const top = 24;
  const plotH = 160;
  const step = points.length > 1 ? Math.min(80, 560 / (points.length - 1)) : 0;
  // Room for the legend (two entries) however few months there are.
  const width = Math.max(left + 310, left + Math.max(1, points.length - 1) * step + 80);
  const height = top + plotH + 40;
  const x = (i: number) => left + 10 + i * step;
  const y = (v: number) => top + plotH - v * plotH;
  let svg = legend(series, left);
  for (const g of [0, 0.5, 1]) svg += `<line x1="${left}" x2="${width - 20}" y1="${y(g)}" y2="${y(g)}" stroke="#bbb"/><text x="${left - 6}" y="${y(g)}" text-anchor="end" dominant-baseline="middle">${percent(g, lang)}</text>`;
  series.forEach((_, s) => {
    svg += `<polyline fill="none" stroke="${SERIES[s]}" stroke-width="2.5" points="${points.map((p, i) => `${x(i)},${y(p.values[s])}`).join(' ')}"/>`;
    points.forEach((p, i) => (svg += s === 0 ? `<circle cx="${x(i)}" cy="${y(p.values[s])}" r="3.5" fill="${SERIES[s]}"/>` : `<rect x="${x(i) - 3.5}" y="${y(p.values[s]) - 3.5}" width="7" height="7" fill="${SERIES[s]}"/>`));
  });
  points.forEach((p, i) => (svg += `<text x="${x(i)}" y="${top + plotH + 18}" text-anchor="middle">${esc(p.label)}</text>`));
  return figure(svg, width, height, lang);
}

function legend(series: string[], x0: number): string {
  return series
    .map((name, s) => {
      const x = x0 + s * 150;
      return `<rect x="${x}" y="4" width="12" height="12" fill="${SERIES[s]}"/><text x="${x + 18}" y="10" dominant-baseline="middle">${esc(name)}</text>`;
    })
    .join('');
}

function figure(svg: string, width: number, height: number, lang: ReportLang): string {
  // The table after the chart is its accessible equivalent; the chart itself is not read out.
  // Never narrower than its text can be read at: on a phone the chart scrolls sideways in its own focusable region.
  const note = texts[lang].figureNote;
  return `<figure><div class="scroll chart" role="region" tabindex="0" aria-label="${esc(note)}"><svg aria-hidden="true" focusable="false" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" style="min-width: ${Math.ceil(width * 0.8)}px" role="presentation">${svg}</svg></div><figcaption>${esc(note)}</figcaption></figure>`;
}

export function percent(v: number, lang: ReportLang): string {
  const n = Math.round(v * 100);
  return lang === 'da' ? `${n} %` : `${n}%`;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}


const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; overflow-wrap: break-word; }
@media (max-width: 30rem) { h1 { font-size: 1.3rem; } h2 { font-size: 1.15rem; } }
h1, h2, h3 { hyphens: auto; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1f5f8b; }
h3 { font-size: 1.1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
@media (max-width: 30rem) { .facts { grid-template-columns: 1fr; } .facts dd { margin-bottom: .4rem; } }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: break-word; }
.privacy { background: #eef4f8; padding: .5rem .75rem; border-left: 4px solid #1f5f8b; }
a { color: #1f5f8b; }
a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
figure { margin: 1rem 0 .5rem; overflow-x: auto; }
figure svg { max-width: 100%; height: auto; font-size: 12px; fill: #1a1a1a; display: block; }
figcaption { font-size: .85rem; color: #444; }
.scroll { overflow-x: auto; margin: .5rem 0 1.5rem; }
.scroll.chart { margin: 0; }
.scroll:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #555; }
.n { text-align: right; white-space: nowrap; }
.suppressed { color: #444; }
.why { font-size: .85em; }
.iri { overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  section, figure, table { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 15mm; }
`;
