import type { SchemaNode, SourceLocation } from '../../model/api-document.js';
import type { EntityLayer } from '../../model/domain-model.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import type { LocatedItem, RawColumnSet } from './items.js';
import { ColumnSpecError, parseColumnSpec } from './column-spec.js';
import type { TypeReader } from './type-reader.js';
import { isNullableSchema } from './type-schema.js';

/** The items that make one entity: its domain class, its ORM model, the repository persisting it. */
export interface EntityItems {
  name: string;
  domain?: LocatedItem;
  model?: LocatedItem;
  repository?: string;
}

/** `CustomerModel` → `Customer`; a domain entity keeps its name. */
export function entityNameOf(item: LocatedItem['item']): string {
  return item.layer === 'infrastructure/model' ? item.class_name.replace(/(?<=.)Model$/, '') : item.class_name;
}

interface PropertyOrigin {
  schema: SchemaNode;
  written: string;
  item: string;
  line: number | undefined;
}

/**
 * One component schema per entity: the union of the model's columns and the domain entity's
 * fields (model first, in the order written), `required` for those not Optional, hints for
 * constraints, layers and the items it came from.
 */
export function entitySchemaOf(
  entity: EntityItems,
  reader: TypeReader,
  lineOf: (pointer: string) => number | undefined,
  source: SourceLocation,
  tableOwner: (table: string) => string | undefined,
  notice: (message: string, pointer: string) => void = () => undefined,
): { schema: SchemaNode; source: SourceLocation } {
  const parts = [entity.model, entity.domain].filter((part): part is LocatedItem => part !== undefined);
  const properties = new Map<string, PropertyOrigin>();
  for (const { item, pointer } of parts) {
    const seenHere = new Set<string>();
    const declare = (name: string, schema: SchemaNode, written: string, declaredAt: string) => {
      if (seenHere.has(name)) reader.fail(`in ${item.class_name}: attribute ${name} is declared twice`, declaredAt);
      seenHere.add(name);
      const line = lineOf(declaredAt);
      const earlier = properties.get(name);
      if (earlier === undefined) {
        properties.set(name, { schema, written, item: item.class_name, line });
      } else if (JSON.stringify(valueType(earlier.schema)) !== JSON.stringify(valueType(schema))) {
        reader.fail(
          `${name} is "${written}" in ${item.class_name} but "${earlier.written}" in ${earlier.item}${earlier.line ? ` (line ${earlier.line})` : ''}: one entity's field has one type`,
          declaredAt,
        );
      }
    };
    (item.attributes ?? []).forEach((text, i) => {
      const attributePointer = `${pointer}/attributes/${i}`;
      const { name, schema, written } = reader.typedName(text, attributePointer);
      declare(name, schema, written, attributePointer);
    });
    (item.columns ?? []).forEach((text, i) => {
      const columnPointer = `${pointer}/columns/${i}`;
      const { name, schema, written, notKept } = columnOf(item.class_name, text, columnPointer, reader, tableOwner);
      for (const part of notKept) notice(`column ${name} of ${item.class_name}: ${part} (not kept as written)`, columnPointer);
      declare(name, schema, written, columnPointer);
    });
  }
  const schema: SchemaNode = { type: 'object' };
  const description = entity.domain?.item.description ?? entity.model?.item.description;
  if (description) schema.description = description;
  schema.properties = Object.fromEntries(
    [...properties].map(([name, { schema: property, line }]) => [name, line === undefined ? property : { ...property, [SCHEMA_HINTS.sourceLine]: line }]),
  );
  const required = [...properties].filter(([, { schema: property }]) => !isNullableSchema(property)).map(([name]) => name);
  if (required.length > 0) schema.required = required;
  Object.assign(schema, constraintHints(parts, new Set(properties.keys()), reader));
  const tableName = entity.model?.item.table_name;
  if (tableName) schema[SCHEMA_HINTS.tableName] = tableName;
  schema[SCHEMA_HINTS.entity] = true;
  schema[SCHEMA_HINTS.layers] = layersOf(entity);
  schema[SCHEMA_HINTS.classItems] = {
    ...(entity.domain ? { domain: entity.domain.item.class_name } : {}),
    ...(entity.model ? { model: entity.model.item.class_name } : {}),
    ...(entity.repository ? { repository: entity.repository } : {}),
  };
  return { schema, source };
}

/** A column spec as a property schema: its foreign key resolved to the entity mapped to the table it names. */
function columnOf(className: string, text: string, pointer: string, reader: TypeReader, tableOwner: (table: string) => string | undefined) {
  let column;
  try {
    column = parseColumnSpec(text);
  } catch (error) {
    if (!(error instanceof ColumnSpecError)) throw error;
    reader.fail(`in ${className}: column ${JSON.stringify(text)}: ${error.message}`, pointer);
  }
  if (column.primaryKey && column.name !== 'id') {
    reader.fail(`in ${className}: column ${column.name}: it is the primary key; the generated backend keys every table on a column named id: rename it id (keep ${column.name} as a unique column)`, pointer);
  }
  const schema = { ...column.schema };
  if (column.foreignKey) {
    const { table, column: targetColumn } = column.foreignKey;
    const target = tableOwner(table);
    if (target === undefined) reader.fail(`in ${className}: column ${column.name}: ForeignKey("${table}.${targetColumn}") names table ${table}, which no model or entity of this file maps`, pointer);
    if (targetColumn !== 'id') reader.fail(`in ${className}: column ${column.name}: ForeignKey("${table}.${targetColumn}") must name the key column ${table}.id`, pointer);
    schema[SCHEMA_HINTS.references] = target;
  }
  return { name: column.name, schema, written: column.written, notKept: column.notKept };
}

/** The part of a property schema two items must agree on: its value type and nullability, not its column hints. */
function valueType(schema: SchemaNode): SchemaNode {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !key.startsWith('x-') && !['default', 'description', 'maxLength', 'multipleOf', 'minimum', 'maximum'].includes(key)));
}

function layersOf(entity: EntityItems): EntityLayer[] {
  const layers: EntityLayer[] = [];
  if (entity.domain) layers.push('domain');
  if (entity.model) layers.push('model');
  if (entity.repository) layers.push('repository');
  return layers;
}

/** `constraints` of the items as schema hints; names must be attributes, and the items must agree on on_delete. */
function constraintHints(parts: LocatedItem[], attributes: Set<string>, reader: TypeReader): SchemaNode {
  const hints: SchemaNode = {};
  let onDeleteFrom: string | undefined;
  const sets: Record<'unique' | 'index', string[][]> = { unique: [], index: [] };
  for (const { item, pointer } of parts) {
    const constraints = item.constraints;
    if (!constraints) continue;
    if (constraints.on_delete !== undefined) {
      if (onDeleteFrom !== undefined && hints[SCHEMA_HINTS.onDelete] !== constraints.on_delete) {
        reader.fail(`on_delete ${constraints.on_delete} contradicts ${String(hints[SCHEMA_HINTS.onDelete])} given in ${onDeleteFrom}`, `${pointer}/constraints/on_delete`);
      }
      hints[SCHEMA_HINTS.onDelete] = constraints.on_delete;
      onDeleteFrom = item.class_name;
    }
    for (const kind of ['unique', 'index'] as const) {
      (constraints[kind] ?? []).forEach((entry: RawColumnSet, i) => {
        const columns = typeof entry === 'string' ? [entry] : entry;
        const unknown = columns.find((column) => !attributes.has(column));
        if (unknown !== undefined) {
          reader.fail(`in ${item.class_name}: ${kind} names ${unknown}, which is no attribute of the entity (expected one of ${[...attributes].join(', ')})`, `${pointer}/constraints/${kind}/${i}`);
        }
        if (!sets[kind].some((existing) => existing.join() === columns.join())) sets[kind].push([...columns]);
      });
    }
  }
  if (sets.unique.length > 0) hints[SCHEMA_HINTS.unique] = sets.unique;
  if (sets.index.length > 0) hints[SCHEMA_HINTS.index] = sets.index;
  return hints;
}
