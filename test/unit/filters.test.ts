import { describe, expect, it } from 'vitest';
import { filterOf } from '../../core/derive/filters.js';
import type { Field } from '../../core/model/domain-model.js';

function field(name: string): Field {
  return { name, wireName: name, type: { kind: 'string' }, required: false, nullable: false, readOnly: false, writeOnly: false, constraints: {}, source: { file: 'api.yaml', pointer: `/${name}` } } as Field;
}

const fields = ['price', 'created_at', 'max_retries', 'status'].map(field);

function match(wireName: string, snakeName = wireName): [string, string] | undefined {
  const found = filterOf(wireName, snakeName, fields);
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
});
