/**
 * The ADL API discovery: this window, its parents, then the opener and the opener's parents
 * (also the opener of the top window, for content in a frame of an LMS popup).
 * Every cross-window access is guarded, because reading a property of a window from another
 * origin throws.
 */
const MAX_HOPS = 500;

export function findApi<T>(name: 'API' | 'API_1484_11', start: Window = window): T | null {
  const top = read<Window>(start, 'top');
  return searchUp<T>(name, start) ?? searchUp<T>(name, openerOf(start)) ?? (top && top !== start ? searchUp<T>(name, openerOf(top)) : null);
}

function searchUp<T>(name: string, win: Window | null): T | null {
  let current = win;
  for (let hops = 0; current && hops <= MAX_HOPS; hops++) {
    const api = read<T>(current, name);
    if (api) return api;
    const parent = read<Window>(current, 'parent');
    if (!parent || parent === current) return null;
    current = parent;
  }
  return null;
}

function openerOf(win: Window): Window | null {
  return read<Window>(win, 'opener');
}

function read<T>(win: Window, key: string): T | null {
  try {
    const value = (win as unknown as Record<string, unknown>)[key];
    return (value ?? null) as T | null;
  } catch {
    return null; // another origin
  }
}
