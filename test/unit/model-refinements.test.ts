/** Refinements of the model by plugins' `deriveModel` taps are checked again, and `addField` keeps what is derived from an entity consistent. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addField, type DomainModel, type Field, type InfraStackPlugin } from '../../lib/index.js';
import { deriveModelWith, runPlugins } from '../../lib/testing.js';

const shop = path.resolve('examples/shop/openapi.yaml');

function refining(name: string, refine: (model: DomainModel) => DomainModel | void): InfraStackPlugin {
  return { name, apply: ({ hooks }) => void hooks.deriveModel.tap(name, (model) => refine(model) ?? model) };
}

function plainField(name: string): Field {
  return { name, wireName: name, type: { kind: 'string' }, required: false, nullable: true, readOnly: false, writeOnly: false, constraints: {}, source: { file: 'plugin', pointer: '' } };
}

const onEntity = (model: DomainModel, entityName: string, change: (fields: Field[]) => Field[]): DomainModel => ({
  ...model,
  entities: model.entities.map((e) => (e.name === entityName ? { ...e, fields: change(e.fields) } : e)),
});

describe('a refined model is checked again', () => {
  it('rejects a field added twice, naming the plugin', async () => {
    const plugin = refining('infra-stack-plugin-dup', (model) => onEntity(model, 'Order', (fields) => [...fields, plainField('note')]));
    await expect(deriveModelWith([plugin], { api: shop })).rejects.toThrow(
      'plugin "infra-stack-plugin-dup" left the domain model inconsistent in hook "deriveModel": Order has two fields named note',
    );
  });

  it('rejects names that collide once normalized', async () => {
    const plugin = refining('infra-stack-plugin-camel', (model) => onEntity(model, 'Order', (fields) => [...fields, { ...plainField('userId'), wireName: 'userIdentifier' }]));
    await expect(deriveModelWith([plugin], { api: shop })).rejects.toThrow("Order's fields user_id and userId collide once normalized (user_id)");
  });

  it('rejects a relation to an entity the model does not have', async () => {
    const plugin = refining('infra-stack-plugin-rel', (model) => ({ ...model, relations: [...model.relations, { ...model.relations[0]!, name: 'order_ghost', to: 'Ghost' }] }));
    await expect(deriveModelWith([plugin], { api: shop })).rejects.toThrow('plugin "infra-stack-plugin-rel" left the domain model inconsistent in hook "deriveModel": relation order_ghost goes to Ghost, which is no entity');
  });

  it('rejects a dangling type reference, and a tap that changed the model in place', async () => {
    const plugin = refining('infra-stack-plugin-mutating', (model) => {
      model.entities.find((e) => e.name === 'User')!.fields.push({ ...plainField('profile'), type: { kind: 'object', name: 'Profile' } });
    });
    await expect(deriveModelWith([plugin], { api: shop })).rejects.toThrow(
      'plugin "infra-stack-plugin-mutating" left the domain model inconsistent in hook "deriveModel": User.profile is of object type Profile, which the model does not have',
    );
  });

  it('rejects a key to a missing entity and an operation on a missing field, every problem in one message', async () => {
    const plugin = refining('infra-stack-plugin-keys', (model) => {
      const renamed = onEntity(model, 'Order', (fields) => fields.map((f) => (f.name === 'note' ? { ...f, name: 'comment', wireName: 'comment' } : f)));
      return { ...renamed, entities: renamed.entities.map((e) => (e.name === 'Order' ? { ...e, foreignKeys: [...e.foreignKeys, { ...e.foreignKeys[0]!, target: 'Customer' }] } : e)) };
    });
    const error = await deriveModelWith([plugin], { api: shop }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/^plugin "infra-stack-plugin-keys" left the domain model inconsistent in hook "deriveModel": Order\.user_id refers to Customer, which is no entity \(and 1 more: operation place_order takes Order\.note, which is no field\)$/);
  });

  it("rejects a field added to an owned child but not to the object type its rows travel through, pointing to addField", async () => {
    const plugin = refining('infra-stack-plugin-push', (model) => onEntity(model, 'OrderItem', (fields) => [...fields, plainField('remark')]));
    await expect(deriveModelWith([plugin], { api: shop })).rejects.toThrow(
      'plugin "infra-stack-plugin-push" left the domain model inconsistent in hook "deriveModel": OrderItem.remark is missing from object type OrderItem, through which OrderItem rows travel inside Order (add fields with addField, or mark a server-set one system)',
    );
    const system = refining('infra-stack-plugin-system', (model) => onEntity(model, 'OrderItem', (fields) => [...fields, { ...plainField('tenant_id'), system: true }]));
    expect((await deriveModelWith([system], { api: shop })).entities.find((e) => e.name === 'OrderItem')!.fields.at(-1)!.name).toBe('tenant_id');
  });

  it('writes nothing when a refinement is rejected', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'refined-model-'));
    try {
      const plugin = refining('infra-stack-plugin-dup', (model) => onEntity(model, 'User', (fields) => [...fields, plainField('email')]));
      await expect(runPlugins([plugin], { api: shop, outDir })).rejects.toThrow('User has two fields named email');
      expect(await readdir(outDir)).toEqual([]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });

  it('leaves the model of a plugin that changes nothing as it was', async () => {
    const first = refining('infra-stack-plugin-first', (model) => model);
    const model = await deriveModelWith([first], { api: shop });
    expect(model).toEqual(await deriveModelWith([], { api: shop }));
  });
});

describe('addField', () => {
  const remark = { name: 'remark', type: { kind: 'string' as const }, constraints: { maxLength: 200 } };
  const everyEntity = refining('infra-stack-plugin-remark', (model) => model.entities.reduce((refined, e) => addField(refined, e.name, remark), model));

  it('adds the field to every entity, to its wire object type (an owned child included) and to the bodies that carry the whole entity', async () => {
    const plain = await deriveModelWith([], { api: shop });
    const model = await deriveModelWith([everyEntity], { api: shop });
    for (const entity of model.entities) expect(entity.fields.at(-1), entity.name).toMatchObject({ name: 'remark', wireName: 'remark', required: false, nullable: true, constraints: { maxLength: 200 } });
    expect(model.objectTypes.find((o) => o.name === 'OrderItem')!.fields.map((f) => f.name)).toEqual(['product_id', 'quantity', 'unit_price', 'remark']);
    expect(model.objectTypes.find((o) => o.name === 'OrderShippingAddress')!.fields.map((f) => f.name)).toEqual(['street', 'city', 'postal_code']);
    const input = (name: string, m: DomainModel) => m.operations.find((op) => op.name === name)!.input!;
    expect(input('place_order', model)).toEqual({ fields: [...input('place_order', plain).fields, 'remark'], required: input('place_order', plain).required });
    // A body carrying a part of the entity is left alone.
    expect(input('change_order_status', model)).toEqual(input('change_order_status', plain));
  });

  it('keeps a system field off the wire and a required field required on creates only', async () => {
    const plugin = refining('infra-stack-plugin-tenant', (model) => {
      const tenant = addField(model, 'Order', { name: 'tenant_id', type: { kind: 'integer' }, required: true, readOnly: true, system: true });
      return addField(tenant, 'Product', { name: 'origin', type: { kind: 'string' }, required: true, default: 'shop' });
    });
    const model = await deriveModelWith([plugin], { api: shop });
    expect(model.objectTypes.find((o) => o.name === 'Order')!.fields.some((f) => f.name === 'tenant_id')).toBe(false);
    expect(model.operations.find((op) => op.name === 'place_order')!.input!.fields).not.toContain('tenant_id');
    expect(model.operations.find((op) => op.name === 'create_product')!.input!.required).toContain('origin');
    expect(model.operations.find((op) => op.name === 'update_product')!.input).toMatchObject({ required: [] });
    expect(model.operations.find((op) => op.name === 'update_product')!.input!.fields).toContain('origin');
  });

  it("spells the wire name as the entity's other fields of several words are spelled on the wire", async () => {
    const plugin = refining('infra-stack-plugin-audit', (model) => addField(addField(model, 'Order', { name: 'created_by', type: { kind: 'string' } }), 'Order', { name: 'audit_code', wireName: 'AUDIT', type: { kind: 'string' } }));
    const model = await deriveModelWith([plugin], { api: shop });
    const order = model.entities.find((e) => e.name === 'Order')!;
    // The shop sends `userId`, `shippingAddress`: camelCase.
    expect(order.fields.find((f) => f.name === 'user_id')!.wireName).toBe('userId');
    expect(order.fields.find((f) => f.name === 'created_by')!.wireName).toBe('createdBy');
    expect(order.fields.find((f) => f.name === 'audit_code')!.wireName).toBe('AUDIT');
    const snake = refining('infra-stack-plugin-audit', (m) => addField({ ...m, entities: m.entities.map((e) => ({ ...e, fields: e.fields.map((f) => ({ ...f, wireName: f.name })) })) }, 'Order', { name: 'created_by', type: { kind: 'string' } }));
    const asIs = await deriveModelWith([snake], { api: shop });
    expect(asIs.entities.find((e) => e.name === 'Order')!.fields.find((f) => f.name === 'created_by')!.wireName).toBe('created_by');
  });

  it('names the plugin when the entity is missing or already has the field', async () => {
    await expect(deriveModelWith([refining('infra-stack-plugin-x', (model) => addField(model, 'Ghost', remark))], { api: shop })).rejects.toThrow(
      'plugin "infra-stack-plugin-x" failed in hook "deriveModel": addField: the model has no entity Ghost',
    );
    await expect(deriveModelWith([refining('infra-stack-plugin-x', (model) => addField(model, 'Order', { ...remark, name: 'note' }))], { api: shop })).rejects.toThrow(
      'addField: Order already has a field named note',
    );
  });
});
