/** Statement ids and timestamps, made on the client when the event happens. */

/** An RFC 4122 version 4 UUID. crypto.randomUUID exists only in secure contexts; LMSs are not all https. */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Timestamps that never repeat or go back: the xAPI Profiles spec wants statements of a pattern
 * ordered by timestamp, and statements made in the same millisecond would tie.
 */
export class Clock {
  private last = 0;

  now(): Date {
    this.last = Math.max(Date.now(), this.last + 1);
    return new Date(this.last);
  }
}
