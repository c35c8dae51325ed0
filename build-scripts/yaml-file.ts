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
        text = readFileSync(path, 'utf8');
      } catch (error) {
        // A folder where a file should be, or a file that cannot be read: a problem, not a crash.
        const why = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'this is a folder, where a file is expected' : `cannot be read (${(error as Error).message})`;
        this.problems.push({ file: displayPath(path), line: 1, column: 1, severity: 'error', message: why });
        text = '';
      }
    }
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    // Only the first syntax error: the ones after it are mostly its echoes.
    const error = this.doc.errors[0];
    if (error) {
      // error.pos is an offset; prettyErrors would also put line numbers into the message text.
      const { line, col: column } = this.lines.linePos(error.pos[0]);
      const message = firstLine(error.message);
      this.problems.push({
        file: this.displayPath,
        line,
        column,
        severity: 'error',
        message: `YAML syntax error: ${message}${hintFor(message)}`,
      });
    }
    this.data = this.problems.length ? undefined : this.doc.toJS();
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
