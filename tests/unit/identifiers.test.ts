import { describe, expect, it } from 'vitest';
import { clip, clipLine } from '../../src/tracking/identifiers.js';

describe('texts for the LMS', () => {
  it('clipLine makes one line of a prompt with paragraphs and cuts it at the limit with an ellipsis', () => {
    expect(clipLine('Onsdag morgen.\n\nSandt eller falsk?  Det er  i orden.', 250)).toBe('Onsdag morgen. Sandt eller falsk? Det er i orden.');
    const long = clipLine(`Linje\n${'å'.repeat(300)}`, 250);
    expect(Array.from(long)).toHaveLength(250);
    expect(long.startsWith('Linje å')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });

  it('clip keeps short text as it is and counts characters, not UTF-16 units', () => {
    expect(clip('kort', 10)).toBe('kort');
    expect(Array.from(clip('😀'.repeat(20), 10))).toHaveLength(10);
  });
});
