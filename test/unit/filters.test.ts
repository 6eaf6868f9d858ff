import { describe, expect, it } from 'vitest';
import { filterOf, searchedField } from '../../core/derive/filters.js';
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
  it('takes `x-match: contains` on a text field as a search inside its text, and only there', () => {
    const contains = (name: string, parameterType: TypeRef = text) => filterOf(name, name, [...fields, field('day', { kind: 'string', format: 'date' }), field('count', { kind: 'integer' })], parameterType, 'contains')?.comparison;
    expect(contains('status')).toBe('contains');
    // A list of values, a bound, a date or a number are compared as they were.
    expect(contains('status', texts)).toBe('in');
    expect(contains('min_price')).toBe('gte');
    expect(contains('day', { kind: 'string', format: 'date' })).toBe('eq');
    expect(contains('count', { kind: 'integer' })).toBe('eq');
  });

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

  it('reads a range\'s ends (`due_from`/`due_to`, `hireDateStart`/`hireDateEnd`) on the moment they name', () => {
    const moments = [field('due_date', { kind: 'string', format: 'date' }), field('hire_date', { kind: 'string', format: 'date' }), field('sent_on', { kind: 'string' })];
    const bound = (name: string) => {
      const found = filterOf(name, name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), moments, { kind: 'string', format: 'date' });
      return found ? [found.field.name, found.comparison] : undefined;
    };
    expect(bound('due_from')).toEqual(['due_date', 'gte']);
    expect(bound('hireDateStart')).toEqual(['hire_date', 'gte']);
    expect(bound('hireDateEnd')).toEqual(['hire_date', 'lte']);
    // `sent_on` holds no moment: a text is no range's end.
    expect(bound('sent_to')).toBeUndefined();
    const onlyDate = [field('due_date', { kind: 'string', format: 'date' })];
    expect(filterOf('due_to', 'due_to', onlyDate, { kind: 'string', format: 'date' })?.comparison).toBe('lte');
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

  describe('a parameter typed unlike its field', () => {
    const typed = [
      field('count', { kind: 'integer', format: 'int64' }),
      field('ratio', { kind: 'number' }),
      field('active', { kind: 'boolean' }),
      field('born_on', { kind: 'string', format: 'date' }),
      field('updated_at', { kind: 'string', format: 'date-time' }),
      field('owner', { kind: 'string', format: 'uuid' }),
      field('code'),
      field('state', { kind: 'enum', name: 'State' }),
    ];
    const conversion = (snakeName: string, type: TypeRef) => {
      const found = filterOf(snakeName, snakeName, typed, type);
      return found ? (found.conversion ?? 'none') : 'not a filter';
    };
    const date: TypeRef = { kind: 'string', format: 'date' };
    const dateTime: TypeRef = { kind: 'string', format: 'date-time' };
    const integer: TypeRef = { kind: 'integer' };

    it('compares as it is where only widths or a choice differ', () => {
      expect(conversion('count', integer)).toBe('none');
      expect(conversion('ratio', integer)).toBe('none');
      expect(conversion('state', text)).toBe('none');
      expect(conversion('code', { kind: 'literal', values: ['a', 'b'] })).toBe('none');
    });

    it('reads a text as the field holds it: a number, a boolean, a date, a date-time, a UUID', () => {
      for (const name of ['count', 'ratio', 'active', 'born_on', 'updated_at', 'owner']) expect(conversion(name, text)).toBe('parse');
      expect(conversion('updated_min', text)).toBe('parse');
      expect(conversion('active', { kind: 'literal', values: ['true', 'false'] })).toBe('parse');
      const listed = filterOf('count', 'count', typed, texts);
      expect([listed?.comparison, listed?.conversion]).toEqual(['in', 'parse']);
    });

    it("compares a date-time with a date by its day, and a date with a date-time over the day's span", () => {
      expect(conversion('born_on', dateTime)).toBe('date');
      expect(conversion('updated_at', date)).toBe('day');
      expect(conversion('updated_before', date)).toBe('day');
      expect(filterOf('updated_at', 'updated_at', typed, { kind: 'array', items: date })).toBeUndefined();
    });

    it("compares a number or a date with a text field as its text, and filters nothing it cannot relate", () => {
      expect(conversion('code', integer)).toBe('text');
      expect(conversion('code', date)).toBe('text');
      expect(conversion('code', { kind: 'boolean' })).toBe('not a filter');
      expect(conversion('active', integer)).toBe('not a filter');
      expect(conversion('count', date)).toBe('not a filter');
      expect(conversion('state', integer)).toBe('not a filter');
    });
  });
});

describe('a free-text search parameter', () => {
  const described = (name: string, description: string, type: TypeRef = { kind: 'string' }): Field => ({ ...field(name, type), wireName: name.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()), description });
  const product = [described('product_code', '商品编码，唯一'), described('name', '商品名称'), described('price', '售价', { kind: 'number', format: 'decimal' }), described('email', 'contact')];
  const searched = (name: string, note?: string) => searchedField(name, note, product, { kind: 'string' }, 'contains')?.field.name;

  it('searches the field its note names, by name, wire name or the label its note opens with', () => {
    expect(searched('keyword', '按商品名称模糊')).toBe('name');
    expect(searched('search', 'filter by email or name')).toBe('email');
    expect(searched('q', 'matches productCode')).toBe('product_code');
    expect(searchedField('keyword', '按商品名称模糊', product, { kind: 'string' }, 'contains')?.comparison).toBe('contains');
    // A document's own query language (Google's `query`) is no search the reader marked.
    expect(searchedField('query', 'matches name', product, { kind: 'string' }, undefined)).toBeUndefined();
  });

  it('searches nothing a note does not name, nor under another name, nor a number', () => {
    expect(searched('keyword', 'free text')).toBeUndefined();
    expect(searched('keyword')).toBeUndefined();
    expect(searched('category', '按商品名称')).toBeUndefined();
    expect(searched('q', '售价')).toBeUndefined();
    // `rename` holds `name` but is no word of it.
    expect(searched('q', 'rename it')).toBeUndefined();
  });
});
