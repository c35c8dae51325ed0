/**
 * A module made hostile: the reference module (every kind of scene, item and medium) with known
 * XSS payloads added to every text it has — titles, prompts, bodies, option texts, feedback,
 * consequences, explanations, medium fields, spot pieces, the summary — and to the organisation's
 * name and a variable of its own that every text also uses. Every payload that runs sets
 * window.__xss, or asks for something from evil.example.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ROOT } from './package-fixtures.js';

export const HOSTILE_MODULE = 'phishing-og-svindel';

/** Known XSS payloads (OWASP's filter-evasion cheat sheet and PortSwigger's list, in kind). */
export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>x</details>',
  '<input autofocus onfocus=window.__xss=1>',
  '<video><source onerror="window.__xss=1"></video>',
  '<audio src=x onerror=window.__xss=1>',
  '<marquee onstart=window.__xss=1>x</marquee>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>send</button></form>',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<style>body{display:none}</style>',
  '<div style="background:url(https://evil.example/bg.png)">styled</div>',
  '<a href="javascript:window.__xss=1">a link</a>',
  '<a href="data:text/html,<script>window.__xss=1</script>">data link</a>',
  '<math><mi xlink:href="javascript:window.__xss=1">m</mi></math>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<!--<img src=x onerror=window.__xss=1>-->',
  '</script><script>window.__xss=1</script>',
  '\u2028</script><script>window.__xss=1</script>',
  '<img src="https://evil.example/pixel.png">',
  '[a markdown link](javascript:window.__xss=1)',
  '[mixed case](JaVaScRiPt:window.__xss=1)',
  '[entity](&#106;avascript:window.__xss=1)',
  '[data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)',
  '![image](https://evil.example/track.png)',
  '![image](javascript:window.__xss=1)',
  '<javascript:window.__xss=1>',
  '${window.__xss=1}',
  '#{window.__xss=1}',
  '<x onclick=window.__xss=1>click</x>',
];

/** Keys whose strings are ids, types or structure, not text. */
const NOT_TEXT = new Set(['id', 'type', 'next', 'kind', 'question', 'scenes', 'competences', 'roles', 'license', 'version', 'correct', 'after']);

/** Writes the hostile module and its organisation under `dir`; returns the modules folder. */
export function hostileModules(dir: string): { modulesDir: string; orgFile: string } {
  const modulesDir = join(dir, 'modules');
  const moduleDir = join(modulesDir, HOSTILE_MODULE);
  cpSync(join(ROOT, 'modules', HOSTILE_MODULE), moduleDir, { recursive: true });
  const all = PAYLOADS.join(' ');
  // A spot question's pieces may not be links (validate refuses it): there the HTML payloads only.
  const noLinks = PAYLOADS.filter((p) => !p.includes('](') && !p.startsWith('<javascript')).join(' ');
  const files = ['module.yaml', ...readdirSync(join(moduleDir, 'scenes')).map((f) => join('scenes', f))];
  for (const file of files) {
    const data = parse(readFileSync(join(moduleDir, file), 'utf8')) as unknown;
    writeFileSync(join(moduleDir, file), stringify(poison(data, all, noLinks, false)));
  }
  const org = parse(readFileSync(join(ROOT, 'modules', 'org.yaml'), 'utf8')) as Record<string, unknown>;
  org.id = 'fjendtlig-kommune';
  org.organisation = { da: `Fjendtlig Kommune ${all}`, en: `Hostile Municipality ${all}` };
  org.variables = { hostile: all };
  const orgFile = join(dir, 'org.yaml');
  writeFileSync(orgFile, stringify(org));
  return { modulesDir, orgFile };
}

function poison(value: unknown, all: string, noLinks: string, inSpot: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => poison(v, all, noLinks, inSpot));
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.da === 'string') {
    const add = inSpot ? noLinks : `${all} {{variables.hostile}}`;
    return { ...record, da: `${record.da} ${add}`, ...(typeof record.en === 'string' ? { en: `${record.en} ${add}` } : {}) };
  }
  const spot = record.type === 'quiz' && record.question === 'spot';
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => {
      if (NOT_TEXT.has(k)) return [k, v];
      // Plain strings of a medium (an e-mail's from and to).
      if (typeof v === 'string' && (k === 'from' || k === 'to')) return [k, `${v} ${noLinks}`];
      return [k, poison(v, all, noLinks, inSpot || (spot && k === 'options'))];
    }),
  );
}
