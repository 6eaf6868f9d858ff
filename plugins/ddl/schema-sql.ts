import type { CreateTableBuilder } from 'kysely';
import { sql } from './kysely.js';
import type { DdlDialect, ForeignKeyConstraint, MysqlTableOptions, PhysicalTypes, Table } from '../../core/index.js';
import { sqlBuilder, statementText, type SqlBuilder } from './sql-builder.js';
import { layoutCreateTable } from './statement-layout.js';

/**
 * Groups of statements (a blank line between groups) that create the tables in one dialect, in
 * the stack's types; `mysqlTable`: the stack's table options on MySQL (its migrations' own), else the server's defaults.
 */
export function schemaStatements(tables: readonly Table[], dialect: DdlDialect, types: PhysicalTypes, mysqlTable: MysqlTableOptions | undefined): string[][] {
  const db = sqlBuilder(dialect);
  const groups: string[][] = [];
  for (const table of tables) {
    const create = layoutCreateTable(statementText(createTable(db, table, dialect, types, mysqlTable)), dialect);
    const indexes = table.indexes.map((index) => statementText(db.schema.createIndex(index.name).on(table.name).columns(index.columns)));
    groups.push([create, ...indexes]);
  }
  if (dialect !== 'sqlite') {
    // The keys closing a cycle of tables, once every table exists; SQLite alters no constraint,
    // and takes them in CREATE TABLE (it checks a key's table when a row is written, not before).
    const added = tables.flatMap((table) => table.foreignKeys.filter((key) => key.cyclic).map((key) => statementText(addForeignKey(db, table.name, key))));
    if (added.length > 0) groups.push(added);
  }
  return groups;
}

function createTable(db: SqlBuilder, table: Table, dialect: DdlDialect, types: PhysicalTypes, mysqlTable: MysqlTableOptions | undefined) {
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(table.name);
  for (const column of table.columns) {
    builder = builder.addColumn(column.name, sql.raw(types.column(dialect, column.type, column.autoincrement)), (definition) => {
      let result = column.nullable ? definition : definition.notNull();
      if (column.autoincrement && dialect === 'mysql') result = result.autoIncrement();
      if (column.defaultsToNow) result = result.defaultTo(sql.raw(types.currentTime(dialect)));
      return result;
    });
  }
  builder = builder.addPrimaryKeyConstraint(table.primaryKey.name, table.primaryKey.columns);
  for (const key of table.foreignKeys) {
    if (key.cyclic && dialect !== 'sqlite') continue;
    builder = builder.addForeignKeyConstraint(key.name, key.columns, key.targetTable, key.targetColumns, (reference) =>
      reference.onDelete(key.onDelete.toLowerCase() as 'cascade' | 'set null' | 'restrict' | 'no action'),
    );
  }
  for (const unique of table.uniques) builder = builder.addUniqueConstraint(unique.name, unique.columns);
  if (dialect === 'mysql' && mysqlTable) builder = builder.modifyEnd(sql.raw(`engine = ${mysqlTable.engine} default charset = ${mysqlTable.charset} collate = ${mysqlTable.collation}`));
  return builder;
}

function addForeignKey(db: SqlBuilder, table: string, key: ForeignKeyConstraint) {
  return db.schema
    .alterTable(table)
    .addForeignKeyConstraint(key.name, key.columns, key.targetTable, key.targetColumns)
    .onDelete(key.onDelete.toLowerCase() as 'cascade' | 'set null' | 'restrict' | 'no action');
}
