/**
 * The compact resume state. SCORM 1.2 gives us 4096 characters of suspend_data, so the state
 * holds only indexes: the learner's shuffle seed, the path taken (scene indexes), the cursor on
 * it, and each answer as option indexes. Example: `2|1k9x0q|k3x9|0.1.2.5|3|2=1;4=02;7=t`.
 *
 * Format: format version | module fingerprint | seed (base 36) | path (base-36 scene indexes,
 * '.') | cursor (base 36) | answers (sceneIndex=options; base-36 option indexes as authored, or t/f).
 *
 * The fingerprint covers the module's structure (scene and option ids, types, branches), so a
 * state saved against other content is never applied to this one, while a typo fix in a text
 * keeps everybody's progress.
 */
import type { Scene } from '../model/compiled.js';

export interface EngineState {
  /** Scene ids in the order the learner went through them. */
  path: string[];
  /** Index into `path` of the scene shown now (lower when the learner went back). */
  cursor: number;
  /** Answers by scene id: option ids, or ['true'] / ['false']. */
  answers: Record<string, string[]>;
  /** Seeds this learner's order of options, so it stays the same after a relaunch. */
  seed: number;
}

const FORMAT = '2';

export function encodeState(scenes: readonly Scene[], state: EngineState): string {
  const index = new Map(scenes.map((s, i) => [s.id, i]));
  const path = state.path.map((id) => index.get(id)!.toString(36)).join('.');
  const answers = Object.entries(state.answers)
    .map(([id, response]) => {
      const i = index.get(id)!;
      const scene = scenes[i];
      return `${i.toString(36)}=${encodeResponse(scene, response)}`;
    })
    .join(';');
  return [FORMAT, fingerprint(scenes), state.seed.toString(36), path, state.cursor.toString(36), answers].join('|');
}

/**
 * Returns null when the text is not a state of this module's structure. The engine then still
 * checks that the path and answers are ones the module allows.
 */
export function decodeState(scenes: readonly Scene[], text: string): EngineState | null {
  const parts = text.split('|');
  if (parts.length !== 6 || parts[0] !== FORMAT || parts[1] !== fingerprint(scenes)) return null;
  const [, , seedText, pathText, cursorText, answersText] = parts;
  if (!/^[0-9a-z]{1,7}$/.test(seedText)) return null;
  const seed = parseInt(seedText, 36);
  const sceneAt = (code: string): Scene | undefined => {
    if (!/^[0-9a-z]+$/.test(code)) return undefined;
    return scenes[parseInt(code, 36)];
  };
  const path: string[] = [];
  for (const code of pathText.split('.')) {
    const scene = sceneAt(code);
    if (!scene) return null;
    path.push(scene.id);
  }
  const cursor = parseInt(cursorText, 36);
  if (!Number.isInteger(cursor) || cursor < 0 || cursor >= path.length) return null;
  const answers: Record<string, string[]> = {};
  if (answersText) {
    for (const entry of answersText.split(';')) {
      const [code, value] = entry.split('=');
      const scene = sceneAt(code ?? '');
      if (!scene || value === undefined || !path.includes(scene.id)) return null;
      const response = decodeResponse(scene, value);
      if (!response) return null;
      answers[scene.id] = response;
    }
  }
  return { path, cursor, answers, seed };
}

function encodeResponse(scene: Scene, response: readonly string[]): string {
  if (scene.type === 'quiz' && scene.question === 'true-false') return response[0] === 'true' ? 't' : 'f';
  const options = scene.type === 'decision' || scene.type === 'quiz' ? scene.options ?? [] : [];
  return response.map((id) => options.findIndex((o) => o.id === id).toString(36)).join('');
}

function decodeResponse(scene: Scene, value: string): string[] | null {
  if (scene.type === 'quiz' && scene.question === 'true-false') {
    return value === 't' ? ['true'] : value === 'f' ? ['false'] : null;
  }
  if (scene.type !== 'decision' && scene.type !== 'quiz') return null;
  const options = scene.options ?? [];
  const ids: string[] = [];
  for (const ch of value) {
    const option = options[parseInt(ch, 36)];
    if (!option) return null;
    ids.push(option.id);
  }
  return ids.length > 0 ? ids : null;
}

/** For a state that cannot be used: saved against another module structure, or damaged? */
export function whyUnusable(scenes: readonly Scene[], text: string): 'changed' | 'unreadable' {
  const parts = text.split('|');
  return parts.length === 6 && parts[0] === FORMAT && parts[1] !== fingerprint(scenes) ? 'changed' : 'unreadable';
}

/** A short hash of what a resume state's indexes depend on. */
export function fingerprint(scenes: readonly Scene[]): string {
  const shape = scenes.map((s) => {
    const options = s.type === 'decision' || s.type === 'quiz' ? (s.options ?? []).map((o) => `${o.id}>${'next' in o ? (o.next ?? '') : ''}`) : [];
    return `${s.id}:${s.type}:${s.next ?? ''}:${options.join(',')}`;
  });
  let h = 2166136261;
  for (const ch of shape.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return (h >>> 0).toString(36);
}
