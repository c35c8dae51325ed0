/**
 * Our xAPI Profile (ADL xAPI Profiles 1.0), generated from the vocabulary and the competence
 * framework, so that the profile, the statements and the framework cannot drift apart.
 * `npm run build` writes it to xapi/profile.jsonld; a test keeps the committed file in step.
 *
 * Each template is told apart by its verb (the spec's advice), so a statement matches one.
 */
import { areaIri, roleIri } from './activities.js';
import { activityTypes, extensions, PROFILE_ID, PROFILE_VERSION, PROGRESS_STATE_ID, VOCABULARY, verbs, type VerbName } from './vocabulary.js';

type LangMap = { en: string; da: string };

export interface ProfileSource {
  areas: Array<{ id: string; title: { da: string; en?: string }; description: { da: string; en?: string } }>;
  roles: Array<{ id: string; title: { da: string; en?: string } }>;
  /** When this version of the profile was made (fixed, so the file does not change on every build). */
  generatedAtTime: string;
}

const TEMPLATE = `${VOCABULARY}/templates`;
const PATTERN = `${VOCABULARY}/patterns`;
const SCENE_TYPES = ['story', 'decision', 'quiz', 'reflection', 'summary'];

const ext = (key: string) => `['${key}']`;

/** Rules every statement of ours follows. */
const commonRules = [
  { location: '$.id', presence: 'included' },
  { location: '$.timestamp', presence: 'included' },
  { location: '$.context.registration', presence: 'included' },
  { location: '$.context.language', presence: 'included' },
  { location: '$.context.platform', presence: 'included' },
  { location: `$.context.extensions${ext(extensions.moduleVersion)}`, presence: 'included' },
  { location: '$.context.contextActivities.category[*].id', presence: 'included', any: [PROFILE_VERSION] },
  { location: '$.context.contextActivities.grouping[*].definition.type', presence: 'included', any: [activityTypes.curriculum] },
  { location: '$.context.contextActivities.grouping[*].definition.type', presence: 'included', any: [activityTypes.role] },
  { location: `$.context.extensions${ext(extensions.organisationalUnit)}`, presence: 'recommended' },
];

const partOfModule = [{ location: '$.context.contextActivities.parent[*].id', presence: 'included' }];
const withProgress = [{ location: `$.result.extensions${ext(extensions.progress)}`, presence: 'included' }];
const withDuration = [{ location: '$.result.duration', presence: 'included' }];

interface TemplateSpec {
  name: string;
  verb: VerbName;
  label: LangMap;
  definition: LangMap;
  objectActivityType?: string;
  rules: object[];
}

function templates(source: ProfileSource): TemplateSpec[] {
  return [
    {
      name: 'initialized',
      verb: 'initialized',
      label: { en: 'Module started', da: 'Modul startet' },
      definition: { en: 'The first statement of every session: the learner opened the module.', da: 'Første udsagn i hver session: den lærende åbnede modulet.' },
      rules: [{ location: '$.object.id', presence: 'included' }],
    },
    {
      name: 'resumed',
      verb: 'resumed',
      label: { en: 'Module resumed', da: 'Modul genoptaget' },
      definition: { en: 'Right after initialized, when the session continues an attempt left earlier; progress says how far it had come.', da: 'Lige efter initialized, når sessionen fortsætter et forsøg, der blev forladt; progress siger, hvor langt det var nået.' },
      rules: withProgress,
    },
    {
      name: 'experienced-scene',
      verb: 'experienced',
      objectActivityType: activityTypes.scene,
      label: { en: 'Scene experienced', da: 'Scene oplevet' },
      definition: { en: 'A scene was shown to the learner (once per scene and session). Never carries what the learner wrote.', da: 'En scene blev vist for den lærende (én gang pr. scene og session). Indeholder aldrig, hvad den lærende skrev.' },
      rules: [
        ...partOfModule,
        ...withProgress,
        { location: '$.object.definition.name.da', presence: 'included' },
        { location: `$.object.definition.extensions${ext(extensions.sceneType)}`, presence: 'included', all: SCENE_TYPES },
        { location: '$.result.response', presence: 'excluded' },
      ],
    },
    {
      name: 'answered-item',
      verb: 'answered',
      objectActivityType: activityTypes.interaction,
      label: { en: 'Decision or question answered', da: 'Dilemma eller spørgsmål besvaret' },
      definition: { en: 'The learner answered a decision or quiz question (answers are final). Score raw/max are competence points; success means the best answer.', da: 'Den lærende besvarede et dilemma eller et quizspørgsmål (svar er endelige). Score raw/max er kompetencepoint; success betyder det bedste svar.' },
      rules: [
        ...partOfModule,
        { location: '$.object.definition.interactionType', presence: 'included', all: ['choice', 'true-false'] },
        { location: '$.object.definition.correctResponsesPattern', presence: 'included' },
        { location: '$.object.definition.name.da', presence: 'included' },
        { location: '$.object.definition.description.da', presence: 'included' },
        { location: '$.result.response', presence: 'included' },
        { location: '$.result.success', presence: 'included' },
        { location: '$.result.score.scaled', presence: 'included' },
        { location: `$.result.extensions${ext(extensions.areaPoints)}`, presence: 'included' },
        ...withDuration,
      ],
    },
    {
      name: 'completed',
      verb: 'completed',
      label: { en: 'Module completed', da: 'Modul gennemført' },
      definition: { en: 'The learner reached the summary; at most once per registration. No score or success (cmi5 §9.5).', da: 'Den lærende nåede opsummeringen; højst én gang pr. registrering. Ingen score eller success (cmi5 §9.5).' },
      rules: [
        { location: '$.result.completion', presence: 'included', all: [true] },
        { location: '$.result.success', presence: 'excluded' },
        { location: '$.result.score', presence: 'excluded' },
        ...withDuration,
      ],
    },
    ...(['passed', 'failed'] as const).map((verb) => ({
      name: verb,
      verb,
      label: verb === 'passed' ? { en: 'Module passed', da: 'Modul bestået' } : { en: 'Module failed', da: 'Modul ikke bestået' },
      definition: {
        en: `The result of a completed run: scaled score ${verb === 'passed' ? 'at or above' : 'below'} the passing score (or the LMS's masteryScore), with results per competence area. A pass is never followed by a fail in a registration.`,
        da: `Resultatet af et gennemført forløb: skaleret score ${verb === 'passed' ? 'på eller over' : 'under'} beståelsesgrænsen (eller LMS'ets masteryScore) med resultater pr. kompetenceområde. Et bestået følges aldrig af et ikke bestået i samme registrering.`,
      },
      rules: [
        { location: '$.result.success', presence: 'included', all: [verb === 'passed'] },
        { location: '$.result.score.scaled', presence: 'included' },
        { location: `$.result.extensions${ext(extensions.competenceResults)}`, presence: 'included' },
        ...withDuration,
      ],
    })),
    {
      name: 'scored-area',
      verb: 'scored',
      objectActivityType: activityTypes.competenceArea,
      label: { en: 'Competence area scored', da: 'Kompetenceområde scoret' },
      definition: { en: 'Right after passed/failed, one per competence area the learner met: earned/possible as score, success when the role\'s target level was reached.', da: 'Lige efter passed/failed, ét pr. kompetenceområde, den lærende mødte: optjent/muligt som score, success når rollens målniveau er nået.' },
      rules: [
        ...partOfModule,
        { location: '$.object.id', presence: 'included', all: source.areas.map((a) => areaIri(a.id)) },
        { location: '$.result.score.scaled', presence: 'included' },
        { location: '$.result.success', presence: 'included' },
      ],
    },
    {
      name: 'suspended',
      verb: 'suspended',
      label: { en: 'Module left unfinished', da: 'Modul forladt før tid' },
      definition: { en: 'The learner left before the end; the attempt can be resumed.', da: 'Den lærende gik, før modulet var slut; forsøget kan genoptages.' },
      rules: [...withProgress, ...withDuration],
    },
    {
      name: 'terminated',
      verb: 'terminated',
      label: { en: 'Session ended', da: 'Session afsluttet' },
      definition: { en: 'The last statement of every session, with the session\'s duration.', da: 'Sidste udsagn i hver session med sessionens varighed.' },
      rules: withDuration,
    },
  ];
}

export function xapiProfile(source: ProfileSource): object {
  const inScheme = PROFILE_VERSION;
  const label = (text: { da: string; en?: string }) => ({ en: text.en ?? text.da, da: text.da });
  const concepts = [
    activityType(activityTypes.scene, { en: 'Scene', da: 'Scene' }, { en: 'A scene of a module: a story, decision, quiz, reflection or summary.', da: 'En scene i et modul: en fortælling, et dilemma, en quiz, en refleksion eller en opsummering.' }),
    activityType(activityTypes.role, { en: 'Target group', da: 'Målgruppe' }, { en: 'A role profile of the competence framework (front-line staff, system administrators, managers).', da: 'En rolleprofil i kompetencerammen (frontmedarbejdere, systemadministratorer, ledere).' }),
    extension('ResultExtension', extensions.competenceResults, { en: 'Results per competence area', da: 'Resultater pr. kompetenceområde' }, { en: 'On passed/failed: for every competence area met, its IRI (area), id, earned and possible points, scaled score, the role\'s target and whether it was mastered.', da: 'På passed/failed: for hvert mødt kompetenceområde dets IRI (area), id, optjente og mulige point, skaleret score, rollens mål og om det er mestret.' }, [verbs.passed.id, verbs.failed.id], {
      type: 'array',
      items: {
        type: 'object',
        required: ['area', 'id', 'earned', 'possible', 'scaled', 'target', 'mastered'],
        properties: { area: { type: 'string' }, id: { type: 'string' }, earned: { type: 'number' }, possible: { type: 'number' }, scaled: { type: 'number' }, target: { type: 'number' }, mastered: { type: 'boolean' } },
      },
    }),
    extension('ResultExtension', extensions.areaPoints, { en: 'Points per competence area', da: 'Point pr. kompetenceområde' }, { en: 'On answered: by competence area id, the points this answer earned and the points possible.', da: 'På answered: pr. kompetenceområde de point, svaret gav, og de mulige point.' }, [verbs.answered.id], {
      type: 'object',
      additionalProperties: { type: 'object', required: ['earned', 'possible'], properties: { earned: { type: 'number' }, possible: { type: 'number' } } },
    }),
    extension('ContextExtension', extensions.organisationalUnit, { en: 'Organisational unit', da: 'Organisatorisk enhed' }, { en: 'The learner\'s unit, when the launch gives one (TinCan `unit` parameter, cmi5 launchParameters {"unit": …}).', da: 'Den lærendes enhed, når starten angiver den (TinCan-parameteren `unit`, cmi5 launchParameters {"unit": …}).' }, undefined, { type: 'string' }),
    extension('ContextExtension', extensions.moduleVersion, { en: 'Module version', da: 'Modulversion' }, { en: 'The version of the module\'s content (module.yaml).', da: 'Versionen af modulets indhold (module.yaml).' }, undefined, { type: 'string' }),
    {
      id: extensions.sceneType,
      type: 'ActivityExtension',
      inScheme,
      prefLabel: { en: 'Scene type', da: 'Scenetype' },
      definition: { en: 'What kind of scene an activity is.', da: 'Hvilken slags scene en aktivitet er.' },
      recommendedActivityTypes: [activityTypes.scene],
      inlineSchema: JSON.stringify({ enum: SCENE_TYPES }),
    },
    {
      id: PROGRESS_STATE_ID,
      type: 'StateResource',
      inScheme,
      prefLabel: { en: 'Progress', da: 'Fremdrift' },
      definition: { en: 'Where the learner has got to (resume state, bookmark) and what has already been sent in the registration.', da: 'Hvor den lærende er nået til (resume-tilstand, bogmærke) og hvad der allerede er sendt i registreringen.' },
      contentType: 'application/json',
    },
    ...source.areas.map((a) => activity(areaIri(a.id), activityTypes.competenceArea, label(a.title))),
    ...source.roles.map((r) => activity(roleIri(r.id), activityTypes.role, label(r.title))),
  ];

  const specs = templates(source);
  const templateId = (name: string) => `${TEMPLATE}/${name}`;
  const patternId = (name: string) => `${PATTERN}/${name}`;
  const pattern = (name: string, body: object, primary?: { label: LangMap; definition: LangMap }) => ({
    id: patternId(name),
    type: 'Pattern',
    inScheme,
    ...(primary ? { primary: true, prefLabel: primary.label, definition: primary.definition } : {}),
    ...body,
  });

  return {
    '@context': 'https://w3id.org/xapi/profiles/context',
    id: PROFILE_ID,
    type: 'Profile',
    conformsTo: 'https://w3id.org/xapi/profiles#1.0',
    prefLabel: { en: 'Awareness-kit: information security awareness modules', da: 'Awareness-kit: moduler om informationssikkerhed' },
    definition: {
      en: 'How Awareness-kit modules for Danish municipal employees report in xAPI (TinCan and cmi5 launches): sessions, scenes, answers, completion, results and results per competence area of the competence framework.',
      da: 'Sådan rapporterer Awareness-kits moduler for kommunalt ansatte i xAPI (TinCan- og cmi5-start): sessioner, scener, svar, gennemførelse, resultater og resultater pr. kompetenceområde i kompetencerammen.',
    },
    author: { type: 'Organization', name: 'Awareness-kit' },
    versions: [{ id: PROFILE_VERSION, generatedAtTime: source.generatedAtTime }],
    concepts,
    templates: specs.map((t) => ({
      id: templateId(t.name),
      type: 'StatementTemplate',
      inScheme,
      prefLabel: t.label,
      definition: t.definition,
      verb: verbs[t.verb].id,
      ...(t.objectActivityType ? { objectActivityType: t.objectActivityType } : {}),
      rules: [...commonRules, ...t.rules],
    })),
    patterns: [
      pattern('registration', { oneOrMore: patternId('session') }, {
        label: { en: 'A registration', da: 'En registrering' },
        definition: { en: 'Every statement of a registration: one session after another.', da: 'Alle udsagn i en registrering: den ene session efter den anden.' },
      }),
      pattern('session', { sequence: [patternId('opening'), patternId('activity'), patternId('closing')] }),
      pattern('opening', { sequence: [templateId('initialized'), patternId('optional-resumed')] }),
      pattern('optional-resumed', { optional: templateId('resumed') }),
      pattern('activity', { zeroOrMore: patternId('step') }),
      pattern('step', { alternates: [templateId('experienced-scene'), templateId('answered-item'), patternId('completion'), patternId('judged')] }),
      pattern('completion', { sequence: [templateId('completed'), patternId('optional-judged')] }),
      pattern('optional-judged', { optional: patternId('judged') }),
      pattern('judged', { sequence: [patternId('judgement'), patternId('area-results')] }),
      pattern('judgement', { alternates: [templateId('passed'), templateId('failed')] }),
      pattern('area-results', { zeroOrMore: templateId('scored-area') }),
      pattern('closing', { sequence: [patternId('optional-suspended'), templateId('terminated')] }),
      pattern('optional-suspended', { optional: templateId('suspended') }),
    ],
  };

  function activityType(id: string, prefLabel: LangMap, definition: LangMap) {
    return { id, type: 'ActivityType', inScheme, prefLabel, definition };
  }
  function extension(type: string, id: string, prefLabel: LangMap, definition: LangMap, recommendedVerbs: string[] | undefined, schema: object) {
    return { id, type, inScheme, prefLabel, definition, ...(recommendedVerbs ? { recommendedVerbs } : {}), inlineSchema: JSON.stringify(schema) };
  }
  function activity(id: string, type: string, name: LangMap) {
    return { id, type: 'Activity', inScheme, activityDefinition: { '@context': 'https://w3id.org/xapi/profiles/activity-context', type, name } };
  }
}

