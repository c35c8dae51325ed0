/**
 * Turns a compiled module and a runtime page into the deliverables: the page with the content
 * in it, and deterministic zips (fixed dates, fixed order, fixed compression), so that the same
 * sources always give byte-identical packages.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import type { CompiledDialogue, CompiledModule } from '../src/model/compiled.js';
import type { TrackingFormat } from '../src/tracking/tracker.js';
import { SCORM12_XSDS, SCORM2004_XSDS, cmi5Xml, scorm12Manifest, scorm2004Manifest, tincanXml } from './manifests.js';

export const SCHEMAS_DIR = join(import.meta.dirname, 'schemas');
const CONTENT_SLOT = '__AK_MODULE__';
const DIALOGUE_SLOT = '__AK_DIALOGUE__';
/** The files an LMS reads to import a package, one per format. */
const DESCRIPTORS = ['imsmanifest.xml', 'tincan.xml', 'cmi5.xml'];
/** 1980-01-01, the earliest date a zip can hold: nothing about the build time leaks in. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** Puts the module into the runtime page. `<` is escaped so content can never close the script tag. */
export function pageFor(runtimeHtml: string, module: CompiledModule): string {
  return fillSlot(runtimeHtml, CONTENT_SLOT, module, module.title.da);
}

/** Puts a module's dialogue tool into the dialogue page, as pageFor does with a module. */
export function dialoguePageFor(dialogueHtml: string, dialogue: CompiledDialogue): string {
  return fillSlot(dialogueHtml, DIALOGUE_SLOT, dialogue, dialogue.title.da);
}

function fillSlot(html: string, slot: string, data: unknown, titleHtml: string): string {
  if (!html.includes(slot)) throw new Error(`page has no ${slot} slot`);
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return html
    .replace(slot, () => json)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(plainText(titleHtml))}</title>`);
}

export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Text for HTML content and (double-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The files of one package, by path in the zip. */
export function packageFiles(format: TrackingFormat, module: CompiledModule, page: string): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>([['index.html', page]]);
  const title = plainText(module.title.da);
  if (format === 'scorm12') {
    files.set('imsmanifest.xml', scorm12Manifest({ module, title, files: ['index.html'] }));
    for (const xsd of SCORM12_XSDS) files.set(xsd, readFileSync(join(SCHEMAS_DIR, 'scorm12', xsd)));
  } else if (format === 'scorm2004') {
    files.set('imsmanifest.xml', scorm2004Manifest({ module, title, files: ['index.html'] }));
    for (const xsd of SCORM2004_XSDS) files.set(xsd, readFileSync(join(SCHEMAS_DIR, 'scorm2004-4th', xsd)));
  } else if (format === 'xapi') {
    files.set('tincan.xml', tincanXml(module, plainText));
  } else if (format === 'cmi5') {
    files.set('cmi5.xml', cmi5Xml(module, plainText));
  }
  return files;
}

export async function zip(files: Map<string, string | Buffer>): Promise<Buffer> {
  const archive = new JSZip();
  // The descriptor first (some LMS importers peek at the first entry), then by name.
  // (Plain code-unit order: localeCompare would depend on the machine's locale.)
  const first = (name: string) => DESCRIPTORS.includes(name);
  const names = [...files.keys()].sort((a, b) => (first(a) ? -1 : first(b) ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    archive.file(name, files.get(name)!, { date: ZIP_DATE, createFolders: false, unixPermissions: 0o644 });
  }
  return archive.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX',
  });
}

/** Unpacks a zip into a folder (a new temp folder by default), as an LMS does on import. */
export async function unzipTo(zipPath: string, dir = mkdtempSync(join(tmpdir(), 'ak-pkg-'))): Promise<string> {
  const archive = await JSZip.loadAsync(readFileSync(zipPath));
  for (const [name, entry] of Object.entries(archive.files)) {
    if (entry.dir) continue;
    const target = join(dir, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
  }
  return dir;
}
