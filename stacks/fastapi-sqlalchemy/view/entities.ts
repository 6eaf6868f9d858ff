import { alwaysHasValue, isDeletionFlag, assignableText, relationalSchema, type AssignedText, type Table, isAutoincrementKey, isNullableColumn, deletionMarkOf, lookupFieldOf, storageTimestamp, storedIntegerWidth, type IntegerWidth, type StorageTimestamp, type Component, type Constraints, type DomainModel, type Entity, type Field, type Operation, type Relation, type TypeRef } from '../../../core/index.js';
import { entityClassNames, entityModule, lookupMethod, modelClassName, repositoryNames, singleCreateOf } from '../code-names.js';
import { EnumMembers } from '../python/enum-members.js';
import { PythonImports } from '../python/imports.js';
import { call, pyCall, pyCallItem, pyFormat } from '../python/layout.js';
import { fieldAttribute } from '../python/identifiers.js';
import { pyClassName, pyDocLine, pyFloat, pyString } from '../python/names.js';
import { columnTypeOf, domainType, isJsonStored } from '../python/types.js';
import { constructorCall } from './declared-repository.js';
import { needsQuotedName } from '../sql-words.js';
import { storageView, type LinkTableView, type StorageView } from './storage.js';
import { foreignKeyName, isCut, primaryKeyName, STACK_NAMING } from '../constraint-names.js';
import { checkedPattern } from './pattern-samples.js';

export interface FieldView {
  attr: string;
  column: string;
  wire: string;
  field: Field;
  primaryKey: boolean;
  jsonStored: boolean;
  /** May be None in the domain entity (not yet assigned, or not required). */
  optional: boolean;
  /** Nullable column. */
  nullable: boolean;
  /** Carried by child rows or link rows, not by a column. */
  relation: boolean;
  /** Part of the API's shapes; fields the tool added for storage (timestamps, soft delete) are not. */
  onWire: boolean;
  /** `created_at`/`updated_at`/`deleted_at` kept by the database layer. */
  timestamp?: StorageTimestamp;
  /** The width of the column of an integer field: values past it are refused at the edge. */
  integerWidth?: IntegerWidth;
}

export interface EntityView {
  name: string;
  slug: string;
  table: string;
  doc: string;
  model: string;
  port: string;
  /** Module of the port under `app.application.interfaces`. */
  portModule: string;
  sqlRepository: string;
  /** Module of the SQL repository under `app.infrastructure.repositories`. */
  sqlRepositoryModule: string;
  /** The repository item of class definitions that declares the SQL repository, if any. */
  declared?: Component;
  /** The SQLAlchemy type class of each column (`String`), by column name. */
  columnClasses: Map<string, string>;
  /** `CustomerRepository(session)`: how tests make the SQL repository over a session named `session`. */
  sqlRepositoryCall: string;
  memoryRepository: string;
  keyType: string;
  key: FieldView;
  fields: FieldView[];
  lookups: { method: string; attr: string; type: string }[];
  filterable: string[];
  sortable: string[];
  domainModule: { imports: string; lines: string[] };
  /** `typeOnlyImports`: the lines of the module's `if TYPE_CHECKING:` block (none: no block). */
  modelModule: { imports: string; typeOnlyImports: string[]; lines: string[]; linkClasses: LinkClass[] };
  storage: StorageView;
  portImports: string;
  newKey: string;
  memoryImports: string;
  /**
   * By action operation (`cancel_booking`): the attributes it sets and their Python values
   * (`BookingStatus.CANCELLED`, with the enum to import; `now` for the time of the request).
   */
  stateValues: Map<string, { attr: string; value: string; enumName?: string; now?: true }[]>;
  entity: Entity;
}

/**
 * The imports of an entity's port and in-memory repository, for a module that adds its own (a
 * declared repository's): kept beside the view, which holds only data a template reads.
 */
export interface EntityImportSets {
  port: PythonImports;
  memory: PythonImports;
}

/** A column as a migration writes it: `definition` is the laid-out `sa.Column(...)` list item. */
export function fieldViews(entity: Entity, entities: readonly Entity[] = [entity], relations: readonly Relation[] = []): FieldView[] {
  return entity.fields.map((field) => {
    const primaryKey = field.name === entity.primaryKey.field;
    const integerWidth = storedIntegerWidth(entity, field, entities, relations);
    return {
      attr: fieldAttribute(entity, field.name),
      column: field.name,
      wire: field.wireName,
      field,
      primaryKey,
      jsonStored: isJsonStored(field.type),
      // A read-only field is none of a client's to send: a row made from a request starts without it.
      optional: !primaryKey && (!alwaysHasValue(field) || (field.readOnly && !isDeletionFlag(field))),
      nullable: isNullableColumn(entity, field),
      relation: field.relation !== undefined,
      onWire: primaryKey || !field.system,
      ...timestampOf(field),
      ...(integerWidth ? { integerWidth } : {}),
    };
  });
}

function timestampOf(field: Field): { timestamp?: StorageTimestamp } {
  const kind = storageTimestamp(field);
  return kind ? { timestamp: kind } : {};
}

interface ModelLookups {
  operationsOf: ReadonlyMap<string, readonly Operation[]>;
  enumMembers: EnumMembers;
}

const lookupsByModel = new WeakMap<DomainModel, ModelLookups>();

/** Each entity's operations, indexed once per model rather than once per entity. */
function lookupsOf(model: DomainModel): ModelLookups {
  let lookups = lookupsByModel.get(model);
  if (!lookups) {
    const operationsOf = new Map<string, Operation[]>();
    for (const op of model.operations) {
      if (op.entity === undefined) continue;
      const list = operationsOf.get(op.entity);
      if (list) list.push(op);
      else operationsOf.set(op.entity, [op]);
    }
    lookups = { operationsOf, enumMembers: new EnumMembers(model.enums) };
    lookupsByModel.set(model, lookups);
  }
  return lookups;
}

const tablesOfSchema = new WeakMap<readonly Table[], ReadonlyMap<string, Table>>();

/** The schema's tables by name, indexed once per schema (asked for entity after entity). */
function tablesByName(schema: readonly Table[]): ReadonlyMap<string, Table> {
  let tables = tablesOfSchema.get(schema);
  if (!tables) tablesOfSchema.set(schema, (tables = new Map(schema.map((table) => [table.name, table]))));
  return tables;
}

/**
 * `schema`: the run's relational schema (`context.schema`), whose table of the entity the model
 * class renders: its columns' types and nullability are decided there, not here.
 */
export function entityView(entity: Entity, model: DomainModel, schema: readonly Table[] = relationalSchema(model, STACK_NAMING)): EntityView {
  return entityViewWithImports(entity, model, schema).view;
}

/** The entity's view and the imports its repository modules start from. */
export function entityViewWithImports(entity: Entity, model: DomainModel, schema: readonly Table[]): { view: EntityView; imports: EntityImportSets } {
  const fields = fieldViews(entity, model.entities, model.relations);
  const key = fields.find((f) => f.primaryKey)!;
  const classes = { ...entityClassNames(entity.name, model), ...repositoryNames(entity, model) };
  const { operationsOf, enumMembers } = lookupsOf(model);
  const keyImports = new PythonImports();
  const keyType = domainType(key.field.type, keyImports);

  const domainImports = new PythonImports().add('dataclasses', 'dataclass');
  const assigned = serverAssignedLookups(entity, fields, operationsOf.get(entity.name) ?? []);
  const hasDefault = (f: FieldView) => f.optional || f.primaryKey || assigned.has(f.column);
  const domainLines = [...fields]
    .sort((a, b) => Number(hasDefault(a)) - Number(hasDefault(b)))
    .map((f) => {
      const annotation = domainType(f.field.type, domainImports);
      if (assigned.has(f.column)) {
        // Assigned when the entity is made, as the database would assign a key.
        domainImports.addModule('dataclasses').add('uuid', 'uuid4');
        const text = assigned.get(f.column);
        const factory = text ? `lambda: ${assignedTextCall(text)}` : 'uuid4';
        return pyFormat(call('dataclasses.field', [`default_factory=${factory}`]), 4, `${f.attr}: ${annotation} | None = `);
      }
      if (hasDefault(f)) return `${f.attr}: ${annotation} | None = None`;
      // A required field with the document's default: a create whose body leaves it out (`PetCreate`
      // without `status`) makes the row with it, as the database would.
      const stored = columnDefault(f.field, enumMembers);
      return stored === undefined ? `${f.attr}: ${annotation}` : `${f.attr}: ${annotation} = ${stored}`;
    });

  const modelImports = new PythonImports()
    .add('sqlalchemy.orm', 'Mapped', 'mapped_column')
    .add('app.infrastructure.database.base', 'Base');
  const storage = storageView(entity, model, modelImports);
  const tables = tablesByName(schema);
  const columns = new Map(tables.get(entity.table)!.columns.map((column) => [column.name, column]));
  const columnClasses = new Map<string, string>();
  const modelLines = fields.filter((f) => !f.relation).map((f) => {
    const stored = columns.get(f.column)!;
    const column = columnTypeOf(stored.type, modelImports);
    columnClasses.set(f.column, /^(?:\w+\.)*(\w+)/.exec(column.model)?.[1] ?? column.model);
    if (column.model.includes('enum_values')) modelImports.add('app.infrastructure.database.base', 'enum_values');
    const annotation = domainType(f.field.type, modelImports);
    const args = [column.model];
    // SQLAlchemy takes `quote=True` only with the name written out.
    if (f.attr !== f.column || needsQuotedName(f.column)) args.unshift(pyString(f.column));
    if (f.primaryKey) {
      args.push('primary_key=True');
      const numbering = keyNumbering(entity, f.field);
      if (numbering) args.push(numbering);
      if (entity.primaryKey.generated && f.field.type.kind === 'string') {
        modelImports.add('uuid', 'uuid4');
        const text = entity.primaryKey.assignedText;
        args.push(`default=${text ? `lambda: ${assignedTextCall(text)}` : 'uuid4'}`);
      }
    } else {
      args.push(`nullable=${stored.nullable ? 'True' : 'False'}`);
      const fallback = columnDefault(f.field, enumMembers);
      if (fallback !== undefined) args.push(`default=${fallback}`);
    }
    const key = storage.foreignKeys.get(f.column);
    if (key) {
      modelImports.add('sqlalchemy', 'ForeignKey');
      const named = key.named ? `, name=${pyString(key.name)}` : '';
      const cyclic = key.cyclic ? ', use_alter=True' : '';
      args.splice(args.indexOf(column.model) + 1, 0, `ForeignKey(${pyString(`${key.targetTable}.${key.targetColumn}`)}, ondelete=${pyString(key.onDelete)}${named}${cyclic})`);
    }
    if (storage.uniqueColumns.has(f.column)) args.push('unique=True');
    if (storage.indexedColumns.has(f.column)) args.push('index=True');
    if (needsQuotedName(f.column)) args.push('quote=True');
    if (f.timestamp === 'created' || f.timestamp === 'updated') {
      modelImports.add('sqlalchemy', 'func').add('app.infrastructure.database.base', 'utc_now');
      args.push('default=utc_now', 'server_default=func.now()');
      if (f.timestamp === 'updated') args.push('onupdate=utc_now');
    }
    const mapped = `Mapped[${annotation}${stored.nullable ? ' | None' : ''}]`;
    return pyCall('mapped_column', args, 4, `${f.attr}: ${mapped} = `);
  });
  if (storage.tableArgs.length > 0) {
    // Table arguments of its own replace Base's: the MySQL table options go last, as SQLAlchemy wants them.
    modelImports.add('app.infrastructure.database.base', 'MYSQL_TABLE_OPTIONS');
    modelLines.unshift(`${tableArgsLine([...storage.tableArgs, 'MYSQL_TABLE_OPTIONS'])}\n`);
  }
  for (const child of storage.children) {
    modelImports.add('sqlalchemy.orm', 'relationship').add(`app.infrastructure.models.${child.slug}`, child.model);
    const keys = child.foreignKeys === undefined ? [] : [`foreign_keys=${pyString(child.foreignKeys)}`];
    modelLines.push(pyCall('relationship', ['cascade="all, delete-orphan"', 'lazy="selectin"', `order_by=${child.model}.id`, ...keys], 4, `${child.attr}: Mapped[list[${child.model}]] = `));
  }
  // The models a link class points at are imported for type checking only: two entities listing
  // each other would otherwise import each other's modules (SQLAlchemy finds the class by name).
  const typeOnlyImports = new PythonImports();
  const linkClasses = storage.links.map((link) => linkClass(link, tables.get(link.table)!, entity, model, modelImports, typeOnlyImports));
  const typeOnly = typeOnlyImports.render();
  if (typeOnly !== '') modelImports.add('typing', 'TYPE_CHECKING');
  for (const link of storage.links) {
    modelImports.add('sqlalchemy.orm', 'relationship');
    // Both keys of a link of an entity to its own kind refer to one table: the relationship names the one to follow.
    const own = link.fromTable === link.toTable ? [`foreign_keys=${pyString(`${link.model}.${link.fromColumn}`)}`] : [];
    modelLines.push(pyCall('relationship', ['cascade="all, delete-orphan"', 'lazy="selectin"', ...own], 4, `${link.linksAttr}: Mapped[list[${link.model}]] = `));
  }

  const portImports = new PythonImports()
    .add('app.application.interfaces.repository', 'RepositoryPort')
    .add(`app.domain.entities.${entityModule(entity)}`, entity.name);
  domainType(key.field.type, portImports);
  const operations = operationsOf.get(entity.name) ?? [];
  const lookupFields = new Set(operations.map((op) => lookupFieldOf(op, entity)));
  // A nested collection's rows are listed by the path's values, as by filters.
  const filterFields = new Set(operations.flatMap((op) => op.params.filter((p) => p.role === 'filter' || p.role === 'scope').map((p) => p.field!)));
  const lookups = fields
    .filter((f) => lookupFields.has(f.column))
    .map((f) => ({ method: lookupMethod(f.column), attr: f.attr, type: domainType(f.field.type, portImports) }));
  if (lookups.length > 0) portImports.add('abc', 'abstractmethod');

  const memoryImports = new PythonImports()
    .add('app.application.interfaces', classes.port)
    .add('app.domain.entities', entity.name)
    .add('app.infrastructure.repositories.in_memory.base', 'InMemoryRepository');
  domainType(key.field.type, memoryImports);
  // The lookups' signatures name their fields' types (an enum, a date) in this module too.
  for (const f of fields.filter((field) => lookupFields.has(field.column))) domainType(f.field.type, memoryImports);
  let newKey = 'sequence';
  if (key.field.type.kind === 'string') {
    memoryImports.add('uuid', key.field.type.format === 'uuid' ? 'UUID' : 'uuid4');
    newKey = key.field.type.format === 'uuid' ? 'UUID(int=sequence)' : assignedTextCall(entity.primaryKey.assignedText ?? { form: 'hex', digits: 32 });
  } else if (key.field.type.kind === 'enum') {
    // A key that is one of an enum's values: the next value, in the enum's order.
    newKey = `list(${keyType})[(sequence - 1) % len(${keyType})]`;
  }
  const scalar = (f: FieldView) => !f.jsonStored && !f.relation && f.field.type.kind !== 'binary';
  const view: EntityView = {
    name: entity.name,
    slug: entityModule(entity),
    table: entity.table,
    doc: pyDocLine(entity.description, `A ${entity.name} stored in the ${entity.table} table.`),
    ...classes,
    columnClasses,
    sqlRepositoryCall: (classes.declared && constructorCall(classes.declared, 'session')) ?? `${classes.sqlRepository}(session)`,
    keyType,
    key,
    fields,
    lookups,
    filterable: fields.filter((f) => filterFields.has(f.column) && scalar(f)).map((f) => f.attr).sort(),
    sortable: fields.filter(scalar).map((f) => f.attr).sort(),
    domainModule: { imports: domainImports.render(), lines: domainLines },
    modelModule: { imports: modelImports.render(), typeOnlyImports: typeOnly === '' ? [] : typeOnly.split('\n'), lines: modelLines, linkClasses },
    storage,
    portImports: portImports.render(),
    newKey,
    memoryImports: memoryImports.render(),
    stateValues: stateValuesOf(operations, fields, enumMembers),
    entity,
  };
  return { view, imports: { port: portImports, memory: memoryImports } };
}

/**
 * Whether the database numbers the key's rows: yes for a generated integer key; said no for a key
 * of numbers the client sends (`id: number`), which SQLAlchemy would otherwise make a SERIAL on
 * PostgreSQL, an integer no float key refers to.
 */
function keyNumbering(entity: Entity, field: Field): string | undefined {
  if (isAutoincrementKey(entity, field)) return 'autoincrement=True';
  return field.name === entity.primaryKey.field && field.type.kind === 'number' ? 'autoincrement=False' : undefined;
}

export interface LinkClass {
  name: string;
  table: string;
  /** The owner's list field the rows store. */
  field: string;
  doc: string;
  lines: string[];
}

/** The row of a join table: both keys, each the table's primary key part and a key to its side. */
function linkClass(link: LinkTableView, table: Table, entity: Entity, model: DomainModel, imports: PythonImports, typeOnlyImports: PythonImports): LinkClass {
  const target = model.entities.find((e) => e.name === link.targetEntity)!;
  imports.add('sqlalchemy', 'ForeignKey');
  const sides = [
    { column: link.fromColumn, table: link.fromTable, key: entity.primaryKey },
    { column: link.toColumn, table: link.toTable, key: target.primaryKey },
  ];
  const lines = sides.map((side, position) => {
    const column = columnTypeOf(table.columns[position]!.type, imports);
    const annotation = domainType(side.key.type, imports);
    const named = isCut('fk', link.table, [side.column], side.table) ? `, name=${pyString(foreignKeyName(link.table, side.column, side.table))}` : '';
    const args = [column.model, `ForeignKey(${pyString(`${side.table}.${side.key.field}`)}, ondelete="CASCADE"${named})`, 'primary_key=True'];
    return pyCall('mapped_column', args, 4, `${side.column}: Mapped[${annotation}] = `);
  });
  if (isCut('pk', link.table, [])) {
    // The convention's name is cut as SQLAlchemy would not cut it: the link class names its key.
    imports.add('sqlalchemy', 'PrimaryKeyConstraint').add('app.infrastructure.database.base', 'MYSQL_TABLE_OPTIONS');
    const key = pyCallItem('PrimaryKeyConstraint', [...sides.map((side) => pyString(side.column)), `name=${pyString(primaryKeyName(link.table))}`], 8);
    lines.unshift(`${tableArgsLine([key, 'MYSQL_TABLE_OPTIONS'])}\n`);
  }
  if (link.listsObjects) {
    imports.add('sqlalchemy.orm', 'relationship');
    // A link of an entity to its own kind names the model the module defines, further down.
    if (target.name !== entity.name) typeOnlyImports.add(`app.infrastructure.models.${entityModule(target)}`, modelClassName(target.name, model));
    const annotation = pyString(modelClassName(target.name, model));
    const own = target.name === entity.name ? [`foreign_keys=${pyString(`${link.model}.${link.toColumn}`)}`] : [];
    lines.push(pyCall('relationship', ['lazy="selectin"', ...own], 4, `target: Mapped[${annotation}] = `));
  }
  return {
    name: link.model,
    table: link.table,
    field: link.field,
    doc: `Links of ${link.fromTable} to ${link.toTable}.`,
    lines,
  };
}

export function isScalar(type: TypeRef): boolean {
  return !isJsonStored(type) && type.kind !== 'binary';
}

export { pyClassName };

/**
 * `__table_args__ = (UniqueConstraint(...),)` on one line when it fits (a one-item tuple's comma
 * is not a magic trailing comma to ruff), else one argument per line.
 */
function tableArgsLine(args: string[]): string {
  const flat = `__table_args__ = (${args.join(', ')},)`;
  if (args.length === 1 && !args[0]!.includes('\n') && 4 + flat.length <= 100) return flat;
  return `__table_args__ = (\n${args.map((a) => `        ${a},`).join('\n')}\n    )`;
}

/** What each action operation sets, as Python: `status` to `BookingStatus.CANCELLED`, `archived` to `True`, `completed_at` to now. */
function stateValuesOf(operations: readonly Operation[], fields: readonly FieldView[], enumMembers: EnumMembers): EntityView['stateValues'] {
  const values: EntityView['stateValues'] = new Map();
  for (const op of operations) {
    if (op.kind !== 'action' || op.sets === undefined) continue;
    values.set(
      op.name,
      op.sets.changes.map((change) => {
        const field = fields.find((f) => f.column === change.field)!;
        // A day is today's, in UTC as the moments the app stamps are.
        if ('now' in change) return { attr: field.attr, value: field.field.type.kind === 'string' && field.field.type.format === 'date' ? 'datetime.now(UTC).date()' : 'datetime.now(UTC)', now: true as const };
        if (typeof change.value === 'boolean') return { attr: field.attr, value: change.value ? 'True' : 'False' };
        const enumName = (field.field.type as { name: string }).name;
        return { attr: field.attr, value: enumMembers.reference(enumName, change.value)!, enumName: pyClassName(enumName) };
      }),
    );
  }
  return values;
}

/** What a row holds where its insert gives nothing: the field's default, when the column can hold it as written. */
function columnDefault(field: Field, enumMembers: EnumMembers): string | undefined {
  const value = field.default;
  switch (field.type.kind) {
    case 'enum':
      // A default of a field no create sends (`role` beside `RegisterReq`) is stored all the same.
      return enumMembers.reference(field.type.name, value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && field.type.format !== 'decimal' ? pyFloat(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'True' : 'False') : undefined;
    case 'string':
      return typeof value === 'string' && field.type.format === undefined ? pyString(value) : undefined;
    default:
      return undefined;
  }
}

/**
 * Fields the entity's paths look it up by (`/access-tokens/{uuid}`) that its create operation does
 * not let the client send: the server assigns them, or a created entity could never be found by
 * its path. A UUID column gets a UUID (undefined text); a text column a text its own constraints
 * and every path parameter finding rows by it take; a text none fits is not assigned.
 */
function serverAssignedLookups(entity: Entity, fields: readonly FieldView[], operations: readonly Operation[]): Map<string, AssignedText | undefined> {
  const create = singleCreateOf(operations);
  if (!create?.input) return new Map();
  const sent = new Set(create.input.fields);
  const pathConstraints = new Map<string, Constraints[]>();
  for (const op of operations) {
    const field = lookupFieldOf(op, entity);
    if (field === undefined) continue;
    const declared = op.params.filter((p) => p.role === 'key' && p.in === 'path').map((p) => p.constraints);
    pathConstraints.set(field, [...(pathConstraints.get(field) ?? []), ...declared]);
  }
  const assigned = new Map<string, AssignedText | undefined>();
  for (const f of fields) {
    const found = pathConstraints.get(f.column);
    if (!found || f.primaryKey || sent.has(f.column) || f.relation || f.field.type.kind !== 'string') continue;
    if (f.field.type.format === 'uuid') assigned.set(f.column, undefined);
    if (f.field.type.format !== undefined) continue;
    const text = assignableText([f.field.constraints, ...found].map((c) => checkedConstraints(f.field.type, c)), 'uuid-text');
    if (text) assigned.set(f.column, text);
  }
  return assigned;
}

/** A pattern the app leaves unchecked (one it cannot read) binds nothing. */
function checkedConstraints(type: TypeRef, constraints: Constraints): Constraints {
  if (checkedPattern(type, constraints)) return constraints;
  const { pattern: _unchecked, ...rest } = constraints;
  return rest;
}

/** The Python expression making an assigned text: `str(uuid4())`, `uuid4().hex`, `uuid4().hex[:10]`. */
function assignedTextCall(text: AssignedText): string {
  if (text.form === 'uuid-text') return 'str(uuid4())';
  const digits = text.digits >= 32 ? 'uuid4().hex' : `uuid4().hex[:${text.digits}]`;
  return text.prefix === undefined ? digits : `${pyString(text.prefix)} + ${digits}`;
}

/** The attribute of the field soft deleting a row of `view` sets: `deleted_at`, or the document's own (`retired_at`). */
export function deletionMarkAttr(view: EntityView): string {
  const field = deletionMarkOf(view.entity);
  return view.fields.find((f) => f.field.name === field)?.attr ?? field;
}
