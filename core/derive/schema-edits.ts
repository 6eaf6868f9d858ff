/** Reading and editing schema nodes as the rules do: their properties, keys to other schemas, and why a hint is there. */
import type { RuleSource, SchemaNode } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { toSnake } from '../naming.js';
import type { Target } from './entity-names.js';

/** Why a hint is there: the rule's sentence and where it was read. */
export function why(source: RuleSource): { rule: string; file: string; line?: number } {
  return { rule: `rule "${source.text.trim()}"`, file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) };
}

export function recordWhy(node: SchemaNode, hint: string, source: RuleSource): void {
  const reasons = { ...((node[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}) };
  reasons[hint] = why(source);
  node[SCHEMA_HINTS.why] = reasons;
}

export function propertiesOf(schema: SchemaNode): Record<string, SchemaNode> {
  if (schema.properties === undefined || typeof schema.properties !== 'object') schema.properties = {};
  return schema.properties as Record<string, SchemaNode>;
}

/** The child's key named after the parent: `department_id`, `departmentId`. */
export function keyNamedAfter(child: Target, parent: string): SchemaNode | undefined {
  const properties = propertiesOf(child.schema);
  const stem = toSnake(parent);
  return properties[`${stem}_id`] ?? properties[`${stem.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id`];
}

export function findKey(child: Target, parent: string): SchemaNode | undefined {
  const properties = propertiesOf(child.schema);
  const stem = toSnake(parent);
  const byName = keyNamedAfter(child, parent);
  if (byName) return byName;
  const referencing = Object.values(properties).find((node) => node[SCHEMA_HINTS.references] === parent);
  if (referencing) return referencing;
  // A row's key to another row of its own table is named for the parent, not the table: `parentId`, `zona_padre_id`.
  if (child.name === parent) return parentKeyOf(properties);
  // A rule relating the two names the key written short: `dept_id` of a Department.
  const short = Object.keys(properties).filter((name) => /_id$/.test(name) && properties[name]![SCHEMA_HINTS.references] === undefined && abbreviates(name.slice(0, -3), stem));
  return short.length === 1 ? properties[short[0]!] : undefined;
}

/** `parent` in the languages of the documents (Spanish, Italian, Portuguese, French, German, Vietnamese), as a key's name spells it. */
const PARENT_WORD = /^(?:parent|padre|pai|mae|madre|pere|mere|eltern|cha|superior|upper)$/;

/**
 * The one key a row has to its parent row in the same table, by its name: `parent_id`, `parentId`,
 * `parent_task_id`, `zona_padre_id`, `danh_muc_cha_id`. Undefined when none or several.
 */
export function parentKeyOf(properties: Record<string, SchemaNode>): SchemaNode | undefined {
  const keys = Object.keys(properties).filter((name) => {
    const words = toSnake(name).split('_');
    return words.length >= 2 && words[words.length - 1] === 'id' && words.slice(0, -1).some((word) => PARENT_WORD.test(word)) && properties[name]![SCHEMA_HINTS.references] === undefined;
  });
  return keys.length === 1 ? properties[keys[0]!] : undefined;
}

/** `dept` of `department`, `cust` of `customer`: the word's first two letters, then some of its others in order. */
function abbreviates(short: string, word: string): boolean {
  if (short.length < 3 || short.length >= word.length || !word.startsWith(short.slice(0, 2))) return false;
  let at = 0;
  for (const letter of short) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The type of a key to the schema: its `id`'s (integer unless written otherwise). */
export function keyTypeOf(schema: SchemaNode): SchemaNode {
  const id = propertiesOf(schema).id;
  if (id?.type === 'string') return { type: 'string', ...(typeof id.format === 'string' ? { format: id.format } : {}) };
  return { type: 'integer', ...(id?.format === 'int64' ? { format: 'int64' } : {}) };
}
