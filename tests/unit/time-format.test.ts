import { describe, expect, it } from 'vitest';
import { cmiTimespan, isoDuration, scormTimestamp } from '../../src/tracking/time-format.js';
import { strictViolations } from '../e2e/strict-cmi.js';

describe('time formats', () => {
  it('SCORM 2004 durations: centiseconds, never PT or P0S', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1234)).toBe('PT1.23S');
    expect(isoDuration(3_903_250)).toBe('PT1H5M3.25S');
    expect(isoDuration(86_400_000)).toBe('PT24H');
    expect(isoDuration(60_000)).toBe('PT1M');
  });

  it('SCORM 1.2 timespans: HHHH:MM:SS.SS, clamped at 9999 hours', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(3_903_250)).toBe('0001:05:03.25');
    expect(cmiTimespan(10_000 * 3_600_000)).toBe('9999:59:59.99');
  });

  it('every value passes the strict validators', () => {
    const sets: Array<[string, string]> = [];
    for (const ms of [0, 5, 999, 59_999, 3_600_000, 123_456_789]) {
      sets.push(['cmi.session_time', isoDuration(ms)]);
    }
    expect(strictViolations('scorm2004', sets)).toEqual([]);
    expect(strictViolations('scorm12', [0, 5, 3_599_999, 1e12].map((ms) => ['cmi.core.session_time', cmiTimespan(ms)] as [string, string]))).toEqual([]);
    expect(strictViolations('scorm2004', [
      ['cmi.interactions.0.timestamp', scormTimestamp(new Date(Date.UTC(2026, 11, 3, 9, 5, 7, 120)))],
    ])).toEqual([]);
    expect(scormTimestamp(new Date(Date.UTC(2026, 11, 3, 9, 5, 7, 120)))).toBe('2026-12-03T09:05:07.12Z');
  });
});
