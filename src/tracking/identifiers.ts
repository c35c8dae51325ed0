/**
 * Identifiers the LMS sees. Objectives are named after competence areas only (not the module),
 * so reports that export objective ids can line the same area up across modules. (Sharing one
 * global objective between SCOs would need imsss:mapInfo in the manifest; we do not do that.)
 */
const NAMESPACE = 'urn:awareness-kit';

/** SCORM 2004 long_identifier_type: a URN. */
export function objectiveUrn(areaId: string): string {
  return `${NAMESPACE}:competence:${areaId}`;
}

export function interactionUrn(moduleId: string, itemId: string): string {
  return `${NAMESPACE}:${moduleId}:${itemId}`;
}

/** SCORM 1.2 CMIIdentifier, written to the strictest LMSs' rule: word characters only. */
export function cmiIdentifier(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_]/g, '_').slice(0, 255);
}

/**
 * Text for an LMS's short string fields: one line (LMSs show these in one-line reports, and
 * scorm-again refuses a line break in a localized string), at most `max` characters.
 */
export function clipLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}

/** Trims plain text to a data-model limit without cutting a character in two. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

/** A short, stable hash (FNV-1a) for storage keys: no learner id or endpoint is stored as a key. */
export function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
