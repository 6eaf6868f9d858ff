import { InfraStackError } from '../errors.js';
import { locationOf, type SchemaNode, type SourceLocation } from '../model/api-document.js';
import type { Field, FieldHints, OnDelete } from '../model/domain-model.js';
import { ON_DELETE_RULES, readOnDeleteRule, SCHEMA_HINTS } from '../model/hints.js';
import { toSnake } from '../naming.js';

/** The location of a node, with the line a line-based parser recorded on it. */
export function sourceOf(node: SchemaNode, fallback: SourceLocation): SourceLocation {
  const line = node[SCHEMA_HINTS.sourceLine];
  return typeof line === 'number' ? { ...fallback, line } : fallback;
}

/** Reads the storage hints written on a property; a malformed one is an error at the property. */
export function fieldHintsOf(node: SchemaNode, source: SourceLocation): FieldHints | undefined {
  let hints: FieldHints | undefined;
  if (node[SCHEMA_HINTS.unique] === true) (hints ??= {}).unique = true;
  if (node[SCHEMA_HINTS.index] === true) (hints ??= {}).index = true;
  const onDelete = node[SCHEMA_HINTS.onDelete];
  if (onDelete !== undefined) (hints ??= {}).onDelete = onDeleteRule(onDelete, source);
  const references = node[SCHEMA_HINTS.references];
  if (references !== undefined) {
    if (typeof references !== 'string' || references === '') throw hintError(`${SCHEMA_HINTS.references} must name a schema`, source);
    (hints ??= {}).references = references;
  }
  return hints;
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
