/** Reads what an LMS holds in the terms the tests ask about, for SCORM 1.2 and 2004 alike. */
import { objectiveUrn, cmiIdentifier } from '../../src/tracking/identifiers.js';

export type Format = 'scorm12' | 'scorm2004';

export interface LmsRecord {
  format: Format;
  sets: Array<[string, string]>;
  calls: { init: number; term: number; commit: number; failedCommits: number };
  cmi: Record<string, string> | null;
  errors: Array<[string, string, string]>;
  terminated?: boolean;
  /** Elements whose SetValue the harness failed on purpose (faults.failSets). */
  failedSets?: string[];
  /** How often each call thrown on purpose was made (faults.throwOn). */
  thrown?: Record<string, number>;
}

export interface LmsView {
  completed: boolean;
  success: 'passed' | 'failed' | 'unknown';
  /** 0..1, or null when no score was stored. */
  scaled: number | null;
  exit: string;
  location: string;
  /** By competence area id: status and scaled score. */
  objectives: Record<string, { status: string; scaled: number | null }>;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));
/** 1.2 keeps percentages: 66.67 → 0.6667 (rounded, not 0.6667000000000001). */
const fromPercent = (v: string | undefined) => (num(v) === null ? null : Math.round(num(v)! * 100) / 10000);

export function lmsView(format: Format, cmi: Record<string, string>): LmsView {
  const objectives: LmsView['objectives'] = {};
  for (const [key, id] of Object.entries(cmi)) {
    const n = /^cmi\.objectives\.(\d+)\.id$/.exec(key)?.[1];
    if (n === undefined) continue;
    const o = (k: string) => cmi[`cmi.objectives.${n}.${k}`];
    const area = format === 'scorm12' ? id.replace(/^area_/, '').replace(/_/g, '-') : id.replace(/^urn:awareness-kit:competence:/, '');
    if (format === 'scorm12') {
      if (cmiIdentifier('area', area) !== id) continue;
      objectives[area] = { status: o('status'), scaled: fromPercent(o('score.raw')) };
    } else {
      if (objectiveUrn(area) !== id) continue;
      const status = o('completion_status') === 'not attempted' ? 'not attempted' : o('success_status');
      objectives[area] = { status, scaled: num(o('score.scaled')) };
    }
  }
  if (format === 'scorm12') {
    const status = cmi['cmi.core.lesson_status'];

    return {
      completed: ['passed', 'failed', 'completed'].includes(status),
      success: status === 'passed' || status === 'failed' ? status : 'unknown',
      scaled: fromPercent(cmi['cmi.core.score.raw']),
      exit: cmi['cmi.core.exit'],
      location: cmi['cmi.core.lesson_location'],
      objectives,
    };
  }
  return {
    completed: cmi['cmi.completion_status'] === 'completed',
    success: (cmi['cmi.success_status'] as LmsView['success']) ?? 'unknown',
    scaled: num(cmi['cmi.score.scaled']),
    exit: cmi['cmi.exit'],
    location: cmi['cmi.location'],
    objectives,
  };
}

/** The cmi an LMS hands to a relaunch after exit=suspend: what it stored, with entry=resume. */
export function resumeSeed(format: Format, saved: Record<string, string>): Record<string, string> {
  const volatile = format === 'scorm12'
    ? ['cmi.core.exit', 'cmi.core.session_time', 'cmi.core.entry', 'cmi.core.total_time']
    : ['cmi.exit', 'cmi.session_time', 'cmi.entry', 'cmi.total_time'];
  const seed = Object.fromEntries(Object.entries(saved).filter(([k]) => !volatile.includes(k) && !/^cmi\.interactions\./.test(k)));
  seed[format === 'scorm12' ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
  return seed;
}

/** What a real LMS takes from a package's manifest: mastery / passing score, declared objectives. */
export function manifestSeed(manifest: string, format: Format): Record<string, string> {
  if (format === 'scorm12') return { 'cmi.student_data.mastery_score': /<adlcp:masteryscore>([^<]+)</.exec(manifest)![1] };
  const seed: Record<string, string> = { 'cmi.scaled_passing_score': /<imsss:minNormalizedMeasure>([^<]+)</.exec(manifest)![1] };
  // The primary objective first, then the others, as an LMS fills cmi.objectives from the manifest.
  const ids = [...manifest.matchAll(/<imsss:(?:primaryObjective|objective) objectiveID="([^"]+)"/g)].map((m) => m[1]);
  ids.forEach((id, n) => (seed[`cmi.objectives.${n}.id`] = id));
  return seed;
}
