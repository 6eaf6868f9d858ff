/**
 * Loading SQL scripts into real databases, as a user would, and reading back what they created.
 *
 *   await runPostgresScript(db.url, 'backend/db/schema.postgresql.sql');
 *   const mysql = await createMysqlDatabase('shop');   // needs INFRA_STACK_MYSQL_URL (scripts/mariadb.sh)
 *   await mysql.runScript('backend/db/schema.mysql.sql');
 *   await runSqliteScript('/tmp/x.sqlite3', 'backend/db/schema.sqlite.sql');
 *   const schema = await introspect(backend, 'sqlite+aiosqlite:////tmp/x.sqlite3');
 *
 * MySQL scripts go through the `mariadb` (or `mysql`) command-line client, SQLite scripts through
 * python3's sqlite3 module, PostgreSQL scripts through node-postgres (one simple query).
 */
import { execFileSync, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { uniqueDatabaseName, type PostgresDatabase } from './postgres.js';
import { formatResult, REPO_ROOT, runProcess, type BackendEnv, type RunResult } from './python-backend.js';

export async function runPostgresScript(url: string, file: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} failed on PostgreSQL: ${String(error)}`);
  } finally {
    await client.end();
  }
}

/** Runs the script with foreign keys enforced; fails when a row's key refers to nothing. */
export async function runSqliteScript(database: string, file: string): Promise<void> {
  const program = [
    'import sqlite3, sys',
    'connection = sqlite3.connect(sys.argv[1])',
    'connection.execute("PRAGMA foreign_keys = ON")',
    'connection.executescript(open(sys.argv[2]).read())',
    'problems = connection.execute("PRAGMA foreign_key_check").fetchall()',
    'sys.exit(f"foreign key violations: {problems}" if problems else 0)',
  ].join('\n');
  const result = await runProcess('python3', ['-c', program, database, file], { cwd: REPO_ROOT });
  if (result.code !== 0) throw new Error(`${file} failed on SQLite\n${formatResult(result)}`);
}

/** Runs one SQL statement on a SQLite file with the backend's Python, committed; prints the rows as Python writes them. */
export function querySqlite(backend: BackendEnv, database: string, sql: string): Promise<RunResult> {
  return backend.run(['python', '-c', 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nrows = c.execute(sys.argv[2]).fetchall()\nc.commit()\nprint(rows)', database, sql]);
}

/** The rows of one query on a SQLite file, a PostgreSQL and a MariaDB database, every value as text (`NULL` for none). */
export async function rowsOnEachDatabase(
  databases: { backend: BackendEnv; sqliteFile: string; postgres: PostgresDatabase; mysql: MysqlDatabase },
  sql: string,
): Promise<Record<'SQLite' | 'PostgreSQL' | 'MariaDB', string[][]>> {
  const program = 'import json, sqlite3, sys\nrows = sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchall()\nprint(json.dumps([["NULL" if v is None else str(v) for v in row] for row in rows]))';
  const sqlite = await databases.backend.run(['python', '-c', program, databases.sqliteFile, sql]);
  if (sqlite.code !== 0) throw new Error(`${sql} failed on SQLite\n${formatResult(sqlite)}`);
  const fromPostgres = (await databases.postgres.query(sql)).map((row) => Object.values(row).map((value) => (value === null ? 'NULL' : String(value))));
  return { SQLite: JSON.parse(sqlite.stdout) as string[][], PostgreSQL: fromPostgres, MariaDB: await databases.mysql.query(sql) };
}

export interface MysqlDatabase {
  /** Ends in `_test`, as the generated tests want of TEST_DATABASE_URL. */
  name: string;
  /** The backend's URL of it: `mysql+asyncmy://root@127.0.0.1:53306/<name>`. */
  asyncUrl: string;
  runScript(file: string): Promise<void>;
  /** Rows of a query, tab-separated columns. */
  query(sql: string): Promise<string[][]>;
  drop(): Promise<void>;
}

export function mysqlAdminUrl(): URL {
  const url = process.env.INFRA_STACK_MYSQL_URL;
  if (!url) {
    throw new Error(
      'INFRA_STACK_MYSQL_URL is not set: run the suite with `npm test` (scripts/test.sh starts MariaDB), ' +
        'or start one with `bash scripts/mariadb.sh start` and export INFRA_STACK_MYSQL_URL=$(bash scripts/mariadb.sh url)',
    );
  }
  return new URL(url);
}

function mysqlClient(): string {
  for (const name of ['mariadb', 'mysql']) {
    try {
      return execFileSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch {
      // next name
    }
  }
  throw new Error('no mariadb or mysql client on PATH (Debian: apt-get install -y mariadb-server, as .ci/run does)');
}

export async function createMysqlDatabase(prefix: string, options: { testSuffix?: boolean } = {}): Promise<MysqlDatabase> {
  const url = mysqlAdminUrl();
  const client = mysqlClient();
  const connection = ['--no-defaults', `--host=${url.hostname}`, `--port=${url.port || '3306'}`, `--user=${decodeURIComponent(url.username || 'root')}`];
  if (url.password) connection.push(`--password=${decodeURIComponent(url.password)}`);
  const name = uniqueDatabaseName(prefix, options);
  const run = async (args: string[], what: string) => {
    const result = await runProcess(client, [...connection, ...args], { cwd: REPO_ROOT });
    if (result.code !== 0) throw new Error(`${what} failed on MySQL\n${formatResult(result)}`);
    return result.stdout;
  };
  await run(['-e', `CREATE DATABASE \`${name}\``], `CREATE DATABASE ${name}`);
  const asyncUrl = new URL(url);
  asyncUrl.pathname = `/${name}`;
  return {
    name,
    asyncUrl: asyncUrl.toString().replace(/^mysql:/, 'mysql+asyncmy:'),
    // As `mysql db < file`: the client stops at the first error and exits non-zero (`source` would not).
    runScript: async (file) => {
      const result = await runWithInput(client, [...connection, name], file);
      if (result.code !== 0) throw new Error(`${file} failed on MySQL\n${formatResult(result)}`);
    },
    query: async (sql) => (await run([name, '--batch', '--skip-column-names', '-e', sql], sql)).split('\n').filter((line) => line !== '').map((line) => line.split('\t')),
    drop: async () => void (await run(['-e', `DROP DATABASE IF EXISTS \`${name}\``], `DROP DATABASE ${name}`)),
  };
}

function runWithInput(exe: string, args: string[], inputFile: string): Promise<RunResult> {
  const input = openSync(inputFile, 'r');
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { cwd: REPO_ROOT, stdio: [input, 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      closeSync(input);
      reject(error);
    });
    child.on('close', (code) => {
      closeSync(input);
      resolve({ code: code ?? 128, stdout, stderr });
    });
  });
}

export interface IntrospectedColumn {
  name: string;
  type: string;
  /** The type as the server names it: PostgreSQL's `data_type udt_name`, MySQL's `column_type`; null on SQLite. */
  stored: string | null;
  nullable: boolean;
  default: string | null;
}

export interface IntrospectedTable {
  columns: IntrospectedColumn[];
  primaryKey: { name: string | null; columns: string[] };
  foreignKeys: { name: string | null; columns: string[]; table: string; targetColumns: string[]; onDelete: string | null }[];
  uniques: { name: string | null; columns: string[] }[];
  indexes: { name: string | null; columns: string[]; unique: boolean }[];
  checks: { name: string | null; sqltext: string }[];
  rows: number;
}

export type IntrospectedSchema = Record<string, IntrospectedTable>;

/** The schema of the database at `url` (an async SQLAlchemy URL) as SQLAlchemy's inspector sees it, from the backend's venv. */
export async function introspect(backend: BackendEnv, url: string): Promise<IntrospectedSchema> {
  const result = await backend.run(['python', join(REPO_ROOT, 'test/support/introspect_schema.py'), url]);
  if (result.code !== 0) throw new Error(`introspecting ${url} failed\n${formatResult(result)}`);
  return JSON.parse(result.stdout) as IntrospectedSchema;
}

/**
 * The structure to compare: no row counts, constraints and indexes sorted by name. Types are
 * compared as the inspector reads them and as the server names them, so a native enum type is not
 * the VARCHAR of a non-native Enum.
 */
export function comparableSchema(schema: IntrospectedSchema, skipTables: string[] = []): Record<string, Omit<IntrospectedTable, 'rows'>> {
  const byName = <T extends { name: string | null }>(items: T[]) => [...items].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([table]) => !skipTables.includes(table))
      .map(([table, { rows: _rows, ...structure }]) => [
        table,
        {
          ...structure,
          foreignKeys: byName(structure.foreignKeys),
          uniques: byName(structure.uniques),
          indexes: byName(structure.indexes),
        },
      ]),
  );
}

/** Rows per table that a seed script inserts (`insert into ... values` followed by one row per line). */
export function seededRows(seedScript: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of seedScript.matchAll(/^insert into [`"](.+?)[`"] \(.*\) values\n((?: {2}\(.*\n)+)/gm)) {
    counts[match[1]!] = match[2]!.trimEnd().split('\n').length;
  }
  return counts;
}
