/**
 * The compact resume state. SCORM 1.2 gives us 4096 characters of suspend_data, so the state
 * holds only indexes: the path taken (scene indexes), the cursor on it, and each answer as
 * option indexes. Example: `1|1.0.0|0.1.2.5|3|2=1;4=02;7=t`.
 *
 * Format: version | module version | path (base-36 scene indexes, '.') | cursor (base 36) |
 * answers (sceneIndex=options; options are base-36 option indexes, or t/f for true-false).
 */
import type { Scene } from '../model/compiled.js';

export interface EngineState {
  /** Scene ids in the order the learner went through them. */
  path: string[];
  /** Index into `path` of the scene shown now (lower when the learner went back). */
  cursor: number;
  /** Answers by scene id: option ids, or ['true'] / ['false']. */
  answers: Record<string, string[]>;
}

const FORMAT = '1';

export function encodeState(scenes: readonly Scene[], moduleVersion: string, state: EngineState): string {
  const index = new Map(scenes.map((s, i) => [s.id, i]));
  const path = state.path.map((id) => index.get(id)!.toString(36)).join('.');
  const answers = Object.entries(state.answers)
    .map(([id, response]) => {
      const i = index.get(id)!;
      const scene = scenes[i];
      return `${i.toString(36)}=${encodeResponse(scene, response)}`;
    })
    .join(';');
  return [FORMAT, moduleVersion, path, state.cursor.toString(36), answers].join('|');
}

/** Returns null when the text is not a state of this module version (then start afresh). */
export function decodeState(scenes: readonly Scene[], moduleVersion: string, text: string): EngineState | null {
  const parts = text.split('|');
  if (parts.length !== 5 || parts[0] !== FORMAT || parts[1] !== moduleVersion) return null;
  const [, , pathText, cursorText, answersText] = parts;
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
  return { path, cursor, answers };
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
