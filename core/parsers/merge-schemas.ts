import type { SchemaNode, SourceLocation } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { namesCamelCase, toCamel, toSnake } from '../naming.js';

export interface SchemaEntry {
  schema: SchemaNode;
  source: SourceLocation;
}

/** Hints whose values are lists: both documents' items count. */
const LISTED_HINTS: readonly string[] = [SCHEMA_HINTS.unique, SCHEMA_HINTS.index, SCHEMA_HINTS.aliases];

/**
 * One schema two markdown documents describe, each its part (the API list the fields a create
 * sends, the requirements' data model every column with its length and rules): the properties of
 * both, matched by snake_case name. Where both describe a property, the first document's words win
 * and the second fills in what it leaves out (a length, a unique, a default). A property is required
 * when every document listing it requires it. Undefined when they contradict each other (a
 * property typed differently) or are not both markdown, which stays an error.
 */
export function mergedMarkdownSchema(first: SchemaEntry, second: SchemaEntry): SchemaEntry | undefined {
  if (!isMarkdown(first.source.file) || !isMarkdown(second.source.file)) return undefined;
  const a = first.schema;
  const b = second.schema;
  // One field's values listed in both (`0正常 1停用` in the API list and the design): the one enum, the first's words.
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) return sameValues(a.enum, b.enum) ? { schema: filled(b, a), source: first.source } : undefined;
  if (!isObject(a) || !isObject(b)) return undefined;
  const ownProperties = (schema: SchemaNode) => (schema.properties ?? {}) as Record<string, SchemaNode>;
  const properties: Record<string, SchemaNode> = { ...ownProperties(a) };
  const bySnake = new Map(Object.keys(properties).map((name) => [toSnake(name), name]));
  // The API's spelling, whichever document comes first: `order_no` of a design joins `userId`, `addressId` as `orderNo`.
  const camel = namesCamelCase(Object.keys(ownProperties(a))) || namesCamelCase(Object.keys(ownProperties(b)));
  const nameInB = new Map<string, string>();
  for (const [name, property] of Object.entries(ownProperties(b))) {
    const known = bySnake.get(toSnake(name));
    if (known === undefined) {
      properties[name] = second.source.file === first.source.file ? property : { ...property, [SCHEMA_HINTS.sourceFile]: second.source.file };
      nameInB.set(name, name);
      continue;
    }
    const merged = mergedProperty(properties[known]!, property);
    if (merged === undefined) return undefined;
    properties[known] = merged;
    nameInB.set(known, name);
  }
  // One part declares the key (`product_id`, 主键): the `id` the other's reader added where its part named none goes.
  const declaresKey = Object.values(properties).some((node) => node[SCHEMA_HINTS.primaryKey] === true);
  if (declaresKey && properties.id !== undefined && addedKey(properties.id)) delete properties.id;
  // The declared key first, where the added `id` stood: tables show it first.
  const key = Object.entries(properties).find(([, node]) => node[SCHEMA_HINTS.primaryKey] === true);
  const ordered: Record<string, SchemaNode> = key ? { [key[0]]: key[1], ...Object.fromEntries(Object.entries(properties).filter(([name]) => name !== key[0])) } : properties;
  const requiredIn = (schema: SchemaNode) => new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const requiredA = requiredIn(a);
  const requiredB = requiredIn(b);
  const inA = new Set(Object.keys(ownProperties(a)));
  const required = Object.keys(ordered).filter((name) => (!inA.has(name) || requiredA.has(name)) && (!nameInB.has(name) || requiredB.has(nameInB.get(name)!)));
  const spelling = (name: string) => (camel ? toCamel(name) : name);
  const schema: SchemaNode = { ...filled(b, a), properties: Object.fromEntries(Object.entries(ordered).map(([name, node]) => [spelling(name), node])), required: required.map(spelling) };
  for (const hint of LISTED_HINTS) {
    const items = [a[hint], b[hint]].filter(Array.isArray).flat();
    if (items.length > 0) schema[hint] = [...new Map(items.map((item) => [JSON.stringify(item), item])).values()];
  }
  // A design's table is an entity of its own unless the API's part says what its rows are (items nested in an order).
  const described = [a, b].filter((part) => part[SCHEMA_HINTS.tableName] === undefined || part[SCHEMA_HINTS.entity] !== true);
  if (described.length > 0 && !described.some((part) => part[SCHEMA_HINTS.entity] === true)) delete schema[SCHEMA_HINTS.entity];
  return { schema, source: first.source };
}

/** One property both describe: the first's keys, and what only the second says. Undefined when their types differ. */
function mergedProperty(a: SchemaNode, b: SchemaNode): SchemaNode | undefined {
  // `{name, lead_time_days}` in a list gives no type (text by default); the design's `INTEGER` does.
  if (a.type !== b.type && untyped(a) && b.type !== undefined) return filled(a, { ...b, type: b.type });
  if (a.type !== b.type && untyped(b) && a.type !== undefined) return filled(b, { ...a, type: a.type });
  if (a.type !== undefined && b.type !== undefined && a.type !== b.type && !(isNumeric(a.type) && isNumeric(b.type))) return undefined;
  if (a.$ref !== undefined || b.$ref !== undefined) return a.$ref !== undefined ? a : b;
  return filled(b, a);
}

/** `over`'s keys, with `under`'s where `over` has none; the reasons (`x-why`) of both. */
function filled(under: SchemaNode, over: SchemaNode): SchemaNode {
  const merged: SchemaNode = { ...under, ...Object.fromEntries(Object.entries(over).filter(([, value]) => value !== undefined)) };
  const why = { ...(under[SCHEMA_HINTS.why] as object | undefined), ...(over[SCHEMA_HINTS.why] as object | undefined) };
  if (Object.keys(why).length > 0) merged[SCHEMA_HINTS.why] = why;
  return merged;
}

/** Text and nothing more said of it (no format, length, values or note): what a list naming a field without its type gives. */
function untyped(node: SchemaNode): boolean {
  return node.type === 'string' && Object.keys(node).every((key) => key === 'type' || key.startsWith('x-'));
}

/** The `id` a markdown reader adds to an entity whose fields name none: an integer, read-only, and nothing more said of it. */
function addedKey(node: SchemaNode): boolean {
  return Object.keys(node).every((key) => key === 'type' || key === 'readOnly' || key === SCHEMA_HINTS.sourceLine || key === SCHEMA_HINTS.sourceFile) && node.type === 'integer';
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  const key = (values: readonly unknown[]) => JSON.stringify([...values].map((value) => JSON.stringify(value)).sort());
  return key(a) === key(b);
}

function isNumeric(type: unknown): boolean {
  return type === 'integer' || type === 'number';
}

function isObject(schema: SchemaNode): boolean {
  return (schema.type === 'object' || schema.type === undefined) && typeof schema.properties === 'object' && schema.properties !== null;
}

function isMarkdown(file: string): boolean {
  return /\.(?:md|markdown)$/i.test(file);
}
