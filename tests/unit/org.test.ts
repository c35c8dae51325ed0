/**
 * Organisation overlays (org.yaml + overlay/): variables fill the texts, overlay scenes replace
 * or add to a shipped module, branding is checked, and every mistake a trainer can make gives
 * an error with file:line. A branded build gets identifiers and IRIs of its own.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAll, changesReport, validateAll } from '../../build-scripts/cli.js';
import { unzipTo } from '../../build-scripts/package.js';
import { contrast, lookalike } from '../../build-scripts/org.js';
import { newOrg } from '../../build-scripts/new-org.js';
import { newModule, parseArgs } from '../../build-scripts/new-module.js';
import { formatProblem } from '../../build-scripts/yaml-file.js';
import type { DecisionScene, StoryScene } from '../../src/model/compiled.js';
import { ROOT } from './module-fixture.js';

const MODULE = 'phishing-og-svindel';
const OVERLAY = `overlay/${MODULE}`;

/** A copy of the phishing module and of the test organisation (Nordby Kommune), to change at will. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'ak-org-'));
  cpSync(join(ROOT, 'modules', MODULE), join(dir, 'modules', MODULE), { recursive: true });
  cpSync(join(ROOT, 'tests', 'fixtures', 'org'), join(dir, 'org'), { recursive: true });
  const path = (file: string) => join(dir, 'org', file);
  return {
    dir,
    path,
    edit(file: string, from: string | RegExp, to: string) {
      const text = readFileSync(path(file), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
      writeFileSync(path(file), next);
    },
    write: (file: string, text: string) => writeFileSync(path(file), text),
    validate: () => validateAll({ modulesDir: join(dir, 'modules'), orgFile: path('org.yaml') }),
  };
}

const errorsOf = (v: ReturnType<typeof validateAll>) => v.problems.filter((p) => p.severity === 'error').map(formatProblem);

describe('an organisation overlay', () => {
  it('fills the variables in Danish and English, replaces the overridden scene and adds the new one where it says', () => {
    const ws = workspace();
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([]);
    const module = v.modules[0];
    const ids = module.scenes.map((s) => s.id);
    // Added after find-tegnene, and the module's minutes from overlay.yaml.
    expect(ids.slice(ids.indexOf('find-tegnene'), ids.indexOf('find-tegnene') + 2)).toEqual(['find-tegnene', 'ring-til-peter']);
    expect(ids.length).toBe(17);
    expect(module.minutes).toBe(17);
    const added = module.scenes.find((s) => s.id === 'ring-til-peter') as DecisionScene;
    expect(added.options[0].text).toEqual({ da: 'Du ringer til Peter Holm på 8765 4321 og spørger', en: 'You call Peter Holm on 8765 4321 and ask' });
    expect(added.title).toEqual({ da: 'En besked i Nordby Sag', en: 'A message in Nordby Sag' });
    // The override replaced the shipped scene.
    expect(module.scenes.find((s) => s.id === 'klik-sker')!.title.da).toBe('Nordby: Bare et klik');
    // Shipped texts take the organisation's values: per language for language maps.
    const welcome = module.scenes.find((s) => s.id === 'velkommen') as StoryScene;
    expect(welcome.body!.da).toContain('Nordby Kommune');
    expect(welcome.body!.da).toContain('8765 4321');
    expect(welcome.body!.en).toContain('Nordby Municipality');
    expect(welcome.body!.da).toContain('<em>Sikkerhedshændelse</em>');
    expect(JSON.stringify(module)).not.toMatch(/Lene Dahl|1234 5678|\{\{/);
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('leaves the shipped module untouched: without the organisation, the same module has the default values', () => {
    const ws = workspace();
    const plain = validateAll({ modulesDir: join(ws.dir, 'modules') }).modules[0];
    expect(plain.scenes.map((s) => s.id)).not.toContain('ring-til-peter');
    expect(plain.org).toBeUndefined();
    expect(JSON.stringify(plain)).toContain('Lene Dahl');
    expect(plain.activityBase).toBe('https://awareness-kit.example/activities');
  });

  it('leaves a scene out with remove:, and an unknown one is an error at its line', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/overlay.yaml`, 'minutes: 17', 'minutes: 17\nremove:\n  - mitid-aldrig\n  - mitid-aldig');
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([expect.stringMatching(/overlay\/phishing-og-svindel\/overlay\.yaml:8:5: error: module "phishing-og-svindel" has no scene "mitid-aldig" to remove \(did you mean "mitid-aldrig"\?\)/)]);
  });

  it('a variable that org.yaml does not define is an error at the text, naming the file to add it to', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, 'på {{securityContact.phone}} og spørger', 'på {{securityContact.fax}} og spørger');
    const errors = errorsOf(ws.validate());
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/ring-til-peter\.yaml:\d+:\d+: error: \{\{securityContact\.fax\}\} is not defined in .*org\.yaml; it defines: organisation, domain, securityContact\.name, .*securityContact\.phone, .*Add it there \(under "variables:" for your own\)/);
    // A slip in letter case or spelling gets the name it meant.
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, '{{securityContact.fax}}', '{{securitycontact.phone}}');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/\{\{securitycontact\.phone\}\} is not defined in .*org\.yaml \(did you mean "securityContact\.phone"\?\)/)]);
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, '{{securitycontact.phone}}', '{{securityContact.phnoe}}');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/\{\{securityContact\.phnoe\}\} is not defined in .*org\.yaml \(did you mean "securityContact\.phone"\?\)/)]);
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, '{{securityContact.phnoe}}', '{{securityContact.fax}}');
    // A variable of your own is defined under variables: in org.yaml.
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, '{{securityContact.fax}}', '{{variables.fax}}');
    ws.edit('org.yaml', 'variables:\n', 'variables:\n  fax: 8765 4322\n');
    expect(errorsOf(ws.validate())).toEqual([]);
  });

  it('an override of a scene the module does not have is an error at that file', () => {
    const ws = workspace();
    ws.write(`${OVERLAY}/scenes/klik-skr.yaml`, readFileSync(ws.path(`${OVERLAY}/scenes/klik-sker.yaml`), 'utf8'));
    expect(errorsOf(ws.validate())).toEqual([
      expect.stringMatching(/overlay\/phishing-og-svindel\/scenes\/klik-skr\.yaml:1:1: error: this file replaces scene "klik-skr", but module "phishing-og-svindel" has no such scene \(did you mean "klik-sker"\?\)\. To add a new scene, list it in .*overlay\.yaml under "add:"/),
    ]);
  });

  it('an added scene needs a known place, a new id and a file', () => {
    const ws = workspace();
    ws.write(`${OVERLAY}/overlay.yaml`, 'add:\n  - scene: ring-til-peter\n    after: find-tegn\n  - scene: klik-sker\n    after: velkommen\n  - scene: ny-scene\n    after: velkommen\n');
    // (ring-til-peter.yaml is named under add:, so its file gets no second error of its own.)
    expect(errorsOf(ws.validate())).toEqual([
      expect.stringMatching(/overlay\.yaml:3:12: error: module "phishing-og-svindel" has no scene "find-tegn" to add "ring-til-peter" after \(did you mean "find-tegnene"\?\)/),
      expect.stringMatching(/overlay\.yaml:4:12: error: "klik-sker" is already a scene of module "phishing-og-svindel"; to replace it, put your version in scenes\/klik-sker\.yaml/),
      expect.stringMatching(/overlay\.yaml:6:12: error: added scene "ny-scene" has no file overlay\/phishing-og-svindel\/scenes\/ny-scene\.yaml/),
    ]);
  });

  it('an added scene that nothing leads to is an error at the added scene', () => {
    const ws = workspace();
    // falsk-it-mail branches on every option, so a scene right after it is never reached.
    ws.edit(`${OVERLAY}/overlay.yaml`, 'after: find-tegnene', 'after: falsk-it-mail');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/ring-til-peter\.yaml:\d+:\d+: error: scene "ring-til-peter" can never be reached: .*\(an added scene comes after the scene named in "after:" in overlay\.yaml/)]);
  });

  it('a scene added after the summary is an error at the add, which names the summary', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/overlay.yaml`, 'after: find-tegnene', 'after: opsummering');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/overlay\.yaml:3:12: error: "ring-til-peter" is added after the summary "opsummering", which must stay the last scene; name an earlier scene in "after:"/)]);
  });

  it('leaving out a scene that others branch to says so at the branch', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/overlay.yaml`, 'minutes: 17', 'minutes: 17\nremove: [sofie-spoerger]');
    expect(errorsOf(ws.validate())).toEqual(
      expect.arrayContaining([expect.stringMatching(/falsk-it-mail\.yaml:\d+:\d+: error: "next" points to scene "sofie-spoerger", which overlay\.yaml leaves out \(remove:\); a scene that other scenes branch to cannot be left out/)]),
    );
  });

  it('an org.yaml that still has the fictional default\'s values gets one warning naming them', () => {
    const ws = workspace();
    ws.edit('org.yaml', 'phone: 8765 4321', 'phone: 1234 5678');
    ws.edit('org.yaml', 'name: Ida Skov', 'name: Hanne Frost');
    const warnings = ws.validate().problems.filter((p) => p.severity === 'warning' && p.file.endsWith('org.yaml')).map(formatProblem);
    expect(warnings).toEqual([expect.stringMatching(/org\.yaml:12:10: warning: 2 value\(s\) are still those of the fictional Åby Kommune, which your packages would show: securityContact\.phone, dpo\.name\. Replace them with your organisation.s values/)]);
  });

  it('says what YAML made of a phone number, an unquoted colour and a name without languages', () => {
    const ws = workspace();
    ws.edit('org.yaml', 'phone: 8765 4321', 'phone: 87654321');
    ws.edit('org.yaml', "primary: '#2d5f2e'", 'primary: #2d5f2e');
    ws.edit('org.yaml', 'organisation: { da: Nordby Kommune, en: Nordby Municipality }', 'organisation: Nordby Kommune');
    expect(errorsOf(ws.validate())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"securityContact\.phone" must be string \(YAML read it as a number: put it in quotes, e\.g\. '87654321'\)/),
        expect.stringMatching(/"colours\.primary" must be string \(it is empty: a value starting with # is a comment in YAML, so put a colour in quotes/),
        expect.stringMatching(/"organisation" must be object \(write it per language: \{ da: …, en: … \}\)/),
      ]),
    );
  });

  it('an overlay folder for a module that does not exist is an error', () => {
    const ws = workspace();
    cpSync(ws.path(OVERLAY), ws.path('overlay/phishing-og-svindl'), { recursive: true });
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/overlay\/phishing-og-svindl\/:1:1: error: the overlay has a folder "phishing-og-svindl", but there is no module with that id \(did you mean "phishing-og-svindel"\?\)/)]);
  });

  it('files an overlay would never read are errors, not silently left out', () => {
    const ws = workspace();
    const klik = readFileSync(ws.path(`${OVERLAY}/scenes/klik-sker.yaml`), 'utf8');
    ws.write(`${OVERLAY}/scenes/mitid-aldrig.yaml.txt`, klik);
    ws.write(`${OVERLAY}/falsk-it-mail.yaml`, klik);
    ws.write(`${OVERLAY}/overlay.yml`, 'add: []\n');
    expect(errorsOf(ws.validate())).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/scenes\/mitid-aldrig\.yaml\.txt:1:1: error: this file is not read: a scene file's name is its id followed by \.yaml \(it ends in "\.txt": your system may hide that part of the name\)/),
        expect.stringMatching(/overlay\/phishing-og-svindel\/falsk-it-mail\.yaml:1:1: error: this file is not read: scene files go in overlay\/phishing-og-svindel\/scenes\//),
        expect.stringMatching(/overlay\/phishing-og-svindel\/overlay\.yml:1:1: error: this file is not read: name it overlay\.yaml/),
      ]),
    );
    expect(errorsOf(ws.validate())).toHaveLength(3);
  });

  it('a module folder beside org.yaml instead of in overlay/ gets a warning that it is not read', () => {
    const ws = workspace();
    cpSync(ws.path(OVERLAY), ws.path(MODULE), { recursive: true });
    const warnings = ws.validate().problems.filter((p) => p.severity === 'warning').map(formatProblem);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/org\/phishing-og-svindel\/:1:1: warning: this folder is not read: changes to a module, and modules of your own, go in the overlay folder \(.*org\/overlay\/\)/)]));
  });

  it('validate says what the overlay changed, module by module', () => {
    const ws = workspace();
    const v = ws.validate();
    expect(changesReport(v.changes)).toEqual(['  phishing-og-svindel: replaced klik-sker; added ring-til-peter']);
    ws.edit(`${OVERLAY}/overlay.yaml`, 'minutes: 17', 'minutes: 17\nremove: [mitid-aldrig]');
    expect(changesReport(ws.validate().changes)).toEqual(['  phishing-og-svindel: replaced klik-sker; added ring-til-peter; left out mitid-aldrig']);
  });

  it('a branded organisation without activityBase is warned that its IRIs are a placeholder', () => {
    const ws = workspace();
    ws.edit('org.yaml', /^activityBase: .*\n/m, '');
    const warnings = ws.validate().problems.filter((p) => p.severity === 'warning' && p.file.endsWith('org.yaml')).map(formatProblem);
    expect(warnings).toEqual([expect.stringMatching(/org\.yaml:3:1: warning: no activityBase: your xAPI and cmi5 packages name their activities under the placeholder https:\/\/awareness-kit\.example\/activities\/orgs\/nordby-kommune/)]);
  });

  it('a branded organisation needs an id', () => {
    const ws = workspace();
    ws.edit('org.yaml', /^id: nordby-kommune\n/m, '');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/org\.yaml:\d+:1: error: a branded organisation needs an "id"/)]);
  });
});

describe('fraudsters\' addresses in the examples', () => {
  it('imitate the organisation\'s own name, made from its domain, and never Åby\'s', () => {
    const ws = workspace();
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([]);
    const module = v.modules[0];
    const mail = module.scenes.find((s) => s.id === 'falsk-it-mail') as DecisionScene;
    expect((mail.medium as { from: string }).from).toBe('Nordby Kommune IT-Servicedesk <servicedesk@nordby-kommune.it-support.example.com>');
    expect(mail.options.find((o) => o.id === 'tjek-linket')!.text.da).toContain('Adressen starter med &quot;nordby-kommune&quot;');
    // In a code span the value is as written (no Markdown escapes showing).
    expect(JSON.stringify(module)).toContain('<code>no-reply@m365-nordby-kommune.example.com</code>');
    expect(JSON.stringify(module)).not.toMatch(/aaby/i);
  });

  it('no Markdown escape shows inside code in any shipped module (a domain with a dash stays as written)', () => {
    const json = JSON.stringify(validateAll().modules);
    expect(json).toContain('<code>aaby-kommune.example</code>');
    expect(json).not.toMatch(/<code>[^<]*\\\\/);
  });

  it('org.yaml may name them itself', () => {
    const ws = workspace();
    ws.edit('org.yaml', /^domain: .*$/m, 'domain: nordby-kommune.example\ndomainName: nordby');
    const mail = ws.validate().modules[0].scenes.find((s) => s.id === 'falsk-it-mail') as DecisionScene;
    expect((mail.medium as { from: string }).from).toContain('<servicedesk@nordby.it-support.example.com>');
  });

  it('a lookalike domain is one letter off: m → rn, else l → 1, o → 0, i → 1, else a doubled last letter', () => {
    expect(lookalike('aaby-kommune')).toBe('aaby-kornmune');
    expect(lookalike('vestby')).toBe('vestbyy');
    expect(lookalike('holbaek')).toBe('ho1baek');
    expect(lookalike('roskilde')).toBe('roski1de');
    expect(lookalike('odense')).toBe('odensee'); // a first letter is never swapped: it is the one readers check
  });
});

describe('variable values in texts', () => {
  /** The added scene's first option text, rendered, with `value` as {{variables.x}}. */
  function rendered(value: string, text = 'Se {{variables.x}} her') {
    const ws = workspace();
    ws.edit('org.yaml', 'variables:\n', `variables:\n  x: ${JSON.stringify(value)}\n`);
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, 'da: Du ringer til {{securityContact.name}} på {{securityContact.phone}} og spørger', `da: ${JSON.stringify(text)}`);
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([]);
    return (v.modules[0].scenes.find((s) => s.id === 'ring-til-peter') as DecisionScene).options[0].text.da;
  }

  it('a name used twice in one text that org.yaml does not define is one error, not two', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, 'på {{securityContact.phone}} og spørger', 'på {{variables.fax}} eller {{variables.fax}} og spørger');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/\{\{variables\.fax\}\} is not defined/)]);
  });

  it('inside a code span, single or double backticks, a value goes in as written', () => {
    expect(rendered('a-b_c', 'Se `{{variables.x}}` her')).toBe('Se <code>a-b_c</code> her');
    expect(rendered('a-b_c', 'Se `` `{{variables.x}}` `` og {{variables.x}}')).toBe('Se <code>`a-b_c`</code> og a-b_c');
  });

  it('a plain value reads as written, whatever Markdown would make of it', () => {
    expect(rendered('it_sikker*hed* [x](y) <b>')).toBe('Se it_sikker*hed* [x](y) &lt;b&gt; her');
    expect(rendered('A & B &copy;')).toBe('Se A &amp; B &amp;copy; her');
    // At the start of a text, "2. sal" is not a numbered list.
    expect(rendered('2. sal', '{{variables.x}} er lukket')).toBe('2. sal er lukket');
  });

  it('a web address stays a working link', () => {
    expect(rendered('https://intra.nordby.example/side_1#sikkerhed')).toBe(
      'Se <a href="https://intra.nordby.example/side_1#sikkerhed" target="_blank" rel="noopener noreferrer">https://intra.nordby.example/side_1#sikkerhed</a> her',
    );
  });

  it('a policy is a link in a text, and its title and address as written in a mock medium (where nothing links)', () => {
    const ws = workspace();
    ws.write(`${OVERLAY}/scenes/klik-sker.yaml`, readFileSync(ws.path(`${OVERLAY}/scenes/klik-sker.yaml`), 'utf8').replace(/^title:\n\s+da: .*$/m, "title:\n  da: 'Læs {{policies.informationssikkerhedspolitik}}'"));
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, /^options:$/m, 'medium:\n  kind: chat\n  lines:\n    - who: { da: IT }\n      text: { da: "Se {{policies.informationssikkerhedspolitik}}" }\noptions:');
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([]);
    const module = v.modules[0];
    expect(module.scenes.find((s) => s.id === 'klik-sker')!.title.da).toBe('Læs <a href="https://nordby-kommune.example/politik" target="_blank" rel="noopener noreferrer">Nordby Kommunes informationssikkerhedspolitik</a>');
    const medium = (module.scenes.find((s) => s.id === 'ring-til-peter') as DecisionScene).medium as { lines: Array<{ text: { da: string } }> };
    expect(medium.lines[0].text.da).toBe('Se Nordby Kommunes informationssikkerhedspolitik (https://nordby-kommune.example/politik)');
  });

  it('only the documented variables: not the logo, colours, id or IRI; a brace too few is a warning', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/scenes/ring-til-peter.yaml`, '{{securityContact.phone}} og spørger', '{{colours.primary}} og {{securityContact.name} spørger');
    const v = ws.validate();
    expect(errorsOf(v)).toEqual([expect.stringMatching(/\{\{colours\.primary\}\} is not defined in/)]);
    expect(v.problems.filter((p) => p.severity === 'warning' && p.file.endsWith('ring-til-peter.yaml')).map(formatProblem)).toEqual([
      expect.stringMatching(/ring-til-peter\.yaml:14:11: warning: a "\{\{" or "\}\}" here is not a whole variable/),
    ]);
  });
});

describe('more overlay cases', () => {
  it('several scenes added after one scene keep the order they are listed in', () => {
    const ws = workspace();
    ws.write(`${OVERLAY}/scenes/ring-igen.yaml`, readFileSync(ws.path(`${OVERLAY}/scenes/ring-til-peter.yaml`), 'utf8').replace('id: ring-til-peter', 'id: ring-igen'));
    ws.edit(`${OVERLAY}/overlay.yaml`, '    after: find-tegnene\n', '    after: find-tegnene\n  - scene: ring-igen\n    after: find-tegnene\n');
    const ids = ws.validate().modules[0].scenes.map((s) => s.id);
    expect(ids.slice(ids.indexOf('find-tegnene'), ids.indexOf('find-tegnene') + 3)).toEqual(['find-tegnene', 'ring-til-peter', 'ring-igen']);
  });

  it('after: an added scene says which shipped scene to name instead', () => {
    const ws = workspace();
    ws.write(`${OVERLAY}/scenes/ring-igen.yaml`, readFileSync(ws.path(`${OVERLAY}/scenes/ring-til-peter.yaml`), 'utf8').replace('id: ring-til-peter', 'id: ring-igen'));
    ws.edit(`${OVERLAY}/overlay.yaml`, '    after: find-tegnene\n', '    after: find-tegnene\n  - scene: ring-igen\n    after: ring-til-peter\n');
    expect(errorsOf(ws.validate())).toEqual([
      expect.stringMatching(/overlay\.yaml:\d+:12: error: "ring-til-peter" is itself an added scene; to put "ring-igen" right after it, write after: find-tegnene/),
    ]);
  });

  it('the summary cannot be left out; a removed scene can neither be replaced nor come before an added one', () => {
    const ws = workspace();
    ws.edit(`${OVERLAY}/overlay.yaml`, 'after: find-tegnene', 'after: mitid-aldrig');
    ws.edit(`${OVERLAY}/overlay.yaml`, 'minutes: 17', 'minutes: 17\nremove: [opsummering, klik-sker, mitid-aldrig]');
    expect(errorsOf(ws.validate())).toEqual([
      expect.stringMatching(/overlay\.yaml:6:10: error: "opsummering" is the module's summary, which cannot be left out/),
      expect.stringMatching(/overlay\.yaml:4:12: error: "mitid-aldrig" is left out under "remove:", so "ring-til-peter" cannot come after it; name another scene/),
      expect.stringMatching(/scenes\/klik-sker\.yaml:1:1: error: this file replaces scene "klik-sker", which overlay\.yaml leaves out under "remove:"; keep one of the two/),
    ]);
  });

  it('a folder where a file should be (or a file where a folder should be) is an error, not a crash', () => {
    const ws = workspace();
    rmSync(ws.path('logo.svg'));
    mkdirSync(ws.path('logo.svg'));
    rmSync(ws.path(`${OVERLAY}/overlay.yaml`));
    mkdirSync(ws.path(`${OVERLAY}/overlay.yaml`));
    expect(errorsOf(ws.validate())).toEqual(expect.arrayContaining([expect.stringMatching(/org\.yaml:28:7: error: logo file not found/)]));
    rmSync(ws.path('logo.svg'), { recursive: true });
    cpSync(join(ROOT, 'tests/fixtures/org/logo.svg'), ws.path('logo.svg'));
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/overlay\.yaml:1:1: error: this is a folder, where a file is expected/)]);
    rmSync(ws.path(`${OVERLAY}/overlay.yaml`), { recursive: true });
    rmSync(ws.path(`${OVERLAY}/scenes`), { recursive: true });
    writeFileSync(ws.path(`${OVERLAY}/scenes`), '');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/overlay\/phishing-og-svindel\/scenes:1:1: error: scenes must be a folder with one file per scene/)]);
  });
});

describe('branding', () => {
  it('a colour that is not #rrggbb, or too pale for white text and links, is an error at its line', () => {
    const ws = workspace();
    ws.edit('org.yaml', "primary: '#2d5f2e'", 'primary: grøn');
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/org\.yaml:30:12: error: "grøn" is not a colour; write it as #rrggbb/)]);
    ws.edit('org.yaml', 'primary: grøn', "primary: '#7fbf7f'");
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/org\.yaml:30:12: error: #7fbf7f has a contrast of 2\.\d\d:1 against white; links and buttons need at least 4\.5:1/)]);
    ws.edit('org.yaml', "primary: '#7fbf7f'", "primary: '#2d5f2e'\n  primaryText: '#3a7a3b'");
    expect(errorsOf(ws.validate())).toEqual([expect.stringMatching(/org\.yaml:31:16: error: text on the brand colour has a contrast of 1\.\d\d:1/)]);
  });

  it('derives darker hover and focus shades, and every pair the player uses keeps 4.5:1 (the palest colour allowed)', () => {
    const ws = workspace();
    ws.edit('org.yaml', "primary: '#2d5f2e'", "primary: '#767676'");
    const colours = ws.validate().modules[0].org!.colours!;
    expect(colours).toEqual({ '--ak-color-primary': '#767676', '--ak-color-primary-hover': '#595959', '--ak-color-primary-text': '#ffffff', '--ak-color-focus': '#595959', '--ak-color-link': '#767676' });
    const rgb = (hex: string) => hex.slice(1).match(/../g)!.map((h) => parseInt(h, 16));
    const white = [255, 255, 255];
    for (const name of ['--ak-color-primary', '--ak-color-primary-hover', '--ak-color-link', '--ak-color-focus'] as const) {
      expect(contrast(rgb(colours[name]), white), name).toBeGreaterThanOrEqual(4.5);
    }
    // (tests/browser/branding.test.ts runs axe on every scene with exactly these colours.)
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    // #767676 is the well-known lightest grey with 4.5:1 on white.
    expect(contrast([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('a logo that is missing, too large, not what its name says, or an SVG with script is an error at logo:', () => {
    const ws = workspace();
    const logoError = () => errorsOf(ws.validate()).map((e) => e.replace(/^.*org\.yaml:(\d+):\d+: error: /, 'line $1: '));
    ws.edit('org.yaml', 'logo: logo.svg', 'logo: mangler.svg');
    expect(logoError()).toEqual([expect.stringMatching(/^line 28: logo file not found: .*mangler\.svg/)]);
    ws.write('logo.png', 'this is text');
    ws.edit('org.yaml', 'logo: mangler.svg', 'logo: logo.png');
    expect(logoError()).toEqual([expect.stringMatching(/^line 28: .*logo\.png is not a PNG image/)]);
    ws.write('stor.svg', `<svg xmlns="http://www.w3.org/2000/svg">${' '.repeat(30_000)}</svg>`);
    ws.edit('org.yaml', 'logo: logo.png', 'logo: stor.svg');
    expect(logoError()).toEqual([expect.stringMatching(/^line 28: the logo is 30 KB; at most 24 KB/)]);
    ws.write('stor.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
    expect(logoError()).toEqual([expect.stringMatching(/^line 28: the SVG logo contains a script, an event handler or foreignObject/)]);
    ws.edit('org.yaml', 'logo: stor.svg', 'logo: logo.gif');
    expect(logoError()).toEqual([expect.stringMatching(/^line 28: the logo must be an \.svg, \.png, \.jpg, \.jpeg or \.webp file/)]);
  });
});

describe('a branded build', () => {
  it('goes into its own folder, with identifiers and IRIs distinct from the unbranded packages, and the branding in the page', async () => {
    const ws = workspace();
    const dist = join(ws.dir, 'dist');
    const { modules } = await buildAll({ modulesDir: join(ws.dir, 'modules'), orgFile: ws.path('org.yaml'), distDir: dist, quiet: true });
    expect(modules[0].org?.id).toBe('nordby-kommune');
    const scorm = await unzipTo(join(dist, 'packages', `${MODULE}-scorm2004.zip`));
    expect(readFileSync(join(scorm, 'imsmanifest.xml'), 'utf8')).toMatch(/<manifest identifier="awareness-kit\.nordby-kommune\.phishing-og-svindel"/);
    const tincan = await unzipTo(join(dist, 'packages', `${MODULE}-xapi.zip`));
    expect(readFileSync(join(tincan, 'tincan.xml'), 'utf8')).toContain(`<activity id="https://nordby-kommune.example/xapi/modules/${MODULE}"`);
    const cmi5 = await unzipTo(join(dist, 'packages', `${MODULE}-cmi5.zip`));
    expect(readFileSync(join(cmi5, 'cmi5.xml'), 'utf8')).toContain(`https://nordby-kommune.example/xapi/modules/${MODULE}`);
    const page = readFileSync(join(dist, 'web', MODULE, 'index.html'), 'utf8');
    expect(page).toContain('"org":{"id":"nordby-kommune","name":{"da":"Nordby Kommune"');
    expect(page).toContain('data:image/svg+xml;base64,');
    // Without an activityBase in org.yaml, the IRIs still differ from the unbranded default.
    ws.edit('org.yaml', /^activityBase: .*\n/m, '');
    expect(ws.validate().modules[0].activityBase).toBe('https://awareness-kit.example/activities/orgs/nordby-kommune');
    rmSync(ws.dir, { recursive: true, force: true });
  }, 120_000);
});

describe('starting an organisation (npm run new-org) and a module of its own (npm run new-module -- --org)', () => {
  it('new-org writes an org.yaml with an id that validates as a branded organisation, and never overwrites it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ak-new-org-'));
    const { dir } = newOrg(join(parent, 'vores-kommune'));
    const text = readFileSync(join(dir, 'org.yaml'), 'utf8');
    expect(text).toMatch(/^id: vores-kommune$/m);
    const v = validateAll({ orgFile: join(dir, 'org.yaml') });
    expect(errorsOf(v)).toEqual([]);
    expect(v.org?.id).toBe('vores-kommune');
    expect(() => newOrg(join(parent, 'vores-kommune'))).toThrow(/exists already; nothing was changed/);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(text);
    expect(() => newOrg(join(parent, 'Vores Kommune'))).toThrow(/cannot be an organisation id/);
    rmSync(parent, { recursive: true, force: true });
  });

  it('new-module --org puts the module in the overlay, where it is validated with the organisation\'s values', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ak-new-org-'));
    const { dir } = newOrg(join(parent, 'vores-kommune'));
    const options = parseArgs(['sikker-print', '--org', join(dir, 'org.yaml')]);
    if (options === 'help') throw new Error('unexpected help');
    expect(options.modulesDir).toBe(join(dir, 'overlay'));
    newModule(options);
    const v = validateAll({ orgFile: join(dir, 'org.yaml') });
    expect(errorsOf(v)).toEqual([]);
    const own = v.modules.find((m) => m.id === 'sikker-print')!;
    expect(own.org?.id).toBe('vores-kommune');
    expect(readFileSync(join(dir, 'overlay', 'sikker-print', 'README.md'), 'utf8')).toContain(`npm run build -- --org ${join(dir, 'org.yaml')}`);
    rmSync(parent, { recursive: true, force: true });
  });

  it('a folder of the organisation\'s own with the id of a shipped module is refused', () => {
    const ws = workspace();
    newModule({ id: MODULE, modulesDir: ws.path('overlay-own') });
    cpSync(join(ws.path('overlay-own'), MODULE, 'module.yaml'), ws.path(`${OVERLAY}/module.yaml`));
    expect(errorsOf(ws.validate())).toEqual(expect.arrayContaining([expect.stringMatching(/module\.yaml:1:1: error: module "phishing-og-svindel" is a shipped module; to change it, put only the scenes you change in/)]));
  });
});
