import { toSnake, type Component, type MethodSignature } from '../../../core/index.js';
import { pyFormat, pyValue } from '../python/layout.js';
import type { BackendClasses } from './component-classes.js';
import { ComponentModule } from './component-module.js';
import { methodIntent, type MethodIntent } from './declared-repository.js';
import type { EntityView } from './entities.js';

/**
 * The per-class tests of source document 000, at its paths: an ORM model's table, key, columns,
 * foreign keys and indexes (unit), and the same table as the database has it (integration); a
 * declared repository's constructor and method signatures (unit, over a session double), and
 * what its methods do, in memory (unit) and on the database (integration).
 */
export const classItemTestFiles = {
  modelUnit: (className: string) => `tests/unit/infrastructure/models/test_${toSnake(className)}.py`,
  modelIntegration: (className: string) => `tests/integration/infrastructure/models/test_${toSnake(className)}_integration.py`,
  repositoryUnit: (className: string) => `tests/unit/infrastructure/repositories/test_${toSnake(className)}.py`,
  repositoryIntegration: (className: string) => `tests/integration/infrastructure/repositories/test_${toSnake(className)}_integration.py`,
};

export interface ModelTestView {
  className: string;
  table: string;
  /** Laid-out assert statements at 4, by test. */
  primaryKey: string;
  nullability: string;
  types: string;
  foreignKeys?: { targets: string; indexed: string };
  unique?: string;
  /** The same facts as the database reflects them. */
  reflected: { nullability: string; primaryKey: string; foreignKeys?: string };
}

export function modelTestView(className: string, e: EntityView): ModelTestView {
  const columns = e.fields.filter((f) => !f.relation);
  const keys = columns.filter((f) => f.primaryKey).map((f) => f.column);
  const nullable = Object.fromEntries(columns.map((f) => [f.column, f.nullable]));
  const types = Object.fromEntries(columns.map((f) => [f.column, e.columnClasses.get(f.column) ?? '']));
  const foreign = columns.filter((f) => e.storage.foreignKeys.has(f.column));
  const targets = Object.fromEntries(foreign.map((f) => {
    const key = e.storage.foreignKeys.get(f.column)!;
    return [f.column, [`${key.targetTable}.${key.targetColumn}`]];
  }));
  const unique = columns.filter((f) => e.storage.uniqueColumns.has(f.column)).map((f) => f.column);
  const columnsOf = 'for column in table().columns';
  const reflectedTargets = Object.fromEntries(foreign.map((f) => [f.column, e.storage.foreignKeys.get(f.column)!.targetTable]));
  return {
    className,
    table: e.table,
    primaryKey: pyFormat(pyValue(keys), 4, 'assert [column.name for column in table().primary_key.columns] == '),
    nullability: pyFormat(pyValue(nullable), 4, `assert {column.name: column.nullable ${columnsOf}} == `),
    types: pyFormat(pyValue(types), 4, `assert {column.name: type(column.type).__name__ ${columnsOf}} == `),
    ...(foreign.length > 0
      ? {
          foreignKeys: {
            targets: pyFormat(pyValue(targets), 4, 'assert foreign_keys == '),
            indexed: pyFormat(pyValue(Object.fromEntries(foreign.map((f) => [f.column, e.storage.indexedColumns.has(f.column)]))), 4, `assert {name: bool(table().columns[name].index) for name in foreign_keys} == `),
          },
        }
      : {}),
    ...(unique.length > 0 ? { unique: pyFormat(pyValue(unique), 4, `assert sorted(column.name ${columnsOf} if column.unique) == `) } : {}),
    reflected: {
      nullability: pyFormat(pyValue(nullable), 4, 'assert await connection.run_sync(nullability) == '),
      primaryKey: pyFormat(pyValue(keys), 4, 'assert await connection.run_sync(primary_key) == '),
      ...(foreign.length > 0 ? { foreignKeys: pyFormat(pyValue(reflectedTargets), 4, 'assert await connection.run_sync(referred_tables) == ') } : {}),
    },
  };
}

export interface RepositoryTestView {
  className: string;
  memoryClass: string;
  imports: string;
  /** `SqlCustomerRepository(db_session=session)`, or none when the backend cannot make one. */
  construction?: string;
  signatures: { name: string; lines: string[] }[];
  values: string;
  entity: string;
  slug: string;
  /** Statements exercising the declared methods on `repository`, at 4; `writable`: rows can be stored (no foreign keys). */
  behaviour: string[];
  /** On the database: the same when rows can be stored, else the reads of an empty table. */
  databaseBehaviour: string[];
  /** Rows can be stored on the database (no foreign keys, no child rows). */
  writable: boolean;
  /** Declared methods left to write by hand, which raise NotImplementedError. */
  unwritten: string[];
}

export function repositoryTestView(component: Component, e: EntityView, backend: BackendClasses, portMethods: (port: string) => MethodSignature[], values: string, construction: string | undefined, writable: boolean): RepositoryTestView {
  const module = new ComponentModule(backend, portMethods, `app.application.interfaces.${e.portModule}`);
  module.imports.add('app.infrastructure.repositories', e.sqlRepository).add('app.infrastructure.repositories.in_memory', e.memoryRepository);
  module.classRef(e.name);
  const signatures = component.methods.map((method) => {
    const hints = Object.fromEntries([...method.parameters.map((p) => [p.name, module.annotation(p)]), ['return', module.returnAnnotation(method)]]);
    const ref = `${e.sqlRepository}.${method.name}`;
    return {
      name: method.name,
      lines: [
        `assert inspect.iscoroutinefunction(${ref})`,
        pyFormat(pyValue(['self', ...method.parameters.map((p) => p.name)]), 4, `assert list(inspect.signature(${ref}).parameters) == `),
        pyFormat(dictOfNames(hints), 4, `assert get_type_hints(${ref}) == `),
      ],
    };
  });
  module.imports.add('typing', 'Any').addModule('pytest').add('pydantic', 'TypeAdapter');
  if (signatures.length > 0) module.imports.addModule('inspect').add('typing', 'get_type_hints');
  if (construction !== undefined) module.imports.add('unittest.mock', 'create_autospec').add('sqlalchemy.ext.asyncio', 'AsyncSession');
  const intents = component.methods.map((method) => ({ method, intent: methodIntent(method, e) }));
  const known = intents.filter((entry): entry is { method: MethodSignature; intent: MethodIntent } => !('unknown' in entry.intent));
  const behaviour = behaviourLines(known, e, true);
  return {
    className: e.sqlRepository,
    memoryClass: e.memoryRepository,
    imports: module.imports.render(),
    ...(construction !== undefined ? { construction } : {}),
    signatures,
    values,
    entity: e.name,
    slug: e.slug,
    behaviour,
    databaseBehaviour: writable ? behaviour : behaviourLines(known, e, false),
    writable,
    unwritten: intents.filter((entry) => 'unknown' in entry.intent).map((entry) => entry.method.name),
  };
}

/** `{"customer": Customer, "return": Customer | None}`: annotations are names, not strings. */
function dictOfNames(hints: Record<string, string>): string {
  // get_type_hints gives NoneType for a `-> None`.
  return `{${Object.entries(hints).map(([name, annotation]) => `"${name}": ${annotation === 'None' ? 'type(None)' : annotation}`).join(', ')}}`;
}

/**
 * One row stored (by a declared add or save when there is one), found by every declared read,
 * listed, counted, updated, then deleted; without `writable`, only what an empty table answers.
 */
function behaviourLines(methods: { method: MethodSignature; intent: MethodIntent }[], e: EntityView, writable: boolean): string[] {
  const key = e.key.attr;
  const integerKey = e.key.field.type.kind === 'integer';
  const lines: string[] = [];
  const call = (method: MethodSignature, args: string) => `await repository.${method.name}(${args})`;
  if (!writable) {
    for (const { method, intent } of methods) {
      if (intent.kind === 'list' && !intent.by) lines.push(`assert ${call(method, intent.paging ? (intent.paging.style === 'page' ? '1, 10' : '0, 10') : '')} == []`);
      if (intent.kind === 'count' && !intent.by) lines.push(`assert ${call(method, '')} == 0`);
      if (!integerKey) continue;
      if (intent.kind === 'exists' && !intent.by) lines.push(`assert not ${call(method, '-1')}`);
      if (intent.kind === 'get' && !intent.by) {
        if (method.returns?.nullable) lines.push(`assert ${call(method, '-1')} is None`);
        else lines.push('with pytest.raises(LookupError):', `    ${call(method, '-1')}`);
      }
    }
    return lines;
  }
  const creator = methods.find(({ method, intent }) => (intent.kind === 'add' || intent.kind === 'save') && method.returns !== undefined);
  lines.push(`stored = ${creator ? call(creator.method, `new_${e.slug}()`) : `await repository.add(new_${e.slug}())`}`, `assert stored.${key} is not None`);
  for (const { method, intent } of methods) {
    if (method === creator?.method) continue;
    const by = 'by' in intent ? intent.by : undefined;
    const argument = by ? `stored.${by.attr}` : `stored.${key}`;
    const guard = by?.optional ? [`assert stored.${by.attr} is not None`] : [];
    switch (intent.kind) {
      case 'get':
        lines.push(...guard, `${method.name}_found = ${call(method, argument)}`, `assert ${method.name}_found is not None`, `assert ${method.name}_found.${key} == stored.${key}`);
        if (!by && integerKey) {
          if (method.returns?.nullable) lines.push(`assert ${call(method, '-1')} is None`);
          else lines.push('with pytest.raises(LookupError):', `    ${call(method, '-1')}`);
        }
        break;
      case 'list': {
        const args = by ? argument : intent.paging ? (intent.paging.style === 'page' ? '1, 10' : '0, 10') : '';
        lines.push(...guard, `assert stored.${key} in [row.${key} for row in ${call(method, args)}]`);
        if (intent.paging?.style === 'page') lines.push('with pytest.raises(ValueError):', `    ${call(method, '0, 10')}`);
        break;
      }
      case 'exists':
        lines.push(...guard, `assert ${call(method, argument)}`);
        break;
      case 'count':
        lines.push(...guard, `assert ${call(method, by ? argument : '')} == 1`);
        break;
      case 'update':
      case 'save':
      case 'add':
        if (intent.kind === 'add') break;
        lines.push(method.returns ? `assert (${call(method, 'stored')}).${key} == stored.${key}` : call(method, 'stored'));
        break;
      case 'delete':
        break;
    }
  }
  const remover = methods.find(({ intent }) => intent.kind === 'delete');
  if (remover) {
    const deleted = remover.intent.kind === 'delete' && remover.intent.byKey ? `stored.${key}` : 'stored';
    lines.push(remover.method.returns ? `assert ${call(remover.method, deleted)}` : call(remover.method, deleted), `assert await repository.get(stored.${key}) is None`);
    if (remover.method.returns) lines.push(`assert not ${call(remover.method, deleted)}`);
    else lines.push('with pytest.raises(LookupError):', `    ${call(remover.method, deleted)}`);
  }
  return lines;
}
