import { componentSchemaName } from '../openapi/json-pointer.js';
import type { SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { isDeletionMarkName } from '../../model/deletion-marks.js';
import { namesRowMoment } from '../../model/stamp-names.js';
import { toSnake } from '../../naming.js';
import { ComponentRegistry, SOURCE_LINE } from './component-registry.js';
import type { NamedTable, Section } from './document-outline.js';
import { markdownError } from './errors.js';
import { defaultOf } from './field-default.js';
import type { FieldRow, FieldTable } from './field-table.js';
import { schemaFromFieldName } from './field-name-types.js';
import { resourceHints } from './hint-tokens.js';
import type { ResourceGroup } from './resource-groups.js';

/** An entity's fields as the tables and response lines give them. */
export interface EntityFields {
  name: string;
  properties: Map<string, SchemaNode>;
  required: string[];
  /** The fields a client may send (not read-only). */
  writable: Set<string>;
}

const BODY_METHODS = new Set(['post', 'put', 'patch']);
const WRITE_FLAGS = ['readOnly', 'writeOnly'];

/** The node without what only documents it, to compare two tables' idea of one field. */
function typeOnly(node: SchemaNode): string {
  return JSON.stringify(node, (key, value: unknown) => (key === SOURCE_LINE || key === 'description' || key === 'default' || key.startsWith('x-') || WRITE_FLAGS.includes(key) ? undefined : value));
}

/**
 * What two tables' rows for one field agree on: either row where they say the same, the more
 * precise where one only adds to the other (a text, then the values it takes or its length; an
 * integer, then its bounds), its notes kept; undefined where they differ.
 */
function agreedProperty(existing: SchemaNode, node: SchemaNode, registry: ComponentRegistry): SchemaNode | undefined {
  if (typeOnly(existing) === typeOnly(node) || refines(node, existing, registry)) return existing;
  const notes = existing.description !== undefined && node.description === undefined ? { description: existing.description } : {};
  if (refines(existing, node, registry)) return { ...node, ...notes, [SOURCE_LINE]: existing[SOURCE_LINE] };
  // An update's table listing some of the values (`annulee` left to the cancel action): the field takes them all.
  const [valuesA, valuesB] = [enumValues(existing, registry), enumValues(node, registry)];
  if (valuesA && valuesB && valuesB.every((value) => valuesA.includes(value))) return existing;
  if (valuesA && valuesB && valuesA.every((value) => valuesB.includes(value))) return { ...node, ...notes, [SOURCE_LINE]: existing[SOURCE_LINE] };
  // `decimal (5,2)` in the answer's table and `decimal`, "greater than 0" in the body's: both hold.
  const both = boundsOfBoth(existing, node);
  return both === undefined ? undefined : { ...node, ...notes, ...both, [SOURCE_LINE]: existing[SOURCE_LINE] };
}

/** The hints a field's rules give (a reading's own marks, its line and its reasons left out). */
const RULE_HINTS: ReadonlySet<string> = new Set(Object.values(SCHEMA_HINTS).filter((hint) => hint !== SCHEMA_HINTS.sourceLine && hint !== SCHEMA_HINTS.why));

/**
 * The rules another table's row of the field states that the agreed one does not (`一意` in the
 * answer's table, `重複時は 409` in the body's): each table says what it says, and all of it holds.
 */
function withRulesOf(agreed: SchemaNode, other: SchemaNode): SchemaNode {
  const why = SCHEMA_HINTS.why;
  const added = Object.entries(other).filter(([key]) => RULE_HINTS.has(key) && agreed[key] === undefined);
  if (added.length === 0) return agreed;
  const reasons = { ...(other[why] as Record<string, unknown> | undefined), ...(agreed[why] as Record<string, unknown> | undefined) };
  return { ...agreed, ...Object.fromEntries(added), ...(Object.keys(reasons).length > 0 ? { [why]: reasons } : {}) };
}

/** The values a property takes, listed inline or by the enum it refers to. */
function enumValues(node: SchemaNode, registry: ComponentRegistry): unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum as unknown[];
  const referenced = typeof node.$ref === 'string' ? registry.schemas.get(componentSchemaName(node.$ref) ?? '')?.schema.enum : undefined;
  return Array.isArray(referenced) ? (referenced as unknown[]) : undefined;
}

/**
 * What two rows of one scalar type (same type and format) say together, where each adds its own
 * bounds (`decimal (5,2)`'s and "greater than 0"'s). Undefined where both state one thing
 * differently (two lengths, two lists of values): a contradiction to name.
 */
function boundsOfBoth(a: SchemaNode, b: SchemaNode): SchemaNode | undefined {
  const shapeA = JSON.parse(typeOnly(a)) as Record<string, unknown>;
  const shapeB = JSON.parse(typeOnly(b)) as Record<string, unknown>;
  if (shapeA.$ref !== undefined || shapeB.$ref !== undefined || shapeA.type !== shapeB.type || shapeA.format !== shapeB.format) return undefined;
  const both: SchemaNode = {};
  for (const key of new Set([...Object.keys(shapeA), ...Object.keys(shapeB)])) {
    const [x, y] = [shapeA[key], shapeB[key]];
    if (x !== undefined && y !== undefined && JSON.stringify(x) !== JSON.stringify(y)) return undefined;
    both[key] = x ?? y;
  }
  return both;
}

/** Whether `specific` says all `general` says of a type (a listed values' component read as its schema), and more. */
function refines(general: SchemaNode, specific: SchemaNode, registry: ComponentRegistry): boolean {
  const shape = (node: SchemaNode): Record<string, unknown> => JSON.parse(typeOnly(node)) as Record<string, unknown>;
  const said = shape(specific);
  const referenced = typeof said.$ref === 'string' ? registry.schemas.get(componentSchemaName(said.$ref) ?? '')?.schema : undefined;
  const full = referenced !== undefined && referenced.type !== 'object' ? { ...shape(referenced), ...said } : said;
  return Object.entries(shape(general)).every(([key, value]) => JSON.stringify(full[key]) === JSON.stringify(value));
}

/** A field's type in a few words, for an error: `string`, `integer (minimum 0)`, `one of a, b`. */
function describeType(node: SchemaNode, registry: ComponentRegistry): string {
  const { type, format, $ref, items, ...rest } = JSON.parse(typeOnly(node)) as Record<string, unknown>;
  if (typeof $ref === 'string') {
    const name = componentSchemaName($ref) ?? $ref;
    const values = registry.schemas.get(name)?.schema.enum;
    return Array.isArray(values) ? `one of ${values.join(', ')}` : name;
  }
  const base = `${String(type ?? 'any value')}${typeof format === 'string' ? ` (${format})` : ''}${items !== undefined ? ` of ${describeType(items as SchemaNode, registry)}` : ''}`;
  const bounds = Object.entries(rest).map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : JSON.stringify(value)}`);
  return bounds.length > 0 ? `${base} (${bounds.join(', ')})` : base;
}

/** A property node from a table row: its type, description and hints, and the line it came from. */
export function propertyOf(row: FieldRow, owner: string, registry: ComponentRegistry): SchemaNode {
  return {
    ...registry.schemaOf(row.type, owner, row.name, row.line),
    ...(row.description !== undefined ? { description: row.description } : {}),
    ...defaultOf(row.type, row.defaultText),
    ...row.hints,
    [SOURCE_LINE]: row.line,
  };
}

/** Builds the schema of a `Name:` table. */
export function namedTableSchema(named: NamedTable, registry: ComponentRegistry, file: string): SchemaNode {
  const rows = named.table.rows;
  const schema = { ...objectSchema(rows.map((row) => [row.name, propertyOf(row, named.name, registry)]), rows.filter((r) => r.required).map((r) => r.name), named.line), ...namedTableHints(named) };
  // A design's `is_deleted`/`del_flag` column: its rows are soft deleted, and it marks them.
  const mark = named.tableName === undefined ? undefined : rows.find((row) => isDeletionMarkName(row.name));
  if (!mark) return schema;
  return {
    ...schema,
    [SCHEMA_HINTS.softDelete]: true,
    [SCHEMA_HINTS.softDeleteField]: mark.name,
    [SCHEMA_HINTS.why]: { [SCHEMA_HINTS.softDelete]: { rule: `the column ${mark.name} marks deleted rows`, file, line: mark.line } },
  };
}

/** What a table's heading says of its type: the other names it gives (for the rules that use them), the table it names. */
/** What a named table says of its type besides its fields: other names, its table's name, columns unique together. */
export function namedTableHints(named: NamedTable | undefined): SchemaNode {
  return {
    ...(named?.aliases ? { [SCHEMA_HINTS.aliases]: named.aliases } : {}),
    ...(named?.uniques && named.uniques.length > 0 ? { [SCHEMA_HINTS.unique]: named.uniques } : {}),
    // A database design's table is a table, whether or not a path serves its rows.
    ...(named?.tableName !== undefined ? { [SCHEMA_HINTS.tableName]: named.tableName, [SCHEMA_HINTS.entity]: true } : {}),
  };
}

export function objectSchema(properties: [string, SchemaNode][], required: string[], line: number): SchemaNode {
  return { type: 'object', ...(required.length > 0 ? { required } : {}), properties: Object.fromEntries(properties), [SOURCE_LINE]: line };
}

/**
 * The union of the entity's body tables (POST, PUT, PATCH on its paths), response tables and
 * response field lists. Fields no body sends are read-only; `id` comes first, added when absent
 * (unless the item path names the rows by a field only answers carry).
 */
export function collectEntityFields(name: string, group: ResourceGroup, ownTable: NamedTable | undefined, registry: ComponentRegistry, file: string): EntityFields {
  const properties = new Map<string, SchemaNode>();
  const sent = new Set<string>();
  // Fields typed only by an example's value (`"Tortilla"` is text, the table says `varchar(120)`).
  const guessed = new Set<string>();
  const addRow = (row: FieldRow, fromBody: boolean, fromExample = false) => {
    const node = propertyOf(row, name, registry);
    const existing = properties.get(row.name);
    if (fromBody) sent.add(row.name);
    if (existing && (fromExample || !guessed.has(row.name))) {
      if (fromExample) return;
      const agreed = agreedProperty(existing, node, registry);
      if (agreed === undefined) {
        throw markdownError(file, row.line, `field ${row.name} of ${name} is ${describeType(node, registry)} here but ${describeType(existing, registry)} at line ${String(existing[SOURCE_LINE])}; one field takes one type`);
      }
      properties.set(row.name, withRulesOf(agreed, existing === agreed ? node : existing));
      return;
    }
    // A table's word for a type overrules an example's guess.
    properties.set(row.name, node);
    if (fromExample) guessed.add(row.name);
    else guessed.delete(row.name);
  };
  const bodies = group.entityEndpoints.filter(({ endpoint }) => BODY_METHODS.has(endpoint.method) && endpoint.body);
  // A type shown by an example (`**Deal object**` over a JSON block) is typed by its values: a guess a table overrules.
  for (const row of ownTable?.table.rows ?? []) addRow(row, true, ownTable!.table.fromExample);
  for (const { endpoint } of bodies) for (const row of endpoint.body!.rows) addRow(row, true, endpoint.body!.fromExample);
  const entityResponses = group.entityEndpoints.flatMap(({ endpoint }) => endpoint.responses.filter((r) => r.body?.typeName === name));
  for (const response of entityResponses) for (const row of response.table?.rows ?? []) addRow(row, false, response.table?.fromExample);
  // `Phản hồi: mảng danh mục.` or `Response: the created Invoice.` and a table under the resource's endpoint: no type named, the rows are the entity's (or of the page around them).
  // An example there shows one response, not the row: it adds nothing (see `readJsonExample`).
  const untyped = [...group.entityEndpoints, ...group.nestedReads].flatMap(({ endpoint }) =>
    endpoint.method !== 'delete' ? endpoint.responses.filter((r) => r.body === undefined && r.table !== undefined && r.table.fromExample !== true && !isPageTable(r.table)) : [],
  );
  for (const response of untyped) for (const row of response.table!.rows) addRow(row, false);
  // An example answer showing the row's moments (`"createdAt": "2024-05-01T12:00:00Z"`) says the
  // answers carry them, though it says nothing else of the row: its other values may be joined
  // from other rows (`owner_name`) or set by processes the document does not describe.
  const shown = group.entityEndpoints.flatMap(({ endpoint }) => (endpoint.method !== 'delete' ? endpoint.responses.filter((r) => r.table?.fromExample === true && !isPageTable(r.table)) : []));
  const moments = new Set<string>();
  for (const response of shown) {
    for (const row of response.table!.rows) {
      if (properties.has(row.name) || !isMomentRow(row)) continue;
      addRow(row, false, true);
      moments.add(row.name);
    }
  }
  for (const response of entityResponses) {
    for (const field of response.fields) {
      if (!properties.has(field)) properties.set(field, { ...schemaFromFieldName(field), [SOURCE_LINE]: response.line });
    }
  }
  // The entity's own type (`interface User`, `### User`) shows what answers carry: a field only a
  // request sends (a register's `password`) is stored and never answered. Keys are not such fields:
  // the type may show what they point at instead (`labels: Label[]` for the `labelIds` sent).
  if (ownTable) {
    const own = new Set(ownTable.table.rows.map((row) => row.name));
    const answered = new Set([...entityResponses, ...untyped, ...shown].flatMap((response) => response.table?.rows.map((row) => row.name) ?? []));
    for (const [field, node] of properties) {
      const key = /^id$|_ids?$|[a-z0-9]Ids?$/.test(field);
      if (sent.has(field) && !own.has(field) && !answered.has(field) && !key) properties.set(field, { ...node, writeOnly: true });
    }
  }
  const hasBodies = sent.size > 0;
  const line = (ownTable?.line ?? group.entityEndpoints[0]?.endpoint.line) ?? 1;
  // `/depts/{deptId}` where only answers carry `deptId`: the rows' own key under its own name (the
  // derivation makes it the key), no `id` beside it.
  const itemKey = /\{([^{}/]+)\}$/.exec(group.itemPath ?? '')?.[1];
  // `| product_id | Long | 主键，自增 |`: a key the document declares, whatever its name, no `id` beside it either.
  const declaredKey = !properties.has('id') && [...properties.values()].some((node) => node[SCHEMA_HINTS.primaryKey] === true);
  const ownKey = declaredKey || (hasBodies && itemKey !== undefined && !properties.has('id') && properties.has(itemKey) && !sent.has(itemKey));
  // The key first, as every table shows it, whichever table listed it first.
  const keyField = ownKey ? ([...properties].find(([, node]) => node[SCHEMA_HINTS.primaryKey] === true)?.[0] ?? itemKey) : 'id';
  const ordered = new Map<string, SchemaNode>(
    ownKey ? (keyField !== undefined && properties.has(keyField) ? [[keyField, properties.get(keyField)!]] : []) : [['id', properties.get('id') ?? { type: 'integer', readOnly: true, [SOURCE_LINE]: line }]],
  );
  for (const [field, node] of properties) if (!ordered.has(field) && field !== 'id') ordered.set(field, node);
  for (const [field, node] of ordered) {
    if (hasBodies && !sent.has(field) && node.readOnly === undefined) ordered.set(field, { ...node, readOnly: true });
  }
  const writable = new Set([...ordered].filter(([field, node]) => node.readOnly !== true && field !== 'id').map(([field]) => field));
  // A moment the server gives always has a value.
  const required = [...new Set([...requiredOf(group, ownTable, ordered), ...moments])];
  return { name, properties: ordered, required, writable };
}

function isMomentRow(row: FieldRow): boolean {
  return row.type.kind === 'scalar' && row.type.schema.format === 'date-time' && namesRowMoment(toSnake(row.name));
}

/** The row of a page of results holding the list (`list: Course[]`, `items`, `data`): the table describes the envelope, not a row. */
const LIST_ROWS = /^(?:list|items|data|records|rows|results|content|entries)$/i;

function isPageTable(table: FieldTable): boolean {
  return table.rows.some((row) => row.type.kind === 'array' && (LIST_ROWS.test(row.name) || row.type.items.kind === 'named'));
}

/**
 * The POST table's required fields (else the PUT's, else the entity's own table's), and `id`. An
 * example body says only what one request sent, so its keys decide only where no table does.
 */
function requiredOf(group: ResourceGroup, ownTable: NamedTable | undefined, properties: Map<string, SchemaNode>): string[] {
  const tableOf = (method: string, fromExample: boolean): FieldTable | undefined =>
    group.entityEndpoints.find(({ endpoint }) => endpoint.method === method && endpoint.body && (endpoint.body.fromExample === true) === fromExample)?.endpoint.body;
  const table = tableOf('post', false) ?? tableOf('put', false) ?? ownTable?.table ?? tableOf('post', true) ?? tableOf('put', true);
  const required = new Set((table?.rows ?? []).filter((row) => row.required).map((row) => row.name));
  required.add('id');
  return [...properties.keys()].filter((field) => required.has(field));
}

/** The entity's component schema, with the resource hints of its sections. */
export function entitySchema(fields: EntityFields, sections: readonly Section[], line: number, file: string): SchemaNode {
  const hints: SchemaNode = {};
  for (const { tokens, line: hintLine } of sections.flatMap((section) => section.hintTokens)) {
    for (const [key, value] of Object.entries(resourceHints(tokens, file, hintLine))) {
      hints[key] = Array.isArray(value) && Array.isArray(hints[key]) ? [...(hints[key] as unknown[]), ...value] : value;
    }
  }
  return { ...objectSchema([...fields.properties], fields.required, line), ...hints };
}
