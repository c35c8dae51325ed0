/**
 * Our own strict checks of every value an LMS receives, written from ../shared/standards.md,
 * because scorm-again accepts things real LMSs reject (1.2 suspend_data over 4096, ids with
 * spaces, loose time formats). Each function returns a problem text or null.
 */

const DURATION_2004 = /^P(?:(\d+Y)?(\d+M)?(\d+D)?)?(?:T(\d+H)?(\d+M)?(\d+(?:\.\d{1,2})?S)?)?$/;
const REAL_10_7 = /^-?\d{1,10}(\.\d{1,7})?$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
const SHORT_ID = /^(?=.*\w)[\w\-()+.:=@;$_!*'%/#]{1,250}$/;
const TIME_2004 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/;
const NAV = /^(continue|previous|exit|exitAll|abandon|abandonAll|suspendAll|_none_|\{target=[^}]+\}(choice|jump))$/;

/** A localized short string (descriptions): one line, as LMS reports show it and scorm-again requires. */
const line = (max: number) => (v: string) => (/[\r\n]/.test(v) ? 'a line break in a one-line string' : len(max)(v));
const len = (max: number) => (v: string) => (v.length <= max ? null : `longer than ${max} characters (${v.length})`);
const oneOf = (...values: string[]) => (v: string) => (values.includes(v) ? null : `not one of ${values.join(', ')}`);
const match = (re: RegExp, what: string) => (v: string) => (re.test(v) ? null : `not a valid ${what}`);
const real = (min = -Infinity, max = Infinity) => (v: string) =>
  !REAL_10_7.test(v) ? 'not a real(10,7)' : Number(v) < min || Number(v) > max ? `outside ${min}..${max}` : null;
const duration2004 = (v: string) =>
  !DURATION_2004.test(v) || v.length < 2 || /[PT]$/.test(v) ? 'not a SCORM 2004 duration (PT#H#M#.##S)' : null;

function pattern2004(type: string | undefined, v: string): string | null {
  if (type === 'true-false') return /^(true|false)$/.test(v) ? null : 'true-false response must be true or false';
  if (type === 'choice') {
    const ids = v.split('[,]');
    if (!ids.every((id) => SHORT_ID.test(id))) return 'choice response must be short ids joined by [,]';
    return ids.length <= 36 && new Set(ids).size === ids.length ? null : 'choice response must be at most 36 unique ids';
  }
  return `unexpected interaction type ${type}`;
}

const RULES_2004: Array<[RegExp, (v: string, ctx: Ctx) => string | null]> = [
  [/^cmi\.location$/, len(1000)],
  [/^cmi\.suspend_data$/, len(64000)],
  [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', '')],
  [/^adl\.nav\.request$/, match(NAV, 'navigation request')],
  [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
  [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown')],
  [/^cmi\.score\.scaled$/, real(-1, 1)],
  [/^cmi\.score\.(raw|min|max)$/, real()],
  [/^cmi\.progress_measure$/, real(0, 1)],
  [/^cmi\.session_time$/, duration2004],
  [/^cmi\.objectives\.\d+\.id$/, (v) => (URI.test(v) && v.length <= 4000 ? null : 'objective id must be a URI')],
  [/^cmi\.objectives\.\d+\.score\.scaled$/, real(-1, 1)],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, real()],
  [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
  [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
  [/^cmi\.objectives\.\d+\.description$/, line(250)],
  [/^cmi\.interactions\.\d+\.id$/, (v) => (URI.test(v) && v.length <= 4000 ? null : 'interaction id must be a URI without spaces')],
  [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other')],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, match(URI, 'URI')],
  [/^cmi\.interactions\.\d+\.timestamp$/, match(TIME_2004, 'time(second,10,0)')],
  [/^cmi\.interactions\.\d+\.(correct_responses\.\d+\.pattern|learner_response)$/, (v, ctx) => pattern2004(ctx.type, v)],
  [/^cmi\.interactions\.\d+\.weighting$/, real()],
  [/^cmi\.interactions\.\d+\.result$/, (v) => (/^(correct|incorrect|unanticipated|neutral)$/.test(v) || REAL_10_7.test(v) ? null : 'not a result')],
  [/^cmi\.interactions\.\d+\.latency$/, duration2004],
  [/^cmi\.interactions\.\d+\.description$/, line(250)],
];

const DECIMAL_12 = /^-?([0-9]{0,3})(\.[0-9]{1,2})?$/;
const IDENTIFIER_12 = /^\w{1,255}$/;
const score12 = (v: string) => (!DECIMAL_12.test(v) || v === '' ? 'not a CMIDecimal' : Number(v) < 0 || Number(v) > 100 ? 'outside 0..100' : null);
const timespan12 = (v: string) => {
  const m = /^(\d{2,4}):(\d{2}):(\d{2})(\.\d{1,2})?$/.exec(v);
  return m && Number(m[2]) < 60 && Number(m[3]) < 60 ? null : 'not a CMITimespan (HHHH:MM:SS.SS)';
};
function pattern12(type: string | undefined, v: string): string | null {
  if (v.length > 255) return `longer than CMIFeedback's 255 characters (${v.length})`;
  if (type === 'true-false') return /^[01tf]$/.test(v) ? null : 'true-false response must be 0, 1, t or f';
  if (type === 'choice') return /^[0-9a-z](,[0-9a-z])*$/.test(v) ? null : 'choice response must be single characters 0-9a-z joined by commas';
  return `unexpected interaction type ${type}`;
}

const RULES_12: Array<[RegExp, (v: string, ctx: Ctx) => string | null]> = [
  [/^cmi\.core\.lesson_location$/, len(255)],
  [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed')],
  [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
  [/^cmi\.core\.score\.(raw|min|max)$/, score12],
  [/^cmi\.core\.session_time$/, timespan12],
  [/^cmi\.suspend_data$/, len(4096)],
  [/^cmi\.objectives\.\d+\.id$/, match(IDENTIFIER_12, 'CMIIdentifier (word characters only)')],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, score12],
  [/^cmi\.objectives\.\d+\.status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted')],
  [/^cmi\.interactions\.\d+\.id$/, match(IDENTIFIER_12, 'CMIIdentifier (word characters only)')],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, match(IDENTIFIER_12, 'CMIIdentifier')],
  [/^cmi\.interactions\.\d+\.time$/, match(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/, 'CMITime')],
  [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric')],
  [/^cmi\.interactions\.\d+\.(correct_responses\.\d+\.pattern|student_response)$/, (v, ctx) => pattern12(ctx.type, v)],
  [/^cmi\.interactions\.\d+\.weighting$/, match(DECIMAL_12, 'CMIDecimal')],
  [/^cmi\.interactions\.\d+\.result$/, (v) => (/^(correct|wrong|unanticipated|neutral)$/.test(v) || DECIMAL_12.test(v) ? null : 'not a 1.2 result')],
  [/^cmi\.interactions\.\d+\.latency$/, timespan12],
];

interface Ctx {
  type?: string;
}

/** Checks every SetValue an LMS received; returns "element = value: problem" lines. */
export function strictViolations(format: 'scorm12' | 'scorm2004', sets: ReadonlyArray<[string, string]>): string[] {
  const rules = format === 'scorm12' ? RULES_12 : RULES_2004;
  const types = new Map<string, string>();
  const problems: string[] = [];
  for (const [element, value] of sets) {
    const interaction = /^cmi\.interactions\.(\d+)\./.exec(element)?.[1];
    if (interaction !== undefined && element.endsWith('.type')) types.set(interaction, value);
    const rule = rules.find(([re]) => re.test(element));
    const problem = rule ? rule[1](value, { type: interaction !== undefined ? types.get(interaction) : undefined }) : 'element not expected from this package';
    if (problem) problems.push(`${element} = ${JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value)}: ${problem}`);
  }
  return [...problems, ...scoreRangeViolations(sets)];
}

/** A score's raw must lie within its own min..max (as the LMS holds them at the end). */
function scoreRangeViolations(sets: ReadonlyArray<[string, string]>): string[] {
  const last = new Map(sets);
  const problems: string[] = [];
  for (const [element, value] of last) {
    const prefix = /^(.*\.score)\.raw$/.exec(element)?.[1];
    if (!prefix || value === '') continue;
    const [min, max] = [last.get(`${prefix}.min`), last.get(`${prefix}.max`)].map((v) => (v === undefined || v === '' ? null : Number(v)));
    if ((min !== null && Number(value) < min) || (max !== null && Number(value) > max)) problems.push(`${element} = ${value}: outside ${prefix}.min..max (${min}..${max})`);
  }
  return problems;
}
