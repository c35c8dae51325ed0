/** Time formats of the standards, written by hand because library helpers get them wrong. */

/** SCORM 2004 / xAPI duration: PT1H5M3.25S, at most two decimals, never "PT" or "P0S". */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = (cs % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, hours 2–4 digits, clamped at 9999 h. */
export function cmiTimespan(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360000 + 359999);
  const hours = Math.floor(cs / 360000);
  const minutes = Math.floor((cs % 360000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  const hundredths = cs % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(hundredths, 2)}`;
}

/** SCORM 1.2 CMITime (time of day): HH:MM:SS. */
export function cmiTime(date: Date): string {
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/** SCORM 2004 time(second,10,0): YYYY-MM-DDThh:mm:ss.s with a zone, which needs the fraction. */
export function scormTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}.${pad(Math.floor(date.getUTCMilliseconds() / 10), 2)}Z`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
