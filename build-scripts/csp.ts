/**
 * The Content-Security-Policy every page we ship carries, as a <meta> at the top of its head:
 * nothing runs but the bundled script (by its hash), nothing loads from anywhere (images only as
 * data: URLs, as the logo is), no forms, no frames, no <base>. Network: none for SCORM and the
 * web page (they talk to the LMS through JavaScript); for xAPI and cmi5 any http(s) origin until
 * the launch is read, when the runtime narrows it to the LRS the launch names
 * (src/tracking/xapi/network-policy.ts) — a second policy, which browsers enforce together with this one.
 */
import { createHash } from 'node:crypto';

export type Connect = 'none' | 'launch' | 'self';

const CONNECT: Record<Connect, string> = { none: "'none'", launch: 'http: https:', self: "'self'" };

export function withCsp(html: string, connect: Connect): string {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/g)];
  if (scripts.length === 0) throw new Error('page has no inline script to allow');
  const hashes = scripts.map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'none'",
    `script-src ${hashes.join(' ')}`,
    // Lit's styles and the head's <style>; content cannot add a style (its HTML is escaped at build time).
    "style-src 'unsafe-inline'",
    'img-src data:',
    `connect-src ${CONNECT[connect]}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (!/<head>/.test(html)) throw new Error('page has no <head>');
  return html.replace(/<head>/, () => `<head>\n    ${meta}`);
}
