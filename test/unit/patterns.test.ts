import { describe, expect, it } from 'vitest';
import { classRegexEngine, pythonPattern } from '../../stacks/fastapi-sqlalchemy/python/patterns.js';
import { checkedPattern, patternMismatch, patternSample } from '../../stacks/fastapi-sqlalchemy/view/pattern-samples.js';
import { ruledOutValues } from '../../stacks/fastapi-sqlalchemy/view/ruled-out.js';
import type { Field } from '../../core/index.js';

describe("a document's pattern as Pydantic checks it", () => {
  it('keeps what both engines read alike, naming groups as Python does', () => {
    expect(pythonPattern('^[A-Z]{3}-[0-9]{2,}$')).toEqual({ source: '^[A-Z]{3}-[0-9]{2,}$', engines: ['rust-regex', 'python-re'] });
    expect(pythonPattern('^v(?<major>[0-9])$')).toEqual({ source: '^v(?P<major>[0-9])$', engines: ['rust-regex', 'python-re'] });
  });

  it('escapes braces that make no quantifier and drops escapes the other dialects read otherwise', () => {
    expect(pythonPattern('^{[a-z]+}$')?.source).toBe('^\\{[a-z]+\\}$');
    expect(pythonPattern('^a{,3}$')?.source).toBe('^a\\{,3\\}$');
    expect(pythonPattern('^a\\/b\\<c\\>$')?.source).toBe('^a/b<c>$');
    expect(pythonPattern('^[\\w-.[]+$')?.source).toBe('^[\\w\\-.\\[]+$');
    expect(pythonPattern('^[^/:|\\000-\\037]\\cJ\\x{60}$')?.source).toBe('^[^/:|\\x00-\\x1f]\\x0a\\x60$');
  });

  it("tells which engine a pattern needs: Python's for a lookaround, a backreference or long repetitions, Rust's for a Unicode class, none for both or for Ruby's anchors", () => {
    expect(pythonPattern('^\\S{1,8192}$')?.engines).toEqual(['python-re']);
    expect(pythonPattern('^[\\p{Alnum}]+$')).toBeUndefined();
    expect(pythonPattern('^(?!-)[a-z-]+(?<!-)$')?.engines).toEqual(['python-re']);
    expect(pythonPattern('^(?<c>.)\\k<c>$')).toEqual({ source: '^(?P<c>.)(?P=c)$', engines: ['python-re'] });
    expect(pythonPattern('^[\\p{L} ]+$')?.engines).toEqual(['rust-regex']);
    expect(pythonPattern('^(?=\\p{L})')).toBeUndefined();
    expect(pythonPattern('^\\A\\d+\\z$')).toBeUndefined();
  });

  it("checks a class's patterns with Python's engine only where one needs it and none needs Rust's", () => {
    const python = pythonPattern('^(?!-)x$');
    const rust = pythonPattern('^\\p{L}$');
    const both = pythonPattern('^x$');
    expect(classRegexEngine([python, both, undefined])).toBe('python-re');
    expect(classRegexEngine([python, rust])).toBe('rust-regex');
    expect(classRegexEngine([both])).toBe('rust-regex');
  });
});

describe('values of a pattern for the generated tests', () => {
  it('draws distinct matching values per variant, the same ones on every run, within the length bounds', () => {
    const constraints = { pattern: '^arn:aws:braket:[a-z0-9-]*:[0-9]{12}:job/.+$', maxLength: 60 };
    const values = [1, 2, 3].map((variant) => patternSample(constraints.pattern, constraints, 'jobArn', variant)!);
    expect(new Set(values).size).toBe(3);
    for (const value of values) {
      expect(value).toMatch(new RegExp(constraints.pattern));
      expect(value.length).toBeLessThanOrEqual(60);
    }
    expect(patternSample(constraints.pattern, constraints, 'jobArn', 2)).toBe(values[1]);
  });

  it("gives a field whose own draws find nothing the values found for the pattern's check", () => {
    const ipv4 = '^((25[0-5]|(2[0-4]|1[0-9]|[1-9]|)[0-9])(\\.(?!$)|$)){4}';
    expect(checkedPattern({ kind: 'string' }, { pattern: ipv4 })).toBeDefined();
    for (const variant of [1, 2]) expect(patternSample(ipv4, { pattern: ipv4 }, 'field', variant)).toMatch(new RegExp(ipv4));
  });

  it('draws a long repetition short, and a value holding a `/` only when the pattern gives no other', () => {
    const long = '^.{1,2097152}';
    for (const variant of [1, 2, 3]) {
      const value = patternSample(long, { pattern: long, maxLength: 2097152 }, 'strData', variant)!;
      expect(value.length).toBeLessThanOrEqual(65);
      expect(value).not.toContain('/');
    }
    expect(patternSample('^a/b$', {}, 'path', 1)).toBe('a/b');
  });

  it('reads lookarounds and Unicode classes, and gives the values of a small pattern over again', () => {
    expect(patternSample('^(?!-)[a-z0-9-]{3,20}(?<!-)$', {}, 'slug', 1)).toMatch(/^(?!-)[a-z0-9-]{3,20}(?<!-)$/);
    expect(patternSample('^[\\p{L}\\p{N} _-]{1,40}$', {}, 'label', 1)).toMatch(/^[\p{L}\p{N} _-]{1,40}$/u);
    const small = [1, 2, 3].map((variant) => patternSample('^(yes|no)$', {}, 'flag', variant));
    expect(new Set(small)).toEqual(new Set(['yes', 'no']));
  });

  it('leaves unchecked a pattern no value matches, and one only on a plain string', () => {
    expect(checkedPattern({ kind: 'string' }, { pattern: '^[a-z]*$\\{2,64\\}$' })).toBeUndefined();
    expect(checkedPattern({ kind: 'string', format: 'date' }, { pattern: '^\\d{4}-\\d{2}-\\d{2}$' })).toBeUndefined();
    expect(checkedPattern({ kind: 'string' }, { pattern: '^[a-z]+$' })).toEqual({ source: '^[a-z]+$', engines: ['rust-regex', 'python-re'] });
  });

  it('finds a text of an allowed length the pattern is not found in', () => {
    expect(patternMismatch('^[A-Z]{3}$', { minLength: 3 })).toBe('!!!');
    expect(patternMismatch('.*', {})).toBeUndefined();
  });
});

describe('values the document rules out, for the test that the app refuses them', () => {
  const field = (wireName: string, type: Field['type'], constraints: Field['constraints']): Field =>
    ({ name: wireName, wireName, type, constraints, required: false, nullable: false, readOnly: false, writeOnly: false }) as Field;

  it('gives a mismatching text, a number off its step within its bounds, a list repeating an item', () => {
    const fields = [
      field('code', { kind: 'string' }, { pattern: '^[A-Z]{3}$' }),
      field('slug', { kind: 'string' }, { pattern: '^(?!-)[a-z]+$' }),
      field('step', { kind: 'integer' }, { multipleOf: 5 }),
      field('ratio', { kind: 'number' }, { multipleOf: 0.25, maximum: 1.1 }),
      field('tags', { kind: 'array', items: { kind: 'string' } }, { uniqueItems: true }),
    ];
    const payload = { code: 'ABC', slug: 'abc', step: 5, ratio: 1, tags: ['a'] };
    // `slug` needs Python's engine, which a class checking with Rust's does not use; 1.125 is past 1.1.
    expect(ruledOutValues(fields, payload, 'rust-regex')).toEqual([['code', '!'], ['step', 6], ['tags', ['a', 'a']]]);
    expect(ruledOutValues(fields, payload, 'python-re').map(([name]) => name)).toEqual(['code', 'slug', 'step', 'tags']);
    expect(ruledOutValues([field('ratio', { kind: 'number' }, { multipleOf: 0.25 })], { ratio: 1 }, 'rust-regex')).toEqual([['ratio', 1.125]]);
  });
});
