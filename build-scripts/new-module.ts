/**
 * `npm run new-module -- <id> [--modules <dir>] [--title "…"] [--role frontline|sysadmin|manager]`
 *
 * Creates a new module folder <dir>/<id>/ (default dir: modules/) for trainers who are not
 * programmers: module.yaml, a README.md in Danish and one example scene of every kind (story,
 * decision with a branch that rejoins, quiz single / multiple / true-false / spot, reflection,
 * summary), each file commented in Danish field by field. The example is valid as it stands:
 * `npm run validate -- --modules <dir>` passes without errors or warnings, and it builds.
 * It never overwrites anything: an existing folder is refused.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { displayPath, formatProblem, YamlFile } from './yaml-file.js';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Id, type Role } from '../src/model/schema.js';

const root = resolve(import.meta.dirname, '..');
const DEFAULT_MODULES_DIR = join(root, 'modules');
/** The generated JSON Schemas for editors (npm run schema). */
const SCHEMA_DIR = join(root, 'modules', 'schema');

export const ROLES: readonly Role[] = ['frontline', 'sysadmin', 'manager'];
const ID_PATTERN = new RegExp(Id.pattern!);
const ID_MAX = Id.maxLength ?? 60;

export const USAGE = `usage: npm run new-module -- <id> [--org <org.yaml> | --modules <dir>] [--title "…"] [--role frontline|sysadmin|manager]
  <id>              the module's id and folder name: lower-case letters, digits and single dashes (e.g. sikker-print)
  --org <org.yaml>  put it in your organisation's overlay folder (beside org.yaml), as a module of your own
  --modules <dir>   the folder of modules to create it in (default: modules/)
  --title "…"       the module's title (default: a placeholder title)
  --role <role>     the one role it is for: frontline, sysadmin or manager (default: all staff, scored as frontline)`;

/** A refusal with a one-line message for the trainer (the CLI prints it and exits 1). */
export class NewModuleError extends Error {}

export interface NewModuleOptions {
  id: string;
  /** The folder of modules; the module goes into <modulesDir>/<id>/. */
  modulesDir: string;
  /** The module's title (Danish; also used for English until someone translates it). */
  title?: string;
  /** The one role the module is for; default: all three, scored against the front-line profile. */
  role?: Role;
  /** An organisation's org.yaml: the module goes into its overlay folder, and the README's commands name it. */
  orgFile?: string;
}

/** The ids of the example scenes, in order. */
export const SCENES = [
  'velkommen',
  'doeren-bag-dig',
  'senere-samme-dag',
  'forkert-modtager',
  'opslag-og-login',
  'nysgerrigt-opslag',
  'find-tegnene',
  'refleksion',
  'opsummering',
] as const;

/** The competence areas the example gives points in (all eight, so every role's profile is covered). */
export const AREAS = ['know-the-rules', 'need-to-know', 'protect-daily', 'recognise-threats', 'incidents', 'access', 'culture', 'vendors'] as const;

/**
 * Why `id` cannot be a module id, or undefined when it can.
 */
export function idProblem(id: string): string | undefined {
  if (!ID_PATTERN.test(id) || id.length > ID_MAX) {
    return `"${id}" is not a valid module id: use lower-case letters, digits and single dashes, e.g. "sikker-print" (no æ, ø, å or spaces; at most ${ID_MAX} characters)`;
  }
  return undefined;
}

/**
 * The path a `# yaml-language-server: $schema=…` line in a file in `fromDir` uses for
 * modules/schema/<file>: relative when the folder is inside this repository, else absolute.
 */
export function schemaRef(fromDir: string, file: string): string {
  // Relative, also outside the project: a folder kept beside it (../vores-kommune) can be shared or moved with it.
  return relative(resolve(fromDir), join(SCHEMA_DIR, file)).split(sep).join('/');
}

/** Creates <modulesDir>/<id>/ with the example module. Returns the folder and the files written (relative to it). */
export function newModule({ id, modulesDir, title, role, orgFile }: NewModuleOptions): { dir: string; files: string[] } {
  const problem = idProblem(id);
  if (problem) throw new NewModuleError(problem);
  if (role !== undefined && !ROLES.includes(role)) throw new NewModuleError(`--role must be frontline, sysadmin or manager (got "${role}")`);
  if (title !== undefined && title.trim() === '') throw new NewModuleError('--title needs a text, e.g. --title "Sikker print"');
  const dir = resolve(modulesDir, id);
  // In an organisation's overlay a folder named as a shipped module changes that module: a new module needs a new id.
  if (orgFile && existsSync(join(DEFAULT_MODULES_DIR, id, 'module.yaml'))) {
    throw new NewModuleError(`"${id}" is a shipped module; a module of your own needs an id of its own. To change "${id}", put only the scenes you change in ${join(dirname(resolve(orgFile)), 'overlay', id, 'scenes')}/`);
  }
  if (existsSync(dir)) throw new NewModuleError(`${dir} already exists; new-module never overwrites a folder. Choose another id, or move that folder away first`);

  const files: Record<string, string> = {
    'module.yaml': moduleYaml({ id, title: title?.replace(/\s+/g, ' ').trim(), role }, schemaRef(dir, 'module.schema.json')),
    'README.md': readme(id, resolve(modulesDir), role, orgFile),
  };
  const sceneRef = schemaRef(join(dir, 'scenes'), 'scene.schema.json');
  for (const [scene, text] of Object.entries(sceneFiles)) files[`scenes/${scene}.yaml`] = `# yaml-language-server: $schema=${sceneRef}\n${text}`;

  mkdirSync(resolve(modulesDir), { recursive: true });
  // Not recursive: fails if someone made the folder in the meantime, so nothing is ever overwritten.
  mkdirSync(dir);
  mkdirSync(join(dir, 'scenes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, { flag: 'wx' });
  return { dir, files: Object.keys(files) };
}

// ---------------------------------------------------------------------------------------------
// module.yaml

function moduleYaml({ id, title, role }: { id: string; title?: string; role?: Role }, schema: string): string {
  const yamlString = (s: string) => JSON.stringify(s); // a JSON string is a valid double-quoted YAML string
  const titleBlock = title
    ? `title:
  da: ${yamlString(title)}
  # Skriv den engelske titel her (indtil da står den danske titel også på engelsk).
  # (Write the English title here.)
  en: ${yamlString(title)}`
    : `title:
  da: "Eksempelmodul: En uge med sikkerhed i hverdagen"
  en: "Example module: a week of security at work"`;
  const rolesBlock = role
    ? `# roles: hvem modulet er for – frontline (frontpersonale), sysadmin (systemforvaltere),
#        manager (ledere). Scoren måles mod kompetenceprofilen for den FØRSTE rolle i listen.
#        Modulet er lavet til én rolle. Skal det gælde alle ansatte, så skriv alle tre, med den
#        profil, scoren skal måles imod, først (de moduler, der følger med, bruger frontline).
#        (Tjekkes modulet alene i sin egen mappe, advarer validate om de andre rollers profiler;
#        i projektets modules/ dækker de andre moduler dem.)
#        (Who the module is for; the first role's competence profile is used for scoring.)
roles:
  - ${role}`
    : `# roles: hvem modulet er for – frontline (frontpersonale), sysadmin (systemforvaltere),
#        manager (ledere). Scoren måles mod kompetenceprofilen for den FØRSTE rolle i listen.
#        Her er modulet for alle ansatte og måles mod frontpersonalets profil, som i de andre
#        moduler for alle. Er modulet kun for én rolle, så behold kun den linje.
#        (Tjekkes modulet alene i sin egen mappe, advarer validate så om de andre rollers
#        profiler; i projektets modules/ dækker de andre moduler dem.)
#        (Who the module is for; the first role's competence profile is used for scoring.)
roles:
  - frontline
  - sysadmin
  - manager`;
  return `# yaml-language-server: $schema=${schema}
#
# MODULETS HOVEDFIL – module.yaml
# (The module's main file: its name, who it is for, how it is scored, and its scenes in order.)
#
# Filen er lavet af "npm run new-module". Alt indholdet er et EKSEMPEL, som du retter til og
# erstatter med dit eget. Linjer, der starter med #, er kommentarer: de vises ikke for deltageren,
# og du kan slette dem, når du ikke har brug for dem mere.
#
# Hvert felt er forklaret herunder og i docs/authoring.md. Læs også README.md i denne mappe.
# Tjek altid dine ændringer med "npm run validate" (se README.md) – den siger præcist, hvilken
# fil, linje og kolonne der er noget galt i.
#
# Tekster skrives som { da: …, en: … }: dansk skal altid være der; engelsk (en) vises for
# engelsksprogede deltagere og falder tilbage til dansk, hvis det mangler.
# Alle personer, firmaer og adresser i eksemplet er opdigtede.

# id: modulets faste id. Skal være det samme som mappens navn. Kun små bogstaver (a-z), tal og
#     enkelte bindestreger – ingen æ, ø, å eller mellemrum. Skift det ikke, når modulet er i brug
#     i LMS'et: det indgår i pakkens identifikator og i deltagernes gemte forløb.
#     (Stable id = folder name; do not change it once the module is in use.)
id: ${id}

# version: vises i LMS'ets manifest. Hæv den, når du udgiver en ny udgave (fx 1.0.0 → 1.1.0).
#          (Semantic version, shown in the LMS.)
version: 0.1.0

# title: modulets titel, som deltageren og LMS'et ser den. Et kolon i teksten kræver anførselstegn.
#        (The title; put it in quotes if it contains a colon.)
${titleBlock}

# description: 2–4 sætninger om, hvad deltageren møder og træner. Vises i LMS'et.
#              ">" betyder: de følgende linjer er én tekst, og linjeskift bliver til mellemrum.
#              (What the learner will meet and practise; ">" folds the lines into one paragraph.)
description:
  da: >
    Følg en ny medarbejder gennem den første uge i {{organisation}}: en fremmed ved personaleindgangen,
    en mail til den forkerte modtager, et nysgerrigt opslag og en mail fra en "leverandør", der vil
    have borgeroplysninger. Du træner at tjekke først, at melde fejl med det samme og kun at bruge
    oplysninger, når opgaven kræver det.
  en: >
    Follow a new member of staff through their first week at {{organisation}}: a stranger at the staff
    entrance, an email to the wrong recipient, a curious look-up and an email from a "vendor" who
    wants citizens' data. You practise checking first, reporting mistakes straight away and using
    data only when the task needs it.

${rolesBlock}

# minutes: hvor mange minutter modulet cirka tager. De moduler, der følger med, tager 10–20 minutter.
#          (Estimated time in minutes.)
minutes: 10

# passingScore: den andel af de mulige point, der skal til for at bestå: 0.8 betyder 80 %.
#               Skriv et tal mellem 0 og 1 – ikke 80. LMS'ets egen beståelsesgrænse går forud.
#               (Share of the points needed to pass, 0..1.)
passingScore: 0.8

# license: licensen for indholdet. CC-BY-4.0 er den samme som for de andre moduler.
license: CC-BY-4.0

# competences: de kompetenceområder, modulet træner – id'er fra modules/competence-framework.yaml.
#              Hvert område her skal få point i mindst én beslutning eller quiz, og en scene må
#              kun give point i områder, der står her. Stryger du en scene, så tjek listen.
#              (The competence areas the module trains; each must get points somewhere.)
#   know-the-rules     K1 Kend reglerne                      (forkert-modtager, opslag-og-login)
#   need-to-know       K2 Need-to-know og etisk dømmekraft   (opslag-og-login, nysgerrigt-opslag)
#   protect-daily      K3 Beskyt oplysninger i hverdagen     (doeren-bag-dig, find-tegnene)
#   recognise-threats  K4 Genkend trusler og manipulation    (doeren-bag-dig, find-tegnene)
#   incidents          K5 Håndter brud og hændelser          (forkert-modtager, nysgerrigt-opslag)
#   access             K6 Adgangsstyring og kontrol          (doeren-bag-dig, opslag-og-login)
#   culture            K7 Sikkerhedskultur og dialog         (doeren-bag-dig, forkert-modtager, nysgerrigt-opslag)
#   vendors            K8 Leverandører og databehandlere     (doeren-bag-dig, find-tegnene)
competences:
${AREAS.map((a) => `  - ${a}`).join('\n')}

# scenes: scenerne i den rækkefølge, deltageren møder dem. Hver scene ligger i scenes/<id>.yaml.
#         Den sidste skal være opsummeringen (type: summary). Vil du tilføje en scene, så lav en ny
#         fil i scenes/ (kopiér en, der ligner) og skriv dens id her, hvor den skal stå.
#         (Scene ids in order; each is scenes/<id>.yaml; the summary comes last.)
#
# Forgreningen (the branch): i doeren-bag-dig springer det bedste valg direkte til
# forkert-modtager (med "next"). De to andre valg fortsætter til den næste scene i listen,
# senere-samme-dag, som viser følgerne – og derfra videre til forkert-modtager. Så samles
# sporene igen, og alle deltagere møder lige mange pointgivende spørgsmål.
scenes:
  - velkommen            # story: rammen – en velkomstmail
  - doeren-bag-dig       # decision: en fremmed vil ind ad personaleindgangen (forgrener)
  - senere-samme-dag     # story: kun efter de to dårligere valg i doeren-bag-dig
  - forkert-modtager     # quiz, single: en mail til den forkerte – hvad gør du først?
  - opslag-og-login      # quiz, multiple: hvad er ikke i orden?
  - nysgerrigt-opslag    # quiz, true-false: tie stille om et nysgerrigt opslag?
  - find-tegnene         # quiz, spot: find tegnene i en falsk leverandørmail
  - refleksion           # reflection: og hos dig?
  - opsummering          # summary: resultatet – altid sidst
`;
}

// ---------------------------------------------------------------------------------------------
// README.md

function readme(id: string, modulesDir: string, role?: Role, orgFile?: string): string {
  const inRepo = relative(root, modulesDir);
  const outside = inRepo.startsWith('..') || isAbsolute(inRepo);
  const shown = outside ? modulesDir : inRepo.split(sep).join('/');
  const isDefault = modulesDir === DEFAULT_MODULES_DIR;
  const folder = `${shown}/${id}`;
  // A module of an organisation's own is checked and built with the organisation (--org).
  const org = orgFile && (relative(root, orgFile).startsWith('..') ? orgFile : relative(root, orgFile).split(sep).join('/'));
  const validate = org ? `npm run validate -- --org ${org}` : isDefault ? 'npm run validate' : `npm run validate -- --modules ${shown}`;
  const distDir = org ? 'dist/<jeres id>' : isDefault ? 'dist' : (outside ? join(dirname(modulesDir), `${basename(modulesDir)}-dist`) : `${shown}-dist`);
  const build = org ? `npm run build -- --org ${org}` : isDefault ? 'npm run build' : `npm run build -- --modules ${shown} --dist ${distDir}`;
  return `# Eksempelmodul: ${id}

Denne mappe er lavet med \`npm run new-module\`. Den indeholder et **færdigt, gyldigt eksempel** på et
modul, som du retter til og erstatter med dit eget indhold. Alle filer er kommenteret på dansk, felt
for felt – begynd med \`module.yaml\`, og læs derefter scenerne i rækkefølge. Den fulde beskrivelse af
formatet står i \`docs/authoring.md\` i projektet.

## Hvad er modulet

Et modul er et kort (10–20 min) forløb gennem realistiske, opdigtede situationer, hvor deltageren
vælger, får en forklaring på *hvorfor* og ser følgerne. Point gives i kompetenceområderne fra
\`modules/competence-framework.yaml\`, så HR kan se, hvilke kompetencer hver rolle mestrer.

Eksemplet følger en ny medarbejder i Åby Kommune (en opdigtet kommune) gennem den første uge og viser
**én scene af hver slags**:

| fil i \`scenes/\` | type | hvad den viser |
|---|---|---|
| \`velkommen.yaml\` | \`story\` | en situation gennem en mail (\`medium: email\`) |
| \`doeren-bag-dig.yaml\` | \`decision\` | et dilemma med 3 valg, hver med forklaring, følge og point; det bedste valg springer frem (\`next\`) |
| \`senere-samme-dag.yaml\` | \`story\` | forgreningen: kun efter de to dårligere valg; derefter samles sporene igen |
| \`forkert-modtager.yaml\` | \`quiz\`, \`single\` | ét rigtigt svar |
| \`opslag-og-login.yaml\` | \`quiz\`, \`multiple\` | flere rigtige svar |
| \`nysgerrigt-opslag.yaml\` | \`quiz\`, \`true-false\` | sandt eller falsk |
| \`find-tegnene.yaml\` | \`quiz\`, \`spot\` | find tegnene: deltageren markerer de mistænkelige steder i en mail |
| \`refleksion.yaml\` | \`reflection\` | fri tekst, der bliver på deltagerens egen computer |
| \`opsummering.yaml\` | \`summary\` | resultatet og kompetenceprofilen – altid sidst |

## Sådan retter du modulet

- Filerne er YAML: \`felt: værdi\`, og indrykning med **mellemrum** (aldrig tabulator) viser, hvad der
  hører sammen. Linjer, der begynder med \`#\`, er kommentarer og vises ikke for deltageren.
- Hver tekst har en dansk (\`da\`) og en engelsk (\`en\`) udgave. Dansk skal altid være der.
- Du må bruge Markdown i teksterne: \`**fed**\`, \`*kursiv*\`, lister med \`-\`. HTML vises som tekst.
- En værdi, der begynder med \`{\`, \`[\`, \`"\`, \`*\` eller indeholder \`: \`, skal stå i anførselstegn.
- \`{{securityContact.name}}\` og \`{{securityContact.phone}}\` er **variable**: de udfyldes med kommunens egne
  oplysninger fra \`modules/org.yaml\` (eller jeres egen org-fil), så du ikke skal skrive navne og numre
  ind i hver scene.
- Id'er (modulets, scenernes og svarenes) er små bogstaver, tal og bindestreger. Skift dem ikke, når
  modulet er taget i brug – så starter deltagere med gemt forløb forfra. Tekster må du altid rette.
- **Ny scene:** kopiér en scenefil af samme slags, giv den et nyt filnavn (= scenens \`id\`), og skriv id'et
  i \`scenes:\` i \`module.yaml\`, dér hvor den skal stå. **Fjern en scene:** slet filen og linjen.
- Point gives pr. kompetenceområde (0–10). Hvert område under \`competences:\` i \`module.yaml\` skal få point
  et sted, og scenerne må kun give point i de områder, der står der.
- Brug kun opdigtede personer, adresser under \`.example\` (fx \`aaby-kommune.example\`) og ugyldige
  CPR-numre (fx \`123456-7890\`, måned 34 findes ikke).

## Se, tjek og byg modulet

Kør kommandoerne i projektets mappe (der, hvor \`package.json\` ligger):

\`\`\`sh
${validate}    # tjek alle filer; fejl vises som fil:linje:kolonne
${build}    # byg pakkerne (SCORM, xAPI, cmi5 og web)
\`\`\`

- **Tjek** efter hver ændring. \`validate\` finder stavefejl i felter, manglende dansk tekst, forgreninger
  til scener, der ikke findes, point i ukendte områder, et valg, der aldrig kan give fuld score, og meget
  mere – og siger, hvor i hvilken fil fejlen er.
- **Se modulet som deltager:** byg, og åbn \`${distDir}/web/${id}/index.html\` i en browser (det virker
  direkte fra filsystemet).
- **Pakkerne til LMS'et** ligger bagefter i \`${distDir}/packages/${id}-scorm12.zip\`, \`-scorm2004.zip\`,
  \`-xapi.zip\`, \`-cmi5.zip\` og \`-web.zip\`.
${isDefault ? '' : `- Modulet ligger i \`${folder}\`. Flyttes det til projektets \`modules/\`, bygges det med de andre moduler
  (\`npm run build\`).
`}${isDefault || !role ? '' : `- Modulet er kun for rollen \`${role}\`. Når det tjekkes alene i sin mappe, advarer \`validate\` om, at
  områderne i de andre rollers kompetenceprofiler ikke trænes af noget modul (\`there are none yet\`).
  Det er forventet og ikke en fejl: i projektets \`modules/\` dækker de andre moduler dem.
`}
## Før modulet tages i brug

- Erstat eksemplets tekster med jeres egne situationer, og ret titel, beskrivelse, roller og minutter i
  \`module.yaml\`.
- De moduler, der følger med projektet, har mindst 8 pointgivende spørgsmål på hvert spor, mindst 2
  forgreninger, hvis følger viser sig senere, og tager 10–20 minutter. Eksemplet har 5 pointgivende
  spørgsmål og 1 forgrening – tilføj flere, når du skriver dit eget.
- Lad kommunens databeskyttelsesrådgiver (DPO) og IT-afdeling gennemse formuleringerne, især hvordan man
  melder fejl og hændelser hos jer.
`;
}

// ---------------------------------------------------------------------------------------------
// The scenes (each file gets its yaml-language-server line in front)

const sceneFiles: Record<(typeof SCENES)[number], string> = {
  velkommen: `#
# SCENE: FORTÆLLING (type: story) – en situation, deltageren læser. Giver ingen point.
# (A story: a situation to read, here shown as an e-mail. No points.)
#
# Eksemplet: velkomstscenen sætter rammen og præsenterer sikkerhedskoordinatoren. Den viser, hvordan
# en mail vises med "medium". Personerne er opdigtede; navn og telefonnummer kommer fra org-filen.

# id: scenens id – skal være det samme som filnavnet (velkommen.yaml → velkommen) og stå i
#     "scenes:" i module.yaml. Små bogstaver, tal og bindestreger. (Must equal the file name.)
id: velkommen

# type: hvilken slags scene: story, decision, quiz, reflection eller summary.
type: story

# title: overskriften på scenen, på dansk og engelsk. (The heading, in Danish and English.)
title:
  da: Din første uge
  en: Your first week

# body: selve teksten (valgfri). "|" betyder: teksten fortsætter på de indrykkede linjer, og
#       linjeskift bevares. En tom linje giver et nyt afsnit. Markdown virker: **fed**, *kursiv*.
#       (Optional text; "|" keeps line breaks, an empty line starts a new paragraph.)
body:
  da: |
    Du er lige startet i administrationen i {{organisation}}. I løbet af ugen møder du nogle af de situationer, hvor informationssikkerhed gør en forskel: en fremmed ved døren, en mail til den forkerte, et nysgerrigt opslag og en mail fra en leverandør, der ikke er, hvad den giver sig ud for.

    Efter hvert valg får du en forklaring. Læs den – det er der, det vigtigste står.

    Første morgen ligger der en mail fra kommunens sikkerhedskoordinator i din indbakke.
  en: |
    You have just started in the administration at {{organisation}}. During the week you will meet some of the situations where information security makes a difference: a stranger at the door, an email to the wrong person, a curious look-up and an email from a vendor that isn't what it claims to be.

    After each choice you get an explanation. Do read it – that's where the most important points are.

    On your first morning there is an email from the municipality's security coordinator in your inbox.

# medium: (valgfri) situationen vist som en efterligning af en mail, et opkald, en chat, en sms,
#         en samtale ved skranken eller et skærmbillede. (Optional mock of the medium.)
#   kind: email   → from, to, subject, body, og valgfri attachment (som her)
#   kind: phone, chat, sms eller counter → caller (valgfri) og lines: en liste af { who, text }
#                   (se doeren-bag-dig.yaml og senere-samme-dag.yaml)
#   kind: screen  → system, fields: en liste af { label, value }, og valgfri note
# Intet i en efterlignet mail kan klikkes: adresser og links vises bare som tekst.
medium:
  kind: email
  # from, to: afsender og modtager – almindelig tekst (ikke { da, en }); den gælder begge sprog.
  # Værdien begynder med "{", så den SKAL stå i anførselstegn. (Quote values that start with "{".)
  # {{securityContact.name}} er en variabel: den udfyldes fra org-filen (modules/org.yaml).
  from: "{{securityContact.name}} (sikkerhedskoordinator)"
  to: dig@aaby-kommune.example
  # subject, body: mailens emne og tekst, på dansk og engelsk.
  subject:
    da: Velkommen – tre ting om sikkerhed
    en: Welcome – three things about security
  body:
    da: |
      Hej og velkommen!

      Tre ting, du skal vide fra første dag:

      1. **Dit log-in og dit adgangskort er personlige.** Du låner dem ikke ud – heller ikke til en kollega.
      2. **Slå kun op, når opgaven kræver det.** Alle opslag i vores systemer bliver logget.
      3. **Sig til med det samme, hvis noget går galt.** Ring til mig på {{securityContact.phone}}. Ingen bliver skældt ud for at melde en fejl.

      Venlig hilsen
      {{securityContact.name}}, sikkerhedskoordinator
    en: |
      Hello and welcome!

      Three things you need to know from day one:

      1. **Your log-in and your access card are personal.** You don't lend them to anyone – not even a colleague.
      2. **Only look things up when the task needs it.** Every look-up in our systems is logged.
      3. **Speak up straight away if something goes wrong.** Call me on {{securityContact.phone}}. Nobody gets told off for reporting a mistake.

      Kind regards
      {{securityContact.name}}, security coordinator
  # attachment: (valgfri) navnet på en vedhæftet fil – kun et navn, der er ingen fil.
  attachment: Sikkerhed-paa-tre-minutter.pdf

# next: (valgfri) gå til en bestemt senere scene i stedet for den næste i listen.
#       Her er den ikke brugt. (Optional: jump forward to another scene.)
`,

  'doeren-bag-dig': `#
# SCENE: BESLUTNING (type: decision) – et dilemma. Deltageren vælger ét svar og får en forklaring.
# (A decision: the learner picks one option and gets feedback, a consequence and points.)
#
# Eksemplet: en fremmed uden adgangskort vil ind ad personaleindgangen ("tailgating"). Tre valg:
#   hold-doeren   – dårligst, ingen point                 → fortsætter til senere-samme-dag
#   foelg-med     – halvt godt, nogle point               → fortsætter til senere-samme-dag
#   ring-og-tjek  – bedst, fuld score                     → springer til forkert-modtager (next)
# FORGRENINGEN (the branch): kun ring-og-tjek har "next". De to andre fortsætter til den næste
# scene i listen i module.yaml, senere-samme-dag, som viser følgerne og derefter går videre til
# forkert-modtager. Så samles sporene igen.
# Personen og firmaet "Printservice" er opdigtede.

# id: scenens id = filnavnet (doeren-bag-dig.yaml). type: decision = et dilemma.
# title: overskriften, på dansk og engelsk.
id: doeren-bag-dig
type: decision
title:
  da: Døren bag dig
  en: The door behind you

# medium: her en samtale ansigt til ansigt (kind: counter). caller er den, du taler med;
#         lines er replikkerne, hver med who (hvem der taler) og text (hvad der bliver sagt).
#         Til et telefonopkald: kind: phone (og outgoing: true, hvis det er dig, der ringer).
#         (Here a face-to-face conversation; use kind: phone for a call.)
medium:
  kind: counter
  caller:
    da: En mand i arbejdstøj med logo fra "Printservice"
    en: A man in work clothes with a "Printservice" logo
  lines:
    - who: { da: Manden ved døren, en: The man at the door }
      text:
        da: >
          Hej! Jeg skal skifte en printer på 2. sal, men jeg har glemt mit gæstekort i bilen.
          Kan du ikke lige lukke mig ind med dit kort? Jeg har travlt – jeg har tre kunder mere i dag.
        en: >
          Hi! I'm here to replace a printer on the second floor, but I've left my visitor's card in
          the van. Could you just let me in with your card? I'm in a hurry – I've got three more
          customers today.

# prompt: spørgsmålet, deltageren skal tage stilling til. (The question.)
prompt:
  da: >
    Du er på vej ind ad personaleindgangen med dit adgangskort. Du har ikke hørt om nogen
    printerreparation. Hvad gør du?
  en: >
    You're on your way in through the staff entrance with your access card. You haven't heard of
    any printer repair. What do you do?

# options: 2–10 valg. Deltageren ser dem i tilfældig rækkefølge (skriv "shuffle: false" under
#          prompt, hvis rækkefølgen betyder noget). Henvis derfor aldrig til et valg som "det
#          første" i en forklaring – nævn, hvad det går ud på.
#          Gør valgene lige lange og lige troværdige: de dårlige skal lyde som noget, en travl,
#          velmenende kollega virkelig ville gøre. (Keep options alike in length and plausibility.)
# Hvert valg har:
#   id          – valgets faste id (små bogstaver, tal, bindestreger)
#   text        – det, deltageren vælger
#   feedback    – hvorfor det er (eller ikke er) et godt valg, med reglen, og hvad man gør i stedet
#   consequence – (valgfri) hvad der sker bagefter
#   points      – point pr. kompetenceområde, 0–10. Det bedste valg skal give mindst lige så mange
#                 point som de andre i HVERT område (ellers kan ingen få fuld score). Skriv gerne 0
#                 for de områder, et dårligt valg ikke giver noget i – så kan man se, at det er med vilje.
#   next        – (valgfri) en forgrening: gå til denne scene bagefter. Kun fremad i listen.
options:
  - id: hold-doeren
    text:
      da: Du holder døren for ham. Han har firmatøj og værktøjskasse, og det er pinligt at lade ham stå og vente.
      en: You hold the door for him. He has company clothes and a toolbox, and it feels awkward to leave him waiting.
    feedback:
      da: |
        Det er venligt, og det føles naturligt – men firmatøj, en værktøjskasse og travlhed kan alle skaffe sig. Når du holder døren, kommer en fremmed forbi adgangskontrollen, og alle i huset stoler på, at dem, der går rundt på gangene, har ret til at være der.

        **Gør i stedet sådan:** Bed ham vente udenfor, og ring til IT-servicedesken på det nummer, du kender fra intranettet – ikke et nummer, han giver dig. En rigtig tekniker har en aftale og venter gerne.
      en: |
        It's kind, and it feels natural – but company clothes, a toolbox and a hurry are easy to come by. When you hold the door, a stranger gets past the access control, and everyone in the building trusts that the people in the corridors have a right to be there.

        **Instead:** ask him to wait outside, and ring the IT service desk on the number you know from the intranet – not a number he gives you. A real technician has an appointment and won't mind waiting.
    consequence:
      da: Han takker og går hurtigt op ad trappen. Du tænker ikke mere over det.
      en: He thanks you and heads quickly up the stairs. You don't give it another thought.
    points: { recognise-threats: 0, protect-daily: 0, access: 0, vendors: 0, culture: 0 }
    # Ingen "next": deltageren fortsætter til den næste scene i listen, senere-samme-dag.

  - id: foelg-med
    text:
      da: Du lukker ham ind, men følger ham op til printeren på 2. sal og bliver hos ham, til han er færdig.
      en: You let him in, but walk him up to the printer on the second floor and stay with him until he's done.
    feedback:
      da: |
        Godt, at du holder øje med ham – det er bedre end at lukke ham ind og gå. Men du ved stadig ikke, om han har en aftale, og du kan ikke følge ham hele tiden. Han er allerede inde forbi adgangskontrollen.

        **Gør i stedet sådan:** Tjek først, og luk ind bagefter. Ring til IT-servicedesken på det kendte nummer, mens han venter udenfor.
      en: |
        Good that you keep an eye on him – better than letting him in and walking off. But you still don't know whether he has an appointment, and you can't follow him all the time. He is already past the access control.

        **Instead:** check first, let in afterwards. Ring the IT service desk on the number you know while he waits outside.
    consequence:
      da: Ved printeren får han et opkald og siger, at han lige skal hente en reservedel i bilen. Du går tilbage til dit skrivebord.
      en: At the printer he takes a call and says he just has to fetch a spare part from the van. You go back to your desk.
    points: { recognise-threats: 1, protect-daily: 1, access: 0, vendors: 0, culture: 0 }

  - id: ring-og-tjek
    text:
      da: Du beder ham vente udenfor, mens du ringer til IT-servicedesken på det kendte nummer og spørger til aftalen.
      en: You ask him to wait outside while you ring the IT service desk on the number you know and ask about the job.
    feedback:
      da: |
        Sådan! En fremmed uden adgangskort, en aftale, du ikke kender til, og lidt travlhed er klassiske tegn på, at nogen prøver at snige sig ind (på engelsk *tailgating*). Adgang til huset følger et arbejdsbehov, præcis som adgang til systemerne – og leverandørers besøg aftales i forvejen.

        Det er ikke uhøfligt at tjekke. En rigtig tekniker venter gerne to minutter, og du beskytter både dine kolleger og borgernes oplysninger.
      en: |
        That's the way. A stranger without an access card, an appointment you know nothing about and a bit of a rush are classic signs of someone trying to slip in (*tailgating*). Access to the building follows a work need, just like access to the systems – and vendors' visits are arranged in advance.

        Checking isn't rude. A real technician will happily wait two minutes, and you protect both your colleagues and citizens' data.
    consequence:
      da: IT-servicedesken kender ikke til nogen aftale med Printservice. Da du kommer tilbage til døren, er manden gået. IT sender en advarsel til hele huset – og siger tak for opkaldet.
      en: The IT service desk knows of no appointment with Printservice. When you get back to the door, the man has gone. IT sends a warning to the whole building – and thanks you for calling.
    points: { recognise-threats: 2, protect-daily: 1, access: 1, vendors: 1, culture: 1 }
    # Forgreningen: det bedste valg springer senere-samme-dag over og går direkte til forkert-modtager.
    next: forkert-modtager
`,

  'senere-samme-dag': `#
# SCENE: FORTÆLLING (type: story) – FORGRENINGEN. Kun deltagere, der valgte hold-doeren eller
# foelg-med i doeren-bag-dig, ser denne scene (det bedste valg springer den over med "next").
# Bagefter fortsætter alle til den næste scene i listen, forkert-modtager: sporene samles igen.
# (The branch: only seen after the two poorer choices; then the paths rejoin.)
# Giver ingen point, så alle spor har lige mange pointgivende spørgsmål.

# id: = filnavnet. type: story = en fortælling. title: overskriften.
id: senere-samme-dag
type: story
title:
  da: Senere samme dag
  en: Later that day
# body: teksten over beskeden. "*…*" giver kursiv.
body:
  da: |
    Kl. 14.30 dukker der en besked op fra IT-servicedesken. Du tænker på manden ved døren i morges.

    *Det er ikke for sent at sige til.* Ring til IT-servicedesken, og fortæl, hvad du har set: hvornår, hvordan han så ud, og hvor han gik hen. Jo før de ved det, desto mere kan de gøre for at begrænse skaden.
  en: |
    At 2:30 pm a message pops up from the IT service desk. You think of the man at the door this morning.

    *It's not too late to speak up.* Ring the IT service desk and tell them what you saw: when, what he looked like and where he went. The sooner they know, the more they can do to limit the damage.
# medium: her en chatbesked (kind: chat). caller kan udelades; lines er beskederne.
medium:
  kind: chat
  lines:
    - who: { da: IT-servicedesk, en: IT service desk }
      text:
        da: >
          Advarsel til alle: I formiddags har en mand, der sagde, at han kom fra Printservice, været
          inde i huset. Der var ingen aftale. En bærbar computer mangler fra mødelokale 2.14. Har du
          set ham eller lukket ham ind, så ring til os – det er vigtigt, at vi hører det nu.
        en: >
          Warning to everyone: this morning a man who said he was from Printservice got into the
          building. There was no appointment. A laptop is missing from meeting room 2.14. If you saw
          him or let him in, please ring us – it's important that we hear about it now.
# Ingen "next": deltageren fortsætter til den næste scene i listen, forkert-modtager.
`,

  'forkert-modtager': `#
# SCENE: QUIZ MED ÉT RIGTIGT SVAR (type: quiz, question: single)
# (A single-choice question: exactly one option is correct.)
#
# Eksemplet: du har sendt en mail med borgeroplysninger til en forkert modtager. Hvad gør du først?
# Træner at melde et brud med det samme (databeskyttelsesforordningens art. 33: 72 timer).
# Personerne er opdigtede.

# id: = filnavnet (forkert-modtager.yaml). type: quiz = et spørgsmål med point.
id: forkert-modtager
type: quiz

# question: hvilken slags quiz: single (ét rigtigt svar), multiple (et eller flere rigtige svar),
#           true-false (sandt/falsk) eller spot (find tegnene i en mail eller et skærmbillede).
question: single

# title: overskriften, på dansk og engelsk.
title:
  da: Mailen til den forkerte Jens Hansen
  en: The email to the wrong Jens Hansen

# prompt: spørgsmålet. ">" lægger linjerne sammen til én tekst.
prompt:
  da: >
    Du har lige sendt en mail med en borgers sagsakter til en Jens Hansen uden for kommunen – ikke
    ham i Jobcentret, som skulle have den. Hvad gør du først?
  en: >
    You've just sent an email with a citizen's case papers to a Jens Hansen outside the municipality
    – not the one at the Jobcentre who was meant to get it. What do you do first?

# options: 2–10 svar, hver med id, text og correct (true eller false). Ved single er præcis ét
#          svar correct: true. Svarene vises i tilfældig rækkefølge. Gør dem lige lange og troværdige.
#          (Exactly one option has correct: true.)
options:
  - id: meld-straks
    text:
      da: Du melder det med det samme til din leder eller sikkerhedskoordinatoren, så kommunen kan vurdere fejlen.
      en: You report it straight away to your manager or the security coordinator, so the municipality can assess it.
    correct: true
  - id: bed-om-sletning
    text:
      da: Du skriver til modtageren og beder ham slette mailen. Svarer han ja, er sagen dermed løst for din del.
      en: You write to the recipient and ask him to delete the email. If he says yes, that settles it for your part.
    correct: false
  - id: vent-og-se
    text:
      da: Du venter til i morgen og ser, om modtageren reagerer – måske har han slet ikke åbnet mailen endnu.
      en: You wait until tomorrow and see whether the recipient reacts – perhaps he hasn't even opened the email.
    correct: false
  - id: teammoede
    text:
      da: Du sender mailen til den rigtige modtager og tager fejlen op på næste teammøde, så andre lærer af den.
      en: You send the email to the right recipient and raise the mistake at the next team meeting, so others learn.
    correct: false

# explanation: vises efter svaret, uanset om det var rigtigt eller forkert. Gennemgå gerne hvert
#              svar (ved navn, ikke ved placering) og hvad man gør i stedet.
#              (Shown after answering, right or wrong.)
explanation:
  da: |
    **Meld det med det samme.** En mail med borgeroplysninger til en forkert modtager er et brud på persondatasikkerheden. Kommunen skal vurdere det og måske anmelde det til Datatilsynet inden for 72 timer (databeskyttelsesforordningens artikel 33) – og uret begynder at gå, når fejlen er opdaget.

    At bede modtageren slette mailen er en god idé, men ikke nok alene: Du kan ikke selv afgøre, om bruddet skal anmeldes, eller om borgeren skal have besked. At vente gør kun fristen kortere, og næste teammøde er for sent.

    Kontakt din leder eller sikkerhedskoordinator {{securityContact.name}} på tlf. {{securityContact.phone}}. Alle kommer til at sende en mail forkert en dag – det vigtige er, at du siger det hurtigt.
  en: |
    **Report it straight away.** An email with citizens' data sent to the wrong recipient is a personal data breach. The municipality must assess it and may have to notify the Danish Data Protection Agency (Datatilsynet) within 72 hours (Article 33 of the GDPR) – and the clock starts when the mistake is discovered.

    Asking the recipient to delete the email is a good idea, but not enough on its own: you can't decide yourself whether the breach must be notified or the citizen told. Waiting only shortens the deadline, and the next team meeting is too late.

    Contact your manager or the security coordinator, {{securityContact.name}}, on {{securityContact.phone}}. Everyone sends an email to the wrong person one day – what matters is that you say so quickly.

# points: point pr. kompetenceområde. En quiz giver kun point for et helt rigtigt svar.
#         (All points, only for a fully correct answer.)
points: { incidents: 2, know-the-rules: 1, culture: 1 }
`,

  'opslag-og-login': `#
# SCENE: QUIZ MED FLERE RIGTIGE SVAR (type: quiz, question: multiple)
# (A multiple-choice question: at least one option is correct; the learner must pick all of them.)
#
# Eksemplet: hvilke opslag og handlinger er ikke i orden? Træner need-to-know (slå kun op, når
# opgaven kræver det) og at et log-in er personligt. Spillet tilføjer selv "vælg alle, der passer".

# id: = filnavnet. type: quiz. question: multiple = et eller flere rigtige svar.
id: opslag-og-login
type: quiz
question: multiple
# title: overskriften. prompt: spørgsmålet – **…** giver fed skrift.
title:
  da: Hvad er ikke i orden?
  en: What isn't all right?
prompt:
  da: >
    Du har fået adgang til sagssystemet. Hvilke af disse er **ikke** i orden?
  en: >
    You've been given access to the case system. Which of these are **not** all right?

# options: ved multiple skal mindst ét svar have correct: true. Deltageren får kun point, hvis
#          præcis de rigtige er valgt. Her er "correct: true" de svar, der IKKE er i orden – fordi
#          spørgsmålet spørger efter dem.
options:
  - id: nabo
    text:
      da: At slå din nye nabo op i sagssystemet for at se, hvem hun er
      en: Looking up your new neighbour in the case system to see who she is
    correct: true
  - id: kendt-person
    text:
      da: At kigge i sagen om en kendt lokalpolitiker, som har været i avisen
      en: Looking at the case of a well-known local politician who has been in the paper
    correct: true
  - id: laan-login
    text:
      da: At lade en vikar bruge dit log-in, mens hans eget bliver oprettet
      en: Letting a temp use your log-in while his own is being set up
    correct: true
  - id: moede
    text:
      da: At slå borgeren op, som du om lidt skal holde møde med om hendes sag
      en: Looking up the citizen you're about to meet about her case
    correct: false
  - id: skaermlaas
    text:
      da: At låse skærmen med Windows-tasten og L, når du går fra pladsen
      en: Locking your screen with the Windows key and L when you leave your desk
    correct: false

# shuffle: (valgfri) skriv "shuffle: false", hvis svarene skal stå i den skrevne rækkefølge.
#          Standard er tilfældig rækkefølge. (Default: random order per learner.)

# explanation: vises efter svaret. Nævn svarene ved indhold, ikke ved placering (de blandes).
explanation:
  da: |
    **Naboen, lokalpolitikeren og det lånte log-in er ikke i orden.** Du må kun slå borgere op, når en arbejdsopgave kræver det (*need-to-know*). Nysgerrighed er ikke et arbejdsmæssigt behov – heller ikke når personen er kendt eller bor ved siden af. Opslag bliver logget, og kommunen laver stikprøver.

    Dit log-in er personligt. Alt, hvad vikaren gør med det, står i loggen i dit navn, og han får adgang til mere, end hans opgave kræver. Hjælp ham i stedet med at få sin egen adgang – det klarer IT-servicedesken eller jeres leder.

    **At slå borgeren op før mødet om hendes sag og at låse skærmen er helt i orden:** Det første er netop et arbejdsmæssigt behov, og det sidste beskytter oplysningerne, når du går fra pladsen.
  en: |
    **The neighbour, the local politician and the borrowed log-in are not all right.** You may only look up citizens when a work task needs it (*need-to-know*). Curiosity is not a work need – not even when the person is well known or lives next door. Look-ups are logged, and the municipality does spot checks.

    Your log-in is personal. Everything the temp does with it appears in the log in your name, and he gets access to more than his task needs. Help him get his own access instead – the IT service desk or your manager can sort that out.

    **Looking up the citizen before the meeting about her case and locking your screen are perfectly fine:** the first is exactly a work need, and the second protects the data when you leave your desk.
# points: point pr. kompetenceområde – kun for et helt rigtigt svar (alle de rigtige og intet andet).
points: { need-to-know: 2, access: 2, know-the-rules: 1 }
`,

  'nysgerrigt-opslag': `#
# SCENE: SANDT ELLER FALSK (type: quiz, question: true-false)
# (A true-or-false statement: "answer" instead of "options".)
#
# Eksemplet: skal man tie stille om et nysgerrigt opslag? Nej – det er et brud, som skal meldes.
# Træner at melde egne fejl og en kultur, hvor det er trygt at sige til.

# id: = filnavnet. type: quiz. question: true-false = sandt eller falsk.
id: nysgerrigt-opslag
type: quiz
question: true-false
# title: overskriften. prompt: påstanden, deltageren skal tage stilling til.
title:
  da: Bare et enkelt opslag
  en: Just one look-up
prompt:
  da: >
    Sandt eller falsk? **Har du af nysgerrighed slået en borger op uden et arbejdsmæssigt behov,
    er det bedst at tie stille om det – det kan jo ikke gøres om.**
  en: >
    True or false? **If you've looked up a citizen out of curiosity, with no work need, it's best
    to keep quiet about it – it can't be undone anyway.**

# answer: det rigtige svar: true (sandt) eller false (falsk). En true-false har ingen "options".
answer: false

# explanation: vises efter svaret: hvorfor påstanden er sand eller falsk, og hvad man gør.
#              {{securityContact.name}} og {{securityContact.phone}} udfyldes fra org-filen.
explanation:
  da: |
    **Falsk.** Et opslag uden arbejdsmæssigt behov er uberettiget adgang til personoplysninger – et brud på persondatasikkerheden, som kommunen skal kende til og vurdere. Sig det til din leder eller til sikkerhedskoordinator {{securityContact.name}} (tlf. {{securityContact.phone}}).

    Det kan føles flovt, men det er langt bedre, at du selv siger det, end at en stikprøve i loggen finder det. Og i en god sikkerhedskultur bliver man mødt med *tak, fordi du sagde det* – så alle tør sige til næste gang.
  en: |
    **False.** A look-up with no work need is unauthorised access to personal data – a personal data breach that the municipality needs to know about and assess. Tell your manager or the security coordinator, {{securityContact.name}} (phone {{securityContact.phone}}).

    It may feel embarrassing, but it's far better that you say so yourself than that a spot check of the log finds it. And in a good security culture you're met with *thank you for telling us* – so everyone dares to speak up next time.
# points: point pr. kompetenceområde for det rigtige svar.
points: { incidents: 1, need-to-know: 1, culture: 1 }
`,

  'find-tegnene': `#
# SCENE: FIND TEGNENE (type: quiz, question: spot)
# (Spot the signs: the learner marks the suspicious places in an e-mail or a screen.)
#
# Sådan virker det: mailen (medium, kind: email eller screen) indeholder markører [[svar-id]].
# Hver markør bliver til et stykke tekst, deltageren kan markere – teksten er svarets "text".
#   - correct: true  = et rigtigt faresignal
#   - correct: false = et uskyldigt stykke (en hilsen, et almindeligt emne), som også kan markeres,
#                      så det ikke betaler sig at markere alt
# Hvert svar skal stå præcis én gang i den danske OG én gang i den engelske tekst. I from, to og
# attachment (almindelig tekst) gælder én markør for begge sprog. Markøren "[[…]]" skal stå i
# anførselstegn, når den står først i en værdi. Hold det til 4–6 tegn og 2–3 uskyldige stykker,
# og lad forklaringen gennemgå hvert af dem. Point gives kun, når alle tegn og intet andet er markeret.
#
# Eksemplet: en falsk mail fra systemleverandøren "Nordsag", der vil have en eksport af borgerlisten.
# Fem tegn, tre uskyldige stykker. Firmaet og adresserne er opdigtede (domæner under .example).

# id: = filnavnet. type: quiz. question: spot = find tegnene.
id: find-tegnene
type: quiz
question: spot
# title: overskriften. prompt: opgaven – sig, at deltageren skal markere tegnene, og kun dem.
title:
  da: Find tegnene
  en: Spot the signs
prompt:
  da: >
    Torsdag morgen ligger denne mail i din indbakke. Markér de steder i mailen, der tyder på, at den
    er falsk – og kun dem.
  en: >
    On Thursday morning this email is waiting in your inbox. Mark the places in the email that
    suggest it is fake – and only those.
# medium: mailen, som deltageren markerer i. Ved spot skal kind være email eller screen.
#   from, to: almindelig tekst; subject, body: { da, en }. Markørerne står i anførselstegn,
#   fordi "[" først i en værdi ellers betyder en liste i YAML.
#   I body bevarer "|" linjeskiftene; en tom linje giver et nyt afsnit.
medium:
  kind: email
  from: "[[afsender]]"
  to: dig@aaby-kommune.example
  subject: { da: "[[emne]]", en: "[[emne]]" }
  body:
    da: |
      [[hilsen]]

      Natten til fredag opdaterer vi Sagssystemet. For at jeres data kommer sikkert med over, skal vi have en kopi på forhånd. [[eksport]] [[ny-adresse]]

      [[frist]]

      [[login]]

      [[underskrift]]
    en: |
      [[hilsen]]

      On Thursday night we are updating the case system. To make sure your data comes across safely, we need a copy in advance. [[eksport]] [[ny-adresse]]

      [[frist]]

      [[login]]

      [[underskrift]]

# options: stykkerne i mailen. id = navnet i markøren, text = det, der står i mailen,
#          correct = true for et faresignal, false for et uskyldigt stykke.
options:
  - id: afsender
    text:
      da: Nordsag Support (support@nordsag-opdatering.example.com)
      en: Nordsag Support (support@nordsag-opdatering.example.com)
    correct: true
  - id: emne
    text: { da: Planlagt opdatering af Sagssystemet, en: Planned update of the case system }
    correct: false
  - id: hilsen
    text:
      da: Kære medarbejder i {{organisation}}
      en: Dear colleague at {{organisation}}
    correct: false
  - id: eksport
    text:
      da: Send os derfor en eksport af jeres borgerliste med navn, CPR-nummer og adresse
      en: Please send us an export of your list of citizens with names, CPR numbers and addresses
    correct: true
  - id: ny-adresse
    text:
      da: "til vores nye adresse: data@nordsag-opdatering.example.com."
      en: "to our new address: data@nordsag-opdatering.example.com."
    correct: true
  - id: frist
    text:
      da: Det skal ske senest i dag kl. 15 – ellers mister jeres afdeling adgangen til systemet i morgen.
      en: This must be done by 3 pm today – otherwise your department will lose access to the system tomorrow.
    correct: true
  - id: login
    text:
      da: Skriv også dit brugernavn og din adgangskode i svaret, så vi kan teste din adgang efter opdateringen.
      en: Please also include your username and password in your reply, so we can test your access after the update.
    correct: true
  - id: underskrift
    text:
      da: Med venlig hilsen Kundeservice, Nordsag A/S · nordsag.example
      en: Kind regards, Customer Service, Nordsag A/S · nordsag.example
    correct: false

# explanation: vises efter svaret. Gennemgå hvert faresignal og hvert uskyldigt stykke.
explanation:
  da: |
    Mailen har **fem faresignaler**:

    1. **Afsenderen.** Leverandøren hedder Nordsag og bruger domænet nordsag.example (se underskriften) – men mailen kommer fra nordsag-opdatering.example.com. Et navn kan alle skrive; det er adressen, der tæller.
    2. **En eksport af borgerlisten.** En leverandør får kun de oplysninger, databehandleraftalen giver lov til, og aldrig fordi en mail beder om det.
    3. **En ny adresse.** Data sendes kun ad de veje, der er aftalt med leverandøren – ikke til en adresse, der står i mailen.
    4. **Fristen og truslen.** Hast og "ellers mister I adgangen" skal give dig for lidt tid til at tænke dig om.
    5. **Brugernavn og adgangskode.** Ingen leverandør eller IT-afdeling beder dig om din adgangskode.

    **Tre stykker er ikke faresignaler** i sig selv: Emnet ligner en helt almindelig mail, hilsenen står i mange ægte mails, og underskriften er let at kopiere. Se derfor på, hvad mailen *beder dig om* – ikke på, hvor ægte den ser ud.

    **Gør sådan:** Svar ikke på mailen, og meld den til IT-servicedesken. Er du i tvivl, så ring til leverandøren på det nummer, der står i aftalen.
  en: |
    The email has **five warning signs**:

    1. **The sender.** The vendor is called Nordsag and uses the domain nordsag.example (see the signature) – but the email comes from nordsag-opdatering.example.com. Anyone can type a name; it's the address that counts.
    2. **An export of the list of citizens.** A vendor only gets the data the data processing agreement allows, and never because an email asks for it.
    3. **A new address.** Data only goes by the routes agreed with the vendor – not to an address given in the email.
    4. **The deadline and the threat.** Urgency and "otherwise you'll lose access" are meant to leave you too little time to think.
    5. **Username and password.** No vendor or IT department asks you for your password.

    **Three pieces are not warning signs** in themselves: the subject looks like any ordinary email, the greeting appears in lots of genuine emails, and the signature is easy to copy. So look at what the email *asks you to do* – not at how genuine it looks.

    **What to do:** don't reply, and report the email to the IT service desk. If in doubt, ring the vendor on the number in the agreement.
# points: point pr. kompetenceområde – kun når alle tegn og intet andet er markeret.
points: { recognise-threats: 2, vendors: 1, protect-daily: 1 }
`,

  refleksion: `#
# SCENE: REFLEKSION (type: reflection) – deltageren skriver frit. Giver ingen point.
# (A reflection: free text. It stays in the browser on the learner's device, is never sent, and is
# deleted when the learner finishes or starts over. The player tells the learner so.)
#
# Eksemplet: kobler ugens situationer til deltagerens egen hverdag.

# id: = filnavnet. type: reflection. title: overskriften.
id: refleksion
type: reflection
title:
  da: Og hos dig?
  en: What about your workplace?

# prompt: spørgsmålene, deltageren tænker over. En liste skrives med "- " foran hver linje.
#         Sig gerne i teksten, at det skrevne bliver på deltagerens egen enhed (spillet siger det også).
prompt:
  da: |
    Tænk på din egen arbejdsdag.

    - Hvem kommer ind ad døren hos jer, og hvordan ved I, at de har en aftale?
    - Ved du, hvem du skal kontakte, hvis du sender noget til den forkerte – eller opdager et opslag, der ikke burde være sket?
    - Hvilke oplysninger i dit arbejde ville en svindler være mest interesseret i?

    Skriv et par stikord, hvis du har lyst. Det, du skriver her, bliver kun på din egen computer eller telefon – det sendes ikke til kommunen, din leder eller læringsplatformen.
  en: |
    Think about your own working day.

    - Who comes in through the door where you work, and how do you know they have an appointment?
    - Do you know who to contact if you send something to the wrong person – or discover a look-up that shouldn't have happened?
    - Which information in your work would a fraudster be most interested in?

    Jot down a few notes if you like. What you write here stays on your own computer or phone – it isn't sent to the municipality, your manager or the learning platform.
`,

  opsummering: `#
# SCENE: OPSUMMERING (type: summary) – SKAL være den sidste scene i listen i module.yaml.
# Spillet viser selv scoren, om deltageren har bestået, og en tabel pr. kompetenceområde.
# Når deltageren når hertil, er modulet gennemført.
# (The summary: must be last; shows the score and per-area results and completes the module.)

# id: = filnavnet. type: summary. title: overskriften.
id: opsummering
type: summary
title:
  da: Det tager du med
  en: What to take with you

# body: (valgfri) de vigtigste pointer. Vises sammen med resultatet.
body:
  da: |
    Det vigtigste fra ugen:

    - **Tjek først, luk ind bagefter.** En fremmed uden adgangskort venter udenfor, mens du ringer på et nummer, du selv kender.
    - **Meld fejl med det samme.** En mail til den forkerte kan være et brud, som kommunen skal vurdere inden for 72 timer.
    - **Slå kun op, når opgaven kræver det.** Nysgerrighed er ikke et arbejdsmæssigt behov – og har du gjort det, så sig det.
    - **Dit log-in er dit.** Det lånes ikke ud, heller ikke til en vikar.
    - **Leverandører får kun data som aftalt.** Ikke fordi en mail beder om det, og aldrig din adgangskode.

    Er du i tvivl, så spørg din leder eller sikkerhedskoordinator {{securityContact.name}}, tlf. {{securityContact.phone}} – hellere én gang for meget.
  en: |
    The key points from the week:

    - **Check first, let in afterwards.** A stranger without an access card waits outside while you ring a number you know yourself.
    - **Report mistakes straight away.** An email to the wrong person may be a breach that the municipality must assess within 72 hours.
    - **Only look things up when the task needs it.** Curiosity is not a work need – and if you have done it, say so.
    - **Your log-in is yours.** It isn't lent out, not even to a temp.
    - **Vendors only get data as agreed.** Not because an email asks for it, and never your password.

    If in doubt, ask your manager or the security coordinator, {{securityContact.name}}, phone {{securityContact.phone}} – one question too many is better than one too few.
`,
};

// ---------------------------------------------------------------------------------------------
// The command line

/** Reads the arguments; throws NewModuleError for a refusal and returns 'help' for --help. */
export function parseArgs(argv: readonly string[]): NewModuleOptions | 'help' {
  let id: string | undefined;
  let modulesDir = DEFAULT_MODULES_DIR;
  let title: string | undefined;
  let role: Role | undefined;
  let orgFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--modules' || arg === '--title' || arg === '--role' || arg === '--org') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new NewModuleError(`${arg} needs a value\n${USAGE}`);
      if (arg === '--modules') modulesDir = resolve(value);
      else if (arg === '--org') {
        if (!existsSync(value)) throw new NewModuleError(`no organisation file at ${value} (make one with npm run new-org -- <folder>)`);
        orgFile = resolve(value);
        // The organisation's own modules live in its overlay folder (org.yaml's "overlay:", default overlay/).
        const org = new YamlFile(orgFile);
        if (org.data === undefined) throw new NewModuleError(`${formatProblem(org.problems[0])}\nFix org.yaml first (npm run validate -- --org ${value} shows every problem).`);
        const overlay = (org.data as { overlay?: unknown } | null)?.overlay;
        modulesDir = resolve(dirname(orgFile), typeof overlay === 'string' ? overlay : 'overlay');
      }
      else if (arg === '--title') title = value;
      else if ((ROLES as readonly string[]).includes(value)) role = value as Role;
      else throw new NewModuleError(`--role must be frontline, sysadmin or manager (got "${value}")`);
    } else if (arg.startsWith('-')) {
      throw new NewModuleError(`unknown option "${arg}"\n${USAGE}`);
    } else if (id === undefined) {
      id = arg;
    } else {
      throw new NewModuleError(`give one module id (got "${id}" and "${arg}"); put a title with spaces in quotes: --title "…"\n${USAGE}`);
    }
  }
  if (id === undefined) throw new NewModuleError(`give the id of the new module, e.g. npm run new-module -- sikker-print\n${USAGE}`);
  return { id, modulesDir, title, role, orgFile };
}

function main(): void {
  try {
    const options = parseArgs(process.argv.slice(2));
    if (options === 'help') return console.log(USAGE);
    const { dir, files } = newModule(options);
    const shown = displayPath;
    const modules = resolve(options.modulesDir);
    const validate = options.orgFile ? `npm run validate -- --org ${shown(options.orgFile)}` : modules === DEFAULT_MODULES_DIR ? 'npm run validate' : `npm run validate -- --modules ${shown(modules)}`;
    console.log(`Created ${shown(dir)}/ with ${files.length} files:`);
    for (const f of files) console.log(`  ${f}`);
    console.log(`\nNext: read ${shown(join(dir, 'README.md'))}, edit the files, and check them with: ${validate}`);
    if (options.role && modules !== DEFAULT_MODULES_DIR) {
      console.log(`(Alone in its folder, a module for ${options.role} only makes validate warn that the other roles' profiles are not trained by any module; that is expected.)`);
    }
  } catch (error) {
    if (!(error instanceof NewModuleError)) throw error;
    console.error(`new-module: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
