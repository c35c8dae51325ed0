/**
 * The command line: `validate`, `build`, `schema`.
 *   npm run validate            check every module, print file:line:column problems
 *   npm run build               validate, then build every module in every format into dist/
 *     -- --org <org.yaml>       build branded packages for an organisation (its variables, branding and overlay) into dist/<org id>/
 *     -- --activity-base <IRI>  name xAPI activities under the organisation's IRI (or AK_ACTIVITY_BASE)
 *   npm run schema              write the JSON Schemas for editors into modules/schema/
 *   npm run coverage            which scored items train each area of each role's profile
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishedSchemas } from '../src/model/schema.js';
import { checkCoverage, loadFramework, loadModule, moduleDirs, type OverlayChanges } from './load-module.js';
import { displayPath, formatProblem, type Problem } from './yaml-file.js';
import { didYouMean } from './check-schema.js';
import { stateBudgetProblems } from './state-budget.js';
import { secretsIn, secretsMessage } from './secrets.js';
import { FORMATS, buildDialogueRuntime, buildRuntime } from './runtime.js';
import { dialoguePageFor, packageFiles, pageFor, plainText, zip } from './package.js';
import type { CompiledDialogue, CompiledModule } from '../src/model/compiled.js';
import type { CompetenceFramework } from '../src/model/schema.js';
import { printToPdf, writePublication } from './publication.js';
import { coverage, coverageCsv, coverageMarkdown } from './coverage.js';
import { CHROMIUM_PATH } from './browser/chromium-flags.mjs';
import { DEFAULT_ORG_FILE, loadOrg, type Organisation } from './org.js';
import { xapiProfile } from '../xapi/profile.js';

/** The date of the profile version in xapi/vocabulary.ts (PROFILE_VERSION); change both together. */
const PROFILE_DATE = '2026-12-04T00:00:00Z';

const root = resolve(import.meta.dirname, '..');

export interface Sources {
  /** Folder with one subfolder per module. */
  modulesDir?: string;
  /** The competence framework all modules score against. */
  frameworkFile?: string;
  /** The organisation's base IRI for xAPI activities (default: org.yaml's, else xapi/vocabulary.ts). */
  activityBase?: string;
  /**
   * An organisation's org.yaml: its variables, branding and overlay folder (a branded build).
   * Default: org.yaml in the modules folder, else modules/org.yaml (unbranded).
   */
  orgFile?: string;
}

export interface Validated {
  modules: CompiledModule[];
  dialogues: CompiledDialogue[];
  problems: Problem[];
  framework?: CompetenceFramework;
  org?: Organisation;
  /** Per module: what the organisation's overlay replaced, added and left out, or that the module is its own. */
  changes: Map<string, OverlayChanges | 'own'>;
}

export function validateAll({
  modulesDir = join(root, 'modules'),
  frameworkFile = join(root, 'modules', 'competence-framework.yaml'),
  activityBase,
  orgFile,
}: Sources = {}): Validated {
  const { framework, problems } = loadFramework(frameworkFile);
  const modules: CompiledModule[] = [];
  const dialogues: CompiledDialogue[] = [];
  const ownOrg = join(modulesDir, 'org.yaml');
  const loaded = orgFile ? loadOrg(orgFile, { activityBase }) : loadOrg(existsSync(ownOrg) ? ownOrg : DEFAULT_ORG_FILE, { branded: false, activityBase });
  problems.push(...loaded.problems);
  const org = loaded.org;
  const changes = new Map<string, OverlayChanges | 'own'>();
  if (!framework || !org) return { modules, dialogues, problems, changes };
  const shipped = moduleDirs(modulesDir);
  // An overlay may also hold whole modules of the organisation's own (a folder with a module.yaml).
  const own = org.overlayDir ? moduleDirs(org.overlayDir) : [];
  for (const dir of own) {
    if (shipped.some((d) => basename(d) === basename(dir))) {
      problems.push({ file: displayPath(join(dir, 'module.yaml')), line: 1, column: 1, severity: 'error', message: `module "${basename(dir)}" is a shipped module; to change it, put only the scenes you change in ${basename(dir)}/scenes/ (without a module.yaml)` });
    }
  }
  for (const dir of [...shipped, ...own]) {
    const result = loadModule(dir, framework, org);
    problems.push(...result.problems);
    if (own.includes(dir)) changes.set(basename(dir), 'own');
    else if (result.changes) changes.set(basename(dir), result.changes);
    if (result.module) modules.push(result.module);
    if (result.dialogue) dialogues.push(result.dialogue);
  }
  if (org.overlayDir) {
    const known = new Set([...shipped, ...own].map((d) => basename(d)));
    for (const entry of readdirSync(org.overlayDir, { withFileTypes: true })) {
      if (entry.isDirectory() && !known.has(entry.name)) {
        const names = [...known];
        problems.push({ file: displayPath(join(org.overlayDir, entry.name)) + '/', line: 1, column: 1, severity: 'error', message: `the overlay has a folder "${entry.name}", but there is no module with that id${didYouMean(entry.name, names) || `; modules: ${names.join(', ')}`}` });
      }
    }
  }
  if (!problems.some((p) => p.severity === 'error')) problems.push(...checkCoverage(frameworkFile, framework, modules));
  if (org.id) problems.push(...strayFolders(dirname(org.file.path), org.overlayDir));
  return { modules, dialogues, problems, framework, org, changes };
}

/** Module or scene folders beside org.yaml instead of in its overlay folder are never read: say so. */
function strayFolders(orgDir: string, overlayDir: string | undefined): Problem[] {
  return readdirSync(orgDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && join(orgDir, d.name) !== overlayDir)
    .filter((d) => ['module.yaml', 'scenes', 'overlay.yaml'].some((f) => existsSync(join(orgDir, d.name, f))))
    .map((d) => ({
      file: displayPath(join(orgDir, d.name)) + '/',
      line: 1,
      column: 1,
      severity: 'warning' as const,
      message: `this folder is not read: changes to a module, and modules of your own, go in the overlay folder (${displayPath(overlayDir ?? join(orgDir, 'overlay'))}/)`,
    }));
}

/** One line per module the organisation changed, so a trainer sees that the overlay was read. */
export function changesReport(changes: Validated['changes']): string[] {
  return [...changes].map(([id, c]) => {
    if (c === 'own') return `  ${id}: your own module`;
    const parts = [c.replaced.length && `replaced ${c.replaced.join(', ')}`, c.added.length && `added ${c.added.join(', ')}`, c.removed.length && `left out ${c.removed.join(', ')}`].filter(Boolean);
    return `  ${id}: ${parts.join('; ') || 'nothing changed (the overlay folder has no scenes)'}`;
  });
}

/** xapi/profile.jsonld from the vocabulary and the competence framework. */
export function writeProfile(frameworkFile = join(root, 'modules', 'competence-framework.yaml'), out = join(root, 'xapi', 'profile.jsonld')): void {
  const { framework, problems } = loadFramework(frameworkFile);
  if (!framework) throw new Error(problems.map(formatProblem).join('\n'));
  writeFileSync(out, JSON.stringify(profileOf(framework), null, 2) + '\n');
}

export function profileOf(framework: CompetenceFramework): object {
  return xapiProfile({ areas: framework.areas, roles: framework.roles, generatedAtTime: PROFILE_DATE });
}

export function writeSchemas(dir = join(root, 'modules', 'schema')): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, schema] of Object.entries(publishedSchemas)) {
    const out = { $schema: 'http://json-schema.org/draft-07/schema#', $id: `https://awareness-kit.dk/schema/${name}.schema.json`, ...schema };
    writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(out, null, 2) + '\n');
  }
}

/** The folders a build writes in its dist folder (and replaces at the next build). */
const BUILD_OUTPUTS = ['packages', 'content', 'web', 'publication', '.runtime', 'coverage.md', 'coverage.csv'];

export async function buildAll(
  { distDir: givenDist, quiet = false, ...sources }: Sources & { /** Default: dist/, or dist/<org id>/ for a branded build. */ distDir?: string; /** Print errors only, no warnings (tests, bench). */ quiet?: boolean } = {},
): Promise<{ modules: CompiledModule[]; ms: number; distDir: string; changes: Validated['changes'] }> {
  const started = performance.now();
  const { modules, dialogues, problems, framework, org, changes } = validateAll(sources);
  report(quiet ? problems.filter((p) => p.severity === 'error') : problems);
  if (!framework || !org || problems.some((p) => p.severity === 'error')) throw new Error('module files have errors (see above)');
  if (modules.length === 0) throw new Error('no modules found in modules/');
  const overBudget = stateBudgetProblems(modules);
  if (overBudget.length) throw new Error(overBudget.join('\n'));
  const distDir = givenDist ?? (org.id ? join(root, 'dist', org.id) : join(root, 'dist'));
  // Only what the build makes is replaced: --dist may name a folder that holds other things too.
  for (const made of BUILD_OUTPUTS) rmSync(join(distDir, made), { recursive: true, force: true });
  mkdirSync(join(distDir, 'packages'), { recursive: true });
  mkdirSync(join(distDir, 'content'), { recursive: true });
  for (const module of modules) writeFileSync(join(distDir, 'content', `${module.id}.json`), JSON.stringify(module, null, 2));
  for (const dialogue of dialogues) writeFileSync(join(distDir, 'content', `${dialogue.moduleId}.dialogue.json`), JSON.stringify(dialogue, null, 2));
  writeFileSync(join(distDir, 'content', 'index.json'), JSON.stringify(modules.map((m) => m.id)));
  // Dialogue tools (dialogue.yaml) get a page of their own, beside the module's web page and in its web zip.
  const dialogueRuntime = dialogues.length ? await buildDialogueRuntime(distDir) : '';
  const dialoguePages = new Map(dialogues.map((d) => [d.moduleId, dialoguePageFor(dialogueRuntime, d)]));
  for (const format of FORMATS) {
    const runtime = await buildRuntime(format, distDir);
    for (const module of modules) {
      const page = pageFor(runtime, module);
      const files = packageFiles(format, module, page);
      const dialoguePage = dialoguePages.get(module.id);
      if (format === 'web' && dialoguePage) files.set(DIALOGUE_PAGE, dialoguePage);
      const secrets = secretsIn(files);
      if (secrets.length) {
        // Not one package may stay behind: those written before this one came from the same sources.
        for (const made of ['packages', 'web', 'content']) rmSync(join(distDir, made), { recursive: true, force: true });
        throw new Error(secretsMessage(`${module.id}-${format}.zip`, secrets));
      }
      writeFileSync(join(distDir, 'packages', `${module.id}-${format}.zip`), await zip(files));
      if (format === 'web') {
        mkdirSync(join(distDir, 'web', module.id), { recursive: true });
        writeFileSync(join(distDir, 'web', module.id, 'index.html'), page);
        if (dialoguePage) writeFileSync(join(distDir, 'web', module.id, DIALOGUE_PAGE), dialoguePage);
      }
    }
  }
  await writePublication(framework, modules, distDir);
  await writeDialogueCards(dialogues, distDir);
  writeFileSync(join(distDir, 'coverage.md'), coverageMarkdown(framework, modules));
  writeFileSync(join(distDir, 'coverage.csv'), coverageCsv(framework, modules));
  return { modules, ms: performance.now() - started, distDir, changes };
}

/** The dialogue tool's page in dist/web/<id>/ and in the module's web zip. */
export const DIALOGUE_PAGE = 'dialogue.html';

/** The printable dilemma cards: dist/publication/dialogue-<id>.<lang>.pdf, printed from the dialogue page itself. */
async function writeDialogueCards(dialogues: readonly CompiledDialogue[], distDir: string): Promise<void> {
  if (dialogues.length === 0) return;
  if (!existsSync(CHROMIUM_PATH)) {
    console.warn(`Dilemma-card PDFs skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROME_PATH). The cards print from dist/web/<id>/${DIALOGUE_PAGE}.`);
    return;
  }
  const jobs = dialogues.flatMap((d) =>
    (['da', 'en'] as const).map((lang) => ({
      url: `${pathToFileURL(join(distDir, 'web', d.moduleId, DIALOGUE_PAGE)).href}?lang=${lang}`,
      pdf: join(distDir, 'publication', `dialogue-${d.moduleId}.${lang}.pdf`),
      ready: `!!document.querySelector('ak-dialogue')?.shadowRoot?.querySelector('.printed-card')`,
    })),
  );
  await printToPdf(jobs);
}

function report(problems: Problem[]): void {
  for (const p of problems) console.error(formatProblem(p));
}

/** `--name value` from the command line, else the environment variable. */
function option(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return process.env[env] || undefined;
  const value = process.argv[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
  return value;
}

const USAGE = `usage: tsx build-scripts/cli.ts validate|build|schema|coverage [options]
  --modules <dir>          folder with one subfolder per module (default: modules/; env AK_MODULES)
  --dist <dir>             build: where the packages go (default: dist/; env AK_DIST)
  --org <org.yaml>         an organisation's file: its variables, logo, colours and overlay folder;
                           build: branded packages into dist/<org id>/ (env AK_ORG)
  --activity-base <IRI>    build: the organisation's base IRI for xAPI activities (env AK_ACTIVITY_BASE)`;

const VALUE_OPTIONS = ['modules', 'dist', 'org', 'activity-base'];

/**
 * Anything else on the command line is a mistake that would otherwise build the wrong thing
 * silently: most often `npm run build ../org.yaml` or `npm run build --org …` without the `--`
 * that makes npm pass the option on, which gives unbranded packages.
 */
function checkArgs(command: string, args: readonly string[]): void {
  const hint = `npm passes options on only after "--": npm run ${command} -- --org ../vores-kommune/org.yaml`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') continue;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!VALUE_OPTIONS.includes(name)) throw new Error(`unknown option ${arg}${didYouMean(name, VALUE_OPTIONS).replace(/"(.*)"/, '"--$1"')}\n${USAGE}`);
      i++;
      continue;
    }
    throw new Error(`"${arg}" is not an option. ${/\.ya?ml$/.test(arg) ? `To use an organisation's file, write --org before it. ` : ''}${hint}\n${USAGE}`);
  }
  // npm swallows an option written before "--" into its own settings: say so rather than ignore it.
  for (const name of VALUE_OPTIONS) {
    if (process.env[`npm_config_${name.replace('-', '_')}`] !== undefined) throw new Error(`--${name} was taken by npm, not passed on. ${hint}`);
  }
}

async function main(): Promise<void> {
  const command = process.argv[2];
  if (process.argv.includes('--help') || process.argv.includes('-h')) return console.log(USAGE);
  checkArgs(command ?? 'build', process.argv.slice(3));
  const activityBase = option('activity-base', 'AK_ACTIVITY_BASE');
  const modulesDir = option('modules', 'AK_MODULES');
  const distDir = option('dist', 'AK_DIST');
  const orgFile = option('org', 'AK_ORG');
  if (command === 'validate') {
    const { modules, problems, org, changes } = validateAll({ activityBase, modulesDir, orgFile });
    report(problems);
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (errors) {
      console.error(`\n${errors === 1 ? '1 error. Fix it' : `${errors} errors. Fix them`} and run npm run validate again.`);
      process.exit(1);
    }
    console.log(`${modules.length} module(s) valid: ${modules.map((m) => m.id).join(', ')}`);
    if (org?.id) console.log([`${plainText(org.branding!.name.da)} (${org.id}) changes:`, ...(changes.size ? changesReport(changes) : ['  no module (the overlay folder is empty or missing)'])].join('\n'));
  } else if (command === 'build') {
    writeSchemas();
    writeProfile();
    const built = await buildAll({ activityBase, modulesDir, distDir, orgFile });
    const dist = relative(process.cwd(), built.distDir) || '.';
    const brand = built.modules[0]?.org ? ` for ${plainText(built.modules[0].org.name.da)}` : '';
    console.log(`Built ${built.modules.length} module(s) × ${FORMATS.length} formats${brand} in ${(built.ms / 1000).toFixed(1)} s → ${dist}/packages/, competence profiles → ${dist}/publication/`);
    if (built.changes.size) console.log(['Changed by the organisation:', ...changesReport(built.changes)].join('\n'));
  } else if (command === 'coverage') {
    const { modules, problems, framework } = validateAll({ activityBase, modulesDir, orgFile });
    const errors = problems.filter((p) => p.severity === 'error');
    if (!framework || errors.length) {
      report(errors);
      console.error('\nThe modules have errors; fix them (npm run validate) to see the coverage.');
      process.exit(1);
    }
    console.log(coverageMarkdown(framework, modules));
    if (coverage(framework, modules).some((row) => !row.covered)) process.exit(1);
  } else if (command === 'schema') {
    writeSchemas();
    writeProfile();
    console.log('Wrote modules/schema/*.schema.json and xapi/profile.jsonld');
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
