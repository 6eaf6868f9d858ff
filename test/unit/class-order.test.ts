import { describe, expect, it } from 'vitest';
import type { Field, ObjectType, TypeRef } from '../../core/index.js';
import { classOrder } from '../../stacks/fastapi-sqlalchemy/view/class-order.js';

const field = (name: string, type: TypeRef): Field => ({ name, wireName: name, type, required: false, constraints: {} }) as unknown as Field;
const object = (name: string): TypeRef => ({ kind: 'object', name });
const type = (name: string, ...fields: Field[]): ObjectType => ({ name, fields, open: false, source: { file: 'api.yaml' } }) as unknown as ObjectType;
const names = (types: readonly ObjectType[]) => types.map((t) => t.name);

describe('the order of the classes of one module', () => {
  it('declares what a class names before it, keeping the given order otherwise, and rebuilds nothing without a cycle', () => {
    const order = classOrder([
      type('Address'),
      type('Invoice', field('lines', { kind: 'array', items: object('Line') }), field('meta', { kind: 'map', values: object('Meta') })),
      type('Line', field('amount', { kind: 'union', variants: [object('Money'), { kind: 'string' }] })),
      type('Meta'),
      type('Money'),
    ]);
    expect(names(order.types)).toEqual(['Address', 'Money', 'Line', 'Meta', 'Invoice']);
    expect(order.rebuilt).toEqual([]);
  });

  it('rebuilds the classes naming one declared after them or one still incomplete before them; a class naming itself is complete', () => {
    const order = classOrder([
      type('Group', field('owner', object('User')), field('parent', object('Group'))),
      type('Tenant', field('groups', { kind: 'array', items: object('Group') })),
      type('User', field('groups', { kind: 'array', items: object('Group') }), field('manager', object('User'))),
    ]);
    expect(names(order.types)).toEqual(['User', 'Group', 'Tenant']);
    expect(names(order.rebuilt)).toEqual(['User', 'Group', 'Tenant']);
    // bigquery's: a field names its data type, which names a struct, which lists fields.
    const sql = classOrder([
      type('Field', field('type', object('DataType'))),
      type('Struct', field('fields', { kind: 'array', items: object('Field') })),
      type('DataType', field('struct', object('Struct'))),
      type('Plain'),
    ]);
    expect(names(sql.types)).toEqual(['Struct', 'DataType', 'Field', 'Plain']);
    expect(names(sql.rebuilt)).toEqual(['Struct', 'DataType', 'Field']);
  });

  it('orders a chain thousands deep without exhausting the stack', () => {
    const length = 20_000;
    const chain = Array.from({ length }, (_, i) => type(`T${String(i).padStart(5, '0')}`, ...(i + 1 < length ? [field('next', object(`T${String(i + 1).padStart(5, '0')}`))] : [])));
    const order = classOrder(chain);
    expect(order.types[0]!.name).toBe('T19999');
    expect(order.types.at(-1)!.name).toBe('T00000');
    expect(order.rebuilt).toEqual([]);
  });
});
