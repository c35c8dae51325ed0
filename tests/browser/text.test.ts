/**
 * Content text helpers: fallback to Danish, and inline rendering of Markdown paragraphs.
 */
import { nothing } from 'lit';
import { fallbackLang, htmlOf, unwrapParagraph } from '../../src/components/shared/text.js';
import { equal } from './assert.js';

describe('content text helpers', () => {
  it('falls back to Danish and says so', () => {
    equal(htmlOf({ da: 'Hej', en: 'Hi' }, 'en'), 'Hi');
    equal(htmlOf({ da: 'Hej' }, 'en'), 'Hej');
    equal(htmlOf({ da: 'Hej', en: 'Hi' }, 'da'), 'Hej');
    equal(fallbackLang({ da: 'Hej' }, 'en'), 'da');
    equal(fallbackLang({ da: 'Hej', en: 'Hi' }, 'en'), nothing);
    equal(fallbackLang({ da: 'Hej' }, 'da'), nothing);
  });

  it('unwraps one Markdown paragraph for inline places, and leaves several alone', () => {
    equal(unwrapParagraph('<p>Et <em>kort</em> spørgsmål?</p>'), 'Et <em>kort</em> spørgsmål?');
    equal(unwrapParagraph('<p>Et</p>\n'), 'Et');
    equal(unwrapParagraph('Allerede inline'), 'Allerede inline');
    equal(unwrapParagraph('<p>Et</p>\n<p>To</p>'), '<p>Et</p>\n<p>To</p>');
  });
});
