import { describe, expect, it } from 'vitest';
import { filterOf } from '../../core/derive/filters.js';
import type { Field, TypeRef } from '../../core/model/domain-model.js';

function field(name: string, type: TypeRef = { kind: 'string' }): Field {
  return { name, wireName: name, type, required: false, nullable: false, readOnly: false, writeOnly: false, constraints: {}, source: { file: 'api.yaml', pointer: `/${name}` } } as Field;
}

const fields = [...['price', 'created_at', 'max_retries', 'status'].map((name) => field(name)), field('tag_keys', { kind: 'array', items: { kind: 'string' } }), field('address', { kind: 'object', name: 'Address' })];

const text: TypeRef = { kind: 'string' };
const texts: TypeRef = { kind: 'array', items: text };

function match(wireName: string, snakeName = wireName, parameterType: TypeRef = text): [string, string] | undefined {
  const found = filterOf(wireName, snakeName, fields, parameterType);
  return found ? [found.field.name, found.comparison] : undefined;
}

describe('list filters', () => {
  it('compares a parameter named as a field for equality, before reading it as a bound', () => {
    expect(match('status')).toEqual(['status', 'eq']);
    expect(match('max_retries')).toEqual(['max_retries', 'eq']);
    expect(match('createdAt', 'created_at')).toEqual(['created_at', 'eq']);
  });

  it('reads bounds from prefixes and suffixes, and `created` as created_at', () => {
    expect(match('min_price')).toEqual(['price', 'gte']);
    expect(match('max_price')).toEqual(['price', 'lte']);
    expect(match('price_gt')).toEqual(['price', 'gt']);
    expect(match('priceLte', 'price_lte')).toEqual(['price', 'lte']);
    expect(match('created_after')).toEqual(['created_at', 'gt']);
    expect(match('created_before')).toEqual(['created_at', 'lt']);
    expect(match('created_at_from')).toEqual(['created_at', 'gte']);
    expect(match('created_until')).toEqual(['created_at', 'lte']);
  });

  it('leaves a parameter that bounds no field alone', () => {
    expect(match('min_weight')).toBeUndefined();
    expect(match('max_')).toBeUndefined();
    expect(match('query')).toBeUndefined();
  });

  it('reads a list of values for a field as membership, and never bounds with a list', () => {
    expect(match('status', 'status', texts)).toEqual(['status', 'in']);
    expect(match('min_price', 'min_price', texts)).toBeUndefined();
  });

  it('filters on no list or object field, whatever the parameter', () => {
    expect(match('TagKeys', 'tag_keys', texts)).toBeUndefined();
    expect(match('tag_keys')).toBeUndefined();
    expect(match('address')).toBeUndefined();
    expect(match('status', 'status', { kind: 'object', name: 'Status' })).toBeUndefined();
  });
});
