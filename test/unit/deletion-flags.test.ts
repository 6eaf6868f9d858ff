/**
 * Soft deletes marked by a flag the documents declare (`is_deleted`, `del_flag`): the values a
 * flag's description or the rule gives it, and the entity's mark as OpenAPI and markdown state it.
 */
import { describe, expect, it } from 'vitest';
import { flagValuesIn, valueSetIn } from '../../core/derive/deletion-flags.js';
import { deletionFlag } from '../../core/model/lookups.js';
import type { DomainModel, Entity } from '../../core/model/domain-model.js';
import { modelOfDocuments } from '../support/documents.js';

function entity(model: DomainModel, name: string): Entity {
  return model.entities.find((e) => e.name === name)!;
}

describe('the values a deletion flag\'s description gives it', () => {
  it.each([
    ['删除标志（0代表存在 2代表删除）', { live: '0', deleted: '2' }],
    ['0存在 2删除', { live: '0', deleted: '2' }],
    ['逻辑删除 0-否 1-是', { live: '0', deleted: '1' }],
    ['1 = deleted, 0 = not deleted', { live: '0', deleted: '1' }],
    ['Deletion flag (deleted: Y, active: N)', { live: 'N', deleted: 'Y' }],
    ['0 active, 9 removed', { live: '0', deleted: '9' }],
  ])('%s', (text, values) => {
    expect(flagValuesIn(text)).toEqual(values);
  });

  it('gives none where the description names no value', () => {
    expect(flagValuesIn('删除标志')).toEqual({});
    expect(flagValuesIn('Whether the row was deleted')).toEqual({});
    expect(flagValuesIn(undefined)).toEqual({});
  });
});

describe('the value a soft delete\'s sentence sets a flag it names to', () => {
  it.each([
    ['商品删除走逻辑删除，del_flag 置为 2，列表和详情都查不出来', 'del_flag', '2'],
    ['Deleting an order sets `is_deleted` to 1.', 'is_deleted', '1'],
    ['Soft delete: status = D', 'status', 'D'],
  ])('%s', (sentence, field, value) => {
    expect(valueSetIn(sentence, field)).toBe(value);
  });

  it('gives none where no value follows the name', () => {
    expect(valueSetIn('del_flag marks deleted rows', 'del_flag')).toBeUndefined();
    expect(valueSetIn('model_flag 置为 2', 'del_flag')).toBeUndefined();
  });
});

/** A collection to list and create rows of `schema`, and an item path to delete one. */
function resource(plural: string, schema: string): [string, object][] {
  const rows = { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } };
  return [
    [`/${plural}`, {
      get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${schema}` } } } } } } },
      post: { requestBody: { content: rows }, responses: { 201: { description: 'made', content: rows } } },
    }],
    [`/${plural}/{id}`, { delete: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 204: { description: 'gone' } } } }],
  ];
}

const OPENAPI = {
  openapi: '3.0.3',
  info: { title: 'Flags', version: '1' },
  paths: Object.fromEntries([...resource('invoices', 'Invoice'), ...resource('notes', 'Note'), ...resource('memos', 'Memo')]),
  components: {
    schemas: {
      // The rule's field and value, as x- hints.
      Invoice: { type: 'object', 'x-soft-delete': true, 'x-soft-delete-field': 'state', 'x-soft-delete-value': 9, properties: { id: { type: 'integer', readOnly: true }, total: { type: 'number' }, state: { type: 'integer', default: 1 } } },
      // A flag named as one, its values described.
      Note: { type: 'object', 'x-soft-delete': true, properties: { id: { type: 'integer', readOnly: true }, text: { type: 'string' }, delFlag: { type: 'string', description: 'N = live, Y = deleted' } } },
      // A text field the hint names but with no value known: the added deleted_at marks the rows.
      Memo: { type: 'object', 'x-soft-delete': true, 'x-soft-delete-field': 'state', properties: { id: { type: 'integer', readOnly: true }, state: { type: 'string' } } },
    },
  },
};

describe('an OpenAPI document\'s deletion flags', () => {
  it('marks deleted rows by the field and value its hints name, or by a flag named as one; else by deleted_at', async () => {
    const model = await modelOfDocuments({ 'openapi.json': JSON.stringify(OPENAPI) });
    const invoice = entity(model, 'Invoice');
    expect(invoice.softDeleteField).toBe('state');
    // Live: the field's default.
    expect(deletionFlag(invoice)).toEqual({ live: 1, deleted: 9 });
    expect(invoice.fields.find((f) => f.name === 'state')).toMatchObject({ readOnly: true, required: true, nullable: false, default: 1, stamp: 'deleted' });
    expect(invoice.fields.map((f) => f.name)).not.toContain('deleted_at');
    const note = entity(model, 'Note');
    expect(note.softDeleteField).toBe('del_flag');
    expect(deletionFlag(note)).toEqual({ live: 'N', deleted: 'Y' });
    const memo = entity(model, 'Memo');
    expect(memo.softDeleteField).toBeUndefined();
    expect(deletionFlag(memo)).toBeUndefined();
    expect(memo.fields.find((f) => f.name === 'state')).toMatchObject({ readOnly: false });
    expect(memo.fields.map((f) => f.name)).toContain('deleted_at');
  });
});
