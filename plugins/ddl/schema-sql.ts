import type { CreateTableBuilder } from 'kysely';
import { sql } from './kysely.js';
import type { DdlDialect } from '../../core/index.js';
import { MYSQL_TABLE } from '../../stacks/fastapi-sqlalchemy/column-storage.js';
import { constraintName } from '../../stacks/fastapi-sqlalchemy/view/storage.js';
import { columnTypeSql, currentTimeSql } from './column-types.js';
import { postgresEnums } from './postgres-enums.js';
import { sqlBuilder, statementText, type SqlBuilder } from './sql-builder.js';
import { layoutCreateTable } from './statement-layout.js';
import type { ForeignKeyConstraint, Table } from './tables.js';

/** Groups of statements (a blank line between groups) that create the tables in one dialect. */
export function schemaStatements(tables: Table[], dialect: DdlDialect): string[][] {
  const db = sqlBuilder(dialect);
  const groups: string[][] = [];
  const enumTypes = new Map<string, string>();
  if (dialect === 'postgresql') {
    const enums = postgresEnums(tables);
    for (const e of enums) enumTypes.set(e.enumName, e.typeName);
    if (enums.length > 0) groups.push(enums.map((e) => statementText(db.schema.createType(e.typeName).asEnum(e.values))));
  }
  for (const table of tables) {
    const create = layoutCreateTable(statementText(createTable(db, table, dialect, enumTypes)), dialect);
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

function createTable(db: SqlBuilder, table: Table, dialect: DdlDialect, enumTypes: Map<string, string>) {
  let builder: CreateTableBuilder<string, string> = db.schema.createTable(table.name);
  for (const column of table.columns) {
    const enumType = column.type.kind === 'enum' ? enumTypes.get(column.type.name) : undefined;
    builder = builder.addColumn(column.name, columnTypeSql(dialect, column, enumType), (definition) => {
      let result = column.nullable ? definition : definition.notNull();
      if (column.autoincrement && dialect === 'mysql') result = result.autoIncrement();
      if (column.defaultsToNow) result = result.defaultTo(currentTimeSql(dialect));
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
  if (dialect === 'sqlite') {
    // SQLite has no enum type: the column's CHECK keeps other values out.
    for (const column of table.columns) {
      if (column.type.kind !== 'enum') continue;
      const values = sql.join(column.type.values.map((value) => sql.lit(value)));
      builder = builder.addCheckConstraint(constraintName(`ck_${table.name}_${column.name}`), sql`${sql.ref(column.name)} in (${values})`);
    }
  }
  if (dialect === 'mysql') builder = builder.modifyEnd(sql.raw(`engine = ${MYSQL_TABLE.engine} default charset = ${MYSQL_TABLE.charset} collate = ${MYSQL_TABLE.collation}`));
  return builder;
}

function addForeignKey(db: SqlBuilder, table: string, key: ForeignKeyConstraint) {
  return db.schema
    .alterTable(table)
    .addForeignKeyConstraint(key.name, key.columns, key.targetTable, key.targetColumns)
    .onDelete(key.onDelete.toLowerCase() as 'cascade' | 'set null' | 'restrict' | 'no action');
}
