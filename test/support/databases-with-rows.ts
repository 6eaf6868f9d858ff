/**
 * The three databases a migration test runs a generated backend's revisions on, each holding the
 * same rows: a SQLite file, a PostgreSQL and a MariaDB database (INFRA_STACK_PG_URL and
 * INFRA_STACK_MYSQL_URL, as `npm test` provides them).
 *
 *   const databases = await DatabasesWithRows.open(backend, work, 'notes');
 *   await databases.alembic(['upgrade', 'head']);          // on all three, throwing on a failure
 *   await databases.insert("INSERT INTO notes ...");
 *   expect(await databases.rows('SELECT ...')).toEqual({ SQLite: [...], PostgreSQL: [...], MariaDB: [...] });
 */
import { join } from 'node:path';
import { createPostgresDatabase, postgresAdminUrl, type PostgresDatabase } from './postgres.js';
import { formatResult, type BackendEnv, type RunResult } from './python-backend.js';
import { createMysqlDatabase, mysqlAdminUrl, querySqlite, rowsOnEachDatabase, type MysqlDatabase } from './sql-databases.js';

export class DatabasesWithRows {
  private constructor(
    private readonly backend: BackendEnv,
    private readonly sqliteFile: string,
    private readonly postgres: PostgresDatabase,
    private readonly mysql: MysqlDatabase,
  ) {}

  /** Fresh databases named after `prefix`; the SQLite file goes in `folder`. */
  static async open(backend: BackendEnv, folder: string, prefix: string): Promise<DatabasesWithRows> {
    postgresAdminUrl();
    mysqlAdminUrl();
    const postgres = await createPostgresDatabase(prefix);
    const mysql = await createMysqlDatabase(prefix);
    return new DatabasesWithRows(backend, join(folder, `${prefix}.sqlite3`), postgres, mysql);
  }

  /** Each database's name and the backend's URL of it. */
  urls(): { name: 'SQLite' | 'PostgreSQL' | 'MariaDB'; url: string }[] {
    return [
      { name: 'SQLite', url: `sqlite+aiosqlite:///${this.sqliteFile}` },
      { name: 'PostgreSQL', url: this.postgres.asyncUrl },
      { name: 'MariaDB', url: this.mysql.asyncUrl },
    ];
  }

  /** `alembic <args>` on one database, by the backend's URL of it. */
  alembicOn(url: string, args: string[]): Promise<RunResult> {
    return this.backend.run(['alembic', ...args], { env: { DATABASE_URL: url } });
  }

  /** `alembic <args>` on each database in turn; throws naming the first that fails. */
  async alembic(args: string[]): Promise<void> {
    for (const { name, url } of this.urls()) {
      const result = await this.alembicOn(url, args);
      if (result.code !== 0) throw new Error(`alembic ${args.join(' ')} failed on ${name}\n${formatResult(result)}`);
    }
  }

  /** Runs one statement on each database, committed. */
  async insert(sql: string): Promise<void> {
    const sqlite = await querySqlite(this.backend, this.sqliteFile, sql);
    if (sqlite.code !== 0) throw new Error(`${sql} failed on SQLite\n${formatResult(sqlite)}`);
    await this.postgres.query(sql);
    await this.mysql.query(sql);
  }

  /** The rows of a query on each database, every value as text (`NULL` for none). */
  rows(sql: string): ReturnType<typeof rowsOnEachDatabase> {
    return rowsOnEachDatabase({ backend: this.backend, sqliteFile: this.sqliteFile, postgres: this.postgres, mysql: this.mysql }, sql);
  }

  /** PostgreSQL alone, for what only it refuses. */
  queryPostgres(sql: string): Promise<Record<string, unknown>[]> {
    return this.postgres.query(sql);
  }

  async drop(): Promise<void> {
    await this.postgres.drop();
    await this.mysql.drop();
  }
}
