/**
 * Scoring per competence area. A decision's possible points per area are the best any option
 * gives; the learner earns the chosen option's points. A quiz gives its points only for a fully
 * correct answer. Results count only the items the learner actually met.
 */
import type { DecisionScene, QuizScene, Scene } from '../model/compiled.js';

export type AreaPoints = Record<string, number>;

export interface AreaResult {
  id: string;
  earned: number;
  possible: number;
  /** earned / possible, or null when the learner met no item for this area. */
  scaled: number | null;
  /** The scaled score that masters this area: the role's target level, else the passing score. */
  target: number;
  /** scaled ≥ target; null when the area was not met. */
  passed: boolean | null;
}

export interface Results {
  areas: AreaResult[];
  earned: number;
  possible: number;
  /** 0..1; 0 when nothing scored has been met yet. */
  scaled: number;
  passed: boolean;
}

export function possiblePoints(scene: DecisionScene | QuizScene): AreaPoints {
  if (scene.type === 'quiz') return { ...scene.points };
  const best: AreaPoints = {};
  for (const option of scene.options) {
    for (const [area, points] of Object.entries(option.points ?? {})) {
      best[area] = Math.max(best[area] ?? 0, points);
    }
  }
  return best;
}

/** The option that earns every possible point of a decision (the validator ensures there is one). */
export function bestOption(scene: DecisionScene): string {
  return scene.options.find((o) => isBest(scene, [o.id]))!.id;
}

/** The options (or 'true'/'false') that make up the correct answer of a quiz. */
export function correctResponse(scene: QuizScene): string[] {
  if (scene.question === 'true-false') return [String(scene.answer === true)];
  return (scene.options ?? []).filter((o) => o.correct).map((o) => o.id);
}

export function isCorrect(scene: QuizScene, response: readonly string[]): boolean {
  const expected = correctResponse(scene);
  return expected.length === response.length && expected.every((id) => response.includes(id));
}

export function earnedPoints(scene: DecisionScene | QuizScene, response: readonly string[]): AreaPoints {
  if (scene.type === 'quiz') return isCorrect(scene, response) ? { ...scene.points } : {};
  const chosen = scene.options.find((o) => o.id === response[0]);
  return { ...(chosen?.points ?? {}) };
}

/** Is `response` the best possible answer, i.e. does it earn every possible point? */
export function isBest(scene: DecisionScene | QuizScene, response: readonly string[]): boolean {
  const possible = possiblePoints(scene);
  const earned = earnedPoints(scene, response);
  return Object.entries(possible).every(([area, points]) => (earned[area] ?? 0) >= points);
}

export function sumPoints(points: AreaPoints): number {
  return Object.values(points).reduce((a, b) => a + b, 0);
}

export function computeResults(
  areaIds: readonly string[],
  answered: ReadonlyArray<{ scene: Scene; response: readonly string[] }>,
  passingScore: number,
  /** Per area: the scaled score of the role's target level. */
  targets: Readonly<Record<string, { minScore: number }>> = {},
): Results {
  const earned: AreaPoints = {};
  const possible: AreaPoints = {};
  for (const { scene, response } of answered) {
    if (scene.type !== 'decision' && scene.type !== 'quiz') continue;
    for (const [area, p] of Object.entries(possiblePoints(scene))) possible[area] = (possible[area] ?? 0) + p;
    for (const [area, p] of Object.entries(earnedPoints(scene, response))) earned[area] = (earned[area] ?? 0) + p;
  }
  const areas = areaIds.map((id) => {
    const e = earned[id] ?? 0;
    const p = possible[id] ?? 0;
    const areaScaled = p > 0 ? round4(e / p) : null;
    const target = targets[id]?.minScore ?? passingScore;
    return { id, earned: e, possible: p, scaled: areaScaled, target, passed: areaScaled === null ? null : areaScaled >= target };
  });
  const totalEarned = sumPoints(earned);
  const totalPossible = sumPoints(possible);
  // Rounded once here so that every format reports, and passes on, the very same number.
  const scaled = totalPossible > 0 ? round4(totalEarned / totalPossible) : 0;
  return { areas, earned: totalEarned, possible: totalPossible, scaled, passed: scaled >= passingScore };
}

export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
