/**
 * The package's entry: reads the module embedded in the page, connects the tracker chosen at
 * build time, and wires the player's events to it. The only place that knows both sides.
 */
import '../components/index.js';
import type { AkPlayer } from '../components/player/player.component.js';
import { reflectionKey } from '../components/reflection/reflection.component.js';
import { ModuleEngine, type AnswerOutcome } from '../engine/module-engine.js';
import { bestOption, correctResponse, earnedPoints, possiblePoints } from '../engine/scoring.js';
import type { CompiledModule, Lang, Scene } from '../model/compiled.js';
import { strings } from '../i18n/strings.js';
import type { InteractionReport, LaunchInfo, ProgressReport, Tracker } from '../tracking/tracker.js';
import { shortHash } from '../tracking/identifiers.js';
import { plainText } from '../components/shared/text.js';
import { createTracker } from './create-tracker.js';
import { walkTo } from './preview-jump.js';

declare const __AK_FORMAT__: string;

const module = JSON.parse(document.getElementById('ak-module')!.textContent!) as CompiledModule;
const tracker: Tracker = createTracker(module);
const LANG_KEY = 'ak:lang';

void main();

async function main(): Promise<void> {
  const launch = await tracker.start();
  const moduleToPlay: CompiledModule = { ...module, passingScore: launch.passingScore ?? module.passingScore };
  let engine = new ModuleEngine(moduleToPlay, launch.resumeState);
  // The live preview (npm start) can open the module at the scene a trainer is editing.
  if (__AK_FORMAT__ === 'preview') {
    const start = new URLSearchParams(location.search).get('ak-scene');
    if (start) engine = walkTo(() => new ModuleEngine(moduleToPlay), start) ?? engine;
  }

  const player = document.createElement('ak-player') as AkPlayer;
  player.engine = engine;
  player.lang = launch.language ?? storedLanguage() ?? module.language ?? 'da';
  player.learnerKey = launch.learnerId ? shortHash(launch.learnerId) : null;
  let saving = true;
  showLanguage(player.lang);
  tracker.setLanguage?.(player.lang);
  refreshStatus();
  document.body.append(player);

  let sceneShownAt = Date.now();

  /** The notice (one at a time, the most important first) and whether to offer starting over. */
  function refreshStatus(): void {
    player.notice = noticeFor(launch, engine, saving, player.lang);
    // Starting over: always on the web page; in an LMS only after a fail (a pass is never lowered anyway).
    player.restartable =
      launch.mode === 'normal' && (tracker.format === 'web' || (!engine.results.passed && (tracker.canRestart?.() ?? true)));
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
        areas: results.areas.map((a) => {
          const area = module.areas.find((x) => x.id === a.id)!;
          return { ...a, title: plainText(area.title.da), titles: texts(area.title) };
        }),
      },
    };
  }

  /** The interaction in the module's authored terms (not the learner's shuffled order). */
  function interactionOf(sceneId: string, outcome: AnswerOutcome): InteractionReport {
    const scene = engine.module.scenes.find((s) => s.id === sceneId) as Extract<Scene, { type: 'decision' | 'quiz' }>;
    const trueFalse = scene.type === 'quiz' && scene.question === 'true-false';
    const options = trueFalse ? [] : (scene.options ?? []);
    const optionIds = trueFalse ? ['true', 'false'] : options.map((o) => o.id);
    // Responses in the authored order, so the same answer always reads the same in the LMS.
    const authored = (ids: string[]) => optionIds.filter((id) => ids.includes(id));
    return {
      id: scene.id,
      type: trueFalse ? 'true-false' : 'choice',
      optionIds,
      response: authored(outcome.response),
      correctResponse: authored(scene.type === 'quiz' ? correctResponse(scene) : [bestOption(scene)]),
      correct: outcome.correct,
      description: plainText(scene.prompt.da),
      name: texts(scene.title),
      prompt: texts(scene.prompt),
      choices: options.map((o) => ({ id: o.id, description: texts(o.text) })),
      earned: earnedPoints(scene, outcome.response),
      possible: possiblePoints(scene),
      areaIds: Object.keys(possiblePoints(scene)),
      weighting: 1,
      timestamp: new Date(),
      latencyMs: Date.now() - sceneShownAt,
    };
  }

  /** Counter PCs are shared: what a learner wrote for themselves goes when they finish or start over. */
  function forgetReflections(): void {
    for (const scene of module.scenes) {
      if (scene.type !== 'reflection') continue;
      try {
        localStorage.removeItem(reflectionKey(module.id, scene.id, player.learnerKey));
      } catch {
        /* nothing was stored */
      }
    }
  }

  function sceneShown(): void {
    const scene = engine.scene;
    tracker.sceneShown?.({ id: scene.id, type: scene.type, title: texts(scene.title), progress: engine.progress });
  }

  tracker.onSaveState = (ok) => {
    saving = ok;
    refreshStatus();
  };

  player.addEventListener('ak-answer', (event) => {
    const { outcome } = (event as CustomEvent<{ outcome: AnswerOutcome }>).detail;
    tracker.recordInteraction(interactionOf(outcome.sceneId, outcome));
    tracker.report(progressReport());
    refreshStatus();
  });
  player.addEventListener('ak-scene-change', () => {
    sceneShownAt = Date.now();
    sceneShown();
    tracker.report(progressReport());
    refreshStatus();
  });
  player.addEventListener('ak-language', (event) => {
    const lang = (event as CustomEvent<{ lang: Lang }>).detail.lang;
    showLanguage(lang);
    tracker.setLanguage?.(lang);
    refreshStatus();
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      /* the choice just is not remembered */
    }
  });
  player.addEventListener('ak-finish', () => {
    tracker.finish(progressReport(), 'done');
    forgetReflections();
    // An LMS session ends with finish; only the web page can go on.
    if (tracker.format !== 'web') player.restartable = false;
  });
  player.addEventListener('ak-restart', () => {
    forgetReflections();
    void player.show((engine = new ModuleEngine(moduleToPlay)));
  });

  // Phones put pages away without unloading them: save when hidden.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') tracker.report(progressReport());
  });
  // A page kept in the back/forward cache may come back, so it only saves; a page that goes
  // for good ends the session (once).
  window.addEventListener('pagehide', (event) => {
    if (event.persisted) tracker.report(progressReport());
    else {
      tracker.finish(progressReport(), engine.completed ? 'done' : 'suspend', true);
      // Closed at the summary without pressing Finish: the module is done all the same.
      if (engine.completed) forgetReflections();
    }
  });

  sceneShown();
  tracker.report(progressReport());
}

function noticeFor(launch: LaunchInfo, engine: ModuleEngine, saving: boolean, lang: Lang): string | null {
  const s = strings[lang];
  if (!launch.connected) return s.notSaved;
  if (launch.mode !== 'normal') return s.notRecorded;
  if (!saving) return s.saveFailing;
  if (engine.resumeDiscarded && engine.step === 1) return engine.resumeDiscarded === 'changed' ? s.restarted : s.unreadableState;
  return null;
}

function showLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = plainText(module.title[lang] ?? module.title.da);
}

/** Plain text in every language the content has (English only where it was written). */
function texts(text: { da: string; en?: string }): { da: string; en?: string } {
  return text.en ? { da: plainText(text.da), en: plainText(text.en) } : { da: plainText(text.da) };
}

function storedLanguage(): Lang | null {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return lang === 'da' || lang === 'en' ? lang : null;
  } catch {
    return null;
  }
}
