import { InfraStackError } from '../errors.js';
import { locationOf, type SchemaNode, type SourceLocation } from '../model/api-document.js';
import type { Field, FieldHints, OnDelete, Reason } from '../model/domain-model.js';
import { ON_DELETE_RULES, readOnDeleteRule, SCHEMA_HINTS } from '../model/hints.js';
import { toSnake } from '../naming.js';

/** The location of a node, with the line a line-based parser recorded on it. */
export function sourceOf(node: SchemaNode, fallback: SourceLocation): SourceLocation {
  const line = node[SCHEMA_HINTS.sourceLine];
  const file = node[SCHEMA_HINTS.sourceFile];
  const located = typeof file === 'string' ? { ...fallback, file } : fallback;
  return typeof line === 'number' ? { ...located, line } : located;
}

/** Reads the storage hints written on a property; a malformed one is an error at the property. */
export function fieldHintsOf(node: SchemaNode, source: SourceLocation): FieldHints | undefined {
  let hints: FieldHints | undefined;
  if (node[SCHEMA_HINTS.unique] === true) (hints ??= {}).unique = true;
  if (node[SCHEMA_HINTS.index] === true) (hints ??= {}).index = true;
  const onDelete = node[SCHEMA_HINTS.onDelete];
  if (onDelete !== undefined) (hints ??= {}).onDelete = onDeleteRule(onDelete, source);
  if (node[SCHEMA_HINTS.softDeleteCascade] === true) (hints ??= {}).softDeleteCascade = true;
  if (node[SCHEMA_HINTS.primaryKey] === true) (hints ??= {}).primaryKey = true;
  const references = node[SCHEMA_HINTS.references];
  if (references !== undefined) {
    if (typeof references !== 'string' || references === '') throw hintError(`${SCHEMA_HINTS.references} must name a schema`, source);
    (hints ??= {}).references = references;
  }
  const reasons = whyOf(node);
  if (hints && reasons) hints.why = reasons;
  return hints;
}

const WHY_KEYS: [string, keyof NonNullable<FieldHints['why']>][] = [
  [SCHEMA_HINTS.unique, 'unique'],
  [SCHEMA_HINTS.index, 'index'],
  [SCHEMA_HINTS.onDelete, 'onDelete'],
  [SCHEMA_HINTS.references, 'references'],
  [SCHEMA_HINTS.softDeleteCascade, 'softDeleteCascade'],
  [SCHEMA_HINTS.primaryKey, 'primaryKey'],
];

/** The reasons an `x-why` hint gives, by field hint. */
function whyOf(node: SchemaNode): FieldHints['why'] {
  const written = node[SCHEMA_HINTS.why] as Record<string, { rule?: unknown; file?: unknown; line?: unknown }> | undefined;
  if (!written || typeof written !== 'object') return undefined;
  const reasons: NonNullable<FieldHints['why']> = {};
  for (const [hint, key] of WHY_KEYS) {
    const entry = written[hint];
    if (entry && typeof entry.rule === 'string' && typeof entry.file === 'string') {
      reasons[key] = { rule: entry.rule, source: { file: entry.file, pointer: '', ...(typeof entry.line === 'number' ? { line: entry.line } : {}) } };
    }
  }
  return Object.keys(reasons).length > 0 ? reasons : undefined;
}

/** The reason an `x-why` hint gives a schema-level hint (`x-soft-delete`). */
export function schemaWhy(node: SchemaNode, hint: string): Reason | undefined {
  const entry = (node[SCHEMA_HINTS.why] as Record<string, { rule?: unknown; file?: unknown; line?: unknown }> | undefined)?.[hint];
  if (!entry || typeof entry.rule !== 'string' || typeof entry.file !== 'string') return undefined;
  return { rule: entry.rule, source: { file: entry.file, pointer: '', ...(typeof entry.line === 'number' ? { line: entry.line } : {}) } };
}

export function onDeleteRule(value: unknown, source: SourceLocation): OnDelete {
  const rule = readOnDeleteRule(value);
  if (!rule) throw hintError(`${SCHEMA_HINTS.onDelete} is ${JSON.stringify(value)}: expected one of ${ON_DELETE_RULES.join(', ')}`, source);
  return rule;
}

export function hintError(message: string, source: SourceLocation): InfraStackError {
  return new InfraStackError(message, { file: source.file, location: locationOf(source) });
}

/**
 * snake_case name of a property. Two properties that collapse to one name (`fooBar` and
 * `foo_bar`, or two names of letters with no ASCII spelling) are both valid on the wire: the name
 * goes to the property spelled exactly so (`foo_bar`), else to the first; the others are numbered
 * (`foo_bar_2`), their wire names kept. `wireNames` are all the properties' names of the object.
 */
export function fieldName(wireName: string, earlier: readonly Field[], source: SourceLocation, wireNames: Iterable<string> = []): string {
  const name = toSnake(wireName);
  if (name === '') throw hintError(`the property name ${JSON.stringify(wireName)} gives no usable identifier`, source);
  const others = new Set(wireNames);
  others.delete(wireName);
  const taken = (candidate: string) => others.has(candidate) || earlier.some((f) => f.name === candidate);
  if (!taken(name)) return name;
  for (let n = 2; ; n += 1) if (!taken(`${name}_${n}`)) return `${name}_${n}`;
}
