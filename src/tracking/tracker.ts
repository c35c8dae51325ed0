/**
 * One interface for every way of reporting: the app calls a Tracker, never an LMS API.
 * Adapters know nothing about scenes; they get plain reports.
 */
import type { Lang } from '../model/compiled.js';

type Texts = { da: string; en?: string };
import type { Results } from '../engine/scoring.js';

export type TrackingFormat = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5' | 'web';

export interface LaunchInfo {
  /** False when no LMS (or storage) was found: the module runs, but progress is not saved. */
  connected: boolean;
  /** The saved resume state, or null for a first attempt. */
  resumeState: string | null;
  /** The learner's preferred language if the LMS knows it. */
  language?: Lang;
  /** normal: tracked; browse: progress only, no result; review: nothing is written. */
  mode: 'normal' | 'browse' | 'review';
  /** A passing score (0..1) set by the LMS, which overrides the module's own. */
  passingScore?: number;
  /** The LMS's id for the learner, to keep what stays on the device apart per learner. */
  learnerId?: string;
}

export interface AreaReport {
  /** Competence area id, e.g. "know-the-rules". */
  id: string;
  earned: number;
  possible: number;
  /** null when the learner met no item for this area. */
  scaled: number | null;
  /** null when the learner met no item for this area. */
  passed: boolean | null;
  /** The plain-text area title (Danish), for LMSs that show objective descriptions. */
  title: string;
  /** The plain-text titles in every language, for xAPI activity definitions. */
  titles: Texts;
  /** The scaled score that masters the area (the role's target level). */
  target: number;
}

export interface ProgressReport {
  /** The current scene id (bookmark). */
  location: string;
  /** The engine's compact resume state. */
  suspendData: string;
  /** 0..1 */
  progress: number;
  completed: boolean;
  results: Omit<Results, 'areas'> & { areas: AreaReport[] };
}

export interface InteractionReport {
  /** The scene id of the answered item. */
  id: string;
  type: 'choice' | 'true-false';
  /** Ids of all options in authored order (choice), used to map to SCORM 1.2's single characters. */
  optionIds: string[];
  response: string[];
  correctResponse: string[];
  correct: boolean;
  /** Plain-text question; the adapter shortens it to the format's limit. */
  description: string;
  /** The scene's title and question in every language (plain text), for xAPI. */
  name: Texts;
  prompt: Texts;
  /** Every option with its plain text (choice), in authored order. */
  choices: Array<{ id: string; description: Texts }>;
  /** Points per competence area: earned by this answer, and possible. */
  earned: Record<string, number>;
  possible: Record<string, number>;
  /** Competence areas the item scores in. */
  areaIds: string[];
  weighting: number;
  timestamp: Date;
  latencyMs: number;
}

/** A scene as it is shown: plain data, for formats that report what the learner saw. */
export interface SceneReport {
  id: string;
  type: string;
  /** Plain-text title in every language. */
  title: Texts;
  /** 0..1 after showing it. */
  progress: number;
}

export interface Tracker {
  readonly format: TrackingFormat;
  /** Connects to the LMS or LRS (once) and reads what a relaunch needs. Never rejects. */
  start(): Promise<LaunchInfo>;
  /** Saves progress and commits. Never throws; failures are retried in the background. */
  report(progress: ProgressReport): void;
  recordInteraction(interaction: InteractionReport): void;
  /** A scene was shown (formats that report experiences; others ignore it). */
  sceneShown?(scene: SceneReport): void;
  /** The learner switched language (used in what is reported from now on). */
  setLanguage?(lang: Lang): void;
  /** Whether this session may start a new run after a result (default: yes). */
  canRestart?(): boolean;
  /**
   * Ends the session exactly once: `done` when the learner finished, `suspend` when they
   * leave early and want to come back. `leaving`: the page is going away (pagehide), so only
   * what can leave with it gets out. Later calls do nothing.
   */
  finish(progress: ProgressReport, reason: 'done' | 'suspend', leaving?: boolean): void;
  /** Told whenever saving starts failing (false) or works again (true). */
  onSaveState?: (saving: boolean) => void;
}
