/**
 * What each folder of the backend holds, relative to `backend/`: the docstrings of its Python
 * packages, and the line the docs' project structure gives each folder.
 */
export const BACKEND_FOLDERS: Readonly<Record<string, string>> = {
  '': 'The generated FastAPI + SQLAlchemy backend: pyproject.toml, alembic.ini, .env.example, README.md.',
  app: 'The application package.',
  'app/core': 'Configuration.',
  'app/domain': 'The domain layer: entities, enums, errors. No framework code.',
  'app/domain/entities': 'Domain entities.',
  'app/application': 'The application layer: ports and use cases.',
  'app/application/interfaces': 'Ports the infrastructure implements.',
  'app/application/use_cases': 'Use cases: operations beyond CRUD.',
  'app/infrastructure': 'The infrastructure layer: database, models, mappers, repositories.',
  'app/infrastructure/database': 'Database base class and sessions.',
  'app/infrastructure/models': 'SQLAlchemy models; importing this package registers them all.',
  'app/infrastructure/mappers': 'Conversions between entities and models.',
  'app/infrastructure/repositories': 'SQLAlchemy repositories.',
  'app/infrastructure/repositories/in_memory': 'In-memory repositories for unit tests.',
  'app/infrastructure/adapters': 'Adapters of external services.',
  'app/infrastructure/pipelines': 'Pipelines: steps that each take a context and return it updated.',
  'app/infrastructure/pipelines/steps': 'Pipeline steps.',
  'app/presentation': 'The presentation layer: HTTP.',
  'app/presentation/api': 'HTTP API.',
  'app/presentation/api/v1': 'Version 1 of the HTTP API.',
  'app/presentation/api/v1/schemas': 'Pydantic schemas of the API.',
  'app/presentation/api/v1/routers': 'One router per resource or tag.',
  'app/presentation/api/v1/dependencies': 'FastAPI dependency factories.',
  migrations: 'Alembic environment.',
  'migrations/versions': 'Alembic revisions.',
  tests: 'Tests of the generated backend.',
  'tests/unit': 'Unit tests: routers over in-memory repositories, mappers, error handlers.',
  'tests/integration': 'Integration tests against a real database.',
};
