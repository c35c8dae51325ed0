/**
 * `npm run new-org -- <folder> [--id <id>]`: starts an organisation's own folder, outside the
 * shipped modules: org.yaml (a copy of modules/org.yaml with an id, to fill in), an empty
 * overlay/ and a short README. Never overwrites anything.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { DEFAULT_ORG_FILE } from './org.js';

const SCHEMA_DIR = resolve(import.meta.dirname, '..', 'modules', 'schema');
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function newOrg(folder: string, id = basename(resolve(folder))): { dir: string; files: string[] } {
  const dir = resolve(folder);
  if (!ID.test(id)) throw new Error(`"${id}" cannot be an organisation id: use lower-case letters, digits and single dashes (e.g. vores-kommune); give one with --id`);
  if (existsSync(join(dir, 'org.yaml'))) throw new Error(`${join(dir, 'org.yaml')} exists already; nothing was changed`);
  mkdirSync(join(dir, 'overlay'), { recursive: true });
  const schema = relative(dir, join(SCHEMA_DIR, 'org.schema.json')).split('\\').join('/');
  const template = readFileSync(DEFAULT_ORG_FILE, 'utf8')
    .replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`)
    .replace(/^# Organisationen, som de leverede moduler[\s\S]*?no id: unbranded\.\n/m, ORG_INTRO)
    .replace(/^(# Kommunens navn)/m, `# Jeres faste id: det indgår i pakkernes identifikatorer og xAPI-IRI'er. Ret det ikke, når pakkerne er i brug.\n# Stable id: in your packages' identifiers and xAPI IRIs.\nid: ${id}\n\n$1`)
    .replace(/^# Politikker, som jeres egne scener kan linke til/m, `# Adressen, jeres xAPI-aktiviteter navngives under: en adresse, I selv ejer. / Base IRI for xAPI activities.\n# activityBase: https://www.${id}.dk/xapi\n\n# Jeres logo (SVG, PNG, JPEG eller WebP, højst 24 KB, stien er i forhold til denne fil) og farve\n# (#rrggbb i anførselstegn, kontrast mindst 4,5:1 mod hvid). / Logo and brand colour.\n# logo: logo.svg\n# colours:\n#   primary: '#0f5499'\n\n# Jeres egne værdier, brugt i tekster som {{variables.<navn>}}, fx navnet på jeres sagssystem.\n# variables:\n#   sagssystem: Vores Sag\n\n# Politikker, som jeres egne scener kan linke til`);
  writeFileSync(join(dir, 'org.yaml'), template, { flag: 'wx' });
  const files = ['org.yaml', 'overlay/'];
  // A folder the organisation already keeps things in may have a README of its own: leave it.
  if (!existsSync(join(dir, 'README.md'))) {
    writeFileSync(join(dir, 'README.md'), README(id));
    files.push('README.md');
  }
  return { dir, files };
}

const ORG_INTRO = `# Jeres organisation: værdierne, som modulernes tekster bruger som variable ({{securityContact.name}}
# osv.), jeres logo og farver, og mappen overlay/ med jeres egne og ændrede scener.
# Ret værdierne herunder til jeres egne. Se docs/traenervejledning.md.
#
# Your organisation: the values the modules' texts use as variables, your logo and colours,
# and the overlay/ folder with your own and changed scenes.
`;

const README = (id: string) => `# ${id}

Jeres tilpasning af Awareness-kit. Se \`docs/traenervejledning.md\` i Awareness-kit.

- \`org.yaml\`: jeres navn, kontaktpersoner, politikker, logo og farver.
- \`overlay/<modul-id>/scenes/<scene-id>.yaml\`: en scene, der erstatter modulets scene med samme id.
- \`overlay/<modul-id>/overlay.yaml\`: nye scener (\`add:\`) og scener, der udelades (\`remove:\`).

Forhåndsvisning: \`npm start -- --org <sti til denne mappe>/org.yaml\`
Pakker: \`npm run build -- --org <sti til denne mappe>/org.yaml\` → \`dist/${id}/packages/\`
`;

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const idAt = args.indexOf('--id');
  const id = idAt >= 0 ? args[idAt + 1] : undefined;
  const folder = args.find((a, i) => !a.startsWith('--') && !(idAt >= 0 && i === idAt + 1));
  if (!folder) {
    console.error('usage: npm run new-org -- <folder> [--id <organisation-id>]\n  e.g. npm run new-org -- ../vores-kommune');
    process.exit(2);
  }
  try {
    const { dir } = newOrg(folder, id);
    const org = relative(process.cwd(), join(dir, 'org.yaml')) || 'org.yaml';
    console.log(`Oprettet: ${org} og ${relative(process.cwd(), join(dir, 'overlay')) || 'overlay'}/\nRet org.yaml, og se resultatet med: npm start -- --org ${org}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
