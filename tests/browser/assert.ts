/**
 * Small assertion helpers for the browser tests (no chai in the dependencies).
 * Each throws an Error with a readable message, which Mocha reports as the failure.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  if (value instanceof Element) return `<${value.localName}${value.id ? `#${value.id}` : ''}>`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(`${message} (got ${show(value)})`);
}

export function equal<T>(actual: T, expected: T, message = 'values differ'): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, message = 'values differ'): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new AssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function includes(haystack: string | readonly unknown[], needle: unknown, message = 'missing'): void {
  const found = typeof haystack === 'string' ? haystack.includes(String(needle)) : haystack.includes(needle);
  if (!found) throw new AssertionError(`${message}: ${show(needle)} not in ${show(haystack)}`);
}

export function notIncludes(haystack: string | readonly unknown[], needle: unknown, message = 'unexpected'): void {
  const found = typeof haystack === 'string' ? haystack.includes(String(needle)) : haystack.includes(needle);
  if (found) throw new AssertionError(`${message}: ${show(needle)} found in ${show(haystack)}`);
}

export function lessOrEqual(actual: number, limit: number, message = 'too large'): void {
  if (!(actual <= limit)) throw new AssertionError(`${message}: ${actual} > ${limit}`);
}
