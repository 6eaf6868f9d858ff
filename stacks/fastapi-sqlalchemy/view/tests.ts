import type { Constraints, DomainModel, Operation, TypeRef } from '../../../core/index.js';
import { call, definition, pyFormat, pyValue } from '../python/layout.js';
import { pyIdentifier, pyLiteral, pyString } from '../python/names.js';
import type { EntityView } from './entities.js';
import { readAsText } from './params.js';
import { comparable, Samples } from './samples.js';
import { documentPath, requestPath } from './route-paths.js';
import type { Seeding } from './seeding.js';

export interface EntityTestView {
  name: string;
  slug: string;
  /** Statements laid out as ruff's formatter writes them: `X_PAYLOAD = {...}`, `response = await client.post(...)`. */
  create?: { path: string; status: number; payload: string; request: string; invalid: boolean };
  get?: { status: number };
  list?: { path: string; pageParam: string; limitParam: string; wrapperItems?: string; wrapperTotal?: string };
  update?: { method: string; status: number; payload: string; request: string; compare: string[] };
  patch?: { status: number; payload: string; request: string; compare: string[] };
  delete?: { status: number };
  itemPath?: string;
  missingKey: string;
  keyWire: string;
  compare: string[];
  /** The `async def` lines of the test module, laid out, by test. */
  defs: Record<'createHelper' | 'create' | 'create422' | 'get' | 'list' | 'update' | 'patch' | 'delete' | 'missing', string>;
  integration?: { payload: string; createSchema: string; compare: string[]; assignments: string[]; seeds: string[]; updatedAt: boolean; softDeleteModel?: string };
}

export interface CustomTestView {
  name: string;
  method: string;
  path: string;
  params: string;
  headers: string;
  json?: string;
  content?: string;
  def: string;
}

/** `async def name(client: AsyncClient) -> None:`, split as ruff splits it when too long. */
function testDef(name: string, returns = 'None'): string {
  return pyFormat(definition(`async def ${name}`, ['client: AsyncClient']), 0, '', ` -> ${returns}:`);
}

const byKind = (ops: Operation[], kind: string) => ops.find((op) => op.kind === kind);

export function entityTests(view: EntityView, operations: Operation[], model: DomainModel, samples: Samples, createSchema: string | undefined, seeding: Seeding): EntityTestView {
  const create = byKind(operations, 'create');
  const key = view.fields.find((f) => f.column === (byKind(operations, 'get') ?? byKind(operations, 'delete') ?? byKind(operations, 'update') ?? byKind(operations, 'patch'))?.keyField) ?? view.key;
  const itemOp = operations.find((op) => op.keyParam);
  const inputFields = (op: Operation | undefined) => view.fields.filter((f) => op?.input?.fields.includes(f.column)).map((f) => f.field);
  const payloadOf = (op: Operation | undefined, variant: number) => samples.fields(inputFields(op), variant);
  const compareOf = (op: Operation | undefined) => inputFields(op).filter(comparable).map((f) => f.wireName);
  const keyInPayload = create?.input?.fields.includes(key.column) ?? false;
  const createPayload = payloadOf(create, 1);
  const result: EntityTestView = {
    name: view.name,
    slug: view.slug,
    missingKey: pyLiteral(missingKey(itemOp?.params.find((p) => p.role === 'key') ?? key.field, samples)),
    keyWire: key.wire,
    compare: compareOf(create),
    defs: {
      createHelper: testDef(`create_${view.slug}`, 'dict[str, object]'),
      create: testDef(`test_create_${view.slug}_returns_what_was_sent`),
      create422: testDef(`test_create_${view.slug}_without_required_fields_is_422`),
      get: testDef(`test_get_${view.slug}_after_create`),
      list: testDef(`test_list_${view.slug}_pages_with_a_total`),
      update: testDef(`test_update_${view.slug}_replaces_fields`),
      patch: testDef(`test_patch_${view.slug}_changes_only_given_fields`),
      delete: testDef(`test_delete_${view.slug}_removes_it`),
      missing: testDef(`test_missing_${view.slug}_is_404`),
    },
  };
  if (itemOp) result.itemPath = requestPath(itemOp).replace(`{${itemOp.keyParam}}`, '{key}');
  if (create) {
    const required = create.input?.required.length ?? 0;
    const constant = `${view.slug.toUpperCase()}_PAYLOAD`;
    result.create = {
      path: requestPath(create),
      status: create.response.status,
      payload: pyFormat(pyValue(createPayload), 0, `${constant} = `),
      request: pyFormat(call('await client.post', [pyString(requestPath(create)), `json=${constant}`]), 4, 'response = '),
      invalid: required > 0,
    };
    const assignments = create.input ? seeding.assignments(view.entity, create.input.fields, create.input.required) : undefined;
    if (createSchema && assignments) {
      const seeds = [...new Set(assignments.flatMap((line) => /await (create_\w+)\(/.exec(line)?.[1] ?? []))].sort();
      const updatedAt = view.fields.some((f) => f.timestamp === 'updated');
      result.integration = {
        payload: pyFormat(pyValue(createPayload), 0, 'PAYLOAD: dict[str, Any] = '),
        createSchema,
        compare: compareOf(create),
        assignments,
        seeds,
        updatedAt,
        ...(view.entity.softDelete ? { softDeleteModel: view.model } : {}),
      };
    }
  }
  const get = byKind(operations, 'get');
  if (get) result.get = { status: get.response.status };
  const list = byKind(operations, 'list');
  if (list) {
    const page = list.response.page;
    // The page and its size by the names the document gives them (`page_size`, `per_page`).
    const pageParam = list.params.find((p) => p.role === 'page')?.wireName ?? 'page';
    const limitParam = list.params.find((p) => p.role === 'limit')?.wireName ?? 'limit';
    result.list = {
      path: requestPath(list),
      pageParam,
      limitParam,
      ...(page?.kind === 'wrapper' ? { wrapperItems: wireOf(model, page.typeName, page.itemsField), ...(page.totalField ? { wrapperTotal: wireOf(model, page.typeName, page.totalField) } : {}) } : {}),
    };
  }
  const update = byKind(operations, 'update');
  if (update) {
    const payload = payloadOf(update, 2);
    if (keyInPayload && key.wire in payload) delete payload[key.wire];
    const compare = compareOf(update).filter((w) => w !== key.wire);
    result.update = { method: update.method, status: update.response.status, payload: pyFormat(pyValue(payload), 4, 'changed = '), request: changeRequest(update.method, view.slug, key.wire), compare };
  }
  const patch = byKind(operations, 'patch');
  if (patch) {
    const candidates = inputFields(patch).filter((f) => comparable(f) && f.wireName !== key.wire);
    const chosen = candidates.slice(0, 1);
    result.patch = {
      status: patch.response.status,
      payload: pyFormat(pyValue(samples.fields(chosen, 3)), 4, 'changed = '),
      request: changeRequest('patch', view.slug, key.wire),
      compare: chosen.map((f) => f.wireName),
    };
  }
  const del = byKind(operations, 'delete');
  if (del) result.delete = { status: del.response.status };
  return result;
}

/** `response = await client.put(pet_url(created["id"]), json=changed)`, laid out. */
function changeRequest(method: string, slug: string, keyWire: string): string {
  return pyFormat(call(`await client.${method}`, [`${slug}_url(created[${pyString(keyWire)}])`, 'json=changed']), 4, 'response = ');
}

function wireOf(model: DomainModel, typeName: string, field: string): string {
  return model.objectTypes.find((t) => t.name === typeName)?.fields.find((f) => f.name === field)?.wireName ?? field;
}

/**
 * A key no test creates, yet one the key parameter accepts (its type, format and bounds), so the
 * route answers 404 and not 422: for integers the largest the path allows.
 */
function missingKey(key: { type: TypeRef; constraints: Constraints }, samples: Samples): unknown {
  const { type, constraints } = key;
  if (type.kind === 'integer') return constraints.maximum ?? Math.max(987654321, constraints.minimum ?? 0);
  if (type.kind === 'string' && type.format === 'uuid') return '00000000-0000-4000-8000-999999999999';
  return samples.value(type, constraints, 'missing', MISSING_VARIANT);
}

/** The variant of the sample values that stands for a key no test creates (tests create variants 1 to 3). */
const MISSING_VARIANT = 9;

export function customTests(operations: Operation[], samples: Samples): CustomTestView[] {
  return operations.filter((op) => op.kind === 'custom').map((op) => {
    const written = documentPath(op.path);
    let path = written.path;
    // The literal query the document writes in the path is sent as parameters, with the others.
    const params: Record<string, unknown> = Object.fromEntries(written.query.map(([name, value]) => [name, value ?? '']));
    const headers: Record<string, string> = {};
    for (const parameter of op.params) {
      const sample = samples.value(parameter.type, parameter.constraints, parameter.name, 1);
      const value = readAsText(parameter) ? JSON.stringify(sample) : sample;
      if (parameter.in === 'path') path = path.replace(`{${parameter.wireName}}`, encodeURIComponent(String(value)));
      else if (parameter.in === 'query' && parameter.required) params[parameter.wireName] = value;
      else if (parameter.in === 'header' && parameter.required) headers[parameter.wireName] = String(value);
    }
    // A body sent as bytes says what it is, as a client does: operations may be told apart by it.
    if (op.body && !op.body.type) headers['Content-Type'] = concreteMediaType(op.body.contentType);
    const argument = (name: string, value: unknown) => pyFormat(pyValue(value), 8, `${name}=`, ',');
    const view: CustomTestView = {
      name: op.name,
      method: op.method.toUpperCase(),
      path: pyString(path),
      params: argument('params', params),
      headers: argument('headers', headers),
      def: testDef(`test_${op.name}_is_not_implemented_yet`),
    };
    if (op.body?.type) view.json = argument('json', samples.value(op.body.type, {}, 'body', 1));
    else if (op.body) view.content = 'b"example"';
    return view;
  });
}

/** A media type a request can carry for one the document may write with wildcards (`image/*`). */
function concreteMediaType(mediaType: string): string {
  if (mediaType === '*/*' || mediaType === '') return 'application/octet-stream';
  return mediaType.endsWith('/*') ? `${mediaType.slice(0, -1)}octet-stream` : mediaType;
}

/**
 * What the mapper test leaves out of the comparison, as statements on `state` (the entity as a
 * dict): what the database assigns, so a row built from an entity cannot carry it back yet: the
 * timestamps it keeps, and the keys of nested rows (never taken from the value). Undefined when
 * there is nothing to leave out.
 */
export function keptByDatabase(view: EntityView, timestamps: readonly string[]): string[] | undefined {
  const lines = timestamps.map((attr) => `state.pop(${pyString(attr)})`);
  for (const child of view.storage.children) {
    const key = child.entity.primaryKey;
    const wireName = child.entity.fields.find((f) => f.name === key.field)?.wireName;
    if (!key.generated || wireName === undefined) continue;
    const attr = pyString(pyIdentifier(child.attr));
    lines.push(`state[${attr}] = [{k: v for k, v in value.items() if k != ${pyString(wireName)}} for value in state[${attr}] or []]`);
  }
  // Objects listed through a join table come back from the rows they link, which only the database holds.
  for (const link of view.storage.links) if (link.listsObjects) lines.push(`state.pop(${pyString(link.field)})`);
  return lines.length === 0 ? undefined : lines;
}

/**
 * An entity's state for the mapper test when no create route names its fields: sample values by
 * attribute, validated into the dataclass by pydantic (strings to datetimes, numbers to
 * Decimals). The key the database assigns and the timestamps it may leave unset are left out.
 */
export function domainSample(view: EntityView, samples: Samples): { values: string; timestamps: string[] } {
  const values: Record<string, unknown> = {};
  const timestamps: string[] = [];
  for (const f of view.fields) {
    if ((f.primaryKey && view.entity.primaryKey.generated) || (f.timestamp !== undefined && f.optional) || f.relation) continue;
    if (f.timestamp !== undefined) timestamps.push(f.attr);
    values[f.attr] = samples.value(f.field.type, f.field.constraints, f.field.name, 1);
  }
  return { values: pyFormat(pyValue(values), 0, 'VALUES: dict[str, Any] = '), timestamps };
}
