/**
 * The stack as the docs plugin documents it (the `docs` of its descriptor): the names come from
 * code-names.ts and folders.ts, which the views and the plan use to write the code.
 */
import { type Column, type DocumentedStack, type DomainModel, type EngineConfig, type Entity, type Operation } from '../../core/index.js';
import { backendFiles, BACKEND_DIR, entityClassNames, entityModule, handlerName, isServedEntity, repositoryCalls, repositoryNames, useCaseClassName } from './code-names.js';
import { DATABASE_DRIVERS, databaseOf } from './database.js';
import { BACKEND_FOLDERS } from './folders.js';
import { PythonImports } from './python/imports.js';
import { columnTypeOf } from './python/types.js';
import { STACK_NAME } from './plan.js';

const inBackend = (file: string) => `${BACKEND_DIR}/${file}`;

export const fastapiSqlalchemyDocs: DocumentedStack = {
  name: STACK_NAME,
  title: 'FastAPI + SQLAlchemy 2.0 (async)',

  endpoint(operation: Operation, entity: Entity | undefined, model: DomainModel) {
    const file = inBackend(backendFiles.router(operation.group));
    if (operation.kind === 'custom' || entity === undefined) {
      return { file, handler: handlerName(operation), repositoryCalls: [], useCase: `${useCaseClassName(operation.group)}.${handlerName(operation)}` };
    }
    const repository = repositoryNames(entity, model).sqlRepository;
    return { file, handler: handlerName(operation), repositoryCalls: repositoryCalls(operation, entity).map((method) => `${repository}.${method}`) };
  },

  components(entity: Entity, model: DomainModel) {
    const classes = { ...entityClassNames(entity.name, model), ...repositoryNames(entity, model) };
    const slug = entityModule(entity);
    const stored = [
      { role: 'ORM model' as const, name: classes.model, file: inBackend(backendFiles.model(slug)) },
      { role: 'mapper' as const, name: `${slug}_mapper`, file: inBackend(backendFiles.mapper(slug)) },
    ];
    if (!isServedEntity(entity)) return stored;
    return [
      { role: 'domain entity' as const, name: entity.name, file: inBackend(backendFiles.domainEntity(slug)) },
      { role: 'repository port' as const, name: classes.port, file: inBackend(backendFiles.port(classes.portModule)) },
      ...stored,
      { role: 'repository' as const, name: classes.sqlRepository, file: inBackend(backendFiles.sqlRepository(classes.sqlRepositoryModule)) },
      { role: 'in-memory repository' as const, name: classes.memoryRepository, file: inBackend(backendFiles.memoryRepository(slug)) },
      { role: 'repository integration test' as const, name: `test_${slug}_repository`, file: inBackend(backendFiles.repositoryTest(slug)) },
    ];
  },

  columnType(column: Column) {
    return columnTypeOf(column.type, new PythonImports()).model;
  },

  technologies(config: EngineConfig, model: DomainModel) {
    const database = DATABASE_DRIVERS[databaseOf(config, model)];
    return ['SQLAlchemy 2.0 (async, `Mapped[]`/`mapped_column`)', 'Alembic', `${database} by default; \`DATABASE_URL\` chooses at run time`];
  },

  transactions: [
    'Repository commits: each writing method of `SqlAlchemyRepository` (`add`, `update`, `remove`) commits its change.',
    'Rollback and errors: an `IntegrityError` rolls the session back and becomes `EntityAlreadyExistsError` (HTTP 409); other database errors roll back, are logged and re-raised.',
    'Session per request: the `SessionDep` dependency (`get_session`) opens one `AsyncSession` per request and closes it after the response.',
    'Unit of work: not generated; a use case that must group several writes can share the request\'s session between repositories.',
  ],

  guarantees: [
    'No domain logic in the infrastructure layer: repositories and mappers only convert and store.',
    'Domain layer has no knowledge of infrastructure: `app/domain` imports only the standard library and its own modules.',
  ],

  folderPurpose(folder: string) {
    if (folder === BACKEND_DIR) return BACKEND_FOLDERS[''];
    return folder.startsWith(`${BACKEND_DIR}/`) ? BACKEND_FOLDERS[folder.slice(BACKEND_DIR.length + 1)] : undefined;
  },
};
