/**
 * Reads a module folder (module.yaml + scenes/<id>.yaml) and the competence areas, checks
 * everything an author can get wrong, and returns the compiled module for the runtime.
 * All problems come back at once, each with file:line:column.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import {
  CompetenceFrameworkFile,
  ModuleFile,
  OverlayFile,
  Scene as SceneSchema,
  DialogueFile,
  type CompetenceFramework,
  type DialogueFile as DialogueData,
  type ModuleFile as ModuleData,
  type OverlayFile as OverlayData,
  type Scene,
} from '../src/model/schema.js';
import type { CompiledDialogue, CompiledModule, ProfileInfo } from '../src/model/compiled.js';
import { isBest, possiblePoints } from '../src/engine/scoring.js';
import { checkSchema, didYouMean } from './check-schema.js';
import { LOOSE_MARKER } from '../src/model/spot.js';
import { coverage, MIN_ITEMS } from './coverage.js';
import { renderTexts } from './markdown.js';
import { DEFAULT_ORG_FILE, fillVariables, loadOrg, overlayPath, type Organisation } from './org.js';
import { formatProblem, YamlFile, type DataPath, type Problem } from './yaml-file.js';

export class ModuleProblems extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.filter((p) => p.severity === 'error').length} problem(s) in module files`);
  }
}

/** What an organisation's overlay did to a module, for validate and the preview to show. */
export interface OverlayChanges {
  replaced: string[];
  added: string[];
  removed: string[];
}

export interface LoadResult {
  module?: CompiledModule;
  /** The overlay's changes, when the organisation has an overlay folder for this module. */
  changes?: OverlayChanges;
  /** The module's dialogue tool, when it has a dialogue.yaml. */
  dialogue?: CompiledDialogue;
  problems: Problem[];
}

/** Reads and checks the competence framework: areas with levels and behaviours, role profiles. */
export function loadFramework(path: string): { framework?: CompetenceFramework; problems: Problem[] } {
  const file = new YamlFile(path);
  if (file.data === undefined || !checkSchema(file, CompetenceFrameworkFile, file.data)) return { problems: file.problems };
  const framework = file.data as CompetenceFramework;
  const levelsInOrder = (levels: ReadonlyArray<{ level: number }>) => levels.every((l, i) => l.level === i + 1);
  if (!levelsInOrder(framework.levels)) file.error(['levels'], 'levels must be 1, 2 and 3, in that order');
  framework.levels.forEach((l, i) => {
    if (i > 0 && l.minScore < framework.levels[i - 1].minScore) file.error(['levels', i, 'minScore'], 'minScore must not be lower than the level below');
  });
  const areaIds = new Set<string>();
  framework.areas.forEach((a, i) => {
    if (areaIds.has(a.id)) file.error(['areas', i, 'id'], `duplicate competence area id "${a.id}"`);
    areaIds.add(a.id);
    if (!levelsInOrder(a.behaviours)) file.error(['areas', i, 'behaviours'], 'behaviours must be given for levels 1, 2 and 3, in that order');
  });
  const roleIds = new Set<string>();
  framework.roles.forEach((r, i) => {
    if (roleIds.has(r.id)) file.error(['roles', i, 'id'], `duplicate role "${r.id}"`);
    roleIds.add(r.id);
    const targeted = new Set<string>();
    r.targets.forEach((t, j) => {
      if (!areaIds.has(t.area)) file.error(['roles', i, 'targets', j, 'area'], `unknown competence area "${t.area}"${didYouMean(t.area, [...areaIds])}`);
      if (targeted.has(t.area)) file.error(['roles', i, 'targets', j, 'area'], `"${t.area}" has two targets in this role`);
      targeted.add(t.area);
    });
  });
  return file.problems.some((p) => p.severity === 'error') ? { problems: file.problems } : { framework, problems: file.problems };
}

/**
 * Each area in a role's profile needs at least two scored items across that role's modules;
 * fewer is too thin to say anything about the area. Gives warnings at the role's target line.
 */
export function checkCoverage(path: string, framework: CompetenceFramework, modules: readonly CompiledModule[]): Problem[] {
  const file = new YamlFile(path);
  for (const row of coverage(framework, modules)) {
    if (row.covered) continue;
    const i = framework.roles.findIndex((r) => r.id === row.role);
    const j = framework.roles[i].targets.findIndex((t) => t.area === row.area);
    const ofRole = modules.filter((m) => m.roles.includes(row.role));
    const where = ofRole.length ? `its modules (${ofRole.map((m) => m.id).join(', ')})` : 'its modules (there are none yet)';
    file.warn(['roles', i, 'targets', j], `area "${row.area}" in the profile of role "${row.role}" is trained by ${row.onEveryPath} scored item(s) that every learner meets across ${where}${row.items.length > row.onEveryPath ? ` (${row.items.length} counting every branch)` : ''}; at least ${MIN_ITEMS} are needed`);
  }
  return file.problems;
}

/** The profile a module is scored against: its first role, for the areas it trains. */
function profileFor(framework: CompetenceFramework, mod: ModuleData): ProfileInfo {
  const role = framework.roles.find((r) => r.id === mod.roles[0]);
  const targets: ProfileInfo['targets'] = {};
  for (const t of role?.targets ?? []) {
    if (mod.competences.includes(t.area)) targets[t.area] = { level: t.level, minScore: framework.levels[t.level - 1].minScore };
  }
  return { role: mod.roles[0], title: role?.title ?? { da: mod.roles[0] }, targets };
}

/** The shipped default organisation (modules/org.yaml), read once. */
let defaultOrg: Organisation | undefined;
function theDefaultOrg(): Organisation {
  if (!defaultOrg) {
    const { org, problems } = loadOrg(DEFAULT_ORG_FILE, { branded: false });
    if (!org) throw new Error(problems.map(formatProblem).join('\n'));
    defaultOrg = org;
  }
  return defaultOrg;
}

/** One entry of a module's scene list: where the scene file is, and where the list names it. */
interface SceneEntry {
  id: string;
  path: string;
  listedIn: YamlFile;
  at: DataPath;
}

/**
 * Reads one module. With an organisation, its texts get the organisation's `{{variables}}`, and
 * the organisation's overlay folder (overlay/<module-id>/) may replace scenes (scenes/<id>.yaml),
 * add scenes or leave some out (overlay.yaml). The module's own files are never changed.
 */
export function loadModule(dir: string, framework: CompetenceFramework, org: Organisation = theDefaultOrg()): LoadResult {
  const areas = framework.areas;
  const moduleFile = new YamlFile(join(dir, 'module.yaml'));
  const files: YamlFile[] = [moduleFile];
  const problems = (): Problem[] => files.flatMap((f) => f.problems);
  if (moduleFile.data === undefined) return { problems: problems() };
  if (moduleFile.data === null || typeof moduleFile.data !== 'object' || Array.isArray(moduleFile.data)) {
    moduleFile.error([], 'module.yaml must be a mapping with id, version, title, description, roles, minutes, passingScore, license, competences and scenes');
    return { problems: problems() };
  }
  const moduleValid = checkSchema(moduleFile, ModuleFile, moduleFile.data);
  const mod = (moduleValid ? fillVariables(moduleFile.data, org, moduleFile) : moduleFile.data) as ModuleData;
  if (typeof mod.passingScore === 'number' && mod.passingScore > 1 && mod.passingScore <= 100) {
    moduleFile.error(['passingScore'], `passingScore is a fraction of 1: write ${mod.passingScore / 100} for ${mod.passingScore} %`);
  }
  const areaIds = new Set(areas.map((a) => a.id));
  if (moduleValid) {
    if (mod.id !== basename(dir)) moduleFile.error(['id'], `module id "${mod.id}" must equal its folder name "${basename(dir)}"`);
    mod.competences.forEach((id, i) => {
      if (!areaIds.has(id)) moduleFile.error(['competences', i], `unknown competence area "${id}"; known: ${[...areaIds].join(', ')}`);
    });
    const untranslated = textsWithoutEnglish({ title: mod.title, description: mod.description });
    if (untranslated.length) moduleFile.warn(untranslated[0], 'no English ("en"); the English version shows the Danish text');
  }

  // Scene files are checked even when module.yaml has problems, so authors see everything at once.
  const sceneIds = Array.isArray(mod.scenes) ? mod.scenes.filter((id): id is string => typeof id === 'string') : [];
  const own: SceneEntry[] = sceneIds.map((id, i) => ({ id, path: join(dir, 'scenes', `${id}.yaml`), listedIn: moduleFile, at: ['scenes', i] }));
  const overlayDir = overlayPath(org, basename(dir));
  // A module of the organisation's own lives in its overlay folder: it is not an overlay of itself.
  const overlay = overlayDir && existsSync(overlayDir) && resolve(overlayDir) !== resolve(dir) ? applyOverlay(overlayDir, own, basename(dir), files) : undefined;
  const entries = overlay?.entries ?? own;
  const { scenes, sceneFiles } = loadScenes(entries, files, org);
  const listed = new Set(sceneIds);
  if (existsSync(join(dir, 'scenes'))) {
    for (const name of readdirSync(join(dir, 'scenes'))) {
      const id = name.replace(/\.ya?ml$/, '');
      if (name !== id && !listed.has(id)) moduleFile.warn(['scenes'], `scenes/${name} is not listed in "scenes" and is not used`);
    }
  }
  // The rules between scenes need every listed scene in good shape; module.yaml may still be wrong.
  if (entries.length > 0 && scenes.length === entries.length) {
    checkScenes(moduleValid ? mod.competences : null, scenes, sceneFiles, moduleFile, areaIds, entries, overlay?.removed ?? new Set());
  }
  const dialogueFile = existsSync(join(dir, 'dialogue.yaml')) ? new YamlFile(join(dir, 'dialogue.yaml')) : undefined;
  if (dialogueFile) files.push(dialogueFile);
  const dialogueData = dialogueFile && checkDialogue(dialogueFile, areaIds, org);
  if (!moduleValid || problems().some((p) => p.severity === 'error')) return { problems: problems(), changes: overlay?.changes };

  const used = new Set(mod.competences);
  const module: CompiledModule = renderTexts({
    id: mod.id,
    version: mod.version,
    title: mod.title,
    description: mod.description,
    roles: mod.roles,
    minutes: overlay?.minutes ?? mod.minutes,
    passingScore: mod.passingScore,
    license: mod.license,
    areas: areas.filter((a) => used.has(a.id)).map(({ id, code, title, description, advice, readMore }) => ({ id, code, title, description, advice, readMore })),
    profile: profileFor(framework, mod),
    roleTitles: Object.fromEntries(mod.roles.map((id) => [id, framework.roles.find((r) => r.id === id)?.title ?? { da: id }])),
    activityBase: org.activityBase,
    language: org.language,
    ...(org.id && org.branding ? { org: { id: org.id, ...org.branding } } : {}),
    scenes,
  });
  const dialogue: CompiledDialogue | undefined = dialogueData && renderTexts({
    moduleId: mod.id,
    moduleTitle: mod.title,
    version: mod.version,
    license: mod.license,
    ...dialogueData,
    areas: areas
      .filter((a) => dialogueData.cards.some((c) => c.areas.includes(a.id)))
      .map(({ id, code, title }) => ({ id, code, title })),
  });
  return { module, dialogue, problems: problems(), changes: overlay?.changes };
}

/**
 * The module's scene list after the organisation's overlay/<module>/: scenes/<id>.yaml there
 * replaces the module's scene <id>; overlay.yaml adds scenes (each after a named scene) and
 * leaves scenes out. A file that replaces nothing and is not added is an error, not ignored.
 */
function applyOverlay(
  dir: string,
  own: readonly SceneEntry[],
  moduleId: string,
  files: YamlFile[],
): { entries: SceneEntry[]; minutes?: number; removed: Set<string>; changes: OverlayChanges } {
  const overlayYaml = join(dir, 'overlay.yaml');
  let plan: OverlayData = {};
  let planFile: YamlFile | undefined;
  let planRead = true;
  if (existsSync(overlayYaml)) {
    planFile = new YamlFile(overlayYaml);
    files.push(planFile);
    if (planFile.data !== undefined && planFile.data !== null && checkSchema(planFile, OverlayFile, planFile.data)) plan = planFile.data as OverlayData;
    else planRead = planFile.data === null; // an empty overlay.yaml plans nothing; a broken one has its errors
  }
  // Files here that are never read would leave a trainer's change out without a word.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (name.startsWith('.') || name === 'overlay.yaml' || (name === 'scenes' && entry.isDirectory())) continue;
    const unread = (message: string) => fileProblem(files, join(dir, name), message);
    if (/^overlay\.(yml|yaml\.\w+|txt)$/i.test(name)) unread(`this file is not read: name it overlay.yaml`);
    else if (/\.ya?ml(\.\w+)?$/i.test(name)) unread(`this file is not read: scene files go in overlay/${moduleId}/scenes/, and only overlay.yaml is read here`);
    else if (entry.isDirectory()) unread(`this folder is not read: scene files go in overlay/${moduleId}/scenes/`);
  }
  const ownIds = own.map((e) => e.id);
  let entries = [...own];
  (plan.remove ?? []).forEach((id, i) => {
    const entry = own.find((e) => e.id === id);
    if (!entry) planFile!.error(['remove', i], `module "${moduleId}" has no scene "${id}" to remove${didYouMean(id, ownIds) || `; its scenes: ${ownIds.join(', ')}`}`);
    else if ((new YamlFile(entry.path).data as { type?: unknown } | undefined)?.type === 'summary') {
      planFile!.error(['remove', i], `"${id}" is the module's summary, which cannot be left out (it shows the result and completes the module); replace it instead, in scenes/${id}.yaml`);
      return;
    }
    entries = entries.filter((e) => e.id !== id);
  });
  if (entries.length === 0) planFile!.error(['remove'], 'this leaves the module without scenes');
  const added = new Set<string>();
  /** The scene last added after each scene: the next one added there follows it, so adds keep their order. */
  const lastAddedAfter = new Map<string, string>();
  (plan.add ?? []).forEach((item, i) => {
    if (ownIds.includes(item.scene)) {
      planFile!.error(['add', i, 'scene'], `"${item.scene}" is already a scene of module "${moduleId}"; to replace it, put your version in scenes/${item.scene}.yaml and do not list it under "add"`);
      return;
    }
    if (added.has(item.scene)) {
      planFile!.error(['add', i, 'scene'], `"${item.scene}" is added twice`);
      return;
    }
    const anchor = lastAddedAfter.get(item.after) ?? item.after;
    const after = entries.findIndex((e) => e.id === anchor);
    if (plan.remove?.includes(item.after)) {
      planFile!.error(['add', i, 'after'], `"${item.after}" is left out under "remove:", so "${item.scene}" cannot come after it; name another scene`);
      return;
    }
    if (added.has(item.after)) {
      // Added scenes keep the order they are listed in: the second names the same shipped scene.
      const first = plan.add!.find((a) => a.scene === item.after)!;
      planFile!.error(['add', i, 'after'], `"${item.after}" is itself an added scene; to put "${item.scene}" right after it, write after: ${first.after} (scenes added after the same scene come in the order they are listed)`);
      return;
    }
    if (after < 0 || !ownIds.includes(item.after)) {
      const known = entries.filter((e) => e.listedIn !== planFile).map((e) => e.id);
      planFile!.error(['add', i, 'after'], `module "${moduleId}" has no scene "${item.after}" to add "${item.scene}" after${didYouMean(item.after, known) || `; its scenes: ${known.join(', ')}`}`);
      return;
    }
    added.add(item.scene);
    lastAddedAfter.set(item.after, item.scene);
    entries.splice(after + 1, 0, { id: item.scene, path: join(dir, 'scenes', `${item.scene}.yaml`), listedIn: planFile!, at: ['add', i, 'scene'] });
  });
  const scenesDir = join(dir, 'scenes');
  const scenesIsFolder = existsSync(scenesDir) && statSync(scenesDir).isDirectory();
  if (existsSync(scenesDir) && !scenesIsFolder) {
    fileProblem(files, scenesDir, 'scenes must be a folder with one file per scene');
  }
  const inScenes = scenesIsFolder ? readdirSync(scenesDir).filter((n) => !n.startsWith('.')) : [];
  for (const name of inScenes.filter((n) => !/\.ya?ml$/.test(n))) {
    const hidden = /\.ya?ml\.\w+$/i.test(name) ? ` (it ends in "${name.slice(name.lastIndexOf('.'))}": your system may hide that part of the name)` : '';
    fileProblem(files, join(scenesDir, name), `this file is not read: a scene file's name is its id followed by .yaml${hidden}`);
  }
  for (const name of inScenes.filter((n) => /\.ya?ml$/.test(n))) {
    const id = name.replace(/\.ya?ml$/, '');
    const path = join(scenesDir, name);
    if (ownIds.includes(id)) {
      const i = entries.findIndex((e) => e.id === id);
      if (i >= 0) entries[i] = { ...entries[i], path };
      else if (planRead) fileProblem(files, path, `this file replaces scene "${id}", which overlay.yaml leaves out under "remove:"; keep one of the two`);
    } else if (planRead && !(plan.add ?? []).some((a) => a.scene === id)) {
      // (A scene named under add: whose entry has an error is reported there, not here too.)
      fileProblem(files, path, `this file replaces scene "${id}", but module "${moduleId}" has no such scene${didYouMean(id, ownIds) || `; its scenes: ${ownIds.join(', ')}`}. To add a new scene, list it in overlay/${moduleId}/overlay.yaml under "add:" with the scene it comes after`);
    }
  }
  for (const e of entries) {
    if (e.listedIn === planFile && !existsSync(e.path)) planFile.error(e.at, `added scene "${e.id}" has no file overlay/${moduleId}/scenes/${e.id}.yaml`);
  }
  const kept = entries.filter((e) => e.listedIn !== planFile || existsSync(e.path));
  const changes: OverlayChanges = {
    replaced: kept.filter((e) => e.listedIn !== planFile && e.path.startsWith(dir)).map((e) => e.id),
    added: kept.filter((e) => e.listedIn === planFile).map((e) => e.id),
    removed: (plan.remove ?? []).filter((id) => ownIds.includes(id)),
  };
  return { entries: kept, minutes: plan.minutes, removed: new Set(plan.remove ?? []), changes };
}

/** A problem with a file or folder as a whole (its name or place), reported at its first line. */
function fileProblem(files: YamlFile[], path: string, message: string): void {
  const file = new YamlFile(path, '');
  files.push(file);
  file.error([], message);
}

/** Shape, unique card ids and known areas of a dialogue.yaml; undefined when it has errors. */
function checkDialogue(file: YamlFile, knownAreas: Set<string>, org: Organisation): DialogueData | undefined {
  if (file.data === undefined || !checkSchema(file, DialogueFile, file.data)) return undefined;
  const dialogue = fillVariables(file.data as DialogueData, org, file);
  const seen = new Set<string>();
  dialogue.cards.forEach((card, i) => {
    if (seen.has(card.id)) file.error(['cards', i, 'id'], `duplicate card id "${card.id}"`);
    seen.add(card.id);
    card.areas.forEach((area, j) => {
      if (!knownAreas.has(area)) file.error(['cards', i, 'areas', j], `unknown competence area "${area}"${didYouMean(area, [...knownAreas]) || `; known: ${[...knownAreas].join(', ')}`}`);
    });
  });
  warnAboutTexts(file, dialogue);
  return file.problems.some((p) => p.severity === 'error') ? undefined : dialogue;
}

/** Reads and shape-checks the scene files of the scene list, in that order, and fills their variables. */
function loadScenes(entries: readonly SceneEntry[], files: YamlFile[], org: Organisation): { scenes: Scene[]; sceneFiles: Map<string, YamlFile> } {
  const scenes: Scene[] = [];
  const sceneFiles = new Map<string, YamlFile>();
  for (const { id, path, listedIn, at } of entries) {
    if (sceneFiles.has(id)) {
      listedIn.error(at, `duplicate scene id "${id}" in the scene list`);
      continue;
    }
    if (!existsSync(path)) {
      listedIn.error(at, `scene "${id}" has no file scenes/${id}.yaml`);
      continue;
    }
    const file = new YamlFile(path);
    files.push(file);
    sceneFiles.set(id, file);
    if (file.data === undefined || !checkSchema(file, SceneSchema, file.data)) continue;
    const scene = fillVariables(file.data as Scene, org, file);
    if (scene.id !== id) file.error(['id'], `scene id "${scene.id}" must equal the file name "${id}"`);
    warnAboutTexts(file, scene);
    const markers = strayMarkers(scene);
    if (markers.length) file.warn(markers[0], '[[…]] marks a piece in the medium of a spot question (question: spot); here it is shown as written');
    scenes.push(scene);
  }
  return { scenes, sceneFiles };
}

/** `competences` is null when module.yaml is broken: then only what scenes alone decide is checked. */
function checkScenes(
  competences: readonly string[] | null,
  scenes: Scene[],
  files: Map<string, YamlFile>,
  moduleFile: YamlFile,
  knownAreas: Set<string>,
  entries: readonly SceneEntry[],
  /** Scenes an overlay leaves out (remove:), so a branch to one gets a message that says so. */
  removed: ReadonlySet<string>,
): void {
  const index = new Map(scenes.map((s, i) => [s.id, i]));
  const trained = new Set(competences ?? knownAreas);
  const exercised = new Set<string>();
  let unknownArea = false;
  let scored = 0;

  const checkTarget = (file: YamlFile, path: Array<string | number>, from: number, target: string): void => {
    const to = index.get(target);
    if (to === undefined && removed.has(target)) {
      file.error(path, `"next" points to scene "${target}", which overlay.yaml leaves out (remove:); a scene that other scenes branch to cannot be left out: replace it with a scene of your own instead`);
    } else if (to === undefined) file.error(path, `"next" points to scene "${target}", which does not exist in this module`);
    else if (to <= from) file.error(path, `"next" points back to "${target}"; branches may only jump forward in the scene list`);
  };
  /** Returns false when an area is wrong, so later checks on these points stay quiet. */
  const checkPoints = (file: YamlFile, path: Array<string | number>, points: Record<string, number> | undefined): boolean => {
    let ok = true;
    for (const area of Object.keys(points ?? {})) {
      if (!knownAreas.has(area)) {
        unknownArea = true;
        const hint = didYouMean(area, [...knownAreas]) || `; known: ${[...knownAreas].join(', ')}`;
        file.error([...path, area], `points for unknown competence area "${area}"${hint}`, true);
      }
      else if (competences && !trained.has(area)) file.error([...path, area], `points for "${area}", which module.yaml does not list under "competences" (this module trains: ${competences.join(', ')})`, true);
      else {
        exercised.add(area);
        continue;
      }
      ok = false;
    }
    return ok;
  };
  const checkUniqueIds = (file: YamlFile, options: Array<{ id: string }>): void => {
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.id)) file.error(['options', i, 'id'], `duplicate option id "${o.id}"`);
      seen.add(o.id);
    });
  };

  scenes.forEach((scene, i) => {
    const file = files.get(scene.id)!;
    if (scene.next) checkTarget(file, ['next'], i, scene.next);
    if (scene.type === 'decision') {
      scored++;
      checkUniqueIds(file, scene.options);
      let pointsOk = true;
      scene.options.forEach((o, j) => {
        pointsOk = checkPoints(file, ['options', j, 'points'], o.points) && pointsOk;
        if (o.next) checkTarget(file, ['options', j, 'next'], i, o.next);
      });
      if (scene.next && scene.options.every((o) => o.next)) {
        file.warn(['next'], 'every option has its own "next", so the scene\'s "next" is never used');
      }
      const best = possiblePoints(scene);
      if (Object.keys(best).length === 0) file.error(['options'], 'no option gives any points; a decision must be scored');
      const full = scene.options.some((o) => Object.entries(best).every(([a, p]) => (o.points?.[a] ?? 0) >= p));
      if (pointsOk && !full) file.error(['options'], 'no single option earns the highest points in every area, so a perfect score is impossible');
    }
    if (scene.type === 'quiz') {
      scored++;
      checkPoints(file, ['points'], scene.points);
      if (Object.keys(scene.points).length === 0) file.error(['points'], 'a quiz needs points in at least one competence area');
      if (scene.question === 'true-false') {
        if (scene.answer === undefined) file.error(['question'], 'a true-false question needs "answer: true" or "answer: false"');
        if (scene.options) file.error(['options'], 'a true-false question has no "options"; use "answer"', true);
      } else {
        if (!scene.options) {
          file.error(['question'], scene.question === 'spot' ? 'a spot question needs "options": the pieces of the medium the learner can mark' : `a ${scene.question} choice question needs "options"`);
          return;
        }
        if (scene.answer !== undefined) file.error(['answer'], '"answer" is only for true-false questions', true);
        checkUniqueIds(file, scene.options);
        const correct = scene.options.filter((o) => o.correct).length;
        if (scene.question === 'single' && correct !== 1) file.error(['options'], `a single choice question needs exactly one correct option (found ${correct})`);
        if (scene.question === 'multiple' && correct < 1) file.error(['options'], 'a multiple choice question needs at least one correct option');
        if (scene.question === 'spot') checkSpotMarkers(file, scene);
      }
    }
  });

  if (scored === 0) moduleFile.error(['scenes'], 'the module has no scored item (decision or quiz); it needs at least one');
  // The summary completes the module, so it must come last, and only once.
  let addedAfterSummary = false;
  scenes.forEach((scene, i) => {
    if (scene.type === 'summary' && i !== scenes.length - 1) {
      const after = entries[i + 1];
      // A scene an overlay added after the summary is the overlay's mistake: say so there.
      if (after.listedIn !== moduleFile && !entries.slice(i + 1).some((e) => e.listedIn === moduleFile)) {
        after.listedIn.error(after.at, `"${after.id}" is added after the summary "${scene.id}", which must stay the last scene; name an earlier scene in "after:"`);
        addedAfterSummary = true;
        return;
      }
      entries[i].listedIn.error(entries[i].at, `the summary "${scene.id}" must be the last scene: reaching it completes the module`);
    }
  });
  if (scenes[scenes.length - 1]?.type !== 'summary' && !addedAfterSummary) {
    entries[scenes.length - 1].listedIn.error(entries[scenes.length - 1].at, 'the last scene must be a summary (type: summary), which shows the result and completes the module');
  }
  // After a misspelt area, "area X gets no points" would only echo that error.
  if (!unknownArea) competences?.forEach((area, i) => {
    if (!exercised.has(area)) moduleFile.error(['competences', i], `competence area "${area}" is listed but no decision or quiz gives points for it`);
  });

  const verdicts = scenes.map((s) => ({ id: s.id, verdict: lengthGivesAway(s) }));
  const items = verdicts.filter((v) => v.verdict !== undefined).length;
  for (const extreme of ['longest', 'shortest'] as const) {
    const telling = verdicts.filter((v) => v.verdict === extreme);
    if (telling.length >= 2 && telling.length * 2 > items) {
      moduleFile.warn(['scenes'], `in ${telling.length} scored items (${telling.map((s) => s.id).join(', ')}) the best answer is clearly the ${extreme} option, so learners can pass by picking the ${extreme}; make the options alike in length and as plausible`);
    }
  }

  // Every scene should be reachable by the default flow or a branch.
  const reachable = new Set<string>([scenes[0].id]);
  scenes.forEach((scene, i) => {
    if (!reachable.has(scene.id) || scene.type === 'summary') return;
    const targets: string[] = [];
    const branches = scene.type === 'decision' ? scene.options.map((o) => o.next) : [];
    const fallthrough = scene.next ?? scenes[i + 1]?.id;
    if (scene.type === 'decision' && branches.every(Boolean)) targets.push(...(branches as string[]));
    else targets.push(...(branches.filter(Boolean) as string[]), ...(fallthrough ? [fallthrough] : []));
    targets.forEach((t) => reachable.add(t));
  });
  for (const scene of scenes) {
    // (A scene added after the summary has had its error.)
    if (!reachable.has(scene.id) && !addedAfterSummary) {
      const added = entries.find((e) => e.id === scene.id)?.listedIn !== moduleFile;
      const hint = added
        ? ' (an added scene comes after the scene named in "after:" in overlay.yaml; name one that every learner passes, not a decision whose every option branches, nor a scene only some branches reach)'
        : ' (check "next" on the scenes before)';
      files.get(scene.id)!.error(['id'], `scene "${scene.id}" can never be reached: no scene before it leads here${hint}`);
    }
  }
}

/**
 * A spot question shows an e-mail or screen in which the learner marks the signs. Every option
 * is a piece of it: each must be placed exactly once, in Danish and in English, and every
 * marker must name an option.
 */
function checkSpotMarkers(file: YamlFile, scene: Extract<Scene, { type: 'quiz' }>): void {
  const medium = scene.medium;
  if (!medium || (medium.kind !== 'email' && medium.kind !== 'screen')) {
    file.error(medium ? ['medium', 'kind'] : ['question'], 'a spot question needs a "medium" of kind email or screen, with its options placed in it as [[option-id]]');
    return;
  }
  const options = scene.options ?? [];
  const signs = options.filter((o) => o.correct).length;
  if (signs === 0) file.error(['options'], 'a spot question needs at least one option with "correct: true" (a warning sign to find)');
  else if (signs === options.length) file.warn(['options'], 'every piece is a warning sign, so marking everything is the right answer; add an innocent piece (correct: false) or two');
  const ids = new Set(options.map((o) => o.id));
  // Checked as the learner gets it: rendered, as the component finds the markers.
  const rendered = renderTexts({ medium }).medium;
  for (const lang of ['da', 'en'] as const) {
    const count = new Map<string, number>();
    for (const { path, text } of mediumTexts(rendered, lang)) {
      for (const [, id] of text.matchAll(LOOSE_MARKER)) {
        if (!ids.has(id)) file.error(path, `[[${id}]] names no option of this question${didYouMean(id, [...ids])}; options: ${[...ids].join(', ')}`);
        count.set(id, (count.get(id) ?? 0) + 1);
      }
    }
    (scene.options ?? []).forEach((o, i) => {
      const n = count.get(o.id) ?? 0;
      const where = lang === 'da' ? 'the medium' : 'the English medium (en, or the Danish text where there is no en)';
      if (n === 0) file.error(['options', i, 'id'], `option "${o.id}" is not placed in ${where}; write [[${o.id}]] where the learner should find it`);
      if (n > 1) file.error(['options', i, 'id'], `option "${o.id}" is placed ${n} times in ${where}; place it once`);
    });
  }
}

/** The texts of an e-mail or screen as shown in `lang`, with their paths (plain strings count for both languages). */
export function mediumTexts(medium: Extract<Scene, { type: 'quiz' }>['medium'] & object, lang: 'da' | 'en'): Array<{ path: Array<string | number>; text: string }> {
  const out: Array<{ path: Array<string | number>; text: string }> = [];
  const lt = (path: Array<string | number>, t: { da: string; en?: string } | undefined) => {
    if (!t) return;
    const en = lang === 'en' && t.en !== undefined;
    out.push({ path: [...path, en ? 'en' : 'da'], text: en ? t.en! : t.da });
  };
  const str = (path: Array<string | number>, t: string | undefined) => t !== undefined && out.push({ path, text: t });
  if (medium.kind === 'email') {
    str(['medium', 'from'], medium.from);
    str(['medium', 'to'], medium.to);
    lt(['medium', 'subject'], medium.subject);
    lt(['medium', 'body'], medium.body);
    str(['medium', 'attachment'], medium.attachment);
  } else if (medium.kind === 'screen') {
    lt(['medium', 'system'], medium.system);
    medium.fields.forEach((f, i) => {
      lt(['medium', 'fields', i, 'label'], f.label);
      lt(['medium', 'fields', i, 'value'], f.value);
    });
    lt(['medium', 'note'], medium.note);
  }
  return out;
}

/** The options of a one-answer item (a decision or a single choice quiz), best first; [] for others. */
function answerTexts(scene: Scene): Array<{ text: string; best: boolean }> {
  if (scene.type === 'decision') return scene.options.map((o) => ({ text: o.text.da, best: isBest(scene, [o.id]) }));
  if (scene.type === 'quiz' && scene.question === 'single') return (scene.options ?? []).map((o) => ({ text: o.text.da, best: o.correct === true }));
  return [];
}

/**
 * Whether the best answer stands out by length: a fifth longer, or shorter, than every other
 * option; undefined for an item with no wrong option (or no one-answer item), where length tells nothing.
 */
function lengthGivesAway(scene: Scene): 'longest' | 'shortest' | null | undefined {
  const options = answerTexts(scene);
  const best = options.filter((o) => o.best).map((o) => o.text.length);
  const others = options.filter((o) => !o.best).map((o) => o.text.length);
  if (best.length === 0 || others.length === 0) return undefined;
  if (Math.max(...best) >= Math.max(...others) * 1.2) return 'longest';
  if (Math.min(...others) >= Math.max(...best) * 1.2) return 'shortest';
  return null;
}

/** Paths of the language maps in `value` that have Danish but no English. */
function textsWithoutEnglish(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsWithoutEnglish(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.da === 'string') return record.en === undefined ? [path] : [];
  return Object.entries(record).flatMap(([k, v]) => textsWithoutEnglish(v, [...path, k]));
}

/** The warnings every content file gets: texts without English, and HTML in a text (shown as text). */
function warnAboutTexts(file: YamlFile, data: unknown): void {
  const untranslated = textsWithoutEnglish(data);
  if (untranslated.length) file.warn(untranslated[0], `${untranslated.length} text(s) without English ("en"); the English version shows the Danish text there`);
  const html = textsWithHtml(data);
  if (html.length) file.warn(html[0], 'this text contains HTML tags, which are shown as plain text; use Markdown (**bold**, lists, [links](…))');
}

/** Paths of texts with a spot marker where none belongs: anywhere but the medium of a spot question. */
function strayMarkers(scene: Scene): Array<Array<string | number>> {
  const spot = scene.type === 'quiz' && scene.question === 'spot';
  const found: Array<Array<string | number>> = [];
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === 'string') {
      if (value.search(LOOSE_MARKER) >= 0) found.push(path);
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!(spot && path.length === 0 && k === 'medium')) visit(v, [...path, k]);
    }
  };
  visit(scene, []);
  return found;
}

/** Paths of texts with something that looks like an HTML tag. */
function textsWithHtml(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => textsWithHtml(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => textsWithHtml(v, [...path, k]));
}

/** Module folders: every folder in `root` with a module.yaml. */
export function moduleDirs(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'module.yaml')))
    .map((d) => join(root, d.name))
    .sort();
}
