import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfMini, edit, load, MINI } from './module-fixture.js';
import { formatProblem } from '../../build-scripts/yaml-file.js';
import type { Scene } from '../../src/model/schema.js';

/** The single error a broken module gives, as "file:line:column: error: message". */
function onlyError(dir: string): string {
  const errors = load(dir).problems.filter((p) => p.severity === 'error');
  expect(errors, JSON.stringify(errors)).toHaveLength(1);
  return formatProblem(errors[0]).replace(dir, '<mini>');
}

describe('validate: each kind of broken module stops with file:line:column and what was expected', () => {
  it('accepts the intact test module', () => {
    const result = load(MINI);
    expect(result.problems).toEqual([]);
    expect(result.module?.scenes.map((s) => s.id)).toEqual(['intro', 'd1', 'oops', 'fix', 'q1', 'q2', 'q3', 'reflect', 'summary']);
  });

  it('YAML syntax error', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q1.yaml', 'prompt: { da: Vælg én, en: Pick one }', 'prompt: { da: Vælg én, en: Pick one');
    expect(onlyError(dir)).toMatch(/scenes\/q1\.yaml:6:1: error: YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }/);
  });

  it('YAML syntax error deep in a file: the line of the problem, not the top of the file', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q2.yaml', 'explanation: { da: Fordi., en: Because. }', '   explanation: { da: Fordi., en: Because. }');
    expect(onlyError(dir)).toMatch(/scenes\/q2\.yaml:10:1: error: YAML syntax error: Sequence item without - indicator/);
  });

  it('unknown scene type', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'type: story', 'type: storyy');
    expect(onlyError(dir)).toMatch(/scenes\/oops\.yaml:2:7: error: unknown type "storyy": expected one of story, decision, quiz, reflection, summary/);
  });

  it('unknown question type', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q1.yaml', 'question: single', 'question: essay');
    expect(onlyError(dir)).toMatch(/scenes\/q1\.yaml:3:11: error: expected one of "single", "multiple", "true-false", "spot", found "essay"/);
  });

  it('unknown medium kind', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/intro.yaml', 'kind: email', 'kind: fax');
    expect(onlyError(dir)).toMatch(/scenes\/intro\.yaml:6:9: error: unknown kind "fax": expected one of email, phone, chat, sms, counter, screen/);
  });

  it('missing Danish text', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'body: { da: Konsekvensen., en: The consequence. }', 'body: { en: The consequence. }');
    expect(onlyError(dir)).toMatch(/scenes\/oops\.yaml:4:7: error: missing required field "da" in "body" \(the Danish text is required\)/);
  });

  it('branch to a scene that does not exist', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', '    next: q1\n  - id: partial', '    next: q9\n  - id: partial');
    expect(onlyError(dir)).toMatch(/scenes\/d1\.yaml:10:11: error: "next" points to scene "q9", which does not exist/);
  });

  it('duplicate scene ids', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'scenes: [intro, d1, oops, fix, q1,', 'scenes: [intro, d1, oops, fix, q1, q1,');
    expect(onlyError(dir)).toMatch(/module\.yaml:15:\d+: error: duplicate scene id "q1"/);
  });

  it('duplicate option ids', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q2.yaml', '{ id: c,', '{ id: b,');
    expect(onlyError(dir)).toMatch(/scenes\/q2\.yaml:9:\d+: error: duplicate option id "b"/);
  });

  it('points for a competence area that does not exist', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q3.yaml', 'points: { incidents: 1 }', 'points: { incidents: 1, snooping: 2 }');
    expect(onlyError(dir)).toMatch(/scenes\/q3\.yaml:8:\d+: error: points for unknown competence area "snooping"/);
  });

  it('a module with no scored item', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'scenes: [intro, d1, oops, fix, q1, q2, q3, reflect, summary]', 'scenes: [intro, oops, reflect, summary]');
    edit(dir, 'module.yaml', 'competences: [know-the-rules, protect-daily, recognise-threats, incidents]', 'competences: [incidents]');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.some((e) => /module\.yaml:15:9: error: the module has no scored item/.test(e))).toBe(true);
  });

  it('unknown field, with the position of the field name', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'title:', 'titel: { da: x }\ntitle:');
    const errors = load(dir).problems.map(formatProblem);
    expect(errors).toContain(`${join(dir, 'scenes/oops.yaml')}:3:1: error: unknown field "titel" in the file (did you mean "title"?)`);
  });

  it('a scene listed in module.yaml without a file', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'reflect, summary]', 'reflect, wrapup, summary]');
    expect(onlyError(dir)).toMatch(/module\.yaml:15:\d+: error: scene "wrapup" has no file scenes\/wrapup\.yaml/);
  });

  it('a decision where no option earns full points', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'points: { know-the-rules: 1 }', 'points: { know-the-rules: 1, incidents: 1 }');
    expect(onlyError(dir)).toMatch(/scenes\/d1\.yaml:\d+:\d+: error: no single option earns the highest points in every area/);
  });

  it('a branch backwards, which could loop', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/fix.yaml', 'answer: true', 'answer: true\nnext: intro');
    expect(onlyError(dir)).toMatch(/scenes\/fix\.yaml:8:7: error: "next" points back to "intro"/);
  });

  it('a summary that is not last', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'scenes: [intro, d1, oops, fix, q1, q2, q3, reflect, summary]', 'scenes: [intro, summary, d1, oops, fix, q1, q2, q3, reflect]');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.some((e) => /module\.yaml:15:17: error: the summary "summary" must be the last scene/.test(e)), errors.join('\n')).toBe(true);
    expect(errors.some((e) => /module\.yaml:15:\d+: error: the last scene must be a summary/.test(e))).toBe(true);
  });

  it('a scene that can never be reached', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'consequence: { da: Det går galt., en: It goes wrong. }', 'consequence: { da: Det går galt., en: It goes wrong. }\n    next: q1');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/scenes\/oops\.yaml:1:5: error: scene "oops" can never be reached/);
    expect(errors[1]).toMatch(/scenes\/fix\.yaml:2:5: error: scene "fix" can never be reached/);
  });

  it('errors in module.yaml do not hide errors in the scene files', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'passingScore: 0.6', 'passingScore: 60');
    edit(dir, 'scenes/oops.yaml', 'type: story', 'type: storyy');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.some((e) => /module\.yaml:12:15: error: passingScore is a fraction of 1: write 0\.6 for 60 %/.test(e)), errors.join('\n')).toBe(true);
    expect(errors.some((e) => /scenes\/oops\.yaml:2:7: error: unknown type "storyy"/.test(e))).toBe(true);
  });

  it('points for an unknown area in a decision give that one error, not a follow-up one', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'points: { know-the-rules: 1 }', 'points: { kultur: 1 }');
    expect(onlyError(dir)).toMatch(/scenes\/d1\.yaml:14:15: error: points for unknown competence area "kultur" \(did you mean "culture"\?\)/);
  });

  it('warns (without failing) about texts that have no English', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'body: { da: Konsekvensen., en: The consequence. }', 'body: { da: Konsekvensen. }');
    const result = load(dir);
    expect(result.module).toBeDefined();
    expect(result.problems.map(formatProblem)).toEqual([
      `${join(dir, 'scenes/oops.yaml')}:4:7: warning: 1 text(s) without English ("en"); the English version shows the Danish text there`,
    ]);
  });

  it('an empty module.yaml gives an error, not a crash', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'module.yaml'), '# nothing yet\n');
    expect(onlyError(dir)).toMatch(/module\.yaml:1:1: error: module\.yaml must be a mapping with id, version/);
  });

  it('rules between scenes are still checked when module.yaml has an error', () => {
    const dir = copyOfMini();
    edit(dir, 'module.yaml', 'roles: [frontline]', 'roles: [nobody]');
    edit(dir, 'scenes/q1.yaml', '{ id: b, text: { da: B, en: B }, correct: false }', '{ id: b, text: { da: B, en: B }, correct: true }');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.some((e) => /module\.yaml:10:\d+: error: expected one of "frontline", "sysadmin", "manager"/.test(e)), errors.join('\n')).toBe(true);
    expect(errors.some((e) => /scenes\/q1\.yaml:\d+:\d+: error: a single choice question needs exactly one correct option \(found 2\)/.test(e))).toBe(true);
  });

  it('suggests the field an author probably meant', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'feedback: { da: Nej., en: No. }', 'feedbak: { da: Nej., en: No. }');
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(errors.some((e) => /d1\.yaml:18:5: error: unknown field "feedbak" in "options\.2" \(did you mean "feedback"\?\)/.test(e)), errors.join('\n')).toBe(true);
  });

  it('suggests the competence area an author probably meant', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/q3.yaml', 'points: { incidents: 1 }', 'points: { incidentz: 1 }');
    expect(onlyError(dir)).toMatch(/q3\.yaml:8:11: error: points for unknown competence area "incidentz" \(did you mean "incidents"\?\)/);
  });

  it('explains the colon-in-a-text mistake in plain words', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'body: { da: Konsekvensen., en: The consequence. }', 'body:\n  da: Gør i stedet sådan: ring\n  en: x');
    expect(onlyError(dir)).toMatch(/oops\.yaml:5:\d+: error: YAML syntax error: .*\(a text with ": " in it\? Put the text in quotes/);
  });

  it('warns when the best answer is clearly the longest option in most items (learners could guess by length)', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'text: { da: Sikkert, en: Safe }', 'text: { da: Du gør det sikre og forklarer hvorfor, en: Safe }');
    expect(load(dir).problems).toEqual([]); // one item of two: no pattern yet
    edit(dir, 'scenes/q1.yaml', '{ id: a, text: { da: A, en: A }', '{ id: a, text: { da: Det rigtige svar, en: A }');
    const result = load(dir);
    expect(result.module).toBeDefined();
    expect(result.problems.map(formatProblem)).toEqual([
      `${join(dir, 'module.yaml')}:15:9: warning: in 2 scored items (d1, q1) the best answer is clearly the longest option, so learners can pass by picking the longest; make the options alike in length and as plausible`,
    ]);
  });

  it('warns when the best answer is clearly the shortest in most items too; multiple choice questions do not count', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/d1.yaml', 'text: { da: Delvist, en: Partly }', 'text: { da: Du gør noget halvt og håber på det bedste, en: Partly }');
    edit(dir, 'scenes/d1.yaml', 'text: { da: Risikabelt, en: Risky }', 'text: { da: Du tager chancen og siger ingenting til nogen, en: Risky }');
    edit(dir, 'scenes/q1.yaml', '{ id: b, text: { da: B, en: B }', '{ id: b, text: { da: Et langt og forkert svar, en: B }');
    expect(load(dir).problems.map(formatProblem)).toEqual([
      `${join(dir, 'module.yaml')}:15:9: warning: in 2 scored items (d1, q1) the best answer is clearly the shortest option, so learners can pass by picking the shortest; make the options alike in length and as plausible`,
    ]);
    // With several right answers, length tells nothing: q1 no longer counts, and d1 alone is no pattern.
    edit(dir, 'scenes/q1.yaml', 'correct: false', 'correct: true');
    edit(dir, 'scenes/q1.yaml', 'question: single', 'question: multiple');
    expect(load(dir).problems).toEqual([]);
  });

  it('warns about HTML in a text (it is shown as plain text)', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'body: { da: Konsekvensen., en: The consequence. }', 'body: { da: "<b>Konsekvensen</b>.", en: The consequence. }');
    const warnings = load(dir).problems.map(formatProblem);
    expect(warnings).toEqual([`${join(dir, 'scenes/oops.yaml')}:4:13: warning: this text contains HTML tags, which are shown as plain text; use Markdown (**bold**, lists, [links](…))`]);
  });
});

/** q2 of the test module as a spot question: its options a, b, c placed in an e-mail. */
function spotQuestion(body = { da: 'Tekst [[c]]', en: 'Text [[c]]' }): string {
  return `id: q2
type: quiz
question: spot
title: { da: Spørgsmål 2, en: Question 2 }
prompt: { da: Markér tegnene, en: Mark the signs }
medium:
  kind: email
  from: "[[a]]"
  to: dig@aaby-kommune.example
  subject: { da: "Hej [[b]]", en: "Hi [[b]]" }
  body: { da: "${body.da}", en: "${body.en}" }
options:
  - { id: a, text: { da: A, en: A }, correct: true }
  - { id: b, text: { da: B, en: B }, correct: true }
  - { id: c, text: { da: C, en: C }, correct: false }
explanation: { da: Fordi., en: Because. }
points: { protect-daily: 2 }
`;
}

describe('validate: spot questions (mark the signs in an e-mail or screen)', () => {
  const errorsOf = (dir: string) => load(dir).problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p).replace(dir, '<mini>'));

  it('accepts options placed once each, in Danish and English; the markers reach the runtime', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion());
    const result = load(dir);
    expect(result.problems).toEqual([]);
    const q2 = result.module!.scenes.find((s) => s.id === 'q2')!;
    expect(q2).toMatchObject({ question: 'spot', medium: { from: '[[a]]', body: { da: '<p>Tekst [[c]]</p>', en: '<p>Text [[c]]</p>' } } });
  });

  it('pieces and the medium around them are rendered without links, so no piece is lost in or becomes a link', () => {
    const dir = copyOfMini();
    const linked = spotQuestion({ da: 'Klik [[c]](https://x.example) eller [her [[c]]](https://y.example)', en: 'Text [[c]]' })
      .replace('text: { da: A, en: A }', 'text: { da: "IT <it@aaby-kornmune.example>", en: "https://login.example.com" }');
    writeFileSync(join(dir, 'scenes/q2.yaml'), linked);
    const result = load(dir);
    const errors = result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p).replace(dir, '<mini>'));
    // Written twice in Danish (the second inside would-be link text): found twice, since nothing became a link.
    expect(errors).toEqual(['<mini>/scenes/q2.yaml:15:11: error: option "c" is placed 2 times in the medium; place it once']);
    writeFileSync(join(dir, 'scenes/q2.yaml'), linked.replace(' eller [her [[c]]](https://y.example)', ''));
    const q2 = load(dir).module!.scenes.find((s) => s.id === 'q2') as Extract<Scene, { type: 'quiz' }>;
    expect(q2.medium).toMatchObject({ body: { da: '<p>Klik [[c]](https://x.example)</p>' } });
    expect(q2.options![0].text).toEqual({ da: 'IT &lt;it@aaby-kornmune.example&gt;', en: 'https://login.example.com' });
  });

  it('a spot question needs a sign to find; with only signs, marking everything would pay', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion().replace(/correct: true/g, 'correct: false'));
    expect(errorsOf(dir)).toEqual(['<mini>/scenes/q2.yaml:13:3: error: a spot question needs at least one option with "correct: true" (a warning sign to find)']);
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion().replace(/correct: false/g, 'correct: true'));
    expect(load(dir).problems.map((p) => formatProblem(p).replace(dir, '<mini>'))).toEqual([
      '<mini>/scenes/q2.yaml:13:3: warning: every piece is a warning sign, so marking everything is the right answer; add an innocent piece (correct: false) or two',
    ]);
  });

  it('a [[marker]] outside the medium of a spot question is shown as written, and validate says so', () => {
    const dir = copyOfMini();
    edit(dir, 'scenes/oops.yaml', 'body: { da: Konsekvensen., en: The consequence. }', 'body: { da: "Se [[link]].", en: The consequence. }');
    expect(load(dir).problems.map((p) => formatProblem(p).replace(dir, '<mini>'))).toEqual([
      '<mini>/scenes/oops.yaml:4:13: warning: [[…]] marks a piece in the medium of a spot question (question: spot); here it is shown as written',
    ]);
  });

  it('a marker that names no option, and the option it left out, both at their lines', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion({ da: 'Tekst [[cc]]', en: 'Text [[c]]' }));
    expect(errorsOf(dir)).toEqual([
      '<mini>/scenes/q2.yaml:11:15: error: [[cc]] names no option of this question (did you mean "c"?); options: a, b, c',
      '<mini>/scenes/q2.yaml:15:11: error: option "c" is not placed in the medium; write [[c]] where the learner should find it',
    ]);
  });

  it('an option missing from the English text, or placed twice', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion({ da: 'Tekst [[c]] og [[c]]', en: 'Text' }));
    expect(errorsOf(dir)).toEqual([
      '<mini>/scenes/q2.yaml:15:11: error: option "c" is placed 2 times in the medium; place it once',
      '<mini>/scenes/q2.yaml:15:11: error: option "c" is not placed in the English medium (en, or the Danish text where there is no en); write [[c]] where the learner should find it',
    ]);
  });

  it('a spot question needs an e-mail or screen to mark in', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'scenes/q2.yaml'), spotQuestion().replace(/medium:[\s\S]*?options:/, 'options:'));
    expect(errorsOf(dir)).toEqual([
      '<mini>/scenes/q2.yaml:3:11: error: a spot question needs a "medium" of kind email or screen, with its options placed in it as [[option-id]]',
    ]);
  });
});

describe('validate: dialogue.yaml (dilemma cards for a team meeting)', () => {
  const dialogue = `title: { da: Dialog, en: Dialogue }
intro: { da: Sådan gør I., en: How to run it. }
minutes: 30
cards:
  - id: fejl
    title: { da: En fejl, en: A mistake }
    situation: { da: "**Hvad** nu?", en: What now? }
    questions:
      - { da: Hvad gør I?, en: What do you do? }
    facilitator: { da: Art. 33., en: Article 33. }
    areas: [culture, incidents]
`;

  it('is compiled with rendered texts and the areas its cards name', () => {
    const dir = copyOfMini();
    writeFileSync(join(dir, 'dialogue.yaml'), dialogue);
    const result = load(dir);
    expect(result.problems).toEqual([]);
    expect(result.dialogue).toMatchObject({
      moduleId: 'mini',
      minutes: 30,
      cards: [{ id: 'fejl', situation: { da: '<p><strong>Hvad</strong> nu?</p>' }, questions: [{ da: 'Hvad gør I?' }], areas: ['culture', 'incidents'] }],
    });
    expect(result.dialogue!.areas.map((a) => a.code)).toEqual(['K5', 'K7']);
  });

  it('duplicate card ids and unknown areas stop the build at their lines', () => {
    const dir = copyOfMini();
    const broken = dialogue.replace('areas: [culture, incidents]', 'areas: [culture, incident]') + dialogue.slice(dialogue.indexOf('  - id: fejl'));
    writeFileSync(join(dir, 'dialogue.yaml'), broken);
    const errors = load(dir).problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p).replace(dir, '<mini>'));
    expect(errors).toEqual([
      '<mini>/dialogue.yaml:11:22: error: unknown competence area "incident" (did you mean "incidents"?)',
      '<mini>/dialogue.yaml:12:9: error: duplicate card id "fejl"',
    ]);
  });
});
