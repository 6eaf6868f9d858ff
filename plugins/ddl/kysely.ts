import { createRequire } from 'node:module';

/**
 * Kysely's CommonJS build, loaded with `require`: it is ready in about half the time of its ESM
 * build (some 260 modules through the ESM loader), and the DDL plugin needs only a few of its
 * classes. Types still come from `import type ... from 'kysely'`.
 */
const kysely = createRequire(import.meta.url)('kysely') as typeof import('kysely');

export const { sql, DummyDriver, Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } = kysely;
