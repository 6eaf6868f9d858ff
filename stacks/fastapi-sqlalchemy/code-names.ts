/**
 * The names the stack gives the code it generates for the model: classes, repository methods,
 * modules and files. The views use them to write the code, the stack's description for the
 * docs (./docs.ts) to document it, so both always agree.
 */
import { lookupFieldOf, toSnake, type Component, type DomainModel, type Entity, type Operation } from '../../core/index.js';
import { pyName } from './python/identifiers.js';
import { pyClassName } from './python/names.js';

/** The folder of the output that receives the backend. */
export const BACKEND_DIR = 'backend';

/** The module of an entity's files (`pet` in `app/domain/entities/pet.py`): its slug, as a module name (./python/identifiers.ts). */
export function entityModule(entity: { slug: string }): string {
  return pyName(entity.slug, 'module');
}

/** The module of a router group (`app/presentation/api/v1/routers/<group>.py`). */
export function groupModule(group: string): string {
  return pyName(group, 'module');
}

/** The handler of an operation in its router, and its use-case method when it has one. */
export function handlerName(operation: { name: string }): string {
  return pyName(operation.name, 'function');
}

/** The classes generated for one entity. */
export function entityClassNames(entity: string, model: DomainModel): { model: string; port: string; sqlRepository: string; memoryRepository: string } {
  return { model: modelClassName(entity, model), port: `I${entity}Repository`, sqlRepository: `${entity}Repository`, memoryRepository: `InMemory${entity}Repository` };
}

const typeNamesOf = new WeakMap<DomainModel, Set<string>>();

/**
 * The ORM class of an entity: `PetModel`, or `PetRow` when the document has a type of that name
 * already (Permission's `model` enum is `PermissionModel`), which a model module imports beside it.
 */
export function modelClassName(entity: string, model: DomainModel): string {
  return freeClassName(model, [`${entity}Model`, `${entity}Row`, `${entity}RowModel`, `${entity}OrmModel`]);
}

/**
 * The class of an entity's request or response schema (`ClusterRead`, `ClusterUpdate`), or with
 * `Schema` after it when the document has a type of that name (Azure's `ClusterUpdate`), which the
 * router imports beside it.
 */
export function schemaClassName(entity: string, suffix: 'Read' | 'Create' | 'Update' | 'Patch', model: DomainModel): string {
  return freeClassName(model, [`${entity}${suffix}`, `${entity}${suffix}Schema`, `${entity}${suffix}Body`]);
}

/** The first of `names` no type of the document takes (the last one whatever). */
function freeClassName(model: DomainModel, names: readonly string[]): string {
  let taken = typeNamesOf.get(model);
  if (!taken) {
    taken = new Set([...model.enums, ...model.objectTypes, ...model.entities].map((type) => pyClassName(type.name)));
    typeNamesOf.set(model, taken);
  }
  return names.find((name) => !taken.has(name)) ?? names.at(-1)!;
}

/** An entity's repository port and SQL repository, and their modules (under `app.application.interfaces` and `app.infrastructure.repositories`). */
export interface RepositoryNames {
  port: string;
  portModule: string;
  sqlRepository: string;
  sqlRepositoryModule: string;
  /** The repository item of class definitions that declares them (source document 000), if any. */
  declared?: Component;
}

/**
 * The repository item's own names when class definitions declare one (`SqlCustomerRepository` in
 * `sql_customer_repository.py`, implementing the port it names); else `CustomerRepository` and
 * `ICustomerRepository` in `customer_repository.py`.
 */
export function repositoryNames(entity: { name: string; slug: string }, model: DomainModel): RepositoryNames {
  const module = `${entityModule(entity)}_repository`;
  const itemName = model.entityItems?.find((item) => item.entity === entity.name)?.repository;
  const declared = itemName === undefined ? undefined : model.components?.find((c) => c.layer === 'repository' && c.name === itemName);
  const generated = entityClassNames(entity.name, model);
  if (declared === undefined) return { port: generated.port, portModule: module, sqlRepository: generated.sqlRepository, sqlRepositoryModule: module };
  const namedPort = declared.implements?.name ?? declared.dependencies.find((name) => /^I[A-Z]\w*Repository$/.test(name));
  const portPackage = 'app.application.interfaces.';
  const portModule = declared.implements?.module?.startsWith(portPackage) ? declared.implements.module.slice(portPackage.length) : module;
  return {
    port: namedPort ?? generated.port,
    portModule: /^[a-z_][a-z0-9_]*$/.test(portModule) ? portModule : module,
    sqlRepository: declared.name,
    sqlRepositoryModule: pyName(toSnake(declared.name), 'module'),
    declared,
  };
}

/** Entities with a domain class, a port and repositories; the others are rows written only through their owner. */
export function isServedEntity(entity: Entity): boolean {
  return entity.layers.includes('repository') || entity.layers.includes('domain');
}

/** The repository methods the routers call (the generic base repository's names). */
export const REPOSITORY_METHODS = { page: 'find_page', get: 'get', add: 'add', addAll: 'add_all', update: 'update', remove: 'remove' } as const;

/**
 * The create that makes one row of an entity, with what its body carries; a batch create (a list
 * of rows) only when the entity has no other.
 */
export function singleCreateOf(operations: readonly Operation[]): Operation | undefined {
  const creates = operations.filter((op) => op.kind === 'create' && op.input);
  return creates.find((op) => !op.batch) ?? creates[0];
}

/** The method that loads the row an item operation names: `get`, or `get_by_<field>` for another lookup field. */
export function lookupMethod(lookupField: string | undefined): string {
  return lookupField === undefined ? REPOSITORY_METHODS.get : `get_by_${lookupField}`;
}

/** The repository methods a CRUD operation's handler calls, in order. */
export function repositoryCalls(operation: Operation, entity: Entity): string[] {
  const load = lookupMethod(lookupFieldOf(operation, entity));
  switch (operation.kind) {
    case 'list':
      return [REPOSITORY_METHODS.page];
    case 'get':
      return [load];
    case 'create':
      return [operation.batch ? REPOSITORY_METHODS.addAll : REPOSITORY_METHODS.add];
    case 'update':
    case 'patch':
    case 'action':
      return [load, REPOSITORY_METHODS.update];
    case 'delete':
      return [load, REPOSITORY_METHODS.remove];
    case 'custom':
      return [];
  }
}

/** The class holding a router group's operations beyond CRUD (`ProductOperations`). */
export function useCaseClassName(group: string): string {
  const pascal = group.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  return `${pyClassName(pascal)}Operations`;
}

/** Files of the backend, relative to `backend/`. */
export const backendFiles = {
  domainEntity: (slug: string) => `app/domain/entities/${slug}.py`,
  port: (module: string) => `app/application/interfaces/${module}.py`,
  model: (slug: string) => `app/infrastructure/models/${slug}.py`,
  mapper: (slug: string) => `app/infrastructure/mappers/${slug}_mapper.py`,
  sqlRepository: (module: string) => `app/infrastructure/repositories/${module}.py`,
  memoryRepository: (slug: string) => `app/infrastructure/repositories/in_memory/${slug}_repository.py`,
  repositoryTest: (slug: string) => `tests/integration/test_${slug}_repository.py`,
  mapperTest: (slug: string) => `tests/unit/test_${slug}_mapper.py`,
  repositoriesTest: (slug: string) => `tests/unit/test_${slug}_repositories.py`,
  /** Source document 001's places: `test_adapters_{snake_case}`, `test_pipeline_step_{snake_case}` (the step's name, as its sample `test_pipeline_step_transcribe.py`). */
  adapterTest: (slug: string) => `tests/integration/infrastructure/test_adapters_${slug}.py`,
  stepTest: (stepName: string) => `tests/unit/infrastructure/test_pipeline_step_${stepName}.py`,
  router: (group: string) => `app/presentation/api/v1/routers/${groupModule(group)}.py`,
  useCases: (group: string) => `app/application/use_cases/${groupModule(group)}.py`,
  migrationVersions: 'migrations/versions',
};
