import type { Compilable, Dialect, Kysely as KyselyBuilder } from 'kysely';
import {
  DummyDriver,
  Kysely,
  MysqlAdapter,
  MysqlIntrospector,
  MysqlQueryCompiler,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from './kysely.js';
import type { DdlDialect } from '../../core/index.js';

/** The tables are only known at run time: the builder is untyped. */
export type SqlBuilder = KyselyBuilder<any>;

/**
 * Kysely with the dialect's query compiler and a driver that never connects: statements are
 * compiled to text (identifiers quoted, literals escaped as the dialect wants), never run.
 */
export function sqlBuilder(dialect: DdlDialect): SqlBuilder {
  return new Kysely({ dialect: compileOnly(dialect) });
}

function compileOnly(dialect: DdlDialect): Dialect {
  const driver = { createDriver: () => new DummyDriver() };
  switch (dialect) {
    case 'postgresql':
      return { ...driver, createAdapter: () => new PostgresAdapter(), createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() };
    case 'mysql':
      return { ...driver, createAdapter: () => new MysqlAdapter(), createIntrospector: (db) => new MysqlIntrospector(db), createQueryCompiler: () => new MysqlQueryCompiler() };
    case 'sqlite':
      return { ...driver, createAdapter: () => new SqliteAdapter(), createIntrospector: (db) => new SqliteIntrospector(db), createQueryCompiler: () => new SqliteQueryCompiler() };
  }
}

/** The statement's SQL; every value must be inlined (`sql.lit`), since a script has no parameters. */
export function statementText(statement: Compilable): string {
  const compiled = statement.compile();
  if (compiled.parameters.length > 0) throw new Error(`a statement of the DDL kept ${compiled.parameters.length} parameter(s): ${compiled.sql}`);
  return compiled.sql;
}
