/**
 * A YAML file with positions: parse once, then turn any data path (["options", 2, "text", "da"])
 * into file:line:column so authors can jump straight to the problem.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, isNode, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export type DataPath = ReadonlyArray<string | number>;

export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export class YamlFile {
  readonly path: string;
  readonly data: unknown;
  readonly problems: Problem[] = [];
  private readonly doc: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(path: string, text?: string) {
    this.path = path;
    if (text === undefined) {
      try {
        text = utf8(path, readFileSync(path), this.problems);
      } catch (error) {
        // A folder where a file should be, or a file that cannot be read: a problem, not a crash.
        const why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'this is a folder, where a file is expected' : `cannot be read (${(error as Error).message})`;
        this.problems.push({ file: displayPath(path), line: 1, column: 1, severity: 'error', message: why });
        text = '';
      }
    }
    // No module file comes near this; a larger one is a mistake (a pasted export, a binary) and would
    // only make the parser slow.
    if (text.length > MAX_CHARS) {
      this.problems.push({ file: this.displayPath, line: 1, column: 1, severity: 'error', message: `the file has ${text.length} characters; a module file needs far fewer (at most ${MAX_CHARS})` });
      text = '';
    }
    // Nesting hundreds of levels deep overflows the parser's stack; no module file needs it.
    const deep = tooDeep(text);
    if (deep) {
      this.problems.push({ file: this.displayPath, line: deep.line, column: deep.column, severity: 'error', message: `lists or maps are nested more than ${MAX_DEPTH} levels deep here; a module file needs only a few` });
      text = '';
    }
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    // Only the first syntax error: the ones after it are mostly its echoes.
    const error = this.doc.errors[0];
    if (error && !deep) {
      // error.pos is an offset; prettyErrors would also put line numbers into the message text.
      const { line, col: column } = this.lines.linePos(error.pos[0]);
      // The parser's own stack overflowing is about the file, not about us: say what it means.
      const message = /Maximum call stack/.test(error.message) ? 'lists or maps are nested far too deeply' : firstLine(error.message);
      this.problems.push({
        file: this.displayPath,
        line,
        column,
        severity: 'error',
        message: `YAML syntax error: ${message}${hintFor(message)}`,
      });
    }
    this.data = this.problems.length ? undefined : this.toJS();
  }

  /** The data, or a problem when aliases (*name) would expand to far too much of it. */
  private toJS(): unknown {
    try {
      return this.doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      this.problems.push({ file: this.displayPath, line: 1, column: 1, severity: 'error', message: `its aliases (*name) would repeat their anchors' values far too many times; write the values out instead (${firstLine((error as Error).message)})` });
      return undefined;
    }
  }

  get displayPath(): string {
    return displayPath(this.path);
  }

  /** The position of the value at `path`, or of its nearest existing parent. */
  position(path: DataPath, keyOf = false): { line: number; column: number } {
    let node: unknown = this.doc.contents;
    let found: Node | null = isNode(node) ? node : null;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === part);
        if (!pair) break;
        const last = part === path[path.length - 1];
        if (keyOf && last && isNode(pair.key)) {
          found = pair.key;
          break;
        }
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        node = node.items[part];
      } else break;
      if (isNode(node)) found = node;
      else break;
    }
    const offset = found?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  error(path: DataPath, message: string, keyOf = false): void {
    this.report('error', path, message, keyOf);
  }

  warn(path: DataPath, message: string, keyOf = false): void {
    this.report('warning', path, message, keyOf);
  }

  private report(severity: Problem['severity'], path: DataPath, message: string, keyOf: boolean): void {
    const { line, column } = this.position(path, keyOf);
    this.problems.push({ file: this.displayPath, line, column, message, severity });
  }
}

/**
 * The file's text. Bytes that are not UTF-8 (a file saved as Latin-1 or Windows-1252 by an older
 * editor) would otherwise turn æ, ø and å into replacement characters without a word: say where.
 */
function utf8(path: string, bytes: Buffer, problems: Problem[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    problems.push({ file: displayPath(path), line, column: 1, severity: 'error', message: 'this line is not UTF-8 text (was the file saved as Latin-1 or Windows-1252?); save the file as UTF-8' });
    return '';
  }
}

/** The offset of the first byte that does not begin a well-formed UTF-8 sequence (-1 if none is found). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return -1;
}

const MAX_DEPTH = 64;
const MAX_CHARS = 4_000_000;

/**
 * Where the text nests deeper than MAX_DEPTH: by flow brackets ([ {), by block indentation, or by
 * "- " and "? " indicators stacked on one line. Flow brackets count across lines, as YAML's do,
 * until a line starts a top-level key (which no flow collection survives); quoted text on a line
 * is skipped roughly. That is enough for a guard whose limit is far above anything real; what it
 * misses is caught when the parser gives up.
 */
function tooDeep(text: string): { line: number; column: number } | undefined {
  let depth = 0;
  const indents: number[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (/^[A-Za-z_][\w-]*\s*:/.test(line)) depth = 0;
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() !== '') {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      if (indent > 0) indents.push(indent);
    }
    const stacked = /^ *((?:[-?] +)+)/.exec(line)?.[1].match(/[-?] +/g)?.length ?? 0;
    if (indents.length + stacked > MAX_DEPTH) return { line: n + 1, column: indent + 1 };
    let quote: string | null = null;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '{') {
        if (++depth > MAX_DEPTH) return { line: n + 1, column: i + 1 };
      } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** A path as problems show it: relative to the working folder when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  // Outside the working folder: the whole path, however it was given, so every message reads alike.
  return rel && !rel.startsWith('..') ? rel : resolve(path);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`;
}

/** Plain words for the parser messages authors of prose meet most. */
function hintFor(message: string): string {
  if (/Nested mappings are not allowed in compact mappings|Implicit keys need to be on a single line|Implicit map keys need to be followed by map values/.test(message)) {
    return ' (a text with ": " in it? Put the text in quotes, or start it on its own line after ">")';
  }
  if (/Unexpected scalar at node end/.test(message)) return ' (a text that starts with {{, a quote or a [ ? Put the whole text in quotes)';
  if (/flow-map|flow map|Flow map/.test(message)) return ' (a {{variable}} or a "{" inside { … }? Put the text in quotes, or write the map on its own lines)';
  if (/Missing closing "?quote/.test(message)) return ' (a quote opened earlier in the file is never closed)';
  if (/Tabs are not allowed|tab/i.test(message)) return ' (indent with spaces, not tabs)';
  if (/indent|Sequence item without - indicator|All mapping items must start at the same column/.test(message)) {
    return ' (check the indentation of this line against the lines above it)';
  }
  return '';
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
