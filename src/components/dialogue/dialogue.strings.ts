/**
 * The dialogue tool's own words (its page is built apart from the module packages, so these
 * strings stay out of every package's runtime).
 */
import type { Lang } from '../../model/compiled.js';

export interface DialogueStrings {
  language: string;
  langName: Record<Lang, string>;
  print: string;
  duration: (minutes: number) => string;
  cardsCount: (n: number) => string;
  unscored: string;
  cardsHeading: string;
  start: string;
  cardOf: (i: number, n: number) => string;
  discuss: string;
  areas: string;
  showNotes: string;
  hideNotes: string;
  notesHeading: string;
  previous: string;
  next: string;
  overview: string;
  pager: string;
  keysHint: string;
  card: string;
  licence: (licence: string) => string;
}

const da: DialogueStrings = {
  language: 'Sprog',
  langName: { da: 'Dansk', en: 'English' },
  print: 'Udskriv kortene',
  duration: (m) => `Forslag til varighed: ${m} minutter.`,
  cardsCount: (n) => `${n} dilemmakort.`,
  unscored: 'Der gives ingen point, og intet af det, I taler om, bliver gemt eller sendt – det er jeres samtale.',
  cardsHeading: 'Kortene',
  start: 'Start med første kort',
  cardOf: (i, n) => `Kort ${i} af ${n}`,
  discuss: 'Drøft',
  areas: 'Kompetenceområder',
  showNotes: 'Vis noter til mødelederen',
  hideNotes: 'Skjul noter til mødelederen',
  notesHeading: 'Til mødelederen',
  previous: 'Forrige kort',
  next: 'Næste kort',
  overview: 'Alle kort',
  pager: 'Skift kort',
  keysHint: 'Piletasterne og en præsentationsfjernbetjening skifter også kort.',
  card: 'Dilemmakort',
  licence: (l) => `Licens: ${l}`,
};

const en: DialogueStrings = {
  language: 'Language',
  langName: { da: 'Dansk', en: 'English' },
  print: 'Print the cards',
  duration: (m) => `Suggested length: ${m} minutes.`,
  cardsCount: (n) => (n === 1 ? '1 dilemma card.' : `${n} dilemma cards.`),
  unscored: 'There are no scores, and nothing of what you talk about is saved or sent – it is your conversation.',
  cardsHeading: 'The cards',
  start: 'Start with the first card',
  cardOf: (i, n) => `Card ${i} of ${n}`,
  discuss: 'Discuss',
  areas: 'Competence areas',
  showNotes: 'Show notes for the facilitator',
  hideNotes: 'Hide notes for the facilitator',
  notesHeading: 'For the facilitator',
  previous: 'Previous card',
  next: 'Next card',
  overview: 'All cards',
  pager: 'Change card',
  keysHint: 'The arrow keys and a presenter remote change cards too.',
  card: 'Dilemma card',
  licence: (l) => `Licence: ${l}`,
};

export const dialogueStrings: Record<Lang, DialogueStrings> = { da, en };
