import type { DomainModel, Entity, Field, TypeRef } from '../../../core/index.js';
import { PythonImports } from '../python/imports.js';
import { pyCall } from '../python/layout.js';
import { pyClassName, pyDocLine, pyIdentifier, pyString } from '../python/names.js';
import { columnType, domainType, isJsonStored } from '../python/types.js';

export interface FieldView {
  attr: string;
  column: string;
  wire: string;
  field: Field;
  primaryKey: boolean;
  jsonStored: boolean;
  /** Nullable in the database and in the domain entity. */
  optional: boolean;
}

export interface EntityView {
  name: string;
  slug: string;
  table: string;
  doc: string;
  model: string;
  port: string;
  sqlRepository: string;
  memoryRepository: string;
  keyType: string;
  key: FieldView;
  fields: FieldView[];
  lookups: { method: string; attr: string; type: string }[];
  filterable: string[];
  sortable: string[];
  domainModule: { imports: string; lines: string[] };
  modelModule: { imports: string; lines: string[] };
  migrationColumns: string[];
  portImports: string;
  newKey: string;
  memoryImports: string;
  entity: Entity;
}

export function fieldViews(entity: Entity): FieldView[] {
  return entity.fields.map((field) => {
    const primaryKey = field.name === entity.primaryKey.field;
    return {
      attr: pyIdentifier(field.name),
      column: field.name,
      wire: field.wireName,
      field,
      primaryKey,
      jsonStored: isJsonStored(field.type),
      optional: !primaryKey && (!field.required || field.nullable),
    };
  });
}

export function entityView(entity: Entity, model: DomainModel, lookupFields: Set<string>, filterFields: Set<string>): EntityView {
  const fields = fieldViews(entity);
  const key = fields.find((f) => f.primaryKey)!;
  const enumValues = new Map(model.enums.map((e) => [e.name, e.values]));
  const keyImports = new PythonImports();
  const keyType = domainType(key.field.type, keyImports);

  const domainImports = new PythonImports().add('dataclasses', 'dataclass');
  const domainLines = [...fields]
    .sort((a, b) => Number(a.optional || a.primaryKey) - Number(b.optional || b.primaryKey))
    .map((f) => {
      const annotation = domainType(f.field.type, domainImports);
      return f.optional || f.primaryKey ? `${f.attr}: ${annotation} | None = None` : `${f.attr}: ${annotation}`;
    });

  const modelImports = new PythonImports()
    .add('sqlalchemy.orm', 'Mapped', 'mapped_column')
    .add('app.infrastructure.database.base', 'Base');
  const migrationColumns: string[] = [];
  const modelLines = fields.map((f) => {
    const options = { primaryKey: f.primaryKey, ...(f.field.type.kind === 'enum' ? { enumValues: enumValues.get(f.field.type.name) ?? [] } : {}) };
    const column = columnType(f.field.type, f.field.constraints, options, modelImports);
    if (column.model.includes('enum_values')) modelImports.add('app.infrastructure.database.base', 'enum_values');
    const annotation = domainType(f.field.type, modelImports);
    const args = [column.model];
    if (f.attr !== f.column) args.unshift(pyString(f.column));
    if (f.primaryKey) {
      args.push('primary_key=True');
      if (entity.primaryKey.generated && f.field.type.kind === 'integer') args.push('autoincrement=True');
      if (entity.primaryKey.generated && f.field.type.kind === 'string') {
        if (f.field.type.format === 'uuid') {
          modelImports.add('uuid', 'uuid4');
          args.push('default=uuid4');
        } else {
          modelImports.add('uuid', 'uuid4');
          args.push('default=lambda: uuid4().hex');
        }
      }
    } else {
      args.push(`nullable=${f.optional ? 'True' : 'False'}`);
    }
    if (filterFields.has(f.column) || lookupFields.has(f.column)) args.push('index=True');
    const mapped = `Mapped[${annotation}${f.optional ? ' | None' : ''}]`;
    migrationColumns.push(migrationColumn(f, column.migration, entity));
    return pyCall('mapped_column', args, 4, `${f.attr}: ${mapped} = `);
  });

  const portImports = new PythonImports()
    .add('app.application.interfaces.repository', 'Repository')
    .add(`app.domain.entities.${entity.slug}`, entity.name);
  domainType(key.field.type, portImports);
  const lookups = fields
    .filter((f) => lookupFields.has(f.column) && !f.primaryKey)
    .map((f) => ({ method: `get_by_${f.column}`, attr: f.attr, type: domainType(f.field.type, portImports) }));

  const memoryImports = new PythonImports()
    .add('app.application.interfaces', `I${entity.name}Repository`)
    .add('app.domain.entities', entity.name)
    .add('app.infrastructure.repositories.in_memory.base', 'InMemoryRepository');
  domainType(key.field.type, memoryImports);
  let newKey = 'sequence';
  if (key.field.type.kind === 'string') {
    memoryImports.add('uuid', key.field.type.format === 'uuid' ? 'UUID' : 'uuid4');
    newKey = key.field.type.format === 'uuid' ? 'UUID(int=sequence)' : 'uuid4().hex';
  }
  const scalar = (f: FieldView) => !f.jsonStored && f.field.type.kind !== 'binary';
  return {
    name: entity.name,
    slug: entity.slug,
    table: entity.table,
    doc: pyDocLine(entity.description, `A ${entity.name} stored in the ${entity.table} table.`),
    model: `${entity.name}Model`,
    port: `I${entity.name}Repository`,
    sqlRepository: `${entity.name}Repository`,
    memoryRepository: `InMemory${entity.name}Repository`,
    keyType,
    key,
    fields,
    lookups,
    filterable: fields.filter((f) => filterFields.has(f.column) && scalar(f)).map((f) => f.attr).sort(),
    sortable: fields.filter(scalar).map((f) => f.attr).sort(),
    domainModule: { imports: domainImports.render(), lines: domainLines },
    modelModule: { imports: modelImports.render(), lines: modelLines },
    migrationColumns,
    portImports: portImports.render(),
    newKey,
    memoryImports: memoryImports.render(),
    entity,
  };
}

function migrationColumn(f: FieldView, type: string, entity: Entity): string {
  const args = [pyString(f.column), type];
  if (f.primaryKey && entity.primaryKey.generated && f.field.type.kind === 'integer') args.push('autoincrement=True');
  args.push(`nullable=${f.optional ? 'True' : 'False'}`);
  return pyCall('sa.Column', args, 8);
}

export function isScalar(type: TypeRef): boolean {
  return !isJsonStored(type) && type.kind !== 'binary';
}

export { pyClassName };
