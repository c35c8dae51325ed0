/**
 * The preview's pages, in Danish (its users are the municipality's trainers): the portal, the
 * simulated LMS around one module, and the page of validation problems. Every value from
 * files is escaped; the LMS page gets its settings as JSON, read by assets/lms.js.
 */
import type { CompiledModule } from '../../src/model/compiled.js';
import type { Validated } from '../cli.js';
import type { OverlayChanges } from '../load-module.js';
import { escapeHtml, plainText } from '../package.js';
import { formatProblem, type Problem } from '../yaml-file.js';

export interface OrgChoice {
  key: string;
  label: string;
  /** The org.yaml; absent for the unbranded default. */
  file?: string;
}

const ROLE_NAMES: Record<string, string> = { frontline: 'frontpersonale', sysadmin: 'systemforvaltere', manager: 'ledere' };

export function portalPage(orgs: readonly OrgChoice[], org: OrgChoice, v: Validated): string {
  const errors = v.problems.filter((p) => p.severity === 'error');
  const warnings = v.problems.filter((p) => p.severity === 'warning');
  const rows = v.modules
    .map(
      (m) => `<tr>
        <th scope="row"><a href="/lms/${esc(m.id)}?org=${esc(org.key)}">${esc(plainText(m.title.da))}</a></th>
        <td>${m.roles.map((r) => esc(ROLE_NAMES[r] ?? r)).join(', ')}</td>
        <td>${m.minutes}</td>
        <td><code>${esc(m.id)}</code></td>
        ${org.file ? `<td>${esc(changeText(v.changes.get(m.id)))}</td>` : ''}
      </tr>`,
    )
    .join('');
  return page(
    'Awareness-kit – forhåndsvisning',
    `<header class="top"><h1>Awareness-kit – forhåndsvisning</h1></header>
    <main class="portal">
      <p>Vælg et modul for at tage det i et simuleret LMS (SCORM 2004). Når du gemmer en fil i modulerne eller i jeres organisationsmappe, opdateres siden af sig selv.</p>
      ${orgSwitch(orgs, org)}
      ${problemList(errors, warnings)}
      <table class="modules">
        <caption>Moduler (${v.modules.length}) for ${esc(org.label)}</caption>
        <thead><tr><th scope="col">Modul</th><th scope="col">Til</th><th scope="col">Minutter</th><th scope="col">Id</th>${org.file ? '<th scope="col">Jeres ændringer</th>' : ''}</tr></thead>
        <tbody>${rows || '<tr><td colspan="5">Ingen gyldige moduler – se fejlene ovenfor.</td></tr>'}</tbody>
      </table>
    </main>`,
  );
}

/** What the organisation's overlay did to a module, in a few words. */
function changeText(change: OverlayChanges | 'own' | undefined): string {
  if (!change) return '–';
  if (change === 'own') return 'jeres eget modul';
  const parts = [
    change.replaced.length && `erstattet: ${change.replaced.join(', ')}`,
    change.added.length && `tilføjet: ${change.added.join(', ')}`,
    change.removed.length && `udeladt: ${change.removed.join(', ')}`,
  ].filter(Boolean);
  return parts.join('; ') || 'ingen';
}

export function lmsPage(org: OrgChoice, module: CompiledModule): string {
  const title = plainText(module.title.da);
  // The LMS's saved attempt is kept per organisation file, not per place in the switch (which a restart may change).
  const settings = { storage: `${org.file ?? 'standard'}:${module.id}`, passingScore: module.passingScore, sco: `/sco/${org.key}/${module.id}/index.html` };
  return page(
    `Forhåndsvisning: ${title}`,
    `<header class="top">
      <a href="/?org=${esc(org.key)}">← Alle moduler</a>
      <h1>${esc(title)}</h1>
      <p class="org">${esc(org.label)}</p>
      <form class="goto" id="goto">
        <label for="goto-scene">Gå til scene</label>
        <select id="goto-scene">${module.scenes.map((scene, i) => `<option value="${esc(scene.id)}">${i + 1}. ${esc(scene.id)} – ${esc(plainText(scene.title.da))}</option>`).join('')}</select>
        <button type="submit">Gå</button>
      </form>
      <button type="button" id="restart">Start forfra</button>
    </header>
    <main class="layout">
      <div class="module"><iframe id="sco" title="Modulet: ${esc(title)}"></iframe></div>
      <aside class="panels" aria-label="Hvad LMS'et og LRS'et får">
        <section aria-labelledby="cmi-title" tabindex="0">
          <h2 id="cmi-title">cmi-værdier i LMS'et (SCORM 2004)</h2>
          <p class="calls" id="calls"></p>
          <table id="cmi">
            <thead><tr><th scope="col">Element</th><th scope="col">Værdi</th></tr></thead>
            <tbody></tbody>
          </table>
        </section>
        <section aria-labelledby="xapi-title" tabindex="0">
          <h2 id="xapi-title">xAPI-statements <span class="hint">(som xAPI-pakken ville sende dem til LRS'et)</span></h2>
          <ol id="statements"></ol>
        </section>
      </aside>
    </main>
    <script type="application/json" id="settings">${json(settings)}</script>
    <script src="/vendor/scorm2004.js"></script>
    <script src="/assets/lms.js"></script>`,
  );
}

export function problemsPage(orgs: readonly OrgChoice[], org: OrgChoice, moduleId: string, errors: readonly Problem[]): string {
  const own = errors.filter((p) => p.file.split(/[\\/]/).includes(moduleId));
  const shown = own.length ? own : errors;
  return page(
    `Fejl: ${moduleId}`,
    `<header class="top"><a href="/?org=${esc(org.key)}">← Alle moduler</a><h1>Modulet <code>${esc(moduleId)}</code> kan ikke vises</h1></header>
    <main class="portal">
      ${orgSwitch(orgs, org, `/lms/${moduleId}`)}
      ${shown.length ? problemList(shown, []) : `<p role="alert">Der er intet modul med id'et <code>${esc(moduleId)}</code> for ${esc(org.label)}.</p>`}
      <p>Ret fejlen og gem filen – siden opdateres af sig selv.</p>
    </main>`,
  );
}

/** When the preview itself could not read a file: the reason, and the page reloads once it is fixed. */
export function errorPage(message: string): string {
  return page(
    'Forhåndsvisningen kunne ikke læse en fil',
    `<header class="top"><a href="/">← Alle moduler</a><h1>Forhåndsvisningen kunne ikke læse en fil</h1></header>
    <main class="portal">
      <section class="problems" role="alert"><h2>Fejl</h2><p><code>${esc(message)}</code></p></section>
      <p>Ret det, og gem – siden opdateres af sig selv.</p>
    </main>`,
  );
}

function orgSwitch(orgs: readonly OrgChoice[], org: OrgChoice, path = '/'): string {
  if (orgs.length < 2) return '';
  const links = orgs
    .map((o) => `<li><a href="${esc(path)}?org=${esc(o.key)}"${o.key === org.key ? ' aria-current="page"' : ''}>${esc(o.label)}</a></li>`)
    .join('');
  return `<nav class="orgs" aria-label="Organisation"><h2>Organisation</h2><ul>${links}</ul></nav>`;
}

function problemList(errors: readonly Problem[], warnings: readonly Problem[]): string {
  const items = (list: readonly Problem[]) => list.map((p) => `<li><code>${esc(formatProblem(p))}</code></li>`).join('');
  const errorBlock = errors.length
    ? `<section class="problems" role="alert" aria-labelledby="errors-title"><h2 id="errors-title">${errors.length === 1 ? '1 fejl' : `${errors.length} fejl`} i filerne</h2><ol>${items(errors)}</ol></section>`
    : '';
  const warningBlock = warnings.length
    ? `<details class="warnings"><summary>${warnings.length} ${warnings.length === 1 ? 'advarsel' : 'advarsler'}</summary><ol>${items(warnings)}</ol></details>`
    : '';
  return errorBlock + warningBlock;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="da">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${esc(title)}</title>
  <link rel="stylesheet" href="/assets/preview.css">
</head>
<body>
${body}
<script src="/assets/reload.js"></script>
</body>
</html>`;
}

const esc = escapeHtml;

function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
