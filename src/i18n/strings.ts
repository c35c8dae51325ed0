/**
 * The runtime's own UI strings (buttons, progress, notices) in Danish and English.
 * Content texts come from the module; these are only the words around them.
 * Danish is the source language; English must have every key (the type enforces it).
 */
import type { Lang } from '../model/compiled.js';

export interface UiStrings {
  /** Label of the language switch group. */
  language: string;
  /** Names of the languages, each written in its own language. */
  langName: Record<Lang, string>;
  /** Accessible name of the progress bar. */
  progress: string;
  /** "Trin 3" */
  step: (n: number) => string;
  /** "40 % gennemført", the progress bar's text value. */
  percentDone: (pct: number) => string;
  /** Accessible name of the footer navigation. */
  nav: string;
  back: string;
  next: string;
  /** Shown beside a disabled Next on an unanswered decision or quiz. */
  answerFirst: string;
  /** Status notice when no LMS was found (the app decides when to show it). */
  notSaved: string;
  /** Notice while the LMS does not accept saves (retried in the background). */
  saveFailing: string;
  /** Notice when a saved state did not fit an updated module. */
  restarted: string;
  /** Notice when a saved state could not be read. */
  unreadableState: string;
  /** Notice when the LMS opened the module to look at, not to record (review/browse). */
  notRecorded: string;
  /** Decision */
  choose: string;
  yourChoice: string;
  goodChoice: string;
  betterChoice: string;
  consequence: string;
  pickOne: string;
  /** Quiz */
  checkAnswer: string;
  chooseAll: string;
  trueLabel: string;
  falseLabel: string;
  correct: string;
  incorrect: string;
  correctAnswer: string;
  yourAnswer: string;
  /** Beside an option the learner ticked that is not part of the correct answer. */
  notCorrect: string;
  /** Spot the signs: how to mark, how many are marked, and what each piece turned out to be. */
  spotHint: string;
  spotMarked: (n: number) => string;
  spotFound: string;
  spotMissed: string;
  spotWrong: string;
  spotTally: (found: number, signs: number, wrong: number) => string;
  pickSign: string;
  /** Reflection */
  reflectionLabel: string;
  reflectionPrivacy: string;
  reflectionNoStorage: string;
  reflectionClear: string;
  /** Summary */
  score: string;
  passed: (pct: number) => string;
  notPassed: (pct: number) => string;
  areaTable: string;
  /** The chart of areas against the role's target: its title, accessible name and legend. */
  chartTitle: string;
  chartLabel: string;
  chartLegend: string;
  /** Shown when every area met is at its target. */
  allReached: string;
  area: string;
  /** Column: the area's score in % with its points. */
  result: string;
  /** "2 af 3 point" */
  pointsOf: (earned: number, possible: number) => string;
  notMet: string;
  finish: string;
  /** Summary: the target column, reached / not reached, advice. */
  target: string;
  reached: string;
  notReached: string;
  adviceHeading: string;
  readMore: string;
  /** Replaces the finish button once pressed. */
  finished: string;
  /** Start the module over (standalone web page). */
  restart: string;
  /** Medium mocks */
  email: string;
  from: string;
  to: string;
  subject: string;
  attachment: string;
  phoneCall: string;
  incomingCall: string;
  outgoingCall: string;
  chat: string;
  sms: string;
  counter: string;
  caseSystem: string;
  note: string;
}

const da: UiStrings = {
  language: 'Sprog',
  langName: { da: 'Dansk', en: 'English' },
  progress: 'Fremdrift',
  step: (n) => `Trin ${n}`,
  percentDone: (pct) => `${pct}\u00a0% gennemført`,
  nav: 'Skift trin',
  back: 'Tilbage',
  next: 'Næste',
  answerFirst: 'Svar først for at gå videre.',
  notSaved: 'Din fremdrift gemmes ikke.',
  saveFailing: 'Din fremdrift kan ikke gemmes lige nu. Vi prøver igen automatisk – luk ikke vinduet endnu.',
  restarted: 'Modulet er blevet opdateret, siden du sidst var her, så du starter forfra.',
  unreadableState: 'Din gemte fremdrift kunne ikke læses, så du starter forfra.',
  notRecorded: 'Du gennemser modulet. Dine svar bliver ikke registreret.',
  choose: 'Vælg',
  yourChoice: 'Dit valg',
  goodChoice: 'Godt valg',
  betterChoice: 'Der var et bedre valg',
  consequence: 'Det sker der nu',
  pickOne: 'Vælg en af mulighederne først.',
  checkAnswer: 'Svar',
  chooseAll: 'Vælg alle, der passer.',
  trueLabel: 'Sandt',
  falseLabel: 'Falsk',
  correct: 'Rigtigt',
  incorrect: 'Ikke det rigtige svar',
  correctAnswer: 'Rigtigt svar',
  yourAnswer: 'Dit svar',
  notCorrect: 'Ikke rigtigt',
  spotHint: 'Vælg de steder, der er faresignaler. Vælg igen for at fjerne en markering.',
  spotMarked: (n) => (n === 1 ? '1 sted markeret' : `${n} steder markeret`),
  spotFound: 'Faresignal – du fandt det',
  spotMissed: 'Faresignal – du fandt det ikke',
  spotWrong: 'Ikke et faresignal – du markerede det',
  spotTally: (found, signs, wrong) =>
    `Du fandt ${found} af ${signs} ${signs === 1 ? 'faresignal' : 'faresignaler'}${wrong ? ` og markerede ${wrong === 1 ? '1 sted' : `${wrong} steder`}, der ikke er et faresignal` : ''}.`,
  pickSign: 'Markér mindst ét sted først.',
  reflectionLabel: 'Dine tanker',
  reflectionPrivacy: 'Teksten bliver kun i denne browser og slettes, når du afslutter modulet. Den sendes ingen steder hen og tæller ikke med i din score.',
  reflectionNoStorage: 'Browseren tillader ikke at gemme teksten. Den forsvinder, når du lukker siden.',
  reflectionClear: 'Slet min tekst',
  score: 'Din score',
  passed: (pct) => `Bestået (kravet er ${pct}\u00a0%)`,
  notPassed: (pct) => `Ikke bestået (kravet er ${pct}\u00a0%)`,
  areaTable: 'Resultat pr. kompetenceområde',
  chartTitle: 'Din profil og målet for din rolle',
  chartLabel: 'Søjlediagram over din score pr. kompetenceområde med målet for din rolle. Tallene står i tabellen nedenfor.',
  chartLegend: 'Søjlen er din score. Den lodrette streg er målet for din rolle.',
  allReached: 'Du har nået målet i alle de områder, du har mødt. Godt gået!',
  area: 'Område',
  result: 'Resultat',
  pointsOf: (earned, possible) => `${earned} af ${possible} point`,
  notMet: 'Ikke mødt',
  finish: 'Afslut modulet',
  target: 'Mål',
  reached: 'nået',
  notReached: 'ikke nået endnu',
  adviceHeading: 'Sådan kan du styrke dig',
  readMore: 'Læs mere',
  finished: 'Modulet er afsluttet. Du kan nu lukke vinduet.',
  restart: 'Start forfra',
  email: 'E-mail',
  from: 'Fra',
  to: 'Til',
  subject: 'Emne',
  attachment: 'Vedhæftet fil',
  phoneCall: 'Telefonopkald',
  incomingCall: 'Indgående opkald',
  outgoingCall: 'Du ringer til',
  chat: 'Chat',
  sms: 'Sms',
  counter: 'Samtale ved skranken',
  caseSystem: 'Fagsystem',
  note: 'Note',
};

const en: UiStrings = {
  language: 'Language',
  langName: { da: 'Dansk', en: 'English' },
  progress: 'Progress',
  step: (n) => `Step ${n}`,
  percentDone: (pct) => `${pct}% done`,
  nav: 'Change step',
  back: 'Back',
  next: 'Next',
  answerFirst: 'Answer first to continue.',
  notSaved: 'Your progress is not saved.',
  saveFailing: 'Your progress cannot be saved right now. We will keep trying – please do not close the window yet.',
  restarted: 'The module has been updated since your last visit, so you start from the beginning.',
  unreadableState: 'Your saved progress could not be read, so you start from the beginning.',
  notRecorded: 'You are looking through the module. Your answers are not recorded.',
  choose: 'Choose',
  yourChoice: 'Your choice',
  goodChoice: 'Good choice',
  betterChoice: 'There was a better choice',
  consequence: 'What happens next',
  pickOne: 'Pick one of the options first.',
  checkAnswer: 'Check answer',
  chooseAll: 'Choose all that apply.',
  trueLabel: 'True',
  falseLabel: 'False',
  correct: 'Correct',
  incorrect: 'Not the right answer',
  correctAnswer: 'Correct answer',
  yourAnswer: 'Your answer',
  notCorrect: 'Not correct',
  spotHint: 'Select the places that are warning signs. Select again to remove a mark.',
  spotMarked: (n) => (n === 1 ? '1 place marked' : `${n} places marked`),
  spotFound: 'Warning sign – you found it',
  spotMissed: 'Warning sign – you missed it',
  spotWrong: 'Not a warning sign – you marked it',
  spotTally: (found, signs, wrong) =>
    `You found ${found} of ${signs} warning ${signs === 1 ? 'sign' : 'signs'}${wrong ? ` and marked ${wrong === 1 ? '1 place' : `${wrong} places`} that ${wrong === 1 ? 'is' : 'are'} not a warning sign` : ''}.`,
  pickSign: 'Mark at least one place first.',
  reflectionLabel: 'Your thoughts',
  reflectionPrivacy: 'The text stays only in this browser and is deleted when you finish the module. It is not sent anywhere and does not count towards your score.',
  reflectionNoStorage: 'This browser does not allow saving the text. It disappears when you close the page.',
  reflectionClear: 'Delete my text',
  score: 'Your score',
  passed: (pct) => `Passed (required: ${pct}%)`,
  notPassed: (pct) => `Not passed (required: ${pct}%)`,
  areaTable: 'Result per competence area',
  chartTitle: "Your profile and your role's target",
  chartLabel: "Bar chart of your score per competence area with your role's target. The figures are in the table below.",
  chartLegend: "The bar is your score. The vertical line is your role's target.",
  allReached: 'You have reached the target in every area you met. Well done!',
  area: 'Area',
  result: 'Result',
  pointsOf: (earned, possible) => `${earned} of ${possible} points`,
  notMet: 'Not met',
  finish: 'Finish',
  target: 'Target',
  reached: 'reached',
  notReached: 'not reached yet',
  adviceHeading: 'How to grow stronger',
  readMore: 'Read more',
  finished: 'The module is finished. You can close the window now.',
  restart: 'Start over',
  email: 'Email',
  from: 'From',
  to: 'To',
  subject: 'Subject',
  attachment: 'Attachment',
  phoneCall: 'Phone call',
  incomingCall: 'Incoming call',
  outgoingCall: 'You are calling',
  chat: 'Chat',
  sms: 'Text message',
  counter: 'Conversation at the counter',
  caseSystem: 'Case system',
  note: 'Note',
};

export const strings: Record<Lang, UiStrings> = { da, en };

/** The UI strings for a language (Danish for anything unknown). */
export function ui(lang: Lang | string | undefined): UiStrings {
  return lang === 'en' ? en : da;
}
