import { describe, expect, it } from 'vitest';
import { strictViolations } from '../e2e/strict-cmi.js';

// The harness's validators must catch what scorm-again lets through (standards.md A8.1).
describe('strict cmi validators', () => {
  it('reject values scorm-again accepts but the specifications do not', () => {
    const bad12: Array<[string, string]> = [
      ['cmi.suspend_data', 'x'.repeat(4097)],
      ['cmi.interactions.0.id', 'has space'],
      ['cmi.core.session_time', '0:00:05'],
      ['cmi.core.session_time', '10000:00:00'],
      ['cmi.core.session_time', '00:60:00'],
      ['cmi.core.score.raw', '12.345'],
      ['cmi.core.exit', 'normal'],
    ];
    expect(strictViolations('scorm12', bad12)).toHaveLength(bad12.length);
    const bad2004: Array<[string, string]> = [
      ['cmi.session_time', 'P0S'],
      ['cmi.session_time', 'PT'],
      ['cmi.session_time', 'P1DT'],
      ['cmi.session_time', 'PT1.234S'],
      ['cmi.interactions.0.id', 'urn:x:has space'],
      ['cmi.score.scaled', '1.5'],
      ['cmi.interactions.0.description', 'Første linje\nanden linje'],
      ['cmi.objectives.0.description', 'x'.repeat(251)],
    ];
    expect(strictViolations('scorm2004', bad2004)).toHaveLength(bad2004.length);
  });

  it('reject responses over the length limits and scores outside their own min..max', () => {
    const longChoice12: Array<[string, string]> = [['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.student_response', Array(130).fill('a').join(',')]];
    expect(strictViolations('scorm12', longChoice12)).toEqual([expect.stringContaining("CMIFeedback's 255 characters")]);
    const ids = Array.from({ length: 37 }, (_, i) => `o${i}`).join('[,]');
    expect(strictViolations('scorm2004', [['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.learner_response', ids]])).toEqual([
      expect.stringContaining('at most 36 unique ids'),
    ]);
    expect(strictViolations('scorm2004', [['cmi.interactions.0.type', 'choice'], ['cmi.interactions.0.learner_response', 'a[,]a']])).toHaveLength(1);
    const outside: Array<[string, string]> = [['cmi.score.min', '0'], ['cmi.score.max', '7'], ['cmi.score.raw', '8']];
    expect(strictViolations('scorm2004', outside)).toEqual([expect.stringContaining('outside cmi.score.min..max (0..7)')]);
    // Only the final values count: a raw set before its max is fine.
    expect(strictViolations('scorm2004', [['cmi.score.raw', '3'], ['cmi.score.min', '0'], ['cmi.score.max', '7']])).toEqual([]);
  });

  it('accept the values our adapters write', () => {
    expect(
      strictViolations('scorm12', [
        ['cmi.core.session_time', '0000:05:30.25'],
        ['cmi.core.score.raw', '85.71'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.student_response', '0,2'],
        ['cmi.core.exit', ''],
      ]),
    ).toEqual([]);
    expect(
      strictViolations('scorm2004', [
        ['cmi.session_time', 'PT1H5M3.25S'],
        ['cmi.interactions.0.type', 'choice'],
        ['cmi.interactions.0.learner_response', 'a[,]c'],
        ['cmi.interactions.0.timestamp', '2026-12-03T19:30:00.25Z'],
      ]),
    ).toEqual([]);
  });
});
