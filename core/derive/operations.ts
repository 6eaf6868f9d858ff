import type { ApiOperation, ApiParameter, SchemaNode } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { LIMIT_PARAMETER_NAMES, NEXT_LINK_NAMES, OFFSET_LIMIT_NAMES, OFFSET_PARAMETER_NAMES, PAGE_PARAMETER_NAMES, TOTAL_NAMES } from '../model/paging-names.js';
import type { CrudKind, Entity, Field, Operation, Parameter, ResponseShape, TypeRef } from '../model/domain-model.js';
import { toPascal, toSnake } from '../naming.js';
import { filterOf, searchedField } from './filters.js';
import { isSortDirection, namesSortTerms } from './sorts.js';
import type { Resource } from './resources.js';
import type { SchemaTypes } from './schema-types.js';
import { sameStoredKind } from '../model/stored-kind.js';
import { alwaysHasValue } from '../model/nullability.js';
import { answersEntity, BODILESS_STATUS } from './body-fields.js';
import { stateChangesOf } from './state-actions.js';
import { isFormMedia, isJsonMedia } from '../model/media-types.js';

/** The methods an action under a row is sent with (`POST /orders/{id}/cancel`). */
const ACTION_METHODS = new Set(['post', 'put', 'patch']);
/** Names of a list's sort (OData's `$orderby`: `name desc`). */
const SORT_NAMES = new Set(['sort', 'order_by', 'sort_by', 'dollar_orderby']);

interface Classified {
  kind: CrudKind;
  input?: Operation['input'];
  batch?: boolean;
  response: ResponseShape;
}

/** Builds the model's operations: CRUD where the document's shapes allow it, custom otherwise. */
export class OperationBuilder {
  private readonly usedNames = new Set<string>();

  constructor(private readonly types: SchemaTypes) {}

  build(api: ApiOperation, target: { entity: Entity; resource: Resource; scope: ReadonlyMap<string, string>; action?: true } | undefined, groupOf: (op: ApiOperation) => string): Operation {
    const name = this.uniqueName(api);
    // Under a row, one segment deeper: an action setting a state of it, or a custom operation as any other.
    const action = target?.action ? this.action(api, name, target) : undefined;
    if (action) return action;
    const resource = target?.action ? undefined : target;
    let classified = resource ? this.classify(api, resource.entity, resource.resource) : undefined;
    const classifiedParams = classified && resource ? this.parameters(api, name, resource.entity, classified.kind, resource.resource.keyParam, resource.scope) : undefined;
    // A search under the collection (`/pet/findByTags`) is a list only when the list can honour all of
    // its query, or takes it as the collection's own list does (Azure's list over the subscription
    // beside the resource group's, both with `$filter`).
    if (classified && resource && api.path !== resource.resource.collectionPath && api.path !== resource.resource.itemPath) {
      const listed = resource.resource.operations.find((op) => op.method === 'get' && op.path === resource.resource.collectionPath);
      const alike = new Set(listed?.parameters.filter((p) => p.in === 'query').map((p) => p.name));
      if (classifiedParams!.some((p) => p.in === 'query' && p.role === 'extra' && !alike.has(p.wireName))) classified = undefined;
    }
    const base = baseOf(api, name);
    if (classified && resource) {
      const { entity } = resource;
      const onItem = api.path === resource.resource.itemPath;
      const keyField = classified.kind === 'list' || classified.kind === 'create' ? undefined : onItem ? keyFieldOf(entity, resource.resource.keyParam!) : entity.primaryKey.field;
      const upsert = classified.kind === 'update' && onItem && keyField ? upsertOf(api, entity, resource.resource, keyField) : undefined;
      return {
        ...base,
        group: entity.slug,
        kind: classified.kind,
        entity: entity.name,
        ...(keyField ? { keyField } : {}),
        ...(keyField && onItem ? { keyParam: resource.resource.keyParam! } : {}),
        params: classifiedParams!,
        ...(api.requestBody
          ? {
              body: {
                type: classified.batch ? { kind: 'array', items: rowType(entity) } : rowType(entity),
                contentType: api.requestBody.contentType,
                required: api.requestBody.required,
                ...(api.requestBody.jsonAsText ? { jsonAsText: api.requestBody.jsonAsText } : {}),
                ...(!classified.batch && api.requestBody.schema && isJsonMedia(api.requestBody.contentType) && this.types.admitsNull(api.requestBody.schema) ? { nullable: true as const } : {}),
              },
            }
          : {}),
        ...(classified.input ? { input: classified.input } : {}),
        ...(classified.batch ? { batch: true } : {}),
        ...(upsert ? { upsert } : {}),
        response: envelopedAnswer(api, classified.response),
      };
    }
    const scope = toPascal(name);
    const body = api.requestBody;
    const success = api.responses.find((r) => /^2/.test(r.status));
    // 204 and 205 carry no body, whatever schema the document gives them.
    const responseType = success?.schema && !BODILESS_STATUS.test(success.status) && (!success.contentType || isJsonMedia(success.contentType))
      ? this.types.resolve(success.schema, `${scope}Response`, { ...api.source, pointer: `${api.source.pointer}/responses/${success.status}` }).type
      : undefined;
    return {
      ...base,
      group: groupOf(api),
      kind: 'custom',
      params: classifiedParams ? classifiedParams.map(asCustomParameter) : this.parameters(api, name, undefined, 'custom', undefined, new Map()),
      ...(body
        ? {
            body: {
              contentType: body.contentType,
              required: body.required,
              ...(isJsonMedia(body.contentType) && body.schema
                ? { type: this.types.resolve(body.schema, `${scope}Request`, { ...api.source, pointer: `${api.source.pointer}/requestBody` }).type }
                : {}),
            },
          }
        : {}),
      response: envelopedAnswer(api, { status: statusOf(success?.status, api.method === 'delete' ? 204 : 200), ...(responseType ? { type: responseType } : {}) }),
    };
  }

  /**
   * `POST /orders/{id}/cancel` where an order's `status` takes `cancelled`: the row at the item
   * path gets the state the verb names (state-actions.ts), and is answered when the document
   * answers the row or says nothing of the answer (a markdown list), else the status alone. A
   * body with fields (a reason, a date) or another answer leaves it custom.
   */
  private action(api: ApiOperation, name: string, { entity, resource, scope }: { entity: Entity; resource: Resource; scope: ReadonlyMap<string, string> }): Operation | undefined {
    const itemPath = resource.itemPath!;
    if (!ACTION_METHODS.has(api.method) || resource.keyParam === undefined) return undefined;
    const body = api.requestBody?.schema;
    if (body && this.types.propertiesOf(body).properties.size > 0) return undefined;
    const success = api.responses.find((r) => /^2/.test(r.status));
    const answersRow = success?.schema !== undefined && this.types.componentName(success.schema) === entity.schemaName;
    if (success?.schema !== undefined && !answersRow) return undefined;
    const segment = api.path.slice(itemPath.length + 1);
    const changes = stateChangesOf(segment, entity.fields, this.types.enums);
    if (!changes) return undefined;
    const said = changes.map((change) => `${change.field} to ${'now' in change ? 'the time of the request' : String(change.value)}`).join(' and ');
    const keyParam = resource.keyParam;
    // The row's own parameter names it, whatever field a deeper path would store it in.
    const params = this.parameters(api, name, entity, 'patch', keyParam, new Map([...scope].filter(([parameter]) => parameter !== keyParam))).map((p) => (p.role === 'key' || p.role === 'scope' ? p : asCustomParameter(p)));
    if (!params.some((p) => p.role === 'key')) return undefined;
    const status = statusOf(success?.status, 200);
    // A markdown list that says nothing of the answer: the row, as its CRUD answers it.
    const answered = answersRow || (success !== undefined && success.contentType === undefined && /\.(?:md|markdown)$/i.test(api.source.file) && !BODILESS_STATUS.test(String(status)));
    return {
      ...baseOf(api, name),
      group: entity.slug,
      kind: 'action',
      entity: entity.name,
      keyField: keyFieldOf(entity, keyParam),
      keyParam,
      sets: { changes, reason: { rule: `the verb "${segment}" sets ${said}`, source: api.source } },
      params,
      ...(api.requestBody ? { body: { contentType: api.requestBody.contentType, required: api.requestBody.required } } : {}),
      response: envelopedAnswer(api, { status, ...(answered ? { type: rowType(entity) } : {}) }),
    };
  }

  /**
   * The CRUD shape of an operation on the entity's paths. A body the app reads as the entity's
   * fields is JSON, or a form of scalar fields posted to, put or patched at the row's path
   * (Petstore's `POST /pet/{petId}` with `application/x-www-form-urlencoded` name and status: a
   * partial update); any other (elasticbeanstalk's creates take text/xml, a form with a list or a
   * file) leaves it custom.
   */
  private classify(api: ApiOperation, entity: Entity, resource: Resource): Classified | undefined {
    const form = api.requestBody !== undefined && isFormMedia(api.requestBody.contentType);
    if (api.requestBody && !isJsonMedia(api.requestBody.contentType) && !form) return undefined;
    const classified = this.classifyShape(api, entity, resource, form);
    // A form posted to the collection is as often a sign-in as a create (traccar's `POST /session`): only a row's own form changes it.
    if (form && (api.path !== resource.itemPath || !classified?.input?.fields.every((name) => isFormScalar(entity.fields.find((f) => f.name === name)!.type)))) return undefined;
    return classified;
  }

  /**
   * What a delete answers besides the row it removed, when the document declares a JSON body the
   * app can always fill: `true` for a boolean (Azure's "true if deleted"), an object of a named
   * schema that requires nothing (sent as `{}`). Anything else is answered without a body.
   */
  private deletionAnswer(api: ApiOperation, success: ApiOperation['responses'][number] | undefined): TypeRef | undefined {
    if (success?.schema === undefined || (success.contentType !== undefined && !isJsonMedia(success.contentType))) return undefined;
    const component = this.types.componentName(success.schema);
    // An inline schema is read only when it is a boolean: an inline object would add a type to the model.
    if (component === undefined) return (success.schema as { type?: unknown }).type === 'boolean' ? { kind: 'boolean' } : undefined;
    const type = this.types.resolve(success.schema, component, { ...api.source, pointer: `${api.source.pointer}/responses/${success.status}` }).type;
    if (type.kind === 'boolean') return type;
    if (type.kind !== 'object') return undefined;
    const fields = this.types.objectTypes.get(type.name)?.fields;
    return fields !== undefined && fields.every((field) => !field.required) ? type : undefined;
  }

  private classifyShape(api: ApiOperation, entity: Entity, resource: Resource, form: boolean): Classified | undefined {
    const onItem = api.path === resource.itemPath;
    if (onItem && !keyParamFits(api, entity, resource.keyParam!)) return undefined;
    const success = api.responses.find((r) => /^2/.test(r.status));
    // A response without a schema is taken as the entity, unless its status allows no body.
    const bodiless = success !== undefined && BODILESS_STATUS.test(success.status);
    const returnsEntity = answersEntity(api, entity, this.types);
    const entityType: TypeRef = { kind: 'object', name: entity.name };
    const shape = (kind: CrudKind, fallback: number): ResponseShape => ({
      status: statusOf(success?.status, fallback),
      ...(kind === 'delete' ? {} : { type: entityType }),
    });
    if (!onItem) {
      if (api.method === 'get') {
        // A 204 answers no rows (gitea's "is it merged?": 204 yes, 404 no).
        if (bodiless) return undefined;
        const page = this.pageShape(success?.schema, entity);
        return page ? { kind: 'list', response: { status: statusOf(success?.status, 200), type: { kind: 'array', items: entityType }, page } } : undefined;
      }
      const batch = api.method === 'post' ? this.batchCreate(api, entity) : undefined;
      if (batch) return batch;
      if (api.method === 'post' && returnsEntity) {
        const input = this.inputOf(api.requestBody?.schema, entity, false);
        // A create names its row: a key the database does not assign must come in the body, and so
        // must a number the item path finds rows by (appconfig's `DeploymentNumber`): nothing gives it one.
        if (input && !entity.primaryKey.generated && !input.fields.includes(entity.primaryKey.field)) return undefined;
        const lookup = resource.keyParam === undefined ? undefined : entity.fields.find((f) => f.name === keyFieldOf(entity, resource.keyParam!));
        if (input && lookup && lookup.name !== entity.primaryKey.field && !input.fields.includes(lookup.name) && (lookup.type.kind === 'integer' || lookup.type.kind === 'number')) return undefined;
        return input ? { kind: 'create', input, response: shape('create', 201) } : undefined;
      }
      if (api.method === 'put' && returnsEntity) {
        const input = this.keyInBodyInput(api, entity, resource);
        return input ? { kind: 'update', input, response: shape('update', 200) } : undefined;
      }
      return undefined;
    }
    switch (api.method) {
      case 'get':
        return returnsEntity && !api.requestBody ? { kind: 'get', response: shape('get', 200) } : undefined;
      case 'delete': {
        if (api.requestBody) return undefined;
        // A delete that answers the entity (`200` with the Pet) answers the row it removed.
        const answersEntity = success?.schema !== undefined && !bodiless && this.types.componentName(success.schema) === entity.schemaName;
        const answer = answersEntity ? entityType : bodiless ? undefined : this.deletionAnswer(api, success);
        return { kind: 'delete', response: { status: statusOf(success?.status, 204), ...(answer ? { type: answer } : {}) } };
      }
      case 'put':
      case 'patch': {
        if (!returnsEntity) return undefined;
        const input = this.inputOf(api.requestBody?.schema, entity, api.method === 'patch');
        if (input) return { kind: api.method === 'put' ? 'update' : 'patch', input, response: shape('update', 200) };
        // A PUT whose body names some of the row's fields, not all it needs (`UpdateUserReq { nickname?, bio? }`):
        // it changes those, as a PATCH would, where the resource has no PATCH of its own.
        if (api.method !== 'put' || resource.operations.some((op) => op.method === 'patch' && op.path === api.path)) return undefined;
        const changed = this.inputOf(api.requestBody?.schema, entity, true);
        return changed ? { kind: 'patch', input: changed, response: shape('update', 200) } : undefined;
      }
      case 'post': {
        // An HTML form posted to the row's path changes the fields it sends.
        if (!form || !returnsEntity) return undefined;
        const input = this.inputOf(api.requestBody?.schema, entity, true);
        return input ? { kind: 'patch', input, response: shape('update', 200) } : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * A create of several rows (`POST /user/createWithList` with a list of users): the list's items
   * are what the entity's create takes, and the answer is the rows created or no body.
   */
  private batchCreate(api: ApiOperation, entity: Entity): Classified | undefined {
    const body = api.requestBody?.schema;
    if (!body || body.type !== 'array' || this.types.componentName(body.items as SchemaNode) !== entity.schemaName) return undefined;
    const input = this.inputOf(body.items as SchemaNode, entity, false);
    if (!input || (!entity.primaryKey.generated && !input.fields.includes(entity.primaryKey.field))) return undefined;
    const success = api.responses.find((r) => /^2/.test(r.status));
    const schema = success && !BODILESS_STATUS.test(success.status) ? success.schema : undefined;
    if (schema !== undefined && !(schema.type === 'array' && this.types.componentName(schema.items as SchemaNode) === entity.schemaName)) return undefined;
    const rows: TypeRef = { kind: 'array', items: rowType(entity) };
    return { kind: 'create', input, batch: true, response: { status: statusOf(success?.status, 201), ...(schema ? { type: rows } : {}) } };
  }

  /**
   * A replace sent to the collection with the key in its body (Petstore's `PUT /pet`): the body is
   * the entity's own schema, which holds its primary key. Taken only
   * when the resource replaces by no item path, whose body would name the update's fields.
   */
  private keyInBodyInput(api: ApiOperation, entity: Entity, resource: Resource): Operation['input'] | undefined {
    const schema = api.requestBody?.schema;
    if (!schema || this.types.componentName(schema) !== entity.schemaName) return undefined;
    if (resource.operations.some((op) => op.method === 'put' && op.path === resource.itemPath)) return undefined;
    // A key the document marks read-only still names the row: the replace cannot change it (the Petstore's `id`).
    const key = entity.fields.find((f) => f.name === entity.primaryKey.field);
    if (!key || !this.types.propertiesOf(this.types.componentSchema(entity.schemaName) ?? schema).properties.has(key.wireName)) return undefined;
    const input = this.inputOf(schema, entity, false);
    if (!input) return undefined;
    if (input.fields.includes(key.name)) return input;
    const ignored = input.ignored?.filter((name) => name !== key.name) ?? [];
    return withIgnored({ fields: [key.name, ...input.fields], required: input.required }, ignored);
  }

  /** The entity fields a body carries: the entity schema itself, or a schema whose properties are all entity fields. */
  private inputOf(schema: SchemaNode | undefined, entity: Entity, partial: boolean): Operation['input'] | undefined {
    if (!schema) return undefined;
    const writable = entity.fields.filter((f) => !f.readOnly && !(f.name === entity.primaryKey.field && entity.primaryKey.generated));
    const { properties, required } = this.types.propertiesOf(schema);
    const ignored = this.ignoredOf(properties, required, entity, writable);
    if (this.types.componentName(schema) === entity.schemaName) {
      // A value the path gives (`invoice_id` of `/invoices/{invoice_id}/lines`) the body need not
      // repeat, unless the schema asks for it (not a key only a rule in words added).
      const given = (f: Field) => entity.pathScope?.includes(f.name) === true && (!required.has(f.wireName) || properties.get(f.wireName)?.[SCHEMA_HINTS.implied] === true);
      return withIgnored({ fields: writable.map((f) => f.name), required: partial ? [] : writable.filter((f) => f.required && !given(f)).map((f) => f.name) }, ignored);
    }
    // What the document marks read-only a client does not send, though the body's schema lists it (`created_at … server generated`).
    const readOnly = new Set(entity.fields.filter((f) => f.readOnly).map((f) => f.wireName));
    const ignoredWires = new Set(entity.fields.filter((f) => ignored.includes(f.name)).map((f) => f.wireName));
    const sent = [...properties].filter(([wire, property]) => property.readOnly !== true && !readOnly.has(wire) && !ignoredWires.has(wire)).map(([wire]) => wire);
    if (sent.length === 0) return undefined;
    const byWire = new Map(writable.map((f) => [f.wireName, f]));
    const fields = sent.map((wire) => byWire.get(wire));
    if (fields.some((f) => f === undefined)) return undefined;
    const mandatory = new Set(fields.filter((f) => required.has(f!.wireName)).map((f) => f!.name));
    // A create or a replace must be able to build the whole entity: a required field the body may leave out is not one.
    if (!partial && writable.some((f) => alwaysHasValue(f) && f.default === undefined && !mandatory.has(f.name))) return undefined;
    return withIgnored({ fields: fields.map((f) => f!.name), required: partial ? [] : [...mandatory] }, ignored);
  }

  /**
   * Fields of the row the body's schema lists but the write does not set: the key the app assigns
   * (Google Calendar's `id`, sent in the Calendar it creates) and fields read-only on the row but
   * not in the body's own schema. Their values are checked as the document types them (a calendar
   * whose `id` is an object is refused) and then not used. Only those the body may leave out: one it
   * requires would have to be sent by every client the tests write too.
   */
  private ignoredOf(properties: ReadonlyMap<string, SchemaNode>, required: ReadonlySet<string>, entity: Entity, writable: readonly Field[]): string[] {
    const taken = new Set(writable.map((f) => f.name));
    return entity.fields
      .filter((f) => !taken.has(f.name) && !f.system && !required.has(f.wireName))
      .filter((f) => {
        const property = properties.get(f.wireName);
        return property !== undefined && !this.types.readOnlyOf(property);
      })
      .map((f) => f.name);
  }

  private pageShape(schema: SchemaNode | undefined, entity: Entity): ResponseShape['page'] | undefined {
    if (!schema) return { kind: 'array' };
    if (schema.type === 'array') return this.types.componentName(schema.items as SchemaNode) === entity.schemaName ? { kind: 'array' } : undefined;
    const wrapperName = this.types.componentName(schema);
    if (!wrapperName) return undefined;
    const { properties, required } = this.types.propertiesOf(this.types.componentSchema(wrapperName) ?? {});
    let itemsField: string | undefined;
    for (const [wire, property] of properties) {
      if (property.type === 'array' && this.types.componentName(property.items as SchemaNode) === entity.schemaName) itemsField = wire;
    }
    if (!itemsField) return undefined;
    // A count is a number: the items' own property (Google's `{ page: StorePage[] }`) or an object of
    // page details (Spring's `page: { totalElements, … }`) is none, whatever its name.
    const resolvedOf = (property: SchemaNode): SchemaNode => {
      const name = this.types.componentName(property);
      return (name ? this.types.componentSchema(name) : property) ?? {};
    };
    const numeric = (property: SchemaNode) => {
      const resolved = resolvedOf(property);
      if (resolved.type === undefined) return resolved.properties === undefined && resolved.items === undefined;
      return [resolved.type].flat().some((t) => t === 'integer' || t === 'number');
    };
    const named = (names: ReadonlySet<string>) => [...properties].find(([wire, property]) => wire !== itemsField && names.has(toSnake(wire)) && numeric(property))?.[0];
    const totalField = named(TOTAL_NAMES);
    const pageField = named(PAGE_PARAMETER_NAMES);
    const offsetField = named(OFFSET_PARAMETER_NAMES);
    const limitField = named(LIMIT_PARAMETER_NAMES);
    // A link is text (an object holding one, `next: { href }`, is not the app's to write), and optional: sent while rows follow.
    const nextField = [...properties].find(([wire, property]) => wire !== itemsField && !required.has(wire) && NEXT_LINK_NAMES.has(toSnake(wire.replace(/^@/, ''))) && resolvedOf(property).type === 'string')?.[0];
    const fillable = new Set([itemsField, totalField, pageField, offsetField, limitField]);
    if ([...required].some((wire) => !fillable.has(wire))) return undefined;
    const snake = (name: 'totalField' | 'pageField' | 'offsetField' | 'limitField' | 'nextField', wire: string | undefined) => (wire ? { [name]: toSnake(wire) } : {});
    return {
      kind: 'wrapper',
      typeName: this.types.nameOf(wrapperName)!,
      itemsField: toSnake(itemsField),
      ...snake('totalField', totalField),
      ...snake('pageField', pageField),
      ...snake('offsetField', offsetField),
      ...snake('limitField', limitField),
      ...snake('nextField', nextField),
    };
  }

  private parameters(api: ApiOperation, opName: string, entity: Entity | undefined, kind: CrudKind | 'custom', keyParam: string | undefined, scope: ReadonlyMap<string, string>): Parameter[] {
    const taken = new Set<string>();
    const offsetPaged = kind === 'list' && pagesByOffset(api.parameters);
    return api.parameters.map((parameter) => {
      const name = uniqueParameterName(parameter, taken);
      const type = this.parameterType(parameter, `${toPascal(opName)}${toPascal(parameter.name)}`, api);
      const scoped = kind !== 'custom' && parameter.in === 'path' ? scope.get(parameter.name) : undefined;
      if (scoped) {
        // A text property a typed parameter scopes (a UUID) reads the path as the text it stores.
        const field = entity?.fields.find((f) => f.name === scoped);
        const read = field && type.kind !== 'literal' && type.kind !== 'enum' && !sameStoredKind(field.type, type) ? field.type : type;
        return { ...this.declared(parameter, name, read), role: 'scope', field: scoped };
      }
      // A field the path already fixes (a nested collection's scope) takes no filter besides.
      const matched = entity ? (filterOf(parameter.name, name, entity.fields, type, parameter.schema?.[SCHEMA_HINTS.match]) ?? searchedField(name, parameter.description, entity.fields, type, parameter.schema?.[SCHEMA_HINTS.match])) : undefined;
      const filter = matched && ![...scope.values()].includes(matched.field.name) ? matched : undefined;
      const role = roleOf(parameter, name, type, kind, keyParam, filter !== undefined, offsetPaged);
      return { ...this.declared(parameter, name, type), role, ...(role === 'filter' && filter ? { field: filter.field.name, comparison: filter.comparison, ...(filter.conversion ? { conversion: filter.conversion } : {}) } : {}) };
    });
  }

  /** A parameter as the document declares it, before its role is known. */
  private declared(parameter: ApiParameter, name: string, type: TypeRef): Omit<Parameter, 'role'> {
    return {
      name,
      wireName: parameter.name,
      in: parameter.in,
      type,
      required: parameter.required,
      ...(parameter.description ? { description: parameter.description } : {}),
      ...(parameter.schema.default !== undefined ? { default: parameter.schema.default } : {}),
      constraints: this.types.constraintsOf(parameter.schema),
      ...(parameter.spansSegments ? { spansSegments: true as const } : {}),
    };
  }

  /** Inline string enums in parameters become literal types rather than named enums. */
  private parameterType(parameter: ApiParameter, scope: string, api: ApiOperation): TypeRef {
    const literal = (schema: SchemaNode | undefined): TypeRef | undefined =>
      schema && !schema.$ref && Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === 'string')
        ? { kind: 'literal', values: [...new Set(schema.enum as string[])] }
        : undefined;
    const direct = literal(parameter.schema);
    if (direct) return direct;
    if (parameter.schema.type === 'array') {
      const items = literal(parameter.schema.items as SchemaNode | undefined);
      if (items) return { kind: 'array', items };
    }
    return this.types.resolve(parameter.schema, scope, api.source).type;
  }

  private uniqueName(api: ApiOperation): string {
    const raw = api.operationId ?? `${api.method} ${api.path.replace(/[{}]/g, '')}`;
    let name = toSnake(raw);
    if (this.usedNames.has(name)) name = toSnake(`${api.method} ${api.path.replace(/[{}]/g, '')}`);
    for (let n = 2; this.usedNames.has(name); n += 1) name = `${toSnake(raw)}_${n}`;
    this.usedNames.add(name);
    return name;
  }
}

/** What every operation takes from the document's as it is: its name, method, path, words, security and source. */
function baseOf(api: ApiOperation, name: string): Pick<Operation, 'name' | 'method' | 'path' | 'summary' | 'description' | 'security' | 'source'> {
  return {
    name,
    method: api.method,
    path: api.path,
    ...(api.summary ? { summary: api.summary } : {}),
    ...(api.description ? { description: api.description } : {}),
    ...(api.security ? { security: api.security } : {}),
    source: api.source,
  };
}

/** A parameter as a custom operation has it: read by the handler the user writes, not by the repository. */
function asCustomParameter({ field: _field, comparison: _comparison, conversion: _conversion, sortValues: _sortValues, ...parameter }: Parameter): Parameter {
  return { ...parameter, role: 'extra' };
}

function roleOf(parameter: ApiParameter, name: string, type: TypeRef, kind: CrudKind | 'custom', keyParam: string | undefined, matchesField: boolean, offsetPaged: boolean): Parameter['role'] {
  if (kind === 'custom') return 'extra';
  // A list or a create names no row of its own (`/tutores/{id}/mascotas` beside `/mascotas/{id}`): a parameter named as the key is another's.
  if (parameter.in === 'path' && parameter.name === keyParam && kind !== 'list' && kind !== 'create') return 'key';
  if (kind !== 'list' || parameter.in !== 'query') return 'extra';
  const paging = parameter.schema[SCHEMA_HINTS.paging];
  if (paging === 'page' || (paging === undefined && PAGE_PARAMETER_NAMES.has(name))) return 'page';
  if (offsetPaged && offsetNamed(parameter)) return 'offset';
  if (paging === 'limit' || (paging === undefined && LIMIT_PARAMETER_NAMES.has(name))) return 'limit';
  if (offsetPaged && OFFSET_LIMIT_NAMES.has(name) && parameter.schema.type === 'integer') return 'limit';
  if (SORT_NAMES.has(name) && namesSortTerms(type)) return 'sort';
  if (isSortDirection(parameter, name)) return 'direction';
  return matchesField ? 'filter' : 'extra';
}

/** A list pages by an offset (`?offset=20&limit=10`, `?start=0&count=15`) where it names one and no page number. */
function pagesByOffset(parameters: readonly ApiParameter[]): boolean {
  const query = parameters.filter((p) => p.in === 'query');
  return query.some(offsetNamed) && !query.some((p) => p.schema[SCHEMA_HINTS.paging] === 'page' || PAGE_PARAMETER_NAMES.has(toSnake(p.name)));
}

function offsetNamed(parameter: ApiParameter): boolean {
  return parameter.schema[SCHEMA_HINTS.paging] === undefined && OFFSET_PARAMETER_NAMES.has(toSnake(parameter.name)) && parameter.schema.type === 'integer';
}

/**
 * A replace at the item path creates the row it names when nothing else can: the collection takes
 * no POST, and the path's value can be the row's key as sent (text, or a number the client picks;
 * not a number the database assigns, nor one read from text). Answers 201 for a new row where the
 * document lists 201, else its success status.
 */
function upsertOf(api: ApiOperation, entity: Entity, resource: Resource, keyField: string): Operation['upsert'] {
  if (resource.operations.some((op) => op.method === 'post' && op.path === resource.collectionPath)) return undefined;
  const field = entity.fields.find((f) => f.name === keyField);
  const declared = api.parameters.find((p) => p.in === 'path' && p.name === resource.keyParam)?.schema;
  if (!field || !declared) return undefined;
  // A UUID or date column takes no text as it comes (presalytics' `{id}` of a UUID key): it is read first, and no row is made of it.
  const parsed = field.type.kind === 'string' && (field.type.format === 'uuid' || field.type.format === 'date' || field.type.format === 'date-time') && declared.format !== field.type.format;
  const sentAsIs = field.type.kind === 'string' ? (declared.type === undefined || declared.type === 'string') && !parsed : field.type.kind === 'integer' && declared.type === 'integer';
  const assigned = keyField === entity.primaryKey.field && entity.primaryKey.generated && field.type.kind === 'integer';
  if (!sentAsIs || assigned) return undefined;
  const success = api.responses.find((r) => /^2/.test(r.status));
  return { createdStatus: api.responses.some((r) => r.status === '201') ? 201 : statusOf(success?.status, 200) };
}

/**
 * The field an item path's parameter finds rows by: the key where the parameter says so (`{id}`,
 * `{dashboard_id}`), a field of its name (`{username}`), a field it names after the entity's own
 * name (airflow's `{pool_name}` of a pool: its `name`; anchore's `{accountname}`), else the key.
 */
export function keyFieldOf(entity: Entity, keyParam: string): string {
  const snake = toSnake(keyParam);
  if (namesTheKey(entity, keyParam)) return entity.primaryKey.field;
  const named = entity.fields.find((f) => f.wireName === keyParam || f.name === snake);
  if (named) return named.name;
  // `{pool_name}` of a worker pool: its `name`, unless a parameter of the path before it gives that field (the hosting environment's `{name}`).
  const own = [`${entity.slug}_`, entity.slug].find((prefix) => snake.startsWith(prefix) && snake.length > prefix.length);
  const rest = own === undefined ? undefined : snake.slice(own.length);
  return entity.fields.find((f) => rest !== undefined && f.name === rest && !f.relation && !f.writeOnly && !entity.pathScope?.includes(f.name))?.name ?? entity.primaryKey.field;
}

/**
 * Whether the item path's parameter can stand for the key it names: `{username}` declared as a
 * string does not select an integer `id` (the fallback when no field has its name), `{id}` does
 * when the tool added that key (adafruit's dashboards, which the document gives no id), and a key
 * that is a list or an object fits no path, so such operations stay custom rather than look rows
 * up by a key of another type.
 */
function keyParamFits(api: ApiOperation, entity: Entity, keyParam: string): boolean {
  const keyField = entity.fields.find((f) => f.name === keyFieldOf(entity, keyParam));
  const key = keyField?.type.kind;
  // A path segment holds one value: a list or an object (a Go `UUID` written as a byte array) keys nothing.
  if (key !== undefined && !['integer', 'number', 'string', 'enum', 'literal', 'boolean'].includes(key)) return false;
  const declared = api.parameters.find((p) => p.in === 'path' && p.name === keyParam)?.schema?.type;
  if (typeof declared !== 'string') return true;
  // `{id}` as text naming a key the tool added (the document gives the row none): read from the text, which no row has when it is no integer.
  if (key === 'integer') return declared === 'integer' || (declared === 'string' && keyField!.system === true && namesTheKey(entity, keyParam) && !propertyNamed(entity, keyParam));
  if (key === 'number') return declared === 'number' || declared === 'integer';
  if (key === 'string') return declared === 'string';
  return true;
}

/** `{id}` or `{dashboard_id}` of a dashboard: the parameter says it is the key, whatever the key's name. */
function namesTheKey(entity: Entity, keyParam: string): boolean {
  const snake = toSnake(keyParam);
  return snake === 'id' || snake === `${entity.slug}_id`;
}

/** The document gives the entity a property of the parameter's name (a widget's own `widgetId`), which the path may mean instead. */
function propertyNamed(entity: Entity, keyParam: string): boolean {
  return entity.fields.some((f) => !f.system && f.wireName === keyParam);
}

function withIgnored(input: NonNullable<Operation['input']>, ignored: readonly string[]): NonNullable<Operation['input']> {
  return ignored.length > 0 ? { ...input, ignored: [...ignored] } : input;
}

function rowType(entity: Entity): TypeRef {
  return { kind: 'object', name: entity.name };
}

/** Success statuses whose responses have no body (RFC 9110). */

/** The answer in the envelope its success response declares, when it declares one. */
function envelopedAnswer(api: ApiOperation, response: ResponseShape): ResponseShape {
  const envelope = api.responses.find((r) => /^2/.test(r.status))?.envelope;
  return envelope ? { ...response, envelope } : response;
}

function statusOf(status: string | undefined, fallback: number): number {
  if (!status) return fallback;
  const numeric = Number(status.replace(/X/gi, '0'));
  return Number.isInteger(numeric) && numeric >= 200 && numeric < 300 ? numeric : fallback;
}

/**
 * The snake_case name of a parameter; one that collides with an earlier parameter's
 * (`maxResults` and `MaxResults`, or `id` in the path and in the query) takes its location
 * and then a number as a suffix. The wire name stays the document's.
 */
function uniqueParameterName(parameter: ApiParameter, taken: Set<string>): string {
  const base = toSnake(parameter.name);
  let name = taken.has(base) ? `${base}_${parameter.in}` : base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

/** A value one form field carries as text: no list, object or file. */
function isFormScalar(type: TypeRef): boolean {
  if (type.kind === 'string') return type.format !== 'byte';
  return ['integer', 'number', 'boolean', 'enum', 'literal'].includes(type.kind);
}
