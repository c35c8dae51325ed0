/**
 * The package's entry: reads the module embedded in the page, connects the tracker chosen at
 * build time, and wires the player's events to it. The only place that knows both sides.
 */
import '../components/index.js';
import type { AkPlayer } from '../components/player/player.component.js';
import { ModuleEngine, type AnswerOutcome } from '../engine/module-engine.js';
import { isBest, possiblePoints } from '../engine/scoring.js';
import type { CompiledModule, Lang, Scene } from '../model/compiled.js';
import { strings } from '../i18n/strings.js';
import type { ProgressReport, Tracker } from '../tracking/tracker.js';
import { createTracker } from './create-tracker.js';

const module = JSON.parse(document.getElementById('ak-module')!.textContent!) as CompiledModule;
const tracker: Tracker = createTracker(module.id);
const launch = tracker.start();
const engine = new ModuleEngine({ ...module, passingScore: launch.passingScore ?? module.passingScore }, launch.resumeState);

const player = document.createElement('ak-player') as AkPlayer;
player.engine = engine;
player.lang = launch.language ?? 'da';
player.notice = launch.connected ? null : strings[player.lang].notSaved;
document.documentElement.lang = player.lang;
document.title = plain(module.title[player.lang] ?? module.title.da);
document.body.append(player);

let sceneShownAt = Date.now();

function progressReport(): ProgressReport {
  const results = engine.results;
  return {
    location: engine.scene.id,
    suspendData: engine.serialize(),
    progress: engine.progress,
    completed: engine.completed,
    passingScore: engine.module.passingScore,
    results: {
      ...results,
      areas: results.areas.map((a) => ({ ...a, title: plain(module.areas.find((x) => x.id === a.id)!.title.da) })),
    },
  };
}

function interactionOf(scene: Scene, outcome: AnswerOutcome) {
  if (scene.type !== 'decision' && scene.type !== 'quiz') throw new Error('not scored');
  const trueFalse = scene.type === 'quiz' && scene.question === 'true-false';
  const optionIds = trueFalse ? ['true', 'false'] : (scene.options ?? []).map((o) => o.id);
  const best =
    scene.type === 'quiz'
      ? trueFalse
        ? [String(scene.answer)]
        : (scene.options ?? []).filter((o) => o.correct).map((o) => o.id)
      : [scene.options.find((o) => isBest(scene, [o.id]))!.id];
  return {
    id: scene.id,
    type: trueFalse ? ('true-false' as const) : ('choice' as const),
    optionIds,
    response: outcome.response,
    correctResponse: best,
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

player.addEventListener('ak-answer', (event) => {
  const { outcome, scene } = (event as CustomEvent<{ outcome: AnswerOutcome; scene: Scene }>).detail;
  tracker.recordInteraction(interactionOf(scene, outcome));
  tracker.report(progressReport());
});
player.addEventListener('ak-scene-change', () => {
  sceneShownAt = Date.now();
  tracker.report(progressReport());
});
player.addEventListener('ak-language', (event) => {
  const lang = (event as CustomEvent<{ lang: Lang }>).detail.lang;
  document.documentElement.lang = lang;
  if (!launch.connected) player.notice = strings[lang].notSaved;
});
player.addEventListener('ak-finish', () => tracker.finish(progressReport(), 'done'));
// pagehide fires on tab close, navigation and bfcache; the tracker ends the session only once.
window.addEventListener('pagehide', () => tracker.finish(progressReport(), engine.completed ? 'done' : 'suspend'));

tracker.report(progressReport());
