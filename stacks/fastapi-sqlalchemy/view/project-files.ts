import type { DatabaseKind } from '../../../core/index.js';

/** The database service a container setup runs: the project's own, PostgreSQL for a SQLite project. */
export interface DatabaseService {
  kind: 'postgresql' | 'mysql';
  label: string;
  image: string;
  port: number;
  /** The service's environment, as its image reads it. */
  environment: [string, string][];
  /** Where the image keeps its data (a volume in compose.yaml). */
  dataDir: string;
  /** A command that exits 0 once the server takes connections. */
  healthCheck: string;
  /** The app's URL to it from another container (`db`) and from a CI job's host (`localhost`), for `database`. */
  url: (host: string, database: string) => string;
}

/** Images pinned to a major version a team upgrades on purpose. */
const POSTGRES: DatabaseService = {
  kind: 'postgresql',
  label: 'PostgreSQL',
  image: 'postgres:16',
  port: 5432,
  dataDir: '/var/lib/postgresql/data',
  environment: [
    ['POSTGRES_USER', 'app'],
    ['POSTGRES_PASSWORD', 'app'],
  ],
  healthCheck: 'pg_isready -U app',
  url: (host, database) => `postgresql+asyncpg://app:app@${host}:5432/${database}`,
};

const MYSQL: DatabaseService = {
  kind: 'mysql',
  label: 'MySQL',
  image: 'mysql:8.4',
  port: 3306,
  dataDir: '/var/lib/mysql',
  environment: [
    ['MYSQL_USER', 'app'],
    ['MYSQL_PASSWORD', 'app'],
    ['MYSQL_ROOT_PASSWORD', 'root'],
  ],
  healthCheck: 'mysqladmin ping -h 127.0.0.1 -uapp -papp',
  url: (host, database) => `mysql+asyncmy://app:app@${host}:3306/${database}`,
};

/** The uv image the Dockerfile copies its binary from (astral-sh's own distribution). */
export const UV_IMAGE = 'ghcr.io/astral-sh/uv:0.13.9';
export const PYTHON_IMAGE = 'python:3.12-slim';

/**
 * What the container files (Dockerfile, compose.yaml) and the CI workflow need to know: the
 * database service beside the app, its database names (the app's; the tests' ends in `_test`, as
 * their disposability check wants), and the URLs to them.
 */
export function projectFiles(database: DatabaseKind, databaseName: string, healthPath: string | undefined) {
  const service = database === 'mysql' ? MYSQL : POSTGRES;
  const testDatabase = `${databaseName}_test`;
  const databaseEnv = (name: string): [string, string] => [service.kind === 'mysql' ? 'MYSQL_DATABASE' : 'POSTGRES_DB', name];
  return {
    service: { ...service, url: undefined },
    uvImage: UV_IMAGE,
    pythonImage: PYTHON_IMAGE,
    healthPath,
    /** The SQLite file of a container without a database service, in a folder the app's user owns. */
    sqliteUrl: database === 'sqlite' ? 'sqlite+aiosqlite:////app/data/app.db' : undefined,
    compose: {
      environment: [...service.environment, databaseEnv(databaseName)],
      databaseUrl: service.url('db', databaseName),
    },
    ci: {
      environment: [...service.environment, databaseEnv(testDatabase)],
      testDatabaseUrl: service.url('localhost', testDatabase),
    },
  };
}
