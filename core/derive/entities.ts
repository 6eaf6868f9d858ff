import type { ApiDocument, SchemaNode, SourceLocation } from '../model/api-document.js';
import { ENTITY_LAYERS, type AssignedText, type Entity, type EntityLayer, type Field, type PrimaryKey, type Reason, type SoftDeleteFlag, type TypeRef } from '../model/domain-model.js';
import { assignableText } from '../model/assigned-text.js';
import { isDeletionMarkName } from '../model/deletion-marks.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { germanSingulars, isInflectionOf, romanceSingulars, singular, toPascal, toSnake, toTableName } from '../naming.js';
import { deletionFlagOf } from './deletion-flags.js';
import { hintError, schemaWhy, sourceOf } from './field-hints.js';
import type { SchemaTypes } from './schema-types.js';

/** An entity from a component schema: its fields, key and the table-level hints it carries. */
export function entityOf(schemaName: string, api: ApiDocument, types: SchemaTypes): Entity {
  const entry = api.schemas.get(schemaName)!;
  const schema = entry.schema;
  const source = sourceOf(schema, entry.source);
  types.resolve({ $ref: `#/components/schemas/${schemaName.replace(/~/g, '~0').replace(/\//g, '~1')}` }, schemaName, source);
  const name = types.nameOf(schemaName)!;
  const fields = types.fieldsOf(schema, name, source);
  const { primaryKey, reason: keyReason } = primaryKeyOf(fields, source);
  // The schema shown on the wire elsewhere (a page's items) carries the key as the entity does.
  const twinKey = keyReason ? types.objectTypes.get(name)?.fields.find((f) => f.name === primaryKey.field) : undefined;
  if (twinKey) twinKey.type = primaryKey.type;
  const tableHint = schema[SCHEMA_HINTS.tableName];
  if (tableHint !== undefined && (typeof tableHint !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(tableHint))) {
    throw hintError(`${SCHEMA_HINTS.tableName} must be a table name of letters, digits and underscores, not ${JSON.stringify(tableHint)}`, source);
  }
  const renamedFrom = schema[SCHEMA_HINTS.renamedFrom];
  const softDelete = schema[SCHEMA_HINTS.softDelete] === true;
  const mark = softDelete ? markOfDeletion(fields, schema, api, types) : undefined;
  return {
    name,
    slug: toSnake(name),
    table: typeof tableHint === 'string' ? tableHint : toTableName(name),
    schemaName,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    fields,
    primaryKey,
    foreignKeys: [],
    uniques: [],
    indexes: [],
    softDelete,
    ...(mark ? { softDeleteField: mark.field } : {}),
    ...(mark?.flag ? { softDeleteFlag: mark.flag } : {}),
    layers: layersOf(schema, source),
    ...(typeof renamedFrom === 'string' ? { renamedFrom } : {}),
    reasons: {
      table: typeof tableHint === 'string'
        ? (schemaWhy(schema, SCHEMA_HINTS.tableName) ?? { rule: `table name from ${SCHEMA_HINTS.tableName}`, source })
        : { rule: 'table name: plural snake_case of the entity name, a trailing Model trimmed', source },
      ...(softDelete ? { softDelete: schemaWhy(schema, SCHEMA_HINTS.softDelete) ?? { rule: `soft delete asked for by ${SCHEMA_HINTS.softDelete}`, source } } : {}),
      ...(keyReason ? { primaryKey: keyReason } : {}),
    },
    source,
  };
}

/**
 * A table named as the document names the rows: the collection path's last segment, where it is
 * the entity's plural written in the document's own language (`/kategorien` of Kategorie, not
 * `kategories`; `/valoraciones`). English plurals agree with `toTableName` and change nothing; a
 * `x-table-name` hint wins.
 */
export function nameTableAfterPath(entity: Entity, collectionPath: string, api: ApiDocument): void {
  if (api.schemas.get(entity.schemaName)?.schema[SCHEMA_HINTS.tableName] !== undefined) return;
  const segment = collectionPath.split('/').pop()?.replace(/\.[A-Za-z][A-Za-z0-9]*$/, '') ?? '';
  if (segment === '' || /[{}]/.test(segment)) return;
  const table = toSnake(segment);
  const single = singular(segment);
  const plural = single !== segment && toPascal(single) === entity.name;
  const inflected =
    // `/lektorzy` of Lektor, `/restoranlar` of Restoran: a plural ending of up to three letters.
    (segment.length > entity.name.length && segment.length - entity.name.length <= 3 && entity.name.length >= 4 && segment.toLowerCase().startsWith(entity.name.toLowerCase()) && /^\p{L}+$/u.test(segment.slice(entity.name.length))) ||
    // `/fahrraeder` of Fahrrad: a German plural with an umlaut on its stem.
    germanSingulars(segment).some((stem) => stem.toLowerCase() === entity.name.toLowerCase()) ||
    // `/contratti` of Contratto, `/zone` of Zona.
    romanceSingulars(segment).some((stem) => stem.toLowerCase() === entity.name.toLowerCase());
  // The name's words stay apart as they are, its last one inflected whole (not `broadcastservices`, `dedicated_hs_ms`).
  const words = toSnake(entity.name).split('_');
  const leading = words.slice(0, -1).map((word) => `${word}_`).join('');
  const keepsWords = table.startsWith(leading) && !table.slice(leading.length).includes('_');
  if (table === entity.table || !keepsWords || !(plural || inflected)) return;
  entity.table = table;
  entity.reasons.table = { rule: `table name: the collection path's segment ${segment}, the plural of ${entity.name} as the document writes it`, source: entity.reasons.table.source };
}

/** Schemas the document asks to persist although no resource path exposes them. */
export function declaredEntities(api: ApiDocument): string[] {
  return [...api.schemas].filter(([, { schema }]) => schema[SCHEMA_HINTS.entity] === true).map(([name]) => name);
}

/** The tenant column of a schema (`x-tenant: true` means `tenant_id`). */
export function tenantHint(schema: SchemaNode, source: SourceLocation): string | undefined {
  const hint = schema[SCHEMA_HINTS.tenant];
  if (hint === undefined || hint === false) return undefined;
  if (hint === true) return 'tenant_id';
  if (typeof hint === 'string' && hint !== '') return toSnake(hint);
  throw hintError(`${SCHEMA_HINTS.tenant} must be true or a column name, not ${JSON.stringify(hint)}`, source);
}

/** Composite `x-unique`/`x-index` lists on a schema, as snake_case field names. */
export function compositeHint(schema: SchemaNode, key: string, source: SourceLocation): string[][] {
  const hint = schema[key];
  if (hint === undefined) return [];
  const lists = Array.isArray(hint) ? hint.map((entry) => (Array.isArray(entry) ? entry : [entry])) : undefined;
  if (!lists || lists.some((list) => list.length === 0 || list.some((name) => typeof name !== 'string'))) {
    throw hintError(`${key} on a schema must list field names, or lists of them for composite constraints`, source);
  }
  return lists.map((list) => list.map((name) => toSnake(name as string)));
}

function layersOf(schema: SchemaNode, source: SourceLocation): EntityLayer[] {
  const hint = schema[SCHEMA_HINTS.layers];
  if (hint === undefined) return [...ENTITY_LAYERS];
  if (!Array.isArray(hint) || hint.some((layer) => !ENTITY_LAYERS.includes(layer as EntityLayer))) {
    throw hintError(`${SCHEMA_HINTS.layers} must list layers among ${ENTITY_LAYERS.join(', ')}`, source);
  }
  return ENTITY_LAYERS.filter((layer) => hint.includes(layer));
}

/**
 * Whether the app gives a key its values: a number the database counts, a UUID, or a text every
 * constraint of the field takes (assignedText); a text key none fits is the client's to send.
 */
export function keyAssignment(key: Pick<Field, 'type' | 'constraints'>): { generated: boolean; assignedText?: AssignedText } {
  if (key.type.kind === 'integer' || (key.type.kind === 'string' && key.type.format === 'uuid')) return { generated: true };
  if (key.type.kind !== 'string' || key.type.format !== undefined) return { generated: false };
  const assignedText = assignableText([key.constraints], 'hex');
  return assignedText ? { generated: true, assignedText } : { generated: false };
}

/**
 * `id` when the schema has one (made required and non-null), else a generated integer `id`. An
 * `id` whose type cannot key a row (a list, an object: Go's `uuid.UUID` is written as an array of
 * bytes) becomes a UUID the app assigns, as most such documents mean, with the reason.
 */
function primaryKeyOf(fields: Field[], source: SourceLocation): { primaryKey: PrimaryKey; reason?: Reason } {
  // `| product_id | Long | 主键，自增 |`: the key the document declares, whatever its name, where no `id` is there.
  const declaredKey = fields.some((f) => f.name === 'id') ? undefined : fields.find((f) => f.hints?.primaryKey && KEY_KINDS.has(f.type.kind));
  const existing = declaredKey ?? fields.find((f) => f.name === 'id');
  if (existing) {
    existing.required = true;
    existing.nullable = false;
    const keyable = KEY_KINDS.has(existing.type.kind);
    const declared = existing.type;
    if (!keyable) existing.type = { kind: 'string', format: 'uuid' };
    const { generated, assignedText } = keyAssignment(existing);
    if (generated) existing.readOnly = true;
    const primaryKey: PrimaryKey = { field: existing.name, type: existing.type, generated, ...(assignedText ? { assignedText } : {}) };
    const refused = !generated && existing.type.kind === 'string' && existing.type.format === undefined;
    if (refused) return { primaryKey, reason: { rule: `${existing.name} is given by the client: its bounds or pattern take no text the app could make up (a UUID's, or 8 to 32 of its hex digits)`, source: existing.source } };
    if (declaredKey) return { primaryKey, reason: existing.hints?.why?.primaryKey ?? { rule: `${SCHEMA_HINTS.primaryKey} on the field`, source: existing.source } };
    if (keyable) return { primaryKey };
    return { primaryKey, reason: { rule: `id is declared ${describeKind(declared)}, which cannot key a row: a UUID the app assigns`, source: existing.source } };
  }
  fields.unshift({
    name: 'id',
    wireName: 'id',
    type: { kind: 'integer' },
    required: true,
    nullable: false,
    readOnly: true,
    writeOnly: false,
    description: 'Identifier assigned by the database.',
    constraints: {},
    system: true,
    source,
  });
  return { primaryKey: { field: 'id', type: { kind: 'integer' }, generated: true } };
}

/** The kinds of value a primary key column can hold. */
const KEY_KINDS: ReadonlySet<TypeRef['kind']> = new Set(['integer', 'number', 'string', 'enum', 'literal', 'boolean']);

function describeKind(type: TypeRef): string {
  return type.kind === 'array' ? 'a list' : type.kind === 'object' || type.kind === 'map' ? 'an object' : `a ${type.kind} value`;
}

/**
 * The field a soft delete sets: the one its rule names (`x-soft-delete-field`: its wire name), else
 * a field the entity declares under a deletion flag's name (`is_deleted`, `del_flag`); none where
 * it declares `deleted_at` itself, which is the mark already. A date-time is set to the time, a
 * boolean to true, a text or integer flag to its deleted value (`flag`).
 */
function markOfDeletion(fields: readonly Field[], schema: SchemaNode, api: ApiDocument, types: SchemaTypes): { field: string; flag?: SoftDeleteFlag } | undefined {
  const wireName = schema[SCHEMA_HINTS.softDeleteField];
  const named = typeof wireName === 'string' ? fields.find((f) => f.wireName === wireName) : undefined;
  const field = named ?? (fields.some((f) => f.name === 'deleted_at') ? undefined : fields.find((f) => isDeletionMarkName(f.name)));
  if (!field || field.relation !== undefined) return undefined;
  // The mark the repository sets, still answered; no client's value.
  const settled = { readOnly: true, writeOnly: false, stamp: 'deleted' as const };
  if (field.type.kind === 'string' && field.type.format === 'date-time') {
    Object.assign(field, settled, { required: false, nullable: true });
    return { field: field.name };
  }
  if (field.type.kind === 'boolean') {
    Object.assign(field, settled, { required: true, nullable: false, default: false });
    return { field: field.name };
  }
  const ruled = named ? schema[SCHEMA_HINTS.softDeleteValue] : undefined;
  // `0存在 2删除` read as the values of an enum: a flag's values are no client's choice, the column is text.
  const members = field.type.kind === 'enum' ? types.enums.get(field.type.name)?.values.map(String) : undefined;
  const asText = members ? { ...field, type: { kind: 'string' } as const } : field;
  const flag = deletionFlagOf(asText, ruled === undefined ? undefined : String(ruled), describedElsewhere(api, field.wireName, schema), isDeletionMarkName(field.name));
  if (!flag || (members && !(members.includes(String(flag.live)) && members.includes(String(flag.deleted))))) return undefined;
  const text = members ? { type: asText.type, constraints: { ...field.constraints, maxLength: Math.max(...members.map((value) => value.length)) } } : {};
  Object.assign(field, settled, text, { required: true, nullable: false, default: flag.live });
  return { field: field.name, flag };
}

/** The descriptions other schemas give a property of the same name (`del_flag`'s values, said once for every table). */
function describedElsewhere(api: ApiDocument, wireName: string, own: SchemaNode): string[] {
  const said: string[] = [];
  for (const { schema } of api.schemas.values()) {
    if (schema === own) continue;
    const property = (schema.properties as Record<string, SchemaNode> | undefined)?.[wireName];
    if (typeof property?.description === 'string') said.push(property.description);
  }
  return said;
}
