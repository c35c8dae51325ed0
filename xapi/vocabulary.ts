/**
 * The xAPI vocabulary of Awareness-kit: which verbs, activity types and extensions our
 * statements use. ADL's IRIs wherever ADL (or cmi5) has one; our own only where nothing fits.
 *
 * Two kinds of IRI live here, on purpose apart:
 * - the *vocabulary* (verbs, types, extensions, the profile) is the same for every organisation,
 *   so that reports and other tools can rely on it;
 * - *activities* (modules, scenes, competence areas, roles) are named under an activity base
 *   that each organisation sets to an IRI it controls (`npm run build -- --activity-base …`).
 */

/**
 * Our vocabulary namespace. `.example` (RFC 2606) marks it as not yet permanent: it is to be
 * replaced by a registered persistent IRI (e.g. w3id.org) before statements are kept long term.
 */
export const VOCABULARY = 'https://awareness-kit.example/xapi';

/** The xAPI Profile (xapi/profile.jsonld) and the version our statements follow. */
export const PROFILE_ID = `${VOCABULARY}/profile`;
export const PROFILE_VERSION = `${VOCABULARY}/profile/v1.0`;

/** Where activities are named when a build does not say otherwise. Organisations set their own. */
export const DEFAULT_ACTIVITY_BASE = 'https://awareness-kit.example/activities';

const ADL_VERB = 'http://adlnet.gov/expapi/verbs';

export const verbs = {
  initialized: { id: `${ADL_VERB}/initialized`, display: { en: 'initialized', da: 'startede' } },
  resumed: { id: `${ADL_VERB}/resumed`, display: { en: 'resumed', da: 'genoptog' } },
  experienced: { id: `${ADL_VERB}/experienced`, display: { en: 'experienced', da: 'oplevede' } },
  answered: { id: `${ADL_VERB}/answered`, display: { en: 'answered', da: 'besvarede' } },
  completed: { id: `${ADL_VERB}/completed`, display: { en: 'completed', da: 'gennemførte' } },
  passed: { id: `${ADL_VERB}/passed`, display: { en: 'passed', da: 'bestod' } },
  failed: { id: `${ADL_VERB}/failed`, display: { en: 'failed', da: 'bestod ikke' } },
  scored: { id: `${ADL_VERB}/scored`, display: { en: 'scored', da: 'opnåede' } },
  suspended: { id: `${ADL_VERB}/suspended`, display: { en: 'suspended', da: 'satte på pause' } },
  terminated: { id: `${ADL_VERB}/terminated`, display: { en: 'terminated', da: 'afsluttede' } },
} as const;

export type VerbName = keyof typeof verbs;

export const activityTypes = {
  /** A 10–20 minute module: one SCO / AU / TinCan course. */
  module: 'http://adlnet.gov/expapi/activities/module',
  /** The whole set of modules an organisation runs. */
  curriculum: 'http://adlnet.gov/expapi/activities/course',
  /** A scene of a module (story, decision, quiz, reflection, summary). */
  scene: `${VOCABULARY}/activity-types/scene`,
  /** A decision or question, with an interaction definition. */
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  /** A competence area of the framework (modules/competence-framework.yaml). */
  competenceArea: 'http://adlnet.gov/expapi/activities/objective',
  /** A target group of the framework: front-line staff, system administrators, managers. */
  role: `${VOCABULARY}/activity-types/role`,
  /** Our xAPI Profile, as the category activity of every statement. */
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

export const extensions = {
  /** Result (passed/failed): per competence area earned, possible, scaled, target and mastered. */
  competenceResults: `${VOCABULARY}/extensions/competence-results`,
  /** Result (answered): points earned and possible per competence area for this item. */
  areaPoints: `${VOCABULARY}/extensions/area-points`,
  /** Result: how far through the module, 0–100 (cmi5's own extension, used in every format). */
  progress: 'https://w3id.org/xapi/cmi5/result/extensions/progress',
  /** Context: the learner's organisational unit, where the launch provides one. */
  organisationalUnit: `${VOCABULARY}/extensions/organisational-unit`,
  /** Context: the version of the module's content (module.yaml `version`). */
  moduleVersion: `${VOCABULARY}/extensions/module-version`,
  /** Activity (scene): the kind of scene — story, decision, quiz, reflection or summary. */
  sceneType: `${VOCABULARY}/extensions/scene-type`,
} as const;

/** State document (State API) that keeps a learner's progress in TinCan and cmi5 launches. */
export const PROGRESS_STATE_ID = `${VOCABULARY}/state/progress`;

/** cmi5's IRIs (cmi5 spec §9.6). */
export const cmi5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOnCategory: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchData: 'LMS.LaunchData',
  learnerPreferences: 'cmi5LearnerPreferences',
} as const;
