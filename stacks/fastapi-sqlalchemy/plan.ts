import { distributionName, titleSlug } from './distribution-name.js';
import { errorBodiesView } from './view/error-bodies.js';
import { deletionFlag, relationalSchema, type DomainModel, type SoftDeleteFlag, type EngineConfig, type Operation, type PlannedFile, type PreviousRun, type RunReport, type Table } from '../../core/index.js';
import { SQLALCHEMY_NAMING_CONVENTION, STACK_NAMING } from './constraint-names.js';
import { backendFiles, BACKEND_DIR, groupModule, isServedEntity } from './code-names.js';
import { MYSQL_TABLE_KEYWORDS } from './column-storage.js';
import { databaseNote, databaseOf, databaseUrls } from './database.js';
import { checkTechnologies } from './technologies.js';
import { projectFiles } from './view/project-files.js';
import { planMigrations } from './migrations/plan-migrations.js';
import { BACKEND_FOLDERS } from './folders.js';
import { backendClasses, domainPlaceholders, planComponents, portMethodsOf } from './plan-components.js';
import { declaredRepositories } from './view/declared-repositories.js';
import { constructorCall } from './view/declared-repository.js';
import { classItemTestFiles, modelTestView, repositoryTestView } from './view/class-item-tests.js';
import { PythonImports } from './python/imports.js';
import type { ReadOutput } from './python/user-modules.js';
import { call, collection, definition, entry, keyword, pyFormat, pyLambdaAssignment, pyParse } from './python/layout.js';
import { EnumMembers } from './python/enum-members.js';
import { pyClassName, pyDocLine, pyLiteral, pyString } from './python/names.js';
import { deletionMarkAttr, entityViewWithImports, type EntityImportSets, type EntityView } from './view/entities.js';
import { mapperView } from './view/mapper.js';
import { Seeding, type StoreFunction } from './view/seeding.js';
import { CONDITIONAL_ROUTES_MODULE, groupViews } from './view/routers.js';
import { isQueryList } from './view/params.js';
import { conditionSize, documentPath, parameterNeverReached, pathTypes, routeCondition, shadowedOperations, unmatchedRequests, type PathTypes } from './view/route-paths.js';
import { Samples } from './view/samples.js';
import { entitySchemas } from './view/schemas.js';
import { customTests, domainSample, entityTests, keptByDatabase, storableAlone, unmatchedTests } from './view/tests.js';
import { COMPONENTS_MODULE, componentClass, readsObjectOrNone } from './view/wire.js';
import { classOrder } from './view/class-order.js';
import { objectTypesOnTheWire } from './view/wire-types-used.js';
import { SECURITY_MODULE, securityView } from './view/security.js';
import { CONTRACT_DIR, contractView } from './view/contract.js';
import { readsForm, readsNullBody, readsOptionalBody } from './view/request-arguments.js';
import { answerReader, envelopeView } from './view/envelopes.js';

export const STACK_NAME = 'fastapi-sqlalchemy';
const T = 'backend';
const F = backendFiles;

/** Every file of the backend, as template + data. */
export function planBackend(
  documentModel: DomainModel,
  config: EngineConfig,
  report: RunReport,
  previous: PreviousRun = { files: new Map() },
  revisionsOnDisk: ReadonlyMap<string, string> = new Map(),
  readOutput: ReadOutput = () => undefined,
  schema: readonly Table[] = relationalSchema(documentModel, STACK_NAMING),
): PlannedFile[] {
  checkTechnologies(documentModel, STACK_NAME);
  const model = servedModel(documentModel, report);
  const contract = contractView(documentModel, model);
  const files: PlannedFile[] = [];
  const add = (path: string, template: string, data: object = {}, origin?: PlannedFile['origin']) =>
    files.push({ path: `${BACKEND_DIR}/${path}`, owner: STACK_NAME, template: `${T}/${template}`, data, ...(origin ? { origin } : {}) });
  const origin = classItemOrigin(model);
  const enumMembers = new EnumMembers(model.enums);
  const pkg = (path: string, imports = '', exports: string[] = [], doc = BACKEND_FOLDERS[path]) => add(`${path}/__init__.py`, 'package_init.py.njk', { doc, imports, exports });

  const opsByEntity = new Map<string, Operation[]>();
  for (const op of model.operations) if (op.entity) opsByEntity.set(op.entity, [...(opsByEntity.get(op.entity) ?? []), op]);
  const views = new Map<string, EntityView>();
  const importSets = new Map<string, EntityImportSets>();
  for (const entity of model.entities) {
    const { view, imports } = entityViewWithImports(entity, model, schema);
    views.set(entity.name, view);
    importSets.set(entity.name, imports);
  }
  const modelled = [...views.values()];
  // Rows written only through their owner (child tables) have a model and a mapper, nothing else.
  const entityList = modelled.filter((e) => isServedEntity(e.entity));
  const toImplement = model.operations.filter((op) => op.kind === 'custom').map((op) => `${op.method.toUpperCase()} ${op.path} (${op.name})`);
  report.toImplement.push(...toImplement);
  const database = databaseOf(config, model);
  report.notes.push(databaseNote(config, model, database));
  const databaseName = titleSlug(model.title).replace(/-/g, '_');
  const { defaultDatabaseUrl, testDatabaseUrlExample } = databaseUrls(database, databaseName);
  const generatedEntities = entityList.map((e) => ({ name: e.name, slug: e.slug, port: e.port, portModule: e.portModule }));
  const components = planComponents(model, config, generatedEntities, add, readOutput);
  const entityPlaceholders = new Set(domainPlaceholders(model, generatedEntities));
  const project = {
    title: model.title,
    titleLiteral: pyString(model.title),
    distribution: distributionName(model.title),
    version: pep440(model.version),
    versionLiteral: pyString(model.version),
    descriptionLiteral: pyString(pyDocLine(model.description, `${model.title}, generated by generator-infra-stack`).trimStart()),
    basePath: model.basePath,
    basePathLiteral: pyString(model.basePath),
    defaultDatabaseUrl,
    testDatabaseUrlExample,
    sources: config.apiFiles,
    sourceList: config.apiFiles.map((f) => `\`${f.split(/[\\/]/).pop()}\``).join(', '),
    toImplement,
  };

  const security = securityView(model);
  add('pyproject.toml', 'pyproject.toml.njk', { project, components, security, contract: contract !== undefined });
  const healthPath = healthCheckPath(model);
  add('.env.example', 'env.example.njk', { project, components, security });
  add('.gitignore', 'gitignore.njk');
  const containerFiles = projectFiles(database, databaseName, healthPath);
  add('Dockerfile', 'Dockerfile.njk', { project, files: containerFiles });
  add('.dockerignore', 'dockerignore.njk');
  add('compose.yaml', 'compose.yaml.njk', { project, files: containerFiles });
  add('.github/workflows/ci.yml', 'github/ci.yml.njk', { files: containerFiles });
  add('.pre-commit-config.yaml', 'pre-commit-config.yaml.njk');
  add('README.md', 'README.md.njk', { project, healthPath, files: containerFiles, contract: contract !== undefined });
  add('alembic.ini', 'alembic.ini.njk');
  pkg('app', '', [], pyDocLine(`${model.title}: the application package.`, 'The application package.'));
  // Routes told apart by the keys of a JSON body need it read before routing (conditional_routes.py).
  const bodyKeys = model.operations.some((op) => routeCondition(op, model.operations, model.objectTypes)?.bodyKeys !== undefined);
  const jsonBodies = model.operations.some((op) => op.body?.type !== undefined);
  add('app/main.py', 'app/main.py.njk', { project, healthPath, bodyKeys, jsonBodies });
  pkg('app/core');
  add('app/core/config.py', 'app/core/config.py.njk', { project, components, security });
  add('app/core/logging.py', 'app/core/logging.py.njk');

  pkg('app/domain');
  add('app/domain/exceptions.py', 'app/domain/exceptions.py.njk');
  add('app/domain/enums.py', 'app/domain/enums.py.njk', {
    enums: [...model.enums].sort(byName).map((e) => ({
      name: pyClassName(e.name),
      header: pyFormat(call(`class ${pyClassName(e.name)}`, ['StrEnum']), 0, '', ':'),
      doc: pyDocLine(e.description, `Values of ${e.name}.`),
      lines: enumMembers.membersOf(e.name).map(([name, value]) => pyFormat(pyString(value), 4, `${name} = `)),
    })),
  });
  const entityExports = exportsOf(entityList.map((e) => [`app.domain.entities.${e.slug}`, e.name]));
  pkg('app/domain/entities', entityExports.imports, entityExports.names);
  for (const e of entityList) {
    add(F.domainEntity(e.slug), 'app/domain/entities/entity.py.njk', { e, placeholder: entityPlaceholders.has(e.name) && e.model }, origin(e.name, 'domain'));
  }

  pkg('app/application');
  const portExports = exportsOf(entityList.map((e) => [`app.application.interfaces.${e.portModule}`, e.port]));
  const backend = backendClasses(model.components ?? [], generatedEntities, readOutput);
  const portMethods = portMethodsOf(model.components ?? []);
  const declared = declaredRepositories(entityList, importSets, backend, portMethods);
  report.toImplement.push(...declared.toImplement);
  pkg('app/application/interfaces', portExports.imports, portExports.names);
  // What the generic repositories hold only when some operation uses it, so no backend carries code its tests never run.
  // A soft delete marking rows by the document's own field (`retired_at`): each table names its mark.
  const namedMarks = model.entities.some((e) => e.softDelete && e.softDeleteField !== undefined);
  // A mark that is a flag (`is_deleted`) beside marks that are times: each set and read by its column's type.
  const flagMarks = model.entities.some((e) => e.softDelete && deletionFlag(e) !== undefined);
  const repositoryFeatures = { batch: model.operations.some((op) => op.batch), scoped: model.entities.some((e) => (e.pathScope?.length ?? 0) > 0), namedMarks, flagMarks };
  add('app/application/interfaces/repository.py', 'app/application/interfaces/repository.py.njk', repositoryFeatures);
  for (const e of entityList) add(F.port(e.portModule), 'app/application/interfaces/port.py.njk', { e: withoutDeclaredLookups(e), declared: declared.port.get(e.name) });

  pkg('app/infrastructure');
  pkg('app/infrastructure/database');
  add('app/infrastructure/database/base.py', 'app/infrastructure/database/base.py.njk', {
    mysqlTableOptions: MYSQL_TABLE_KEYWORDS.map(([keyword, value]) => `${pyString(keyword)}: ${pyString(value)}`),
    namingConvention: SQLALCHEMY_NAMING_CONVENTION.map(([kind, template]) => `${pyString(kind)}: ${pyString(template)}`),
  });
  add('app/infrastructure/database/session.py', 'app/infrastructure/database/session.py.njk');
  const modelExports = exportsOf(modelled.flatMap((e) => [[`app.infrastructure.models.${e.slug}`, e.model] as [string, string], ...e.modelModule.linkClasses.map((l): [string, string] => [`app.infrastructure.models.${e.slug}`, l.name])]));
  pkg('app/infrastructure/models', modelExports.imports, modelExports.names);
  pkg('app/infrastructure/mappers');
  const nested = new Set(model.relations.flatMap((r) => (r.owned ? [r.from] : r.kind === 'many-to-many' ? [r.to] : [])));
  const mappers = modelled.map((e) => ({ e, m: mapperView(e, views, nested.has(e.name)) }));
  if (mappers.some(({ m }) => m.imports.includes('app.infrastructure.mappers.values'))) {
    add('app/infrastructure/mappers/values.py', 'app/infrastructure/mappers/values.py.njk');
  }
  for (const { e, m } of mappers) {
    add(F.model(e.slug), 'app/infrastructure/models/model.py.njk', { e }, origin(e.name, 'model'));
    add(F.mapper(e.slug), 'app/infrastructure/mappers/mapper.py.njk', { e, m, served: entityList.includes(e) });
  }
  const repoExports = exportsOf(entityList.map((e) => [`app.infrastructure.repositories.${e.sqlRepositoryModule}`, e.sqlRepository]));
  pkg('app/infrastructure/repositories', repoExports.imports, repoExports.names);
  add('app/infrastructure/repositories/base.py', 'app/infrastructure/repositories/base.py.njk', repositoryFeatures);
  const memoryExports = exportsOf(entityList.map((e) => [`app.infrastructure.repositories.in_memory.${e.slug}_repository`, e.memoryRepository]));
  pkg('app/infrastructure/repositories/in_memory', memoryExports.imports, memoryExports.names);
  add('app/infrastructure/repositories/in_memory/base.py', 'app/infrastructure/repositories/in_memory/base.py.njk', repositoryFeatures);
  for (const e of entityList) {
    const imports = new PythonImports()
      .add('app.application.interfaces', e.port)
      .add('app.domain.entities', e.name)
      .add('app.infrastructure.mappers', `${e.slug}_mapper`)
      .add('app.infrastructure.models', e.model)
      .add('app.infrastructure.repositories.base', 'SqlAlchemyRepository');
    // What the key's type needs (a UUID, a date, an enum of the domain): the port imported it for its signatures.
    // Names it does not use are dropped by the import resolver.
    for (const [, module, grouped, single] of e.portImports.matchAll(/^from (uuid|datetime|decimal|app\.domain\.enums) import (?:\(([^)]*)\)|(.+))$/gm)) {
      imports.add(module!, ...(grouped ?? single!).split(',').map((name) => name.trim()).filter((name) => name !== ''));
    }
    // `    sortable_fields = frozenset({...})`, laid out in the class body.
    const fieldSet = (attribute: string, items: string[]) => pyFormat(call('frozenset', items.length ? [collection('{', items.map(pyString))] : []), 4, `${attribute} = `);
    // `orders are soft deleted with the user`: soft deleting a user marks its live orders too.
    const keptWith = model.relations
      .filter((r) => r.kind === 'many-to-one' && r.softDeleteCascade && r.to === e.name && r.from !== e.name && views.get(r.from)?.entity.softDelete)
      .map((r) => ({ child: views.get(r.from)!, attr: views.get(r.from)!.fields.find((f) => f.field.name === r.field)!.attr }))
      .sort((a, b) => a.child.name.localeCompare(b.child.name));
    for (const { child } of keptWith) if (child.name !== e.name) imports.add('app.infrastructure.models', child.model);
    const softDeletedWith = softDeletedWithLine(keptWith.map(({ child, attr }) => `(${[child.model, pyString(attr), ...(namedMarks ? [pyString(deletionMarkAttr(child))] : []), ...(flagMarks ? [flagLiteral(deletionFlag(child.entity))] : [])].join(', ')})`));
    const mark = e.entity.softDelete && e.entity.softDeleteField !== undefined ? deletionMarkAttr(e) : undefined;
    const flag = e.entity.softDelete ? deletionFlag(e.entity) : undefined;
    const whitelists = {
      filterableFields: fieldSet('filterable_fields', e.filterable),
      sortableFields: fieldSet('sortable_fields', e.sortable),
      softDelete: e.entity.softDelete,
      ...(mark ? { deletedAtField: `deleted_at_field = ${pyString(mark)}` } : {}),
      ...(flag ? { deletionFlag: `deletion_flag = ${flagLiteral(flag)}` } : {}),
      softDeletedWith,
    };
    const classHeader = (name: string, bases: string[]) => pyFormat(call(`class ${name}`, bases), 0, '', ':');
    const method = (name: string, params: string[], returns: string) => pyFormat(definition(`def ${name}`, ['self', ...params]), 4, '', ` -> ${returns}:`);
    const methods = {
      toDomain: method('_to_domain', [`model: ${e.model}`], e.name),
      toModel: method('_to_model', [`entity: ${e.name}`], e.model),
      apply: method('_apply', [`entity: ${e.name}`, `model: ${e.model}`], 'None'),
      keyOf: method('_key_of', [`entity: ${e.name}`], `${e.keyType} | None`),
    };
    const headers = {
      methods,
      sqlHeader: classHeader(e.sqlRepository, [`SqlAlchemyRepository[${e.model}, ${e.name}, ${e.keyType}]`, e.port]),
      memoryHeader: classHeader(e.memoryRepository, [`InMemoryRepository[${e.name}, ${e.keyType}]`, e.port]),
    };
    const sql = declared.sql.get(e.name);
    const memory = declared.memory.get(e.name);
    const sqlImports = declared.sqlImports.get(e.name);
    const memoryImports = declared.memoryImports.get(e.name);
    if (sqlImports) imports.merge(sqlImports);
    add(F.sqlRepository(e.sqlRepositoryModule), 'app/infrastructure/repositories/repository.py.njk', {
      e: { ...withoutDeclaredLookups(e), ...whitelists, ...headers },
      imports: imports.render(),
      declared: sql,
    }, origin(e.name, 'repository'));
    add(F.memoryRepository(e.slug), 'app/infrastructure/repositories/in_memory/repository.py.njk', {
      e: { ...withoutDeclaredLookups(e), ...whitelists, ...headers, memoryImports: memoryImports ? importSets.get(e.name)!.memory.merge(memoryImports).render() : e.memoryImports },
      declared: memory,
    });
  }

  // Presentation.
  pkg('app/presentation');
  pkg('app/presentation/api');
  const routeTypes = pathTypes(model.operations);
  if (routeTypes.integer || routeTypes.spanning || routeTypes.segments.length > 0) {
    add('app/presentation/api/v1/__init__.py', 'app/presentation/api/v1/package_init.py.njk');
    add('app/presentation/api/v1/path_types.py', 'app/presentation/api/v1/path_types.py.njk', {
      integer: routeTypes.integer,
      segments: routeTypes.segments.map((segment) => ({ ...segment, regex: pyString(segment.regex) })),
      excludesLiterals: routeTypes.segments.some((segment) => segment.kind === 'segment'),
      choices: routeTypes.segments.some((segment) => segment.kind === 'choice'),
      spanning: routeTypes.spanning,
      imports: pathTypeImports(routeTypes),
    });
  } else {
    pkg('app/presentation/api/v1');
  }
  const errorBodies = errorBodiesView(model);
  add('app/presentation/errors.py', 'app/presentation/errors.py.njk', { declared: errorBodies !== undefined });
  if (errorBodies) {
    add('app/presentation/error_bodies.py', 'app/presentation/error_bodies.py.njk', errorBodies);
    add('tests/unit/test_error_bodies.py', 'tests/unit/test_error_bodies.py.njk', { notFoundMediaType: errorBodies.notFoundMediaType });
  }
  add('app/presentation/request_context.py', 'app/presentation/request_context.py.njk');
  if (jsonBodies) {
    add('app/presentation/json_media.py', 'app/presentation/json_media.py.njk');
    add('tests/unit/test_json_media.py', 'tests/unit/test_json_media.py.njk');
  }
  if (model.operations.some((op) => op.params.some(isQueryList))) add('tests/unit/test_query_lists.py', 'tests/unit/test_query_lists.py.njk');
  if (model.operations.some((op) => op.kind === 'list' && op.params.some((p) => p.role === 'filter' && p.conversion !== undefined))) {
    add('app/presentation/api/v1/filter_values.py', 'app/presentation/api/v1/filter_values.py.njk');
    add('tests/unit/test_filter_values.py', 'tests/unit/test_filter_values.py.njk');
  }
  if (healthPath !== undefined) add('app/presentation/health.py', 'app/presentation/health.py.njk', { healthPath });
  if (security) add('app/presentation/api/v1/security.py', 'app/presentation/api/v1/security.py.njk', { s: security });
  // Wire schemas serve routes: without operations there is nothing to speak on the wire.
  if (model.operations.length > 0) {
    const componentImports = new PythonImports().add('pydantic', 'BaseModel', 'ConfigDict');
    const widthsByEntity = new Map(modelled.map((e) => [e.entity.name, new Map(e.fields.flatMap((f) => (f.integerWidth ? [[f.column, f.integerWidth] as const] : [])))]));
    const used = objectTypesOnTheWire(model);
    const order = classOrder(model.objectTypes.filter((t) => used.has(t.name)).sort(byName));
    const classes = order.types.map((t) => componentClass(t, componentImports, enumMembers, widthsByEntity.get(t.name)));
    const rebuilt = order.rebuilt.map((t) => pyClassName(t.name));
    add('app/presentation/api/v1/schemas/components.py', 'app/presentation/api/v1/schemas/components.py.njk', { classes, rebuilt, imports: componentImports.render() });
    if (classes.length > 0) add('tests/unit/test_wire_classes.py', 'tests/unit/test_wire_classes.py.njk');
    const fieldsOnWire = [...model.objectTypes.flatMap((type) => type.fields), ...model.entities.flatMap((entity) => entity.fields)];
    add('app/presentation/api/v1/schemas/common.py', 'app/presentation/api/v1/schemas/common.py.njk', {
      distinctItems: fieldsOnWire.some((field) => field.type.kind === 'array' && field.constraints.uniqueItems),
      typelessFields: fieldsOnWire.some(readsObjectOrNone),
      absentBodies: model.operations.some((op) => readsOptionalBody(op) || readsNullBody(op)),
      jsonTextBodies: model.operations.some((op) => op.kind !== 'custom' && op.body?.jsonAsText !== undefined),
      // `TextChoice[Literal[0, 1]]`: a path, query or header value among integer codes (view/params.ts).
      textChoices: model.operations.some((op) => op.params.some((p) => p.type.kind === 'integer' && p.constraints.allowed !== undefined)),
    });
  }
  const envelope = envelopeView(model);
  if (envelope) add('app/presentation/api/v1/schemas/envelope.py', 'app/presentation/api/v1/schemas/envelope.py.njk', { v: envelope });
  const schemaNames = new Map<string, Record<string, string>>();
  const schemaExports: [string, string][] = [];
  for (const e of entityList) {
    if (!opsByEntity.has(e.name)) continue;
    const { module, names } = entitySchemas(e, opsByEntity.get(e.name) ?? [], enumMembers, model);
    schemaNames.set(e.name, names);
    for (const name of Object.values(names)) schemaExports.push([`app.presentation.api.v1.schemas.${e.slug}`, name]);
    add(`app/presentation/api/v1/schemas/${e.slug}.py`, 'app/presentation/api/v1/schemas/entity.py.njk', { e, s: module });
  }
  const schemaPkg = exportsOf(schemaExports);
  pkg('app/presentation/api/v1/schemas', schemaPkg.imports, schemaPkg.names);

  const groups = new Map<string, Operation[]>();
  for (const op of model.operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const groupNames = [...groups.keys()].sort();
  const spanningRouters: { module: string; tier: number }[] = [];
  const conditionalRouters: { module: string; tier: number }[] = [];
  const useCases = [];
  let literalPathRouters = false;
  for (const group of groupNames) {
    const { router, useCases: uc } = groupViews(group, groups.get(group)!, views, schemaNames, model.operations, security, model.objectTypes);
    literalPathRouters ||= router.literals !== undefined;
    for (const tier of router.spanningTiers) spanningRouters.push({ module: router.module, tier });
    for (const tier of router.conditionalTiers) conditionalRouters.push({ module: router.module, tier });
    add(F.router(group), 'app/presentation/api/v1/routers/router.py.njk', { r: router });
    if (uc) {
      useCases.push(uc);
      add(F.useCases(group), 'app/application/use_cases/use_cases.py.njk', { u: uc });
    }
  }
  if (literalPathRouters) {
    add('app/presentation/api/v1/routing.py', 'app/presentation/api/v1/routing.py.njk');
    add('tests/unit/test_routing.py', 'tests/unit/test_routing.py.njk');
  }
  const unmatched = unmatchedRequests(model.operations, model.objectTypes);
  if (model.operations.some((op) => conditionSize(routeCondition(op, model.operations, model.objectTypes)) > 0)) {
    add('app/presentation/api/v1/conditional_routes.py', 'app/presentation/api/v1/conditional_routes.py.njk', { bodyKeys, unmatched: unmatched.length > 0 });
  }
  if (model.operations.some(readsForm)) {
    add('app/presentation/api/v1/forms.py', 'app/presentation/api/v1/forms.py.njk');
  }
  pkg('app/application/use_cases');
  pkg('app/presentation/api/v1/routers');
  const routerImports = new PythonImports();
  if (groupNames.length > 0) routerImports.add('app.presentation.api.v1.routers', ...groupNames.map(groupModule));
  if (unmatched.length > 0) routerImports.add(CONDITIONAL_ROUTES_MODULE, 'refuse_unmatched');
  const mapping = (pairs: [string, string[]][]) => collection('{', pairs.map(([name, values]) => entry(pyString(name), collection('[', values.map(pyString)))));
  add('app/presentation/api/v1/router.py', 'app/presentation/api/v1/router.py.njk', {
    imports: routerImports.render(),
    modules: groupNames.map(groupModule).sort(),
    unmatched: unmatched.map((group) =>
      pyFormat(call('refuse_unmatched', [
        'api_router', pyString(group.path), keyword('methods', collection('[', [pyString(group.method)])), keyword('headers', mapping(group.headers)), keyword('query', mapping(group.query)),
        ...(group.someHeaders.length > 0 ? [keyword('some_headers', mapping(group.someHeaders))] : []),
        ...(group.someQuery.length > 0 ? [keyword('some_query', mapping(group.someQuery))] : []),
      ]), 0),
    ),
    spanningRouters: tiered(spanningRouters, 'spanning_router'),
    conditionalRouters: tiered(conditionalRouters, 'conditional_router'),
  });
  const dependencyImports = new PythonImports().add('typing', 'Annotated').add('fastapi', 'Depends').add('app.presentation.api.v1.dependencies.database', 'SessionDep');
  for (const e of entityList) dependencyImports.add('app.application.interfaces', e.port).add('app.infrastructure.repositories', e.sqlRepository);
  add('app/presentation/api/v1/dependencies/database.py', 'app/presentation/api/v1/dependencies/database.py.njk');
  const repositoryFactories = entityList.map((e) => ({
    header: pyFormat(definition(`def get_${e.slug}_repository`, ['session: SessionDep']), 0, '', ` -> ${e.port}:`),
    body: declared.factoryBodies.get(e.name) ?? `return ${e.sqlRepository}(session)`,
    alias: pyFormat(pyParse(`Annotated[${e.port}, Depends(get_${e.slug}_repository)]`), 0, `${e.name}RepositoryDep = `),
  }));
  add('app/presentation/api/v1/dependencies/repositories.py', 'app/presentation/api/v1/dependencies/repositories.py.njk', { factories: repositoryFactories, imports: dependencyImports.render() });
  const useCaseImports = new PythonImports().add('typing', 'Annotated').add('fastapi', 'Depends');
  for (const uc of useCases) {
    useCaseImports.add(`app.application.use_cases.${uc.module}`, uc.className);
    if (uc.entity) useCaseImports.add('app.presentation.api.v1.dependencies.repositories', `${uc.entity.name}RepositoryDep`);
  }
  const useCaseFactories = useCases.map((u) => ({
    header: pyFormat(definition(`def get_${u.module}_operations`, u.entity ? [`repository: ${u.entity.name}RepositoryDep`] : []), 0, '', ` -> ${u.className}:`),
    body: `return ${u.className}(${u.entity ? 'repository' : ''})`,
    alias: pyFormat(pyParse(`Annotated[${u.className}, Depends(get_${u.module}_operations)]`), 0, `${u.className}Dep = `),
  }));
  add('app/presentation/api/v1/dependencies/use_cases.py', 'app/presentation/api/v1/dependencies/use_cases.py.njk', { factories: useCaseFactories, imports: useCaseImports.render() });
  const depExports = exportsOf([
    ['app.presentation.api.v1.dependencies.database', 'SessionDep'],
    ...entityList.map((e): [string, string] => ['app.presentation.api.v1.dependencies.repositories', `${e.name}RepositoryDep`]),
    ...useCases.map((u): [string, string] => ['app.presentation.api.v1.dependencies.use_cases', `${u.className}Dep`]),
    ...components.dependencies,
  ]);
  pkg('app/presentation/api/v1/dependencies', depExports.imports, depExports.names);

  // Migrations.
  add('migrations/env.py', 'migrations/env.py.njk');
  add('migrations/script.py.mako', 'migrations/script.py.mako.njk');
  files.push(...planMigrations(model, schema, previous, report, STACK_NAME, revisionsOnDisk, { acceptDataLoss: config.acceptDataLoss === true, dryRun: config.dryRun }));

  // Tests.
  const samples = new Samples(model);
  const conftestImports = new PythonImports()
    .add('app.infrastructure.database.base', 'Base')
    .add('app.infrastructure.database.session', 'prepare_connections', 'get_session')
    .add('app.main', 'create_app');
  for (const e of entityList) {
    conftestImports.add('app.infrastructure.repositories.in_memory', e.memoryRepository);
    conftestImports.add('app.presentation.api.v1.dependencies.repositories', `get_${e.slug}_repository`);
  }
  pkg('tests');
  pkg('tests/unit');
  pkg('tests/integration');
  const overrides = entityList.map((e) => ({
    ...e,
    override: pyLambdaAssignment(`application.dependency_overrides[get_${e.slug}_repository]`, `${e.slug}_repository`, 4),
  }));
  add('tests/unit/test_errors.py', 'tests/unit/test_errors.py.njk');
  if (unmatched.length > 0) add('tests/unit/test_unmatched_requests.py', 'tests/unit/test_unmatched_requests.py.njk', { tests: unmatchedTests(unmatched, samples, routeTypes) });
  add('tests/unit/test_database.py', 'tests/unit/test_database.py.njk');
  add('tests/unit/test_service.py', 'tests/unit/test_service.py.njk', { healthPath });
  if (security) {
    conftestImports.add(SECURITY_MODULE, ...security.requirements.map((r) => r.name));
    const testImports = new PythonImports().add(SECURITY_MODULE, ...security.requirements.map((r) => r.name)).render();
    add('tests/unit/test_security.py', 'tests/unit/test_security.py.njk', { s: { ...security, testImports } });
  }
  // Where the tests reach the app: its routes sit under the document's server path.
  const baseUrlLiteral = pyString(`http://testserver${encodeURI(model.basePath)}`);
  add('tests/conftest.py', 'tests/conftest.py.njk', { entities: overrides, imports: conftestImports.render(), baseUrlLiteral, security });
  if (contract) {
    pkg(CONTRACT_DIR);
    add(`${CONTRACT_DIR}/conftest.py`, 'tests/contract/conftest.py.njk');
    add(`${CONTRACT_DIR}/test_contract.py`, 'tests/contract/test_contract.py.njk', { c: contract, baseUrlLiteral });
    for (const document of contract.documents) files.push({ path: `${BACKEND_DIR}/${CONTRACT_DIR}/${document.fileName}`, owner: STACK_NAME, content: document.text, verbatim: true });
    files.push({ path: `${BACKEND_DIR}/schemathesis.toml`, owner: STACK_NAME, content: contract.toml });
  }
  const viewsByName = new Map(entityList.map((e) => [e.name, e]));
  const seeding = new Seeding(model, samples, (name) => {
    const e = viewsByName.get(name);
    // Child rows travel inside their parent's values: such a parent is not stored this way.
    if (e === undefined || e.storage.children.length > 0) return undefined;
    const values = domainSample(e, samples, { indent: 4, prefix: 'values: dict[str, Any] = ' }).values;
    const attrOf = (field: string) => e.fields.find((f) => f.column === field)?.attr ?? field;
    return { repository: e.sqlRepository, repositoryCall: e.sqlRepositoryCall, values, keyAttr: e.key.attr, attrOf };
  });
  // Where a replace creates the rows (Operation.upsert), its schema is what builds one.
  const creatingSchema = (e: EntityView) => schemaNames.get(e.name)?.create ?? (opsByEntity.get(e.name)?.some((op) => op.upsert) ? schemaNames.get(e.name)?.update : undefined);
  const testViews = new Map(entityList.map((e) => [e.slug, entityTests(e, opsByEntity.get(e.name) ?? [], model, samples, creatingSchema(e), seeding)]));
  const seeds = [...seeding.functions.values()].sort(byName);
  const stores = [...seeding.stores.values()].sort(byName);
  const answers = { enveloped: envelope !== undefined, answerOf: answerReader(envelope) };
  if (envelope) add('tests/answers.py', 'tests/answers.py.njk', { v: envelope });
  if (seeds.length > 0 || stores.length > 0) add('tests/integration/seed.py', 'tests/integration/seed.py.njk', { seeds, stores, firstPartyImports: seedImports(stores, envelope !== undefined), answerOf: answers.answerOf });
  for (const group of groupNames) {
    const ops = groups.get(group)!;
    // An entity without a create, get or delete route has nothing its unit tests could call.
    const entitiesHere = entityList.filter((e) => e.entity.slug === group).map((e) => testViews.get(e.slug)!).filter((t) => t.create || (t.itemPath && (t.get || t.delete)));
    const custom = customTests(ops, samples, routeTypes);
    if (entitiesHere.length === 0 && custom.length === 0) continue;
    const upsertKeys = entitiesHere.some((t) => t.create?.keys !== undefined);
    add(`tests/unit/test_${group}_api.py`, 'tests/unit/test_api.py.njk', { group, entities: entitiesHere, custom, upsertKeys, ...answers });
  }
  for (const e of entityList) {
    const t = testViews.get(e.slug)!;
    if (!t.integration) {
      const sample = domainSample(e, samples);
      add(F.mapperTest(e.slug), 'tests/unit/test_mapper.py.njk', { t, keyAttr: e.key.attr, values: sample.values, comparable: keptByDatabase(e, sample.timestamps, model.relations) });
      // No route creates it: the repositories are tested directly, in a database only when no row it needs must exist first.
      const sql = storableAlone(e);
      add(F.repositoriesTest(e.slug), 'tests/unit/test_repositories.py.njk', { e, keyAttr: e.key.attr, values: sample.values, sql });
      continue;
    }
    add(F.repositoryTest(e.slug), 'tests/integration/test_repository.py.njk', { t, keyAttr: e.key.attr, ...answers });
    add(F.mapperTest(e.slug), 'tests/unit/test_mapper.py.njk', { t, keyAttr: e.key.attr, comparable: keptByDatabase(e, [], model.relations) });
  }
  // Source document 000's per-class tests, at its paths, for the items class definitions declare.
  const itemClasses = new Map((model.entityItems ?? []).map((entry) => [entry.entity, entry]));
  const infrastructureTests = new Set<string>();
  for (const e of modelled) {
    const modelItem = itemClasses.get(e.name)?.model;
    if (modelItem === undefined) continue;
    const m = modelTestView(e.model, e);
    add(classItemTestFiles.modelUnit(modelItem), 'tests/unit/infrastructure/test_model.py.njk', { m }, origin(e.name, 'model', 'test'));
    add(classItemTestFiles.modelIntegration(modelItem), 'tests/integration/infrastructure/test_model.py.njk', { m });
    infrastructureTests.add('models');
  }
  for (const e of entityList) {
    if (e.declared === undefined) continue;
    const writable = storableAlone(e);
    const r = repositoryTestView(e.declared, e, backend, portMethods, domainSample(e, samples).values, constructorCall(e.declared, 'session'), writable);
    add(classItemTestFiles.repositoryUnit(e.declared.name), 'tests/unit/infrastructure/test_repository.py.njk', { r }, origin(e.name, 'repository', 'test'));
    if (r.construction !== undefined) add(classItemTestFiles.repositoryIntegration(e.declared.name), 'tests/integration/infrastructure/test_repository.py.njk', { r });
    infrastructureTests.add('repositories');
  }
  for (const kind of ['unit', 'integration']) {
    if (infrastructureTests.size > 0) pkg(`tests/${kind}/infrastructure`, '', [], `Tests of the infrastructure classes the class definitions declare (${kind}).`);
    for (const folder of infrastructureTests) pkg(`tests/${kind}/infrastructure/${folder}`, '', [], `Tests of the ${folder} the class definitions declare (${kind}).`);
  }
  report.nextSteps.push(
    `cd ${config.outDir}/backend && python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[dev]'`,
    'alembic upgrade head && fastapi dev',
    'pytest',
  );
  return files;
}

/**
 * The class-definition item that asked for an entity's layer (`model` → `CustomerModel`), as the
 * origin of the file generated for it; the integration test of the repository is its `test`.
 */
function classItemOrigin(model: DomainModel) {
  const items = new Map((model.entityItems ?? []).map((entry) => [entry.entity, entry]));
  return (entity: string, layer: 'domain' | 'model' | 'repository', role: 'code' | 'test' = 'code'): PlannedFile['origin'] => {
    const item = items.get(entity)?.[layer];
    return item === undefined ? undefined : { item, role };
  };
}

/** A lookup the class definitions declare too (`find_by_email`) is written once, as declared. */
function withoutDeclaredLookups(e: EntityView): EntityView {
  const declared = new Set(e.declared?.methods.map((m) => m.name));
  return declared.size === 0 ? e : { ...e, lookups: e.lookups.filter((lookup) => !declared.has(lookup.method)) };
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function exportsOf(pairs: [string, string][]): { imports: string; names: string[] } {
  const imports = new PythonImports();
  for (const [module, name] of pairs) imports.add(module, name);
  return { imports: pairs.length ? imports.render() : '', names: pairs.map(([, name]) => name).sort() };
}


/** A PEP 440 version from the document's version string. */
function pep440(version: string): string {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version.trim().replace(/^v/i, ''));
  return match ? [match[1], match[2] ?? '0', match[3] ?? '0'].join('.') : '0.1.0';
}

export { COMPONENTS_MODULE };

/** `    soft_deleted_with = ((OrderModel, "user_id"),)`, one pair a line when they do not fit. */
function softDeletedWithLine(pairs: string[]): string {
  if (pairs.length === 0) return '';
  const flat = `soft_deleted_with = (${pairs.join(', ')}${pairs.length === 1 ? ',' : ''})`;
  if (flat.length + 4 <= 100) return flat;
  return ['soft_deleted_with = (', ...pairs.map((pair) => `        ${pair},`), '    )'].join('\n');
}

/**
 * Where the app answers its health check: `/health`, unless the document serves a GET there
 * itself (then its own operation is the health check, as the document says).
 */
function healthCheckPath(model: DomainModel): string | undefined {
  const served = (op: Operation) => `${model.basePath}${documentPath(op.path).path}`.replace(/\/+$/, '');
  return model.operations.some((op) => op.method.toLowerCase() === 'get' && served(op) === '/health') ? undefined : '/health';
}

/** What path_types.py takes from Starlette: the base class of each convertor it defines. */
function pathTypeImports(types: PathTypes): string {
  const names = ['register_url_convertor'];
  if (types.integer) names.push('Convertor');
  if (types.segments.some((segment) => segment.kind !== 'spans')) names.push('StringConvertor');
  if (types.segments.some((segment) => segment.kind === 'spans')) names.push('PathConvertor');
  return new PythonImports().add('starlette.convertors', ...names).render();
}

/** `module.<name>_<tier>` of each router, tier by tier, modules in order within a tier. */
function tiered(routers: { module: string; tier: number }[], name: string): string[] {
  return routers.sort((a, b) => a.tier - b.tier || (a.module < b.module ? -1 : 1)).map(({ module, tier }) => `${module}.${name}_${tier}`);
}

/** The model less the operations no request reaches (shadowed by another, or every value of a path parameter another path's literal), each named in a note. */
function servedModel(model: DomainModel, report: RunReport): DomainModel {
  const unserved = new Set<Operation>();
  const named = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path} (${operation.name})`;
  for (const [operation, by] of shadowedOperations(model.operations, model.objectTypes)) {
    unserved.add(operation);
    report.notes.push(`${named(operation)} is not served: no request tells it from ${named(by)}, which the document gives first and which takes them all`);
  }
  const types = pathTypes(model.operations);
  for (const operation of model.operations) {
    const parameter = unserved.has(operation) ? undefined : parameterNeverReached(operation, types);
    if (parameter === undefined) continue;
    unserved.add(operation);
    report.notes.push(`${named(operation)} is not served: every value of {${parameter}} is a path of its own, which takes the request`);
  }
  if (unserved.size === 0) return model;
  return { ...model, operations: model.operations.filter((operation) => !unserved.has(operation)) };
}

/** The first-party imports of the seeds that store rows through their repositories. */
/** What the seed module imports of the project: the stores' entities and repositories, and the reader of enveloped answers. */
function seedImports(stores: readonly StoreFunction[], enveloped: boolean): string {
  const imports = new PythonImports();
  for (const store of stores) imports.add('app.domain.entities', store.entity).add('app.infrastructure.repositories', store.repository);
  if (enveloped) imports.add('tests.answers', 'answer_of');
  return imports.render();
}

/** A deletion flag's values as the repository holds them: `(False, True)`, `("0", "2")`; `None` for a time. */
function flagLiteral(flag: SoftDeleteFlag | undefined): string {
  return flag === undefined ? 'None' : `(${pyLiteral(flag.live)}, ${pyLiteral(flag.deleted)})`;
}
