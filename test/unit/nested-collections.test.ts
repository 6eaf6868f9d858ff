import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import type { DomainModel } from '../../core/model/domain-model.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';

const hostile = path.resolve('test/fixtures/hostile/openapi.yaml');

/** The model of a document made of `paths` and `schemas`. */
async function modelOf(paths: Record<string, unknown>, schemas: Record<string, unknown>): Promise<DomainModel> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'nested-'));
  const file = path.join(directory, 'openapi.json');
  await writeFile(file, JSON.stringify({ openapi: '3.0.3', info: { title: 'Nested', version: '1' }, paths, components: { schemas } }));
  return deriveModel(await parseOpenApiFile(file));
}

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pathParameter = (name: string, schema: unknown = { type: 'string' }) => ({ name, in: 'path', required: true, schema });

/** A collection (list and create) and its item (get), under `collection`, of `schema`. */
function resource(collection: string, item: string, schema: string, parameters: unknown[], idPrefix = ''): Record<string, unknown> {
  return {
    [collection]: {
      parameters,
      get: { operationId: `${idPrefix}list${schema}`, responses: { '200': { description: 'ok', ...json({ type: 'array', items: ref(schema) }) } } },
      post: { operationId: `${idPrefix}create${schema}`, requestBody: { required: true, ...json(ref(schema)) }, responses: { '201': { description: 'ok', ...json(ref(schema)) } } },
    },
    [item]: {
      parameters: [...parameters, pathParameter(`${schema.toLowerCase()}Id`, { type: 'integer' })],
      get: { operationId: `${idPrefix}get${schema}`, responses: { '200': { description: 'ok', ...json(ref(schema)) } } },
    },
  };
}

const note = { type: 'object', required: ['text'], properties: { id: { type: 'integer', readOnly: true }, text: { type: 'string' } } };

describe('nested collections', () => {
  it('are CRUD within their path: a field per parameter, set on create and matched on every read (the hostile fixture)', async () => {
    const model = deriveModel(await parseOpenApiFile(hostile));
    const invoice = model.entities.find((e) => e.name === 'Invoice')!;
    expect(invoice.pathScope).toEqual(['account_id']);
    // Added by the tool: never on the wire, indexed, a 64-bit column for an integer of no format.
    expect(invoice.fields.find((f) => f.name === 'account_id')).toMatchObject({ wireName: 'accountId', system: true, readOnly: true, type: { kind: 'integer', format: 'int64' } });
    expect(invoice.indexes.map((i) => i.fields)).toContainEqual(['account_id']);
    // No foreign key: the document does not say where accounts are stored.
    expect(invoice.foreignKeys).toEqual([]);
    const kinds = Object.fromEntries(model.operations.filter((op) => op.entity === 'Invoice').map((op) => [op.name, op.kind]));
    expect(kinds).toEqual({ list_invoices: 'list', create_invoice: 'create', get_invoice: 'get', patch_invoice: 'patch', delete_invoice: 'delete' });
    for (const op of model.operations.filter((o) => o.entity === 'Invoice')) {
      expect(op.params.find((p) => p.wireName === 'accountId')).toMatchObject({ role: 'scope', field: 'account_id' });
    }
    // A property of the parameter's name is the one stored (the path's value wins over the body's).
    const site = model.entities.find((e) => e.name === 'Site')!;
    expect(site.pathScope).toEqual(['location']);
    expect(site.fields.find((f) => f.name === 'location')!.system).toBeUndefined();
    // Keywords and names the handlers use are parameters like any other.
    expect(model.entities.find((e) => e.name === 'Card')!.pathScope).toEqual(['class', 'entity']);
  });

  it('stores what the path carries as the parameter types it: a UUID in a UUID column', async () => {
    const uuid = await modelOf(resource('/tenants/{tenantId}/notes', '/tenants/{tenantId}/notes/{noteId}', 'Note', [pathParameter('tenantId', { type: 'string', format: 'uuid' })]), { Note: note });
    expect(uuid.entities.find((e) => e.name === 'Note')!.fields.find((f) => f.name === 'tenant_id')!.type).toEqual({ kind: 'string', format: 'uuid' });
    expect(uuid.operations.find((op) => op.name === 'create_note')!.params.find((p) => p.role === 'scope')!.type).toEqual({ kind: 'string', format: 'uuid' });
  });

  it('reads the path as text where a text property of the schema stores a parameter the document types (a UUID)', async () => {
    const owned = { ...note, properties: { ...note.properties, ownerId: { type: 'string', readOnly: true } } };
    const model = await modelOf(resource('/owners/{ownerId}/notes', '/owners/{ownerId}/notes/{noteId}', 'Note', [pathParameter('ownerId', { type: 'string', format: 'uuid' })]), { Note: owned });
    expect(model.entities.find((e) => e.name === 'Note')!.pathScope).toEqual(['owner_id']);
    for (const op of model.operations) expect(op.params.find((p) => p.role === 'scope')!.type).toEqual({ kind: 'string' });
  });

  it('stores a parameter named like the entity key as the key of the segment before it', async () => {
    const model = await modelOf(resource('/stories/{id}/notes', '/stories/{id}/notes/{noteId}', 'Note', [pathParameter('id', { type: 'integer' })]), { Note: note });
    const entity = model.entities.find((e) => e.name === 'Note')!;
    expect(entity.pathScope).toEqual(['story_id']);
    expect(entity.fields.find((f) => f.name === 'id')!.system).not.toBe(true);
    expect(model.operations.find((op) => op.name === 'get_note')).toMatchObject({ kind: 'get', keyField: 'id', keyParam: 'noteId' });
  });

  it('stays custom when a property of the parameter holds another kind of value, or no segment names the key', async () => {
    const uuidOwner = { ...note, properties: { ...note.properties, ownerId: { type: 'string', format: 'uuid' } } };
    const typed = await modelOf(resource('/owners/{ownerId}/notes', '/owners/{ownerId}/notes/{noteId}', 'Note', [pathParameter('ownerId')]), { Note: uuidOwner });
    expect(typed.operations.every((op) => op.kind === 'custom')).toBe(true);
    const bare = await modelOf(resource('/{id}/notes', '/{id}/notes/{noteId}', 'Note', [pathParameter('id')]), { Note: note });
    expect(bare.operations.every((op) => op.kind === 'custom')).toBe(true);
  });

  it('leaves the schema to a collection at a fixed path first', async () => {
    const model = await modelOf(
      { ...resource('/owners/{ownerId}/notes', '/owners/{ownerId}/notes/{noteId}', 'Note', [pathParameter('ownerId')], 'owner'), ...resource('/notes', '/notes/{noteId}', 'Note', []) },
      { Note: note },
    );
    expect(model.entities.find((e) => e.name === 'Note')!.pathScope).toBeUndefined();
    expect(model.operations.filter((op) => op.path.startsWith('/owners')).map((op) => op.kind)).toEqual(['custom', 'custom', 'custom']);
  });

  it('makes no create whose body cannot name a row the database does not number', async () => {
    const numbered = { type: 'object', properties: { id: { type: 'number', readOnly: true }, text: { type: 'string' } } };
    const model = await modelOf(resource('/notes', '/notes/{noteId}', 'Note', []), { Note: numbered });
    expect(model.entities.find((e) => e.name === 'Note')!.primaryKey.generated).toBe(false);
    expect(Object.fromEntries(model.operations.map((op) => [op.name, op.kind]))).toEqual({ list_note: 'list', create_note: 'custom', get_note: 'get' });
  });
});

describe('a replace that creates the row its path names', () => {
  const vault = { type: 'object', required: ['location'], properties: { id: { type: 'string', readOnly: true }, location: { type: 'string' } } };
  const put = (statuses: string[]) => ({
    operationId: 'createOrUpdateVault',
    requestBody: { required: true, ...json(ref('Vault')) },
    responses: Object.fromEntries(statuses.map((status) => [status, { description: 'ok', ...json(ref('Vault')) }])),
  });
  const item = (extra: Record<string, unknown>) => ({
    parameters: [pathParameter('groupName'), pathParameter('vaultName')],
    get: { operationId: 'getVault', responses: { '200': { description: 'ok', ...json(ref('Vault')) } } },
    ...extra,
  });
  const list = { get: { operationId: 'listVaults', parameters: [pathParameter('groupName')], responses: { '200': { description: 'ok', ...json({ type: 'array', items: ref('Vault') }) } } } };

  it('is the create where no POST creates (Azure): 201 for a new row where the document lists it', async () => {
    const model = await modelOf({ '/groups/{groupName}/vaults': list, '/groups/{groupName}/vaults/{vaultName}': item({ put: put(['200', '201']) }) }, { Vault: vault });
    expect(model.operations.find((op) => op.name === 'create_or_update_vault')).toMatchObject({ kind: 'update', keyParam: 'vaultName', upsert: { createdStatus: 201 } });
    const only200 = await modelOf({ '/groups/{groupName}/vaults': list, '/groups/{groupName}/vaults/{vaultName}': item({ put: put(['200']) }) }, { Vault: vault });
    expect(only200.operations.find((op) => op.name === 'create_or_update_vault')!.upsert).toEqual({ createdStatus: 200 });
  });

  it('is a replace only where a POST creates, or the database numbers the rows', async () => {
    const post = { ...list, post: { operationId: 'createVault', parameters: [pathParameter('groupName')], requestBody: { required: true, ...json(ref('Vault')) }, responses: { '201': { description: 'ok', ...json(ref('Vault')) } } } };
    const created = await modelOf({ '/groups/{groupName}/vaults': post, '/groups/{groupName}/vaults/{vaultName}': item({ put: put(['200', '201']) }) }, { Vault: vault });
    expect(created.operations.find((op) => op.name === 'create_or_update_vault')!.upsert).toBeUndefined();
    const numbered = { ...vault, properties: { ...vault.properties, id: { type: 'integer', readOnly: true } } };
    const byNumber = await modelOf(
      { '/vaults': { get: { ...list.get, parameters: [] } }, '/vaults/{id}': { parameters: [pathParameter('id', { type: 'integer' })], put: put(['200', '201']) } },
      { Vault: numbered },
    );
    expect(byNumber.operations.find((op) => op.name === 'create_or_update_vault')).toMatchObject({ kind: 'update' });
    expect(byNumber.operations.find((op) => op.name === 'create_or_update_vault')!.upsert).toBeUndefined();
  });

  it('take the item path served only at the top (`/comments/{id}`) where nothing lists there, and a declared key keeps its foreign key', async () => {
    const post = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, title: { type: 'string' } } };
    const comment = { type: 'object', required: ['post_id', 'text'], properties: { id: { type: 'integer', readOnly: true }, post_id: { type: 'integer' }, text: { type: 'string' } } };
    const model = await modelOf(
      {
        ...resource('/posts', '/posts/{postId}', 'Post', []),
        '/posts/{postId}/comments': {
          parameters: [pathParameter('postId', { type: 'integer' })],
          get: { operationId: 'listComments', responses: { '200': { description: 'ok', ...json({ type: 'array', items: ref('Comment') }) } } },
          post: { operationId: 'createComment', requestBody: { required: true, ...json(ref('Comment')) }, responses: { '201': { description: 'ok', ...json(ref('Comment')) } } },
        },
        '/comments/{commentId}': {
          parameters: [pathParameter('commentId', { type: 'integer' })],
          get: { operationId: 'getComment', responses: { '200': { description: 'ok', ...json(ref('Comment')) } } },
          delete: { operationId: 'deleteComment', responses: { '204': { description: 'gone' } } },
        },
        // Named like a message, yet what its collection holds.
        '/leave-requests': {
          post: { operationId: 'createLeaveRequest', requestBody: { required: true, ...json(ref('LeaveRequest')) }, responses: { '201': { description: 'ok', ...json(ref('LeaveRequest')) } } },
        },
      },
      { Post: post, Comment: comment, LeaveRequest: note },
    );
    const kinds = (name: string) => model.operations.filter((op) => op.entity === name).map((op) => `${op.kind} ${op.path}`);
    expect(kinds('Comment')).toEqual(['list /posts/{postId}/comments', 'create /posts/{postId}/comments', 'get /comments/{commentId}', 'delete /comments/{commentId}']);
    const comments = model.entities.find((e) => e.name === 'Comment')!;
    expect(comments.pathScope).toEqual(['post_id']);
    expect(comments.foreignKeys.map((k) => `${k.field}->${k.target} ${k.onDelete}`)).toEqual(['post_id->Post RESTRICT']);
    expect(kinds('LeaveRequest')).toEqual(['create /leave-requests']);
  });

  it('name a row at the top by its key alone, though the nested path calls its parameter the same (pocketsmith)', async () => {
    const account = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, title: { type: 'string' } } };
    const model = await modelOf(
      {
        '/users/{id}/accounts': {
          parameters: [pathParameter('id', { type: 'integer' })],
          get: { operationId: 'listAccounts', responses: { '200': { description: 'ok', ...json({ type: 'array', items: ref('Account') }) } } },
          post: { operationId: 'createAccount', requestBody: { required: true, ...json(ref('Account')) }, responses: { '201': { description: 'ok', ...json(ref('Account')) } } },
        },
        '/accounts/{id}': {
          parameters: [pathParameter('id', { type: 'integer' })],
          get: { operationId: 'getAccount', responses: { '200': { description: 'ok', ...json(ref('Account')) } } },
        },
      },
      { Account: account },
    );
    const get = model.operations.find((op) => op.path === '/accounts/{id}')!;
    expect([get.kind, get.params.map((p) => `${p.name} ${p.role}`)]).toEqual(['get', ['id key']]);
    expect(model.operations.find((op) => op.path === '/users/{id}/accounts' && op.method === 'get')!.params.find((p) => p.in === 'path')!.role).toBe('scope');
  });

  it('list their rows under a row of another where each path parameter names a property (the hostile fixture)', async () => {
    const model = deriveModel(await parseOpenApiFile(hostile));
    const byListener = model.operations.find((op) => op.path === '/listeners/{listener}/plays')!;
    expect([byListener.kind, byListener.entity]).toEqual(['list', 'Play']);
    expect(byListener.params.filter((p) => p.in === 'path').map((p) => `${p.role} ${p.field}`)).toEqual(['scope listener']);
    // The rows' own scope stays the track's: the listener's path only filters.
    expect(model.entities.find((e) => e.name === 'Play')!.pathScope).toEqual(['track_id']);
  });
});
