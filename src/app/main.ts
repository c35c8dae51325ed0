/**
 * The package's entry: reads the module embedded in the page, connects the tracker chosen at
 * build time, and wires the player's events to it. The only place that knows both sides.
 */
import '../components/index.js';
import type { AkPlayer } from '../components/player/player.component.js';
import { ModuleEngine, type AnswerOutcome } from '../engine/module-engine.js';
import { bestOption, correctResponse, possiblePoints } from '../engine/scoring.js';
import type { CompiledModule, Lang, Scene } from '../model/compiled.js';
import { strings } from '../i18n/strings.js';
import type { InteractionReport, ProgressReport, Tracker } from '../tracking/tracker.js';
import { createTracker } from './create-tracker.js';

const module = JSON.parse(document.getElementById('ak-module')!.textContent!) as CompiledModule;
const tracker: Tracker = createTracker(module.id);
const launch = tracker.start();
const moduleToPlay: CompiledModule = { ...module, passingScore: launch.passingScore ?? module.passingScore };
let engine = new ModuleEngine(moduleToPlay, launch.resumeState);
const LANG_KEY = 'ak:lang';

const player = document.createElement('ak-player') as AkPlayer;
player.engine = engine;
player.lang = launch.language ?? storedLanguage() ?? 'da';
player.learnerKey = launch.learnerId ? shortHash(launch.learnerId) : null;
let saving = true;
showLanguage(player.lang);
refreshStatus();
document.body.append(player);

let sceneShownAt = Date.now();

/** The notice (one at a time, the most important first) and whether to offer starting over. */
function refreshStatus(): void {
  const s = strings[player.lang];
  player.notice = !launch.connected
    ? s.notSaved
    : launch.mode !== 'normal'
      ? s.notRecorded
      : !saving
        ? s.saveFailing
        : engine.resumeDiscarded && engine.step === 1
          ? engine.resumeDiscarded === 'changed'
            ? s.restarted
            : s.unreadableState
          : null;
  // Starting over: always on the web page; in an LMS only after a fail (a pass is never lowered anyway).
  player.restartable = launch.mode === 'normal' && (tracker.format === 'web' || !engine.results.passed);
}

function showLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = plain(module.title[lang] ?? module.title.da);
}

function progressReport(): ProgressReport {
  const results = engine.results;
  return {
    location: engine.scene.id,
    suspendData: engine.serialize(),
    progress: engine.progress,
    completed: engine.completed,
    results: {
      ...results,
      areas: results.areas.map((a) => ({ ...a, title: plain(module.areas.find((x) => x.id === a.id)!.title.da) })),
    },
  };
}

/** The interaction in the module's authored terms (not the learner's shuffled order). */
function interactionOf(sceneId: string, outcome: AnswerOutcome): InteractionReport {
  const scene = engine.module.scenes.find((s) => s.id === sceneId) as Extract<Scene, { type: 'decision' | 'quiz' }>;
  const trueFalse = scene.type === 'quiz' && scene.question === 'true-false';
  const optionIds = trueFalse ? ['true', 'false'] : (scene.options ?? []).map((o) => o.id);
  // Responses in the authored order, so the same answer always reads the same in the LMS.
  const authored = (ids: string[]) => optionIds.filter((id) => ids.includes(id));
  return {
    id: scene.id,
    type: trueFalse ? 'true-false' : 'choice',
    optionIds,
    response: authored(outcome.response),
    correctResponse: authored(scene.type === 'quiz' ? correctResponse(scene) : [bestOption(scene)]),
    correct: outcome.correct,
    description: plain(scene.prompt.da),
    areaIds: Object.keys(possiblePoints(scene)),
    weighting: 1,
    timestamp: new Date(),
    latencyMs: Date.now() - sceneShownAt,
  };
}

function plain(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
}

/** The learner id never goes into storage keys as it is. */
function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

function storedLanguage(): Lang | null {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return lang === 'da' || lang === 'en' ? lang : null;
  } catch {
    return null;
  }
}

tracker.onSaveState = (ok) => {
  saving = ok;
  refreshStatus();
};

player.addEventListener('ak-answer', (event) => {
  const { outcome } = (event as CustomEvent<{ outcome: AnswerOutcome }>).detail;
  tracker.recordInteraction(interactionOf(outcome.sceneId, outcome));
  tracker.report(progressReport());
});
player.addEventListener('ak-scene-change', () => {
  sceneShownAt = Date.now();
  tracker.report(progressReport());
  refreshStatus();
});
player.addEventListener('ak-language', (event) => {
  const lang = (event as CustomEvent<{ lang: Lang }>).detail.lang;
  showLanguage(lang);
  refreshStatus();
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* the choice just is not remembered */
  }
});
player.addEventListener('ak-finish', () => {
  tracker.finish(progressReport(), 'done');
  // An LMS session ends with finish; only the web page can go on.
  if (tracker.format !== 'web') player.restartable = false;
});
player.addEventListener('ak-restart', () => void player.show((engine = new ModuleEngine(moduleToPlay))));

// Phones put pages away without unloading them: save when hidden.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') tracker.report(progressReport());
});
// A page kept in the back/forward cache may come back, so it only saves; a page that goes
// for good ends the session (once).
window.addEventListener('pagehide', (event) => {
  if (event.persisted) tracker.report(progressReport());
  else tracker.finish(progressReport(), engine.completed ? 'done' : 'suspend');
});

tracker.report(progressReport());
