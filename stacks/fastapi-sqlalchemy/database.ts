import path from 'node:path';
import { DATABASE_KINDS, InfraStackError, type DatabaseKind, type DomainModel, type EngineConfig } from '../../core/index.js';
import { locationOf } from '../../core/model/api-document.js';

/** The run's `--db`, else the documents' choice, else SQLite; a choice this stack cannot run on is an error at its source. */
export function databaseOf(config: EngineConfig, model: DomainModel): DatabaseKind {
  if (config.db !== undefined) return config.db;
  const chosen = model.database;
  if (chosen === undefined) return 'sqlite';
  const supported = DATABASE_KINDS.find((kind) => kind === chosen);
  if (supported) return supported;
  const source = model.databaseSource;
  throw new InfraStackError(
    `the documents choose ${chosen}, which the fastapi-sqlalchemy stack does not run on yet: choose ${DATABASE_KINDS.join(' or ')} there, or pass --db`,
    source ? { file: source.file, location: locationOf(source) } : {},
  );
}

/** `PostgreSQL (chosen in requirements.md:12)` for the summary. */
export function databaseNote(config: EngineConfig, model: DomainModel, database: DatabaseKind): string {
  if (config.db !== undefined) return `Database: ${database} (--db).`;
  const source = model.databaseSource;
  if (model.database !== undefined && source) return `Database: ${database}, as ${path.basename(source.file)}${source.line !== undefined ? `:${source.line}` : ''} chooses.`;
  return `Database: ${database} (the default; pass --db or name one in the requirements' tech-stack table).`;
}

/**
 * The application's URL (`.env.example`, the settings' default) and an example of the tests' own:
 * a name ending in "test" (or a file under the temp folder) passes their disposability check.
 * MySQL and MariaDB go through asyncmy (README, "Databases").
 */
export function databaseUrls(database: DatabaseKind, name: string): { defaultDatabaseUrl: string; testDatabaseUrlExample: string } {
  switch (database) {
    case 'postgresql': {
      const url = `postgresql+asyncpg://postgres:postgres@localhost:5432/${name}`;
      return { defaultDatabaseUrl: url, testDatabaseUrlExample: `${url}_test` };
    }
    case 'mysql': {
      const url = `mysql+asyncmy://app:app@localhost:3306/${name}`;
      return { defaultDatabaseUrl: url, testDatabaseUrlExample: `${url}_test` };
    }
    case 'sqlite':
      return { defaultDatabaseUrl: 'sqlite+aiosqlite:///./app.db', testDatabaseUrlExample: 'sqlite+aiosqlite:////tmp/app_test.db' };
  }
}

/** How the backend's README names the database and its driver. */
export const DATABASE_DRIVERS: Readonly<Record<DatabaseKind, string>> = {
  postgresql: 'PostgreSQL (asyncpg)',
  mysql: 'MySQL 8 or MariaDB 10.11+ (asyncmy)',
  sqlite: 'SQLite (aiosqlite)',
};
