import type { ApiDocument, DocumentRule, DocumentWarning, SchemaNode } from '../model/api-document.js';
import { compositeWhyKey, SCHEMA_HINTS } from '../model/hints.js';
import { toSnake } from '../naming.js';
import { findKey, propertiesOf, why } from './schema-edits.js';
import type { EntityNames } from './entity-names.js';

/** Adds a composite unique to a schema, with why (keyed by its fields: a schema may have several). */
function addCompositeUnique(schema: SchemaNode, fields: string[], reason: { rule: string; file: string; line?: number }): void {
  const uniques = Array.isArray(schema[SCHEMA_HINTS.unique]) ? (schema[SCHEMA_HINTS.unique] as string[][]) : [];
  if (!uniques.some((existing) => existing.length === fields.length && existing.every((field, i) => toSnake(field) === toSnake(fields[i]!)))) uniques.push(fields);
  schema[SCHEMA_HINTS.unique] = uniques;
  const reasons = { ...((schema[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}) };
  reasons[compositeWhyKey(fields.map(toSnake))] = reason;
  schema[SCHEMA_HINTS.why] = reasons;
}


/** The property of a schema a name writes (`course_id`, `courseId`, `course id`), or undefined. */
function propertyWritten(schema: SchemaNode, written: string): string | undefined {
  const snake = toSnake(written.trim().replace(/[\s-]+/g, '_'));
  // A name in other letters (`学校`) writes no property, whatever its snake_case leaves.
  if (!/[a-z]/.test(snake)) return undefined;
  return Object.keys(propertiesOf(schema)).find((name) => toSnake(name) === snake);
}

/**
 * `(unique course_id + student_id)`: the fields unique together, on the one entity holding them
 * all (the one the sentence names, when several do). A problem when none does or it is unclear which.
 */
export function applyUniqueTogether(rule: Extract<DocumentRule, { kind: 'unique-together' }>, schemas: ApiDocument['schemas'], names: EntityNames): string | undefined {
  // `curso + estudiante es única`: a field, or the key to the entity the word names (`curso_id`);
  // `仓库 ID + 商品 ID`: the key to the entity the label names.
  const propertyOf = (schema: SchemaNode, holder: string, field: string) =>
    LABELLED_KEY.test(field) ? labelledKey(schema, holder, field, names) : (propertyWritten(schema, field) ?? propertyWritten(schema, `${field}_id`));
  const holders = [...schemas].filter(([name, { schema }]) => rule.fields.every((field) => propertyOf(schema, name, field) !== undefined));
  const named = names.resolve(rule.source.text);
  // `- (team_id, name) unique` among Label's fields: the entity of its section.
  const ofSection = rule.source.section === undefined ? undefined : names.ofTitle(rule.source.section);
  // The section's entity first: a word of the sentence may name another in passing (`only via movements`).
  const chosen = holders.length === 1 ? holders[0] : (holders.find(([name]) => name === ofSection) ?? holders.find(([name]) => name === named));
  if (!chosen) {
    return holders.length === 0
      ? `names ${rule.fields.join(', ')}, which no entity of the documents has together`
      : `names ${rule.fields.join(', ')}, which ${holders.map(([name]) => name).join(' and ')} all have; name the entity in the sentence`;
  }
  const schema = chosen[1].schema;
  addCompositeUnique(schema, rule.fields.map((field) => propertyOf(schema, chosen[0], field)!), why(rule.source));
  return undefined;
}

/** A key written as the name of its entity in other letters and `ID` (`仓库 ID`). */
const LABELLED_KEY = /^([^A-Za-z0-9_\s]+)\s*(?:ID|Id|id|编号)$/u;

/** `仓库 ID` among a stock record's fields: its key to the entity `仓库` names (`warehouseId`). */
function labelledKey(schema: SchemaNode, holder: string, field: string, names: EntityNames): string | undefined {
  const label = LABELLED_KEY.exec(field)?.[1];
  const target = label === undefined ? undefined : names.resolve(label);
  if (target === undefined || target === holder) return undefined;
  const key = findKey({ name: holder, schema }, target);
  return key === undefined ? undefined : Object.entries(propertiesOf(schema)).find(([, node]) => node === key)?.[0];
}

/**
 * `unique within the hotel` on a room's number: unique together with the room's key to its hotel
 * (or with the property the phrase names). A scope that names neither is a warning, and no
 * unique at all: enforcing it over the whole table would refuse rows the rule allows.
 */
export function resolveUniqueScopes(schemas: ApiDocument['schemas'], names: EntityNames): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  for (const [name, { schema, source }] of schemas) {
    const properties = propertiesOf(schema);
    for (const [property, node] of Object.entries(properties)) {
      const scope = node[SCHEMA_HINTS.uniqueWithin];
      if (scope === undefined) continue;
      delete node[SCHEMA_HINTS.uniqueWithin];
      const reasons = (node[SCHEMA_HINTS.why] as Record<string, { rule: string; file: string; line?: number }> | undefined) ?? {};
      const reason = reasons[SCHEMA_HINTS.uniqueWithin] ?? { rule: `${SCHEMA_HINTS.uniqueWithin} on the field`, file: source.file };
      delete reasons[SCHEMA_HINTS.uniqueWithin];
      const phrase = String(scope);
      const partner = propertyWritten(schema, phrase) ?? (/^[A-Za-z][\w\s-]*$/.test(phrase) ? propertyWritten(schema, `${phrase}_id`) : undefined) ?? keyNameTo(schema, names.resolve(phrase));
      if (partner !== undefined && partner !== property) {
        addCompositeUnique(schema, [partner, property], reason);
        continue;
      }
      const line = node[SCHEMA_HINTS.sourceLine];
      warnings.push({
        message: `${name}.${property} is unique within "${phrase}", which names no entity ${name} has a key to, nor a field of ${name}; no unique constraint added`,
        source: { file: reason.file, pointer: source.pointer, ...(typeof line === 'number' ? { line } : reason.line !== undefined ? { line: reason.line } : {}) },
      });
    }
  }
  return warnings;
}

/** The name of the schema's property keying the entity named, or undefined. */
function keyNameTo(schema: SchemaNode, entity: string | undefined): string | undefined {
  if (entity === undefined) return undefined;
  const key = findKey({ name: '', schema }, entity);
  return key === undefined ? undefined : Object.entries(propertiesOf(schema)).find(([, node]) => node === key)?.[0];
}
