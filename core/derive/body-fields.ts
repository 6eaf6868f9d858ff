import type { ApiOperation, SchemaNode } from '../model/api-document.js';
import type { Constraints, Entity, Field } from '../model/domain-model.js';
import { isJsonMedia } from '../model/media-types.js';
import { toPascal } from '../naming.js';
import { encodeSegment } from '../parsers/openapi/json-pointer.js';
import type { Resource } from './resources.js';
import type { SchemaTypes } from './schema-types.js';

/** A success status that carries no body, whatever schema the document gives it. */
export const BODILESS_STATUS = /^20[45]$/;

/**
 * Whether an operation answers the entity: its first success response is the entity's schema, or
 * has no schema and a status that may carry a body.
 */
export function answersEntity(api: ApiOperation, entity: Entity, types: SchemaTypes): boolean {
  const success = api.responses.find((r) => /^2/.test(r.status));
  if (success !== undefined && BODILESS_STATUS.test(success.status)) return false;
  return !success?.schema || types.componentName(success.schema) === entity.schemaName;
}

/**
 * Properties a resource's writes take that its answers never show become write-only fields of its
 * entity (a user's `password` in `UserCreate`, absent from `User`): stored with the row, never
 * answered. Without them the create (or replace, or change) could not take its own body and would
 * be left for the user to write. A write is one the CRUD shapes read: a `POST` to the collection or
 * a `PUT`/`PATCH` of the item, answering the entity, whose JSON body is another object schema sharing at
 * least one of the entity's writable properties (a body sharing none is a command, not the row).
 * Each added field may be left out (its column takes NULL: rows written by another of the
 * resource's writes lack it); a write whose body requires it requires it there. A property whose
 * name the entity already uses for another wire name is not added: that write stays custom.
 */
export function addBodyOnlyFields(entity: Entity, resource: Resource, types: SchemaTypes): void {
  const added: Field[] = [];
  const writes: string[] = [];
  for (const api of resource.operations) {
    const body = writeBodyOf(api, entity, resource, types);
    if (body === undefined) continue;
    const { properties, required } = types.propertiesOf(body);
    const sent = [...properties].filter(([, property]) => property.readOnly !== true).map(([wire]) => wire);
    const writable = new Set(entity.fields.filter((f) => !f.readOnly).map((f) => f.wireName));
    if (!sent.some((wire) => writable.has(wire))) continue;
    const wires = new Set(entity.fields.map((f) => f.wireName));
    const extraWires = sent.filter((wire) => !wires.has(wire));
    if (extraWires.length === 0) continue;
    const names = new Set(entity.fields.map((f) => f.name));
    const extra = bodyFieldsOf(body, extraWires, required, entity, types, api).filter((f) => !names.has(f.name));
    for (const field of extra) {
      const stored: Field = { ...field, required: false, readOnly: false, writeOnly: true };
      entity.fields.push(stored);
      added.push(stored);
    }
    if (extra.length > 0) writes.push(`${api.method.toUpperCase()} ${api.path}`);
  }
  if (added.length === 0) return;
  entity.reasons.writeOnly = {
    rule: `${added.map((f) => f.wireName).join(', ')}: sent in the body of ${writes.join(', ')} but absent from ${entity.schemaName}, so stored and never answered`,
    source: added[0]!.source,
  };
}

/**
 * A property only a write sends that the item path finds rows by (rubrik's `hostId` of
 * `/mssql/host/configuration/{host_id}`) names the row to its clients: it is answered with the
 * row, not kept write-only, or no answer would tell where the row is.
 */
export function answerPathLookup(entity: Entity, lookupField: string): void {
  const field = entity.fields.find((f) => f.name === lookupField && f.writeOnly);
  if (!field) return;
  field.writeOnly = false;
  const still = entity.fields.filter((f) => f.writeOnly).map((f) => f.wireName);
  if (still.length === 0) delete entity.reasons.writeOnly;
}

/** The constraints that bind a value of each kind of field. */
const CONSTRAINTS_OF_KIND: Partial<Record<Field['type']['kind'], readonly (keyof Constraints)[]>> = {
  string: ['minLength', 'maxLength', 'pattern'],
  integer: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'allowed'],
  number: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'],
  array: ['minItems', 'maxItems', 'uniqueItems'],
};

/**
 * A write's body may bound what the entity's schema leaves open (GitHub's `POST /user/keys` gives
 * `key` the pattern of an SSH public key; its `key` schema none): the field takes the bound, so
 * that the write refuses what the document refuses, the column fits what it accepts, and the rows
 * the tests make keep to it. A bound the entity's schema gives itself stays as it is.
 */
export function adoptBodyConstraints(entity: Entity, resource: Resource, types: SchemaTypes): void {
  for (const api of resource.operations) {
    const body = writeBodyOf(api, entity, resource, types);
    if (body === undefined) continue;
    for (const [wire, property] of types.propertiesOf(body).properties) {
      const field = entity.fields.find((f) => f.wireName === wire && !f.readOnly && !f.system);
      const kinds = field === undefined ? undefined : CONSTRAINTS_OF_KIND[field.type.kind];
      if (!field || !kinds || property.readOnly === true) continue;
      const declared = types.constraintsOf(property);
      const adopted = kinds.filter((key) => declared[key] !== undefined && field.constraints[key] === undefined);
      if (adopted.length > 0) field.constraints = { ...field.constraints, ...Object.fromEntries(adopted.map((key) => [key, declared[key]])) };
    }
  }
}

/**
 * A write's body may narrow what the entity's schema leaves a free text: values it lists (GitHub's
 * `POST /orgs/{org}/invitations` lists an invitation's `role`s) or an email address. Where
 * every write that sends the field narrows it alike, the field takes the narrower type, so that the
 * writes refuse what the document refuses and the rows keep to it; answers show it as the text the
 * document answers. A write taking the entity's own schema leaves its fields open.
 */
export function adoptBodyTypes(entity: Entity, resource: Resource, types: SchemaTypes): void {
  const narrowed = new Map<string, { key: string; property: SchemaNode; api: ApiOperation } | null>();
  const open = (field: Field) => narrowed.set(field.wireName, null);
  const candidates = entity.fields.filter((f) => f.type.kind === 'string' && f.type.format === undefined && !f.readOnly && !f.system);
  for (const api of resource.operations) {
    if (!isEntityWrite(api, resource) || api.requestBody?.schema === undefined || !isJsonMedia(api.requestBody.contentType)) continue;
    const body = writeBodyOf(api, entity, resource, types);
    if (body === undefined) {
      if (types.componentName(api.requestBody.schema) === entity.schemaName) candidates.forEach(open);
      continue;
    }
    const { properties } = types.propertiesOf(body);
    for (const field of candidates) {
      const property = properties.get(field.wireName);
      const before = narrowed.get(field.wireName);
      if (property === undefined || before === null) continue;
      const key = narrowingOf(property, types);
      if (key === undefined || (before !== undefined && before.key !== key)) open(field);
      else if (before === undefined) narrowed.set(field.wireName, { key, property, api });
    }
  }
  for (const field of candidates) {
    const narrowing = narrowed.get(field.wireName);
    if (!narrowing) continue;
    const type = types.resolve(narrowing.property, `${entity.name}${toPascal(field.name)}`, narrowing.api.source).type;
    if (type.kind === 'enum' || (type.kind === 'string' && type.format === 'email')) field.type = type;
  }
}

/** What a body's property narrows a free text to, as a key writes compare by: its listed values, or `email`. */
function narrowingOf(property: SchemaNode, types: SchemaTypes): string | undefined {
  const component = types.componentName(property);
  const node = component === undefined ? property : types.componentSchema(component);
  if (node === undefined || node.type !== 'string') return undefined;
  if (Array.isArray(node.enum) && node.enum.length > 0 && node.enum.every((value) => typeof value === 'string')) return JSON.stringify([...new Set(node.enum as string[])].sort());
  return node.format === 'email' ? 'email' : undefined;
}

function isEntityWrite(api: ApiOperation, resource: Resource): boolean {
  return (api.method === 'post' && api.path === resource.collectionPath) || ((api.method === 'put' || api.method === 'patch') && api.path === resource.itemPath);
}

/** The body schema of a write the CRUD shapes read, when it is not the entity's own. */
function writeBodyOf(api: ApiOperation, entity: Entity, resource: Resource, types: SchemaTypes): SchemaNode | undefined {
  const body = api.requestBody;
  if (body?.schema === undefined || !isJsonMedia(body.contentType)) return undefined;
  if (!isEntityWrite(api, resource)) return undefined;
  if (body.schema.type === 'array' || types.componentName(body.schema) === entity.schemaName) return undefined;
  return answersEntity(api, entity, types) ? body.schema : undefined;
}

/**
 * The fields of a body's properties `wires`: a component's as its wire class has them (resolved
 * once for the whole document); an inline body's read from those properties alone, so that no type
 * is made for what the entity already holds.
 */
function bodyFieldsOf(schema: SchemaNode, wires: readonly string[], required: ReadonlySet<string>, entity: Entity, types: SchemaTypes, api: ApiOperation): Field[] {
  const component = types.componentName(schema);
  if (component !== undefined) {
    const type = types.resolve(schema, component, api.source).type;
    const fields = type.kind === 'object' ? (types.objectTypes.get(type.name)?.fields ?? []) : [];
    return fields.filter((f) => wires.includes(f.wireName));
  }
  const { properties } = types.propertiesOf(schema);
  const subset: SchemaNode = {
    type: 'object',
    properties: Object.fromEntries(wires.map((wire) => [wire, properties.get(wire)!])),
    required: wires.filter((wire) => required.has(wire)),
  };
  const media = encodeSegment(api.requestBody!.contentType ?? 'application/json');
  return types.fieldsOf(subset, `${entity.name}Write`, { ...api.source, pointer: `${api.source.pointer}/requestBody/content/${media}/schema` });
}
