/**
 * Dates as HR writes and reads them: a bare date is a whole day in Danish time (Europe/Copenhagen),
 * whatever the machine's zone; only ISO 8601 is accepted, since 01-09-2026 could be either order.
 */
const ZONE = 'Europe/Copenhagen';
// Made once: a formatter is costly to build, and these run once per learner row.
const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'shortOffset' });
const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** The UTC instant of midnight at the start of a Copenhagen day (month 1–12; 13 is next January). */
export function copenhagenMidnight(year: number, month: number, day: number): number {
  const guess = Date.UTC(year, month - 1, day);
  // The zone's offset that day (+1 or +2 hours), read at noon, far from a daylight-saving switch.
  return guess - offsetMs(guess + 12 * 3600_000);
}

function offsetMs(instant: number): number {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d+)(?::(\d+))?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600_000 + Number(m[3] ?? 0) * 60_000) : 0;
}

/** The Copenhagen calendar month (YYYY-MM) an instant falls in. */
export function copenhagenMonth(instant: number): string {
  const parts = MONTH.formatToParts(instant);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

/** "2026-12-04 18:07" in Copenhagen time: what a spreadsheet reads as a date and time. */
export function copenhagenDateTime(instant: number): string {
  return DATE_TIME.format(instant);
}

/**
 * An option's date as an instant: YYYY-MM-DD (a Danish day: --since from its start, --until to its
 * end) or a full ISO 8601 date-time with its zone. Anything else is refused with what to write.
 */
export function parseDateOption(value: string, option: string, endOfDay: boolean): number | string {
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (bare) {
    const [y, m, d] = bare.slice(1).map(Number);
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return `${option} ${value}: there is no such day`;
    return endOfDay ? copenhagenMidnight(y, m, d + 1) - 1 : copenhagenMidnight(y, m, d);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value))) return Date.parse(value);
  return `${option} "${value}": write the date as YYYY-MM-DD (e.g. 2026-09-01, a whole day in Danish time) or as a date and time with its zone (2026-09-01T08:00:00+02:00)`;
}
