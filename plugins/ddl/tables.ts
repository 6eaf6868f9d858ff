import { tableOrder, type Constraints, type DomainModel, type Entity, type ForeignKey, type OnDelete, type Relation, type TypeRef } from '../../core/index.js';
import { fieldStorageOptions, isAutoincrementKey, storedType, type StoredType } from '../../stacks/fastapi-sqlalchemy/column-storage.js';
import { fieldViews } from '../../stacks/fastapi-sqlalchemy/view/entities.js';
import { foreignKeyName, indexName, primaryKeyName, uniqueName } from '../../stacks/fastapi-sqlalchemy/constraint-names.js';

/**
 * The model as tables, with the names, types and keys the fastapi-sqlalchemy stack's migration
 * gives them (its decisions are imported, not repeated), in the order the migration creates them.
 */
export interface Table {
  name: string;
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

export function relationalTables(model: DomainModel): Table[] {
  const enumValues = new Map(model.enums.map((e) => [e.name, e.values]));
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const entityTables: Table[] = [];
  const linkTables: Table[] = [];
  const order = tableOrder(model.entities);
  for (const entity of order.entities) {
    entityTables.push(entityTable(entity, byName, enumValues, order.cyclicKeys));
    // Join tables refer to both sides: the migration creates them after every entity table.
    for (const relation of model.relations) {
      if (relation.kind === 'many-to-many' && relation.from === entity.name && relation.joinTable) linkTables.push(linkTable(relation, entity, byName.get(relation.to)!));
    }
  }
  return [...entityTables, ...linkTables];
}

function entityTable(entity: Entity, byName: Map<string, Entity>, enumValues: Map<string, string[]>, cyclicKeys: ReadonlySet<ForeignKey>): Table {
  const columns = fieldViews(entity)
    .filter((view) => !view.relation)
    .map((view): Column => {
      const { field } = view;
      return {
        name: view.column,
        type: storedType(field.type, field.constraints, fieldStorageOptions(entity, field, enumValues, [...byName.values()])),
        nullable: view.nullable,
        autoincrement: isAutoincrementKey(entity, field),
        defaultsToNow: view.timestamp === 'created' || view.timestamp === 'updated',
        value: { type: field.type, constraints: field.constraints },
      };
    });
  const softDelete = entity.softDelete ? columns.find((column) => column.name === 'deleted_at') : undefined;
  return {
    name: entity.table,
    columns,
    primaryKey: { name: primaryKeyName(entity.table), columns: [entity.primaryKey.field] },
    foreignKeys: entity.foreignKeys.map((key) => {
      const target = byName.get(key.target)!;
      return {
        name: foreignKeyName(entity.table, key.field, target.table),
        columns: [key.field],
        targetTable: target.table,
        targetColumns: [key.targetField],
        onDelete: key.onDelete,
        cyclic: cyclicKeys.has(key),
      };
    }),
    uniques: entity.uniques.map((unique) => ({ name: uniqueName(entity.table, unique.fields), columns: unique.fields })),
    indexes: entity.indexes.map((index) => ({ name: indexName(entity.table, index.fields), columns: index.fields })),
    ...(softDelete ? { softDeleteColumn: softDelete.name } : {}),
  };
}

/** A many-to-many join table: one key to each side, together the primary key, both `CASCADE`. */
function linkTable(relation: Relation, from: Entity, to: Entity): Table {
  const join = relation.joinTable!;
  const sides = [
    { column: join.fromColumn, entity: from },
    { column: join.toColumn, entity: to },
  ];
  return {
    name: join.table,
    columns: sides.map(({ column, entity }): Column => ({
      name: column,
      type: storedType(entity.primaryKey.type, {}, { primaryKey: true }),
      nullable: false,
      autoincrement: false,
      defaultsToNow: false,
      value: { type: entity.primaryKey.type, constraints: {} },
    })),
    primaryKey: { name: primaryKeyName(join.table), columns: sides.map((side) => side.column) },
    foreignKeys: sides.map(({ column, entity }) => ({
      name: foreignKeyName(join.table, column, entity.table),
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
