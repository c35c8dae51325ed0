/**
 * The content format of a module, written once with TypeBox. This file is the one source for
 * both the TypeScript types (via `Static`) and the JSON Schema that editors and `validate` use
 * (`npm run schema` writes it to `modules/schema/*.schema.json`).
 *
 * The runtime only imports *types* from here, so TypeBox never reaches a package.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Stable ids: lower-case letters, digits and dashes. They appear in IRIs and SCORM identifiers. */
export const Id = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 60,
  description: 'Stable id: lower-case letters, digits and single dashes (e.g. "phone-relative").',
});

/** Text in Danish (required) and English. Markdown is allowed where the field says so. */
export const LangText = Type.Object(
  {
    da: Type.String({ minLength: 1, description: 'Danish text (required).' }),
    en: Type.Optional(Type.String({ minLength: 1, description: 'English text (falls back to Danish).' })),
  },
  { additionalProperties: false, description: 'Text per language: { da: …, en: … }. Danish is required.' },
);

/** Points per competence area, e.g. `{ know-the-rules: 2, protect-daily: 1 }`. */
export const Points = Type.Record(Id, Type.Integer({ minimum: 0, maximum: 10 }), {
  description: 'Competence points per area id (from modules/competence-framework.yaml).',
});

const Line = Type.Object(
  {
    who: LangText,
    text: LangText,
  },
  { additionalProperties: false, description: 'One line of a conversation: who speaks and what they say.' },
);

/** The medium a situation is shown through. */
export const Medium = Type.Union(
  [
    Type.Object(
      {
        kind: Type.Literal('email'),
        from: Type.String({ minLength: 1 }),
        to: Type.String({ minLength: 1 }),
        subject: LangText,
        body: LangText,
        attachment: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Union([Type.Literal('phone'), Type.Literal('chat'), Type.Literal('sms'), Type.Literal('counter')]),
        /** Phone: who is calling, or whom you call; SMS: the sender; chat and counter: who you talk to. */
        caller: Type.Optional(LangText),
        /** Phone: you make the call (default: an incoming call). */
        outgoing: Type.Optional(Type.Boolean({ description: 'phone: true when you make the call (default: incoming)' })),
        lines: Type.Array(Line, { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        kind: Type.Literal('screen'),
        system: LangText,
        fields: Type.Array(
          Type.Object({ label: LangText, value: LangText }, { additionalProperties: false }),
          { minItems: 1 },
        ),
        note: Type.Optional(LangText),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'How the situation is shown: email, phone, chat, sms, counter or screen (case system).' },
);

const sceneBase = {
  id: Id,
  title: LangText,
  /** Where to go after this scene; default is the next scene in the module's list. */
  next: Type.Optional(Id),
};

export const StoryScene = Type.Object(
  {
    ...sceneBase,
    type: Type.Literal('story'),
    body: Type.Optional(LangText),
    medium: Type.Optional(Medium),
  },
  { additionalProperties: false, description: 'A situation to read, often through a mock of the medium.' },
);

export const DecisionOption = Type.Object(
  {
    id: Id,
    text: LangText,
    feedback: LangText,
    consequence: Type.Optional(LangText),
    points: Type.Optional(Points),
    /** Where this choice leads: a branch. */
    next: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export const DecisionScene = Type.Object(
  {
    ...sceneBase,
    type: Type.Literal('decision'),
    prompt: LangText,
    medium: Type.Optional(Medium),
    options: Type.Array(DecisionOption, { minItems: 2, maxItems: 10 }),
    /** Show the options in a random order per learner (default). */
    shuffle: Type.Optional(
      Type.Boolean({
        description: 'Options appear in a random order per learner (default true). Set false when the order carries meaning.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'A dilemma: each option has feedback, an optional consequence, points and an optional branch.',
  },
);

export const QuizOption = Type.Object(
  {
    id: Id,
    text: LangText,
    correct: Type.Boolean(),
  },
  { additionalProperties: false },
);

export const QuizScene = Type.Object(
  {
    ...sceneBase,
    type: Type.Literal('quiz'),
    question: Type.Union([Type.Literal('single'), Type.Literal('multiple'), Type.Literal('true-false'), Type.Literal('spot')], {
      description:
        'single choice, multiple choice, true-false, or spot (the learner marks the signs in the e-mail or screen of "medium"; each option is a piece of it, placed with [[option-id]])',
    }),
    prompt: LangText,
    medium: Type.Optional(Medium),
    /** Choices for single/multiple; for spot, the pieces of the medium the learner can mark. */
    options: Type.Optional(Type.Array(QuizOption, { minItems: 2, maxItems: 10 })),
    /** Show the options in a random order per learner (default). */
    shuffle: Type.Optional(
      Type.Boolean({
        description: 'Options appear in a random order per learner (default true). Set false when the order carries meaning.',
      }),
    ),

    /** The right answer for true-false. */
    answer: Type.Optional(Type.Boolean()),
    explanation: LangText,
    points: Points,
  },
  { additionalProperties: false, description: 'A question; all points are earned only by a fully correct answer.' },
);

export const ReflectionScene = Type.Object(
  {
    ...sceneBase,
    type: Type.Literal('reflection'),
    prompt: LangText,
  },
  { additionalProperties: false, description: 'Free text for the learner; it never leaves the device.' },
);

export const SummaryScene = Type.Object(
  {
    ...sceneBase,
    type: Type.Literal('summary'),
    body: Type.Optional(LangText),
  },
  { additionalProperties: false, description: 'Score and the per-area profile. Reaching it completes the module.' },
);

export const Scene = Type.Union([StoryScene, DecisionScene, QuizScene, ReflectionScene, SummaryScene]);

export const SceneTypes = ['story', 'decision', 'quiz', 'reflection', 'summary'] as const;

export const Role = Type.Union([Type.Literal('frontline'), Type.Literal('sysadmin'), Type.Literal('manager')]);

export const ModuleFile = Type.Object(
  {
    id: Id,
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+$', description: 'Semantic version, e.g. 1.0.0' }),
    title: LangText,
    description: LangText,
    roles: Type.Array(Role, { minItems: 1, uniqueItems: true }),
    minutes: Type.Integer({ minimum: 1, maximum: 120 }),
    passingScore: Type.Number({
      minimum: 0,
      maximum: 1,
      description: 'Scaled score needed to pass, 0..1 (0.8 = 80 %).',
    }),
    license: Type.String({ minLength: 1 }),
    competences: Type.Array(Id, { minItems: 1, uniqueItems: true, description: 'Competence areas the module trains.' }),
    /** Scene ids in order; each scene lives in scenes/<id>.yaml. */
    scenes: Type.Array(Id, { minItems: 1, description: 'Scene ids in order; scene files are scenes/<id>.yaml.' }),
  },
  { additionalProperties: false },
);

/** One dilemma card of a module's dialogue tool: a situation and questions for a team to discuss. */
export const DialogueCard = Type.Object(
  {
    id: Id,
    title: LangText,
    situation: LangText,
    questions: Type.Array(LangText, { minItems: 1, maxItems: 6, description: 'Questions for the team to discuss.' }),
    /** Notes for the facilitator: hidden on the shared screen until asked for; printed on the cards. */
    facilitator: Type.Optional(LangText),
    areas: Type.Array(Id, { minItems: 1, uniqueItems: true, description: 'Competence areas the card is about.' }),
  },
  { additionalProperties: false },
);

/**
 * `dialogue.yaml` beside module.yaml (optional): a facilitated, unscored session for a team
 * meeting, shown on a shared screen and printed as cards. Nothing of it is tracked.
 */
export const DialogueFile = Type.Object(
  {
    title: LangText,
    intro: LangText,
    minutes: Type.Integer({ minimum: 5, maximum: 180, description: 'Suggested length of a session.' }),
    cards: Type.Array(DialogueCard, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

/** A text that is the same in every language (a name, a phone number), or one per language. */
const OrgText = Type.Union([Type.String({ minLength: 1 }), LangText]);

/**
 * An organisation (org.yaml): the values scene texts refer to as `{{path}}` variables, its
 * branding, and where its overlay of scene overrides and additions lives.
 */
export const OrgFile = Type.Object(
  {
    id: Type.Optional({ ...Id, description: 'Stable id of the organisation (e.g. "aaby-kommune"), required for a branded build: it makes the package identifiers and xAPI IRIs distinct from the unbranded ones.' }),
    organisation: LangText,
    domain: Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$', description: 'The e-mail domain of the organisation\'s own addresses, e.g. "aaby.dk".' }),
    domainName: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]+$', description: 'The name in your domain that fraudsters put in their own addresses (e.g. "aaby" in aaby.dk), used in the phishing examples. Default: the first part of domain.' }),
    ),
    domainLookalike: Type.Optional(
      Type.String({ pattern: '^[a-z0-9-]+(\\.[a-z0-9-]+)+$', description: 'A made-up domain one letter off yours, as a fraudster would register it (e.g. aaby-kornmune.dk for aaby-kommune.dk). Default: made from domain (m becomes rn, else l becomes 1, o becomes 0, …).' }),
    ),
    language: Type.Optional(Type.Union([Type.Literal('da'), Type.Literal('en')], { description: 'The language a module opens in when the LMS does not say (default da).' })),
    activityBase: Type.Optional(Type.String({ description: 'Base IRI for xAPI activities, one the organisation controls, e.g. https://aaby.dk/xapi.' })),
    securityContact: Type.Object(
      { name: Type.String({ minLength: 1 }), firstName: Type.String({ minLength: 1 }), role: OrgText, phone: Type.String({ minLength: 1 }), email: Type.String({ minLength: 3 }) },
      { additionalProperties: false, description: 'Who employees call about information security and possible breaches.' },
    ),
    serviceDesk: Type.Object(
      { name: OrgText, phone: Type.String({ minLength: 1 }), email: Type.Optional(Type.String({ minLength: 3 })) },
      { additionalProperties: false, description: 'Where employees report lost devices, suspicious mails and IT problems.' },
    ),
    dpo: Type.Object(
      { name: Type.String({ minLength: 1 }), email: Type.String({ minLength: 3 }) },
      { additionalProperties: false, description: 'The data protection officer (databeskyttelsesrådgiver).' },
    ),
    incidentChannel: Type.Union([Type.String({ minLength: 1 }), LangText], { description: 'How an employee reports a (possible) breach, as it reads after "brug" / "use".' }),
    reportPhishing: Type.Union([Type.String({ minLength: 1 }), LangText], { description: 'How an employee reports a phishing mail, as it reads after "brug" / "use".' }),
    policies: Type.Optional(
      Type.Array(
        Type.Object({ id: Id, title: LangText, url: Type.String({ pattern: '^https?://\\S+$', description: 'http(s) address of the policy, without spaces.' }) }, { additionalProperties: false }),
        { description: 'Policies to link to: {{policies.<id>}} is a link with the title, {{policies.<id>.url}} the address.' },
      ),
    ),
    variables: Type.Optional(
      Type.Record(Id, OrgText, { description: 'Your own values, used as {{variables.<name>}}: e.g. the name of your case system.' }),
    ),
    logo: Type.Optional(Type.String({ minLength: 1, description: 'Logo file (SVG, PNG, JPEG or WebP, at most 24 KB), relative to org.yaml. Shown in the module header.' })),
    colours: Type.Optional(
      Type.Object(
        {
          primary: Type.String({ description: 'Brand colour as #rrggbb: buttons, links and focus. Must have a contrast of at least 4.5:1 against white.' }),
          primaryText: Type.Optional(Type.String({ description: 'Text on the brand colour, #rrggbb (default white). At least 4.5:1 against primary.' })),
        },
        { additionalProperties: false },
      ),
    ),
    overlay: Type.Optional(Type.String({ minLength: 1, description: 'Folder with scene overrides and additions per module, relative to org.yaml (default: "overlay").' })),
  },
  { additionalProperties: false },
);

/** overlay/<module-id>/overlay.yaml: scenes to add to (or remove from) a shipped module. */
export const OverlayFile = Type.Object(
  {
    add: Type.Optional(
      Type.Array(
        Type.Object(
          {
            scene: { ...Id, description: 'The new scene: overlay/<module>/scenes/<scene>.yaml.' },
            after: { ...Id, description: 'The scene of the shipped module it comes after.' },
          },
          { additionalProperties: false },
        ),
      ),
    ),
    remove: Type.Optional(Type.Array(Id, { description: 'Scenes of the shipped module to leave out.' })),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 180, description: 'The estimated minutes, when your scenes change them.' })),
  },
  { additionalProperties: false },
);

/** A level of the shared scale: 1 Kender, 2 Handler sikkert, 3 Går foran. */
export const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]);

export const FrameworkLevel = Type.Object(
  {
    level: Level,
    name: LangText,
    description: LangText,
    minScore: Type.Number({ minimum: 0, maximum: 1, description: 'Scaled score (0..1) in a module that counts as reaching this level.' }),
  },
  { additionalProperties: false },
);

export const CompetenceArea = Type.Object(
  {
    id: Id,
    code: Type.String({ pattern: '^K[0-9]+$' }),
    title: LangText,
    description: LangText,
    behaviours: Type.Array(
      Type.Object({ level: Level, items: Type.Array(LangText, { minItems: 1 }) }, { additionalProperties: false }),
      { minItems: 3, maxItems: 3, description: 'Observable behaviours for levels 1, 2 and 3.' },
    ),
    advice: LangText,
    readMore: LangText,
  },
  { additionalProperties: false },
);

export const RoleProfile = Type.Object(
  {
    id: Role,
    title: LangText,
    description: LangText,
    tasks: Type.Array(LangText, { minItems: 1 }),
    responsibilities: Type.Array(LangText, { minItems: 1 }),
    targets: Type.Array(Type.Object({ area: Id, level: Level }, { additionalProperties: false }), {
      minItems: 1,
      description: 'The areas that apply to the role, each with its target level.',
    }),
    dilemmas: Type.Array(LangText, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export const CompetenceFrameworkFile = Type.Object(
  {
    definition: LangText,
    levels: Type.Array(FrameworkLevel, { minItems: 3, maxItems: 3 }),
    areas: Type.Array(CompetenceArea, { minItems: 1 }),
    roles: Type.Array(RoleProfile, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type LangText = Static<typeof LangText>;
export type Points = Static<typeof Points>;
export type Medium = Static<typeof Medium>;
export type StoryScene = Static<typeof StoryScene>;
export type DecisionOption = Static<typeof DecisionOption>;
export type DecisionScene = Static<typeof DecisionScene>;
export type QuizOption = Static<typeof QuizOption>;
export type QuizScene = Static<typeof QuizScene>;
export type ReflectionScene = Static<typeof ReflectionScene>;
export type SummaryScene = Static<typeof SummaryScene>;
export type Scene = Static<typeof Scene>;
export type SceneType = Scene['type'];
export type Role = Static<typeof Role>;
export type ModuleFile = Static<typeof ModuleFile>;
export type DialogueCard = Static<typeof DialogueCard>;
export type DialogueFile = Static<typeof DialogueFile>;
export type Level = Static<typeof Level>;
export type FrameworkLevel = Static<typeof FrameworkLevel>;
export type CompetenceArea = Static<typeof CompetenceArea>;
export type RoleProfile = Static<typeof RoleProfile>;
export type CompetenceFramework = Static<typeof CompetenceFrameworkFile>;
export type OrgFile = Static<typeof OrgFile>;
export type OverlayFile = Static<typeof OverlayFile>;

/** The schemas that `npm run schema` writes out for editors. */
export const publishedSchemas: Record<string, TSchema> = {
  module: ModuleFile,
  scene: Scene,
  dialogue: DialogueFile,
  'competence-framework': CompetenceFrameworkFile,
  org: OrgFile,
  overlay: OverlayFile,
};
