import type { Constraints, DomainModel, Entity, ForeignKey, OnDelete, Relation, TypeRef } from '../model/domain-model.js';
import { deletionMarkOf } from '../model/lookups.js';
import { isNullableColumn } from '../model/nullability.js';
import { tableOrder } from '../model/table-order.js';
import { fieldStorageOptions, isAutoincrementKey, storedType, type StoredType } from './stored-type.js';
import { storageTimestamp } from './timestamps.js';

/**
 * The names a stack gives its constraints and indexes (its descriptor's `naming`): the relational
 * schema takes every name from it, so the stack's models, its migrations and the SQL DDL agree.
 */
export interface ConstraintNaming {
  primaryKey(table: string): string;
  foreignKey(table: string, column: string, targetTable: string): string;
  unique(table: string, columns: readonly string[]): string;
  index(table: string, columns: readonly string[]): string;
}

/**
 * The model as tables: columns with their stored types and nullability, keys, uniques and indexes
 * named by the stack's convention, in the order a migration creates them (every table after the
 * tables its keys refer to, join tables last; a key closing a cycle is marked to be added apart).
 */
export interface Table {
  name: string;
  /** The entity whose rows the table stores, or for a join table the entity and the list field it stores. */
  holds: { entity: string; field?: string };
  /** The entity's previous name (or previous table name) as its `x-renamed-from` gives it. */
  renamedFrom?: string;
  columns: Column[];
  primaryKey: { name: string; columns: string[] };
  foreignKeys: ForeignKeyConstraint[];
  uniques: NamedColumns[];
  indexes: NamedColumns[];
  /** The column that marks a row deleted (soft delete); seed rows leave it empty. */
  softDeleteColumn?: string;
}

export interface Column {
  name: string;
  type: StoredType;
  nullable: boolean;
  /** The database numbers the rows (SERIAL, AUTO_INCREMENT, SQLite's rowid). */
  autoincrement: boolean;
  /** `created_at`/`updated_at`: the database's current time when the insert leaves them out. */
  defaultsToNow: boolean;
  /** The field's own type and constraints, which sample values follow. */
  value: { type: TypeRef; constraints: Constraints };
  /** The field's previous name (`x-renamed-from`). */
  renamedFrom?: string;
  /** The document's `default` of the field, as JSON: rows already there get it when the column becomes required. */
  default?: unknown;
}

export interface ForeignKeyConstraint {
  name: string;
  columns: string[];
  targetTable: string;
  targetColumns: string[];
  onDelete: OnDelete;
  /** Closes a cycle of tables: added once every table exists, where the dialect can alter a table. */
  cyclic: boolean;
}

export interface NamedColumns {
  name: string;
  columns: string[];
}

const schemas = new WeakMap<DomainModel, { naming: ConstraintNaming; tables: Table[] }>();

/** The model's tables under `naming`, derived once per model and naming. */
export function relationalSchema(model: DomainModel, naming: ConstraintNaming): Table[] {
  const known = schemas.get(model);
  if (known?.naming === naming) return known.tables;
  const tables = relationalTables(model, naming);
  schemas.set(model, { naming, tables });
  return tables;
}

function relationalTables(model: DomainModel, naming: ConstraintNaming): Table[] {
  const enumValues = new Map(model.enums.map((e) => [e.name, e.values]));
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const entityTables: Table[] = [];
  const linkTables: Table[] = [];
  const order = tableOrder(model.entities);
  for (const entity of order.entities) {
    entityTables.push(entityTable(entity, byName, enumValues, order.cyclicKeys, naming));
    // Join tables refer to both sides: the migration creates them after every entity table.
    for (const relation of model.relations) {
      if (relation.kind === 'many-to-many' && relation.from === entity.name && relation.joinTable) linkTables.push(linkTable(relation, entity, byName.get(relation.to)!, naming));
    }
  }
  return [...entityTables, ...linkTables];
}

function entityTable(entity: Entity, byName: Map<string, Entity>, enumValues: Map<string, string[]>, cyclicKeys: ReadonlySet<ForeignKey>, naming: ConstraintNaming): Table {
  const entities = [...byName.values()];
  const columns = entity.fields
    .filter((field) => field.relation === undefined)
    .map((field): Column => {
      const timestamp = storageTimestamp(field);
      return {
        name: field.name,
        type: storedType(field.type, field.constraints, fieldStorageOptions(entity, field, enumValues, entities)),
        nullable: isNullableColumn(entity, field),
        autoincrement: isAutoincrementKey(entity, field),
        defaultsToNow: timestamp === 'created' || timestamp === 'updated',
        value: { type: field.type, constraints: field.constraints },
        ...(field.renamedFrom !== undefined ? { renamedFrom: field.renamedFrom } : {}),
        ...(field.default !== undefined ? { default: field.default } : {}),
      };
    });
  const softDelete = entity.softDelete ? columns.find((column) => column.name === deletionMarkOf(entity)) : undefined;
  return {
    name: entity.table,
    holds: { entity: entity.name },
    ...(entity.renamedFrom !== undefined ? { renamedFrom: entity.renamedFrom } : {}),
    columns,
    primaryKey: { name: naming.primaryKey(entity.table), columns: [entity.primaryKey.field] },
    foreignKeys: entity.foreignKeys.map((key) => {
      const target = byName.get(key.target)!;
      return {
        name: naming.foreignKey(entity.table, key.field, target.table),
        columns: [key.field],
        targetTable: target.table,
        targetColumns: [key.targetField],
        onDelete: key.onDelete,
        cyclic: cyclicKeys.has(key),
      };
    }),
    uniques: entity.uniques.map((unique) => ({ name: naming.unique(entity.table, unique.fields), columns: unique.fields })),
    indexes: entity.indexes.map((index) => ({ name: naming.index(entity.table, index.fields), columns: index.fields })),
    ...(softDelete ? { softDeleteColumn: softDelete.name } : {}),
  };
}

/** A many-to-many join table: one key to each side, together the primary key, both `CASCADE`. */
function linkTable(relation: Relation, from: Entity, to: Entity, naming: ConstraintNaming): Table {
  const join = relation.joinTable!;
  const sides = [
    { column: join.fromColumn, entity: from },
    { column: join.toColumn, entity: to },
  ];
  return {
    name: join.table,
    holds: { entity: from.name, field: relation.field },
    columns: sides.map(({ column, entity }): Column => ({
      name: column,
      type: storedType(entity.primaryKey.type, {}, { primaryKey: true }),
      nullable: false,
      autoincrement: false,
      defaultsToNow: false,
      value: { type: entity.primaryKey.type, constraints: {} },
    })),
    primaryKey: { name: naming.primaryKey(join.table), columns: sides.map((side) => side.column) },
    foreignKeys: sides.map(({ column, entity }) => ({
      name: naming.foreignKey(join.table, column, entity.table),
      columns: [column],
      targetTable: entity.table,
      targetColumns: [entity.primaryKey.field],
      onDelete: 'CASCADE' as const,
      cyclic: false,
    })),
    uniques: [],
    indexes: [],
  };
}
