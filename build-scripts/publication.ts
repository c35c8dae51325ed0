/**
 * The competence-profile publication: per role and language, one printable HTML page and a PDF
 * (Chromium's print to PDF), made from the same framework data and modules as the scoring, so it
 * can never disagree with it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompetenceFramework, Role } from '../src/model/schema.js';
import type { CompiledModule, Lang } from '../src/model/compiled.js';
import { possiblePoints } from '../src/engine/scoring.js';
import { renderBlock, renderInline } from './markdown.js';
import { escapeHtml, plainText } from './package.js';
import { CHROMIUM_PATH } from './browser/chromium-flags.mjs';

type Text = { da: string; en?: string };

const WORDS = {
  da: {
    profile: 'Kompetenceprofil',
    definition: 'Hvad betyder awareness?',
    levels: 'Niveauer',
    level: 'Niveau',
    description: 'Beskrivelse',
    tasks: 'Opgaver',
    responsibilities: 'Ansvar',
    targets: 'Kompetenceområder og målniveau',
    area: 'Område',
    targetLevel: 'Målniveau',
    behaviours: 'Sådan ser det ud i praksis',
    dilemmas: 'Typiske dilemmaer',
    trainedBy: 'Moduler, der træner området',
    items: (n: number) => `${n} ${n === 1 ? 'opgave' : 'opgaver'}`,
    none: 'Endnu intet modul.',
    target: 'mål',
  },
  en: {
    profile: 'Competence profile',
    definition: 'What does awareness mean?',
    levels: 'Levels',
    level: 'Level',
    description: 'Description',
    tasks: 'Tasks',
    responsibilities: 'Responsibilities',
    targets: 'Competence areas and target level',
    area: 'Area',
    targetLevel: 'Target level',
    behaviours: 'What it looks like in practice',
    dilemmas: 'Typical dilemmas',
    trainedBy: 'Modules that train the area',
    items: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
    none: 'No module yet.',
    target: 'target',
  },
};

const t = (text: Text, lang: Lang) => text[lang] ?? text.da;
const block = (text: Text, lang: Lang) => renderBlock(t(text, lang));
const inline = (text: Text, lang: Lang) => renderInline(t(text, lang));

/** Modules of the role and how many of their scored items give points in `area`. */
export function modulesTraining(modules: readonly CompiledModule[], role: Role, area: string): Array<{ module: CompiledModule; items: number }> {
  return modules
    .filter((m) => m.roles.includes(role))
    .map((module) => ({
      module,
      items: module.scenes.filter((s) => (s.type === 'decision' || s.type === 'quiz') && (possiblePoints(s)[area] ?? 0) > 0).length,
    }))
    .filter((x) => x.items > 0);
}

export function publicationHtml(framework: CompetenceFramework, modules: readonly CompiledModule[], role: Role, lang: Lang): string {
  const w = WORDS[lang];
  const profile = framework.roles.find((r) => r.id === role)!;
  const levelName = (n: number) => inline(framework.levels[n - 1].name, lang);
  const targets = profile.targets.map((target) => ({ target, area: framework.areas.find((a) => a.id === target.area)! }));
  // plainText turns &lt; back into <: escaped again before it goes into the page.
  const title = `${w.profile}: ${escapeHtml(plainText(inline(profile.title, lang)))}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; max-width: 48rem; margin: 0 auto; padding: 1.5rem; line-height: 1.5; }
  h1 { font-size: 1.75rem; margin-bottom: 0.25rem; }
  h2 { margin-top: 2rem; border-bottom: 2px solid #0f5499; padding-bottom: 0.25rem; }
  h3 { margin-top: 1.5rem; }
  table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
  th, td { text-align: left; vertical-align: top; padding: 0.375rem 0.5rem; border-bottom: 1px solid #d0d5da; overflow-wrap: break-word; }
  /* Narrow screens (320 px): each table row becomes a block; labelled values say what they are. */
  @media screen and (max-width: 32rem) {
    body { padding: 1rem; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    tr, th, td { display: block; border: 0; padding: 0.125rem 0; }
    tr { border-bottom: 1px solid #d0d5da; padding: 0.5rem 0; }
    td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
    td ul { padding-left: 1.25rem; }
  }
  .code { color: #4a525a; font-weight: 400; }
  .target { font-weight: 600; }
  .target-level { background: #e8f0f8; }
  section.area { break-inside: avoid; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  @media print {
    body { max-width: none; padding: 0; font-size: 10.5pt; }
    h2 { break-after: avoid; }
    a { color: inherit; }
  }
  @page { size: A4; margin: 18mm 16mm; }
</style>
</head>
<body>
<header>
  <h1>${title}</h1>
  ${block(profile.description, lang)}
</header>
<main>
<h2>${w.definition}</h2>
${block(framework.definition, lang)}
<h2>${w.levels}</h2>
<table>
  <caption class="visually-hidden">${w.levels}</caption>
  <thead><tr><th scope="col">${w.level}</th><th scope="col">${w.description}</th></tr></thead>
  <tbody>
${framework.levels.map((l) => `    <tr><th scope="row">${l.level}. ${inline(l.name, lang)}</th><td>${inline(l.description, lang)}</td></tr>`).join('\n')}
  </tbody>
</table>
<h2>${w.tasks}</h2>
<ul>
${profile.tasks.map((x) => `  <li>${inline(x, lang)}</li>`).join('\n')}
</ul>
<h2>${w.responsibilities}</h2>
<ul>
${profile.responsibilities.map((x) => `  <li>${inline(x, lang)}</li>`).join('\n')}
</ul>
<h2>${w.targets}</h2>
<table class="targets">
  <caption class="visually-hidden">${w.targets}</caption>
  <thead><tr><th scope="col">${w.area}</th><th scope="col">${w.targetLevel}</th><th scope="col">${w.trainedBy}</th></tr></thead>
  <tbody>
${targets
  .map(({ target, area }) => {
    const trained = modulesTraining(modules, role, area.id);
    return `    <tr><th scope="row"><span class="code">${area.code}</span> ${inline(area.title, lang)}</th><td data-label="${w.targetLevel}">${target.level}. ${levelName(target.level)}</td><td data-label="${w.trainedBy}">${
      trained.length ? trained.map((x) => `${escapeHtml(plainText(inline(x.module.title, lang)))} (${w.items(x.items)})`).join('<br>') : w.none
    }</td></tr>`;
  })
  .join('\n')}
  </tbody>
</table>
${targets
  .map(
    ({ target, area }) => `<section class="area" id="${area.id}">
<h3><span class="code">${area.code}</span> ${inline(area.title, lang)}</h3>
${block(area.description, lang)}
<table>
  <caption class="visually-hidden">${w.behaviours}</caption>
  <thead><tr><th scope="col">${w.level}</th><th scope="col">${w.behaviours}</th></tr></thead>
  <tbody>
${area.behaviours
  .map(
    (b) => `    <tr${b.level === target.level ? ' class="target-level"' : ''}><th scope="row">${b.level}. ${levelName(b.level)}${
      b.level === target.level ? ` <span class="target">(${w.target})</span>` : ''
    }</th><td><ul>${b.items.map((i) => `<li>${inline(i, lang)}</li>`).join('')}</ul></td></tr>`,
  )
  .join('\n')}
  </tbody>
</table>
</section>`,
  )
  .join('\n')}
<h2>${w.dilemmas}</h2>
<ul>
${profile.dilemmas.map((x) => `  <li>${inline(x, lang)}</li>`).join('\n')}
</ul>
</main>
</body>
</html>
`;
}

/**
 * Writes dist/publication/<role>.<lang>.html and, with Chromium, .pdf. Without Chromium the
 * PDFs are skipped with a warning, so a build never needs a browser.
 */
export async function writePublication(framework: CompetenceFramework, modules: readonly CompiledModule[], distDir: string): Promise<string[]> {
  const dir = join(distDir, 'publication');
  mkdirSync(dir, { recursive: true });
  const pages: string[] = [];
  for (const role of framework.roles) {
    for (const lang of ['da', 'en'] as const) {
      const path = join(dir, `${role.id}.${lang}.html`);
      writeFileSync(path, publicationHtml(framework, modules, role.id, lang));
      pages.push(path);
    }
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(`Competence-profile PDFs skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROME_PATH). The HTML pages are in ${dir}.`);
    return pages;
  }
  await printToPdf(pages.map((html) => ({ url: pathToFileURL(html).href, pdf: html.replace(/\.html$/, '.pdf') })), { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' });
  return pages;
}

/**
 * Prints pages to PDF with Chromium's print media (what the pages' print CSS says). `ready`
 * waits for pages that render with script (the dialogue tool).
 */
export async function printToPdf(
  jobs: ReadonlyArray<{ url: string; pdf: string; ready?: string }>,
  margin?: { top: string; bottom: string; left: string; right: string },
): Promise<void> {
  const { launchChromium } = await import('./browser/chromium.js');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const job of jobs) {
      await page.goto(job.url);
      if (job.ready) await page.waitForFunction(job.ready);
      // Tagged, with an outline: a PDF a municipality publishes must work with a screen reader too.
      await page.pdf({ path: job.pdf, format: 'A4', printBackground: true, tagged: true, outline: true, ...(margin ? { margin } : { preferCSSPageSize: true }) });
    }
  } finally {
    await browser.close();
  }
}
