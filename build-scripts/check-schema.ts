/**
 * Checks data against a TypeBox schema with Ajv and words each problem for an author,
 * with its position. Unions are resolved by their discriminator (`type`, `kind`) so the
 * author sees "unknown scene type" or the errors of the one shape they meant, not a wall
 * of "must match anyOf".
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import type { DataPath, YamlFile } from './yaml-file.js';

// verbose: errors carry their parentSchema, which the union resolver needs.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

const DISCRIMINATORS = ['type', 'kind'];

/** Returns true when the value matches; otherwise adds problems to `file`. */
export function checkSchema(file: YamlFile, schema: TSchema, value: unknown, at: DataPath = []): boolean {
  if (schema.anyOf) return checkUnion(file, schema.anyOf as TSchema[], value, at);
  const validate = validatorFor(schema);
  if (validate(value)) return true;
  const errors = validate.errors ?? [];
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  // Only the outermost unions: nested ones are re-checked when their member is chosen.
  const unions = anyOfs.filter((u) => !anyOfs.some((o) => o !== u && u.schemaPath.startsWith(o.schemaPath + '/')));
  for (const error of errors) {
    if (error.keyword === 'anyOf') continue;
    if (unions.some((u) => error.schemaPath.startsWith(u.schemaPath + '/'))) continue;
    report(file, error, at);
  }
  for (const union of unions) {
    const path = [...at, ...pointerToPath(union.instancePath)];
    const members = (union.parentSchema as TSchema).anyOf as TSchema[];
    checkUnion(file, members, valueAt(value, pointerToPath(union.instancePath)), path);
  }
  return false;
}

function checkUnion(file: YamlFile, members: TSchema[], value: unknown, at: DataPath): boolean {
  if (members.every((m) => m.const !== undefined)) {
    if (members.some((m) => m.const === value)) return true;
    file.error(at, `expected one of ${members.map((m) => JSON.stringify(m.const)).join(', ')}, found ${JSON.stringify(value)}`);
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    file.error(at, 'expected a mapping (key: value lines)');
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key of DISCRIMINATORS) {
    const options = members.flatMap((m) => literalsOf(m.properties?.[key]));
    if (options.length === 0) continue;
    if (record[key] === undefined) {
      file.error(at, `missing "${key}": expected one of ${options.join(', ')}`);
      return false;
    }
    const member = members.find((m) => literalsOf(m.properties?.[key]).includes(String(record[key])));
    if (!member) {
      const given = record[key];
      const shown = typeof given === 'object' && given !== null ? (Array.isArray(given) ? 'a list' : 'a map') : `"${String(given)}"`;
      file.error([...at, key], `unknown ${key} ${shown}: expected one of ${options.join(', ')}`);
      return false;
    }
    return checkSchema(file, member, value, at);
  }
  file.error(at, 'does not match any allowed shape');
  return false;
}

function literalsOf(schema: TSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.const !== undefined) return [String(schema.const)];
  if (schema.anyOf) return (schema.anyOf as TSchema[]).flatMap(literalsOf);
  return [];
}

function report(file: YamlFile, error: ErrorObject, at: DataPath): void {
  const path = [...at, ...pointerToPath(error.instancePath)];
  const where = path.length ? `"${path.join('.')}"` : 'the file';
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      const what = field === 'da' ? ' (the Danish text is required)' : '';
      file.error(path, `missing required field "${field}" in ${where}${what}`);
      break;
    }
    case 'additionalProperties': {
      const field = String(p.additionalProperty);
      const known = Object.keys((error.parentSchema as TSchema)?.properties ?? {});
      file.error([...path, field], `unknown field "${field}" in ${where}${didYouMean(field, known)}`, true);
      break;
    }
    case 'pattern':
      file.error(path, `${where}: ${(error.parentSchema as TSchema)?.description ?? `must match ${String(p.pattern)}`}`);
      break;
    case 'propertyNames':
      break; // reported by the pattern error on the key itself
    case 'type':
      if (p.type === 'array' && error.data === null) {
        // "add:" with nothing under it: say it in words, not as a type.
        file.error(path, `${where} is empty: list one or more items under it, each on its own line starting with "- ", or delete the line`);
        break;
      }
      file.error(path, `${where} must be ${String(p.type)}${typeHint(String(p.type), error.data, error.parentSchema as TSchema | undefined, path)}`);
      break;
    case 'minItems':
      file.error(path, `${where} needs at least ${String(p.limit)} item(s)`);
      break;
    case 'maxItems':
      file.error(path, `${where} allows at most ${String(p.limit)} items`);
      break;
    case 'minLength':
      file.error(path, `${where} must not be empty`);
      break;
    case 'const':
      file.error(path, `${where} must be ${JSON.stringify(p.allowedValue)}`);
      break;
    default:
      file.error(path, `${where} ${error.message ?? 'is not valid'}`);
  }
}

/** What YAML made of what the author probably meant, for the slips authors of prose make most. */
function typeHint(expected: string, got: unknown, schema: TSchema | undefined, path: DataPath): string {
  if (got === null) {
    const colour = path.includes('colours');
    return colour ? ' (it is empty: a value starting with # is a comment in YAML, so put a colour in quotes, e.g. \'#0f5499\')' : ' (it is empty)';
  }
  if (expected === 'string' && typeof got === 'number') return ` (YAML read it as a number: put it in quotes, e.g. '${String(got)}')`;
  if (expected === 'string' && typeof got === 'object') return ' (a text that starts with { or [ is read as a list or map: put the whole text in quotes)';
  if (expected === 'object' && typeof got === 'string' && schema?.properties?.da) return ' (write it per language: { da: …, en: … })';
  return '';
}

function pointerToPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(value: unknown, path: ReadonlyArray<string | number>): unknown {
  let v: unknown = value;
  for (const part of path) v = (v as Record<string | number, unknown> | undefined)?.[part];
  return v;
}

/** ' (did you mean "feedback"?)' when a known word is one or two typos away. */
export function didYouMean(word: string, known: readonly string[]): string {
  const close = known
    .map((k) => [k, distance(word.toLowerCase(), k.toLowerCase())] as const)
    .filter(([, d]) => d <= Math.max(1, Math.min(3, Math.floor(word.length / 3))))
    .sort((a, b) => a[1] - b[1])[0];
  return close ? ` (did you mean "${close[0]}"?)` : '';
}

/** Edits between two words, a swap of two neighbouring letters counting as one (the commonest typo). */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) next[j] = Math.min(next[j], before[j - 2] + 1);
    }
    before = row;
    row = next;
  }
  return row[b.length];
}
