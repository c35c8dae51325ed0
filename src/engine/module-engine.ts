/**
 * The module as a state machine: which scene is shown, where the learner may go, what they
 * answered and what it scores. Pure TypeScript, no DOM and no LMS: the player renders it and
 * the tracking adapters report it.
 */
import { isScored, type CompiledModule, type DecisionOption, type Scene } from '../model/compiled.js';
import { decodeState, encodeState, type EngineState, whyUnusable } from './resume-state.js';
import { computeResults, earnedPoints, isBest, isCorrect, type AreaPoints, type Results } from './scoring.js';

export interface AnswerOutcome {
  sceneId: string;
  response: string[];
  /** Quiz: fully correct. Decision: the best option was chosen. */
  correct: boolean;
  earned: AreaPoints;
  /** The chosen decision option, for feedback, consequence and branch. */
  option?: DecisionOption;
}

export class ModuleEngine {
  readonly module: CompiledModule;
  private readonly byId: Map<string, Scene>;
  private state: EngineState;

  /** Set when a resume state was given and understood. */
  readonly resumed: boolean;
  /**
   * Why a given resume state was not used (the learner starts over): `changed` when it was saved
   * against another version of the module's structure, `unreadable` when it is damaged.
   */
  readonly resumeDiscarded: 'changed' | 'unreadable' | null;

  /**
   * Pass a saved resume state to continue; an unreadable one starts from the beginning.
   * `seed` fixes the order of options for a new learner (tests); by default it is random.
   */
  constructor(module: CompiledModule, resume?: string | null, seed = Math.floor(Math.random() * 36 ** 6)) {
    this.module = module;
    this.byId = new Map(module.scenes.map((s) => [s.id, s]));
    const decoded = resume ? decodeState(module.scenes, resume) : null;
    const restored = decoded && this.allows(decoded) ? decoded : null;
    this.state = restored ?? { path: [module.scenes[0].id], cursor: 0, answers: {}, seed };
    this.resumed = restored !== null;
    this.resumeDiscarded = !resume || restored ? null : whyUnusable(module.scenes, resume);
  }

  get scene(): Scene {
    return this.byId.get(this.state.path[this.state.cursor])!;
  }

  /** 1-based step on the learner's path, for "step 3" style progress. */
  get step(): number {
    return this.state.cursor + 1;
  }

  /** 0..1: how far through the module's scene list the learner has come. */
  get progress(): number {
    if (this.completed) return 1;
    const last = this.module.scenes.length - 1;
    const furthest = Math.max(...this.state.path.map((id) => this.indexOf(id)));
    // Floored, so an unfinished module never reports 1.
    return last > 0 ? Math.floor((furthest / last) * 100) / 100 : 1;
  }

  /** Reaching the summary (or the last scene) completes the module. */
  get completed(): boolean {
    return this.state.path.some((id) => {
      const scene = this.byId.get(id)!;
      return scene.type === 'summary' || this.targetAfter(scene) === null;
    });
  }

  get results(): Results {
    const answered = this.state.path
      .filter((id) => this.state.answers[id])
      .map((id) => ({ scene: this.byId.get(id)!, response: this.state.answers[id] }));
    return computeResults(
      this.module.areas.map((a) => a.id),
      answered,
      this.module.passingScore,
      this.module.profile?.targets,
    );
  }

  answerOf(sceneId: string): string[] | undefined {
    return this.state.answers[sceneId];
  }

  /** The outcome of an answer given earlier (or just now), for showing its feedback again. */
  outcomeOf(sceneId: string): AnswerOutcome | undefined {
    const scene = this.byId.get(sceneId);
    const response = this.state.answers[sceneId];
    if (!scene || !response || !isScored(scene)) return undefined;
    return {
      sceneId,
      response: [...response],
      correct: scene.type === 'quiz' ? isCorrect(scene, response) : isBest(scene, response),
      earned: earnedPoints(scene, response),
      option: scene.type === 'decision' ? scene.options.find((o) => o.id === response[0]) : undefined,
    };
  }

  /**
   * Answers the current scene. An answer is final: going back shows it, but cannot change it,
   * so the score the LMS has received never moves backwards.
   */
  answer(response: readonly string[]): AnswerOutcome {
    const scene = this.scene;
    if (!isScored(scene)) throw new Error(`Scene "${scene.id}" takes no answer`);
    if (this.state.answers[scene.id]) throw new Error(`Scene "${scene.id}" is already answered`);
    this.checkResponse(scene, response);
    this.state.answers[scene.id] = [...response];
    return this.outcomeOf(scene.id)!;
  }

  get canGoBack(): boolean {
    return this.state.cursor > 0;
  }

  get canGoNext(): boolean {
    if (this.state.cursor < this.state.path.length - 1) return true;
    const scene = this.scene;
    if (isScored(scene) && !this.state.answers[scene.id]) return false;
    return this.targetAfter(scene) !== null;
  }

  back(): Scene {
    if (!this.canGoBack) throw new Error('Cannot go back from the first scene');
    this.state.cursor -= 1;
    return this.scene;
  }

  next(): Scene {
    if (!this.canGoNext) throw new Error(`Cannot go on from scene "${this.scene.id}" yet`);
    if (this.state.cursor < this.state.path.length - 1) {
      this.state.cursor += 1;
    } else {
      this.state.path.push(this.targetAfter(this.scene)!);
      this.state.cursor = this.state.path.length - 1;
    }
    return this.scene;
  }

  /**
   * The scene as this learner sees it: the options of a decision or quiz in this learner's
   * own order (unless the author set `shuffle: false`), so that the best answer is not always
   * in the same place. Answers and scoring use option ids, never positions.
   */
  presented<S extends Scene>(scene: S): S {
    if ((scene.type !== 'decision' && scene.type !== 'quiz') || scene.shuffle === false || !scene.options) return scene;
    const options: ReadonlyArray<{ id: string }> = scene.options;
    return { ...scene, options: shuffled(options, this.state.seed ^ hash(scene.id)) };
  }

  /** Scene ids the learner has met, in order: the path up to the furthest scene. */
  get path(): readonly string[] {
    return this.state.path;
  }

  serialize(): string {
    return encodeState(this.module.scenes, this.state);
  }

  private indexOf(id: string): number {
    return this.module.scenes.findIndex((s) => s.id === id);
  }

  /**
   * Could a learner have got here? The path must be the one the answers lead along, every
   * scored scene passed must be answered, and every answer must be valid.
   */
  private allows(state: EngineState): boolean {
    const { path, answers } = state;
    if (path[0] !== this.module.scenes[0].id || new Set(path).size !== path.length) return false;
    for (let i = 1; i < path.length; i++) {
      const before = this.byId.get(path[i - 1])!;
      if (isScored(before) && !answers[before.id]) return false;
      if (this.targetAfter(before, answers) !== path[i]) return false;
    }
    return Object.entries(answers).every(([id, response]) => {
      const scene = this.byId.get(id)!;
      return path.includes(id) && isScored(scene) && this.validResponse(scene, response);
    });
  }

  /** The scene after `scene`: the chosen option's branch, the scene's `next`, or the following one. */
  private targetAfter(scene: Scene, answers = this.state.answers): string | null {
    if (scene.type === 'summary') return null;
    const answer = answers[scene.id];
    if (scene.type === 'decision' && answer) {
      const branch = scene.options.find((o) => o.id === answer[0])?.next;
      if (branch) return branch;
    }
    if (scene.next) return scene.next;
    return this.module.scenes[this.indexOf(scene.id) + 1]?.id ?? null;
  }

  private checkResponse(scene: Scene & { type: 'decision' | 'quiz' }, response: readonly string[]): void {
    if (!this.validResponse(scene, response)) throw new Error(`Not a valid answer to "${scene.id}": ${JSON.stringify(response)}`);
  }

  private validResponse(scene: Scene & { type: 'decision' | 'quiz' }, response: readonly string[]): boolean {
    const allowed =
      scene.type === 'quiz' && scene.question === 'true-false'
        ? ['true', 'false']
        : (scene.options ?? []).map((o) => o.id);
    // A spot question is answered like a multiple choice: the pieces the learner marked.
    const single = scene.type === 'decision' || (scene.question !== 'multiple' && scene.question !== 'spot');
    return (
      response.length > 0 &&
      (!single || response.length === 1) &&
      new Set(response).size === response.length &&
      response.every((r) => allowed.includes(r))
    );
  }
}

/** A small, well-mixed PRNG (mulberry32): the same seed gives the same order on every device. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
