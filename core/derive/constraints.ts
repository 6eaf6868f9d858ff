import type { SchemaNode } from '../model/api-document.js';
import type { Entity, Field, Operation, Reason } from '../model/domain-model.js';
import { compositeWhyKey, SCHEMA_HINTS } from '../model/hints.js';
import { deletionMarkOf } from '../model/lookups.js';
import { toCamel } from '../naming.js';
import { adoptDeclaredStamps } from './declared-stamps.js';
import { compositeHint, tenantHint } from './entities.js';
import { isComparable } from './filters.js';
import { hintError, schemaWhy } from './field-hints.js';

const UNIQUE_NAMES = new Set(['email', 'username', 'slug', 'code', 'external_id', 'uuid']);
const INDEXED_NAMES = new Set(['created_at', 'updated_at', 'status']);
const TIMESTAMP = { kind: 'string', format: 'date-time' } as const;

/** `created_at`, `updated_at` on every table, `deleted_at` where soft delete is asked for, and the tenant key. */
export function addSystemFields(entity: Entity, schema: SchemaNode | undefined): void {
  const camel = entity.fields.some((f) => /[a-z][A-Z]/.test(f.wireName));
  adoptDeclaredStamps(entity);
  const deletedAt = deletionMarkOf(entity);
  const add = (name: string, description: string, nullable: boolean) => {
    if (name !== deletedAt && entity.fields.some((f) => f.stamp === (name === 'created_at' ? 'created' : 'updated'))) return;
    const declared = entity.fields.find((f) => f.name === name);
    // `deletedAt: Date | null` in the document of a soft-deleted entity: the mark the repository sets, no client's value.
    if (declared && name === 'deleted_at') Object.assign(declared, { type: TIMESTAMP, required: false, nullable: true, readOnly: true, writeOnly: false, system: true });
    if (declared) return;
    const wireName = camel ? toCamel(name) : name;
    entity.fields.push({
      name, wireName, type: TIMESTAMP, required: !nullable, nullable, readOnly: true, writeOnly: false,
      description, constraints: {}, system: true, source: entity.source,
    });
  };
  add('created_at', 'When the row was inserted.', false);
  add('updated_at', 'When the row was last changed.', false);
  if (entity.softDelete) add(deletedAt, 'When the row was soft deleted; null while it is live.', true);
  const tenant = schema ? tenantHint(schema, entity.source) : undefined;
  if (tenant) {
    entity.tenantField = tenant;
    if (!entity.fields.some((f) => f.name === tenant)) {
      entity.fields.push({
        name: tenant, wireName: tenant, type: { kind: 'integer' }, required: false, nullable: true, readOnly: true, writeOnly: false,
        description: 'The tenant the row belongs to.', constraints: {}, system: true, source: entity.source,
      });
    }
  } else if (entity.fields.some((f) => f.name === 'tenant_id')) {
    entity.tenantField = 'tenant_id';
  }
}

/**
 * Uniques from hints and from names that identify a row (`email`, `slug`...), scoped by the
 * tenant when there is one; indexes on keys, timestamps, status, filters and lookups.
 */
/** `operations`: the entity's own (`operation.entity` is its name). */
export function addConstraints(entity: Entity, schema: SchemaNode | undefined, operations: readonly Operation[]): void {
  const columns = new Map(entity.fields.filter((f) => f.relation === undefined).map((f) => [f.name, f]));
  const tenant = entity.tenantField;
  const scoped = (fields: string[]) => (tenant && !fields.includes(tenant) ? [tenant, ...fields] : fields);
  const addUnique = (fields: string[], reason: Reason) => {
    if (!entity.uniques.some((u) => sameFields(u.fields, fields))) entity.uniques.push({ fields, reason });
  };
  const statedTogether = schema ? compositeHint(schema, SCHEMA_HINTS.unique, entity.source) : [];
  for (const field of columns.values()) {
    if (field.name === entity.primaryKey.field || field.system) continue;
    const tenantNote = tenant ? `, composite with ${tenant}` : '';
    if (field.hints?.unique) addUnique(scoped([field.name]), field.hints.why?.unique ? { ...field.hints.why.unique, rule: `${field.hints.why.unique.rule}${tenantNote}` } : { rule: `${SCHEMA_HINTS.unique} on the field${tenantNote}`, source: field.source });
    // A name is only a guess: where the documents say what the field is unique with (`codes are
    // unique within a hotel`), a unique over the whole table would refuse rows they allow.
    else if (UNIQUE_NAMES.has(field.name) && isUniqueable(field) && !statedTogether.some((fields) => fields.includes(field.name))) {
      // A child row is told apart among its parent's rows: the same email may collaborate on two stories.
      const owner = entity.owner?.field;
      const fields = owner && !tenant ? [owner, field.name] : scoped([field.name]);
      const scopeNote = owner && !tenant ? `, within its ${entity.owner!.entity}` : tenantNote;
      addUnique(fields, { rule: `${field.name} identifies a row (unique names: ${[...UNIQUE_NAMES].join(', ')})${scopeNote}`, source: field.source });
    }
  }
  for (const fields of statedTogether) {
    checkColumns(entity, fields, columns);
    // A rule in words (`room number unique within the hotel`) says why; a hint on the schema is its own reason.
    addUnique(fields, schemaWhy(schema!, compositeWhyKey(fields)) ?? { rule: `${SCHEMA_HINTS.unique} on the schema`, source: entity.source });
  }

  const addIndex = (fields: string[], reason: Reason) => {
    if (fields.length === 1 && fields[0] === entity.primaryKey.field) return;
    if (entity.uniques.some((u) => u.fields[0] === fields[0] && u.fields.length >= fields.length && sameFields(u.fields.slice(0, fields.length), fields))) return;
    if (!entity.indexes.some((i) => sameFields(i.fields, fields))) entity.indexes.push({ fields, reason });
  };
  for (const key of entity.foreignKeys) addIndex([key.field], { rule: 'foreign key columns are indexed', source: key.reason.source });
  if (entity.owner) addIndex([entity.owner.field], { rule: 'the key to the owning row is indexed', source: entity.source });
  for (const field of columns.values()) {
    if (field.hints?.index) addIndex([field.name], field.hints.why?.index ?? { rule: `${SCHEMA_HINTS.index} on the field`, source: field.source });
    // A `status` held as JSON is no column a B-tree can order (PostgreSQL refuses the index).
    else if (INDEXED_NAMES.has(field.name) && isIndexable(field) && !(entity.owner && field.system)) addIndex([field.name], { rule: `${field.name} is indexed by name (${[...INDEXED_NAMES].join(', ')})`, source: field.source });
  }
  if (tenant && columns.has(tenant)) addIndex([tenant], { rule: 'the tenant key is indexed', source: entity.source });
  for (const fields of schema ? compositeHint(schema, SCHEMA_HINTS.index, entity.source) : []) {
    checkColumns(entity, fields, columns);
    addIndex(fields, { rule: `${SCHEMA_HINTS.index} on the schema`, source: entity.source });
  }
  for (const operation of operations) {
    if (operation.keyField && operation.keyField !== entity.primaryKey.field && columns.has(operation.keyField)) {
      addIndex([operation.keyField], { rule: `${operation.method.toUpperCase()} ${operation.path} looks rows up by ${operation.keyField}`, source: operation.source });
    }
    for (const parameter of operation.params) {
      if (parameter.role === 'filter' && parameter.field && columns.has(parameter.field) && isIndexable(columns.get(parameter.field)!)) {
        addIndex([parameter.field], { rule: `${operation.method.toUpperCase()} ${operation.path} filters on ${parameter.field}`, source: operation.source });
      }
    }
  }
}

function isUniqueable(field: Field): boolean {
  return field.type.kind === 'string' || field.type.kind === 'integer';
}

function isIndexable(field: Field): boolean {
  return isComparable(field.type);
}

function sameFields(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function checkColumns(entity: Entity, fields: string[], columns: Map<string, Field>): void {
  const unknown = fields.find((name) => !columns.has(name));
  if (unknown) throw hintError(`${entity.name} has no column ${unknown} to constrain`, entity.source);
}
