import { describe, expect, it } from 'vitest';
import { ViewDigests } from '../../core/engine/view-digest.js';

const digest = (view: unknown) => new ViewDigests().of(view);

describe('the digest of a view', () => {
  it('is the same for views that read the same, built apart', () => {
    const build = () => ({ e: { name: 'Order', fields: [{ attr: 'id', nullable: false }, { attr: 'note', nullable: true, size: 2 ** 40 }], tags: new Set(['a']), by: new Map([['k', 1n]]) }, when: new Date(0), nothing: null, unset: undefined });
    expect(digest(build())).toBe(digest(build()));
    expect(digest(build())).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with any value a template can read, however deep, and with the order of keys', () => {
    const base = { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] }, flag: true };
    const variants: unknown[] = [
      { e: { name: 'Orders', fields: [{ attr: 'id', nullable: false }] }, flag: true },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: true }] }, flag: true },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }, { attr: 'id', nullable: false }] }, flag: true },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] }, flag: 'true' },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] }, flag: 1 },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] } },
      { flag: true, e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] } },
      { e: { name: 'Order', fields: [{ attr: 'id', nullable: false }] }, flag: true, extra: undefined },
    ];
    const digests = new Set([digest(base), ...variants.map(digest)]);
    expect(digests.size).toBe(variants.length + 1);
  });

  it('tells texts apart however they could be cut', () => {
    expect(digest(['ab', 'c'])).not.toBe(digest(['a', 'bc']));
    expect(digest({ a: 's1:b' })).not.toBe(digest({ a: 'b', s1: '' }));
    expect(digest([0])).not.toBe(digest([-0]));
    expect(digest(new Map([['a', 'b']]))).not.toBe(digest(['a', 'b']));
  });

  it('has none for a view holding a function, a class instance or a cycle', () => {
    class Imports {
      readonly names = ['x'];
    }
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(digest({ render: () => 'x' })).toBeUndefined();
    expect(digest({ imports: new Imports() })).toBeUndefined();
    expect(digest({ deep: [{ pattern: /a/ }] })).toBeUndefined();
    expect(digest(cyclic)).toBeUndefined();
  });

  it('reads an object shared by many views once, and each view the same as alone', () => {
    const entity = { name: 'Order', fields: Array.from({ length: 200 }, (_, i) => ({ attr: `f${i}`, type: 'str' })) };
    const shared = new ViewDigests();
    const views = [{ e: entity, file: 'model' }, { e: entity, file: 'schema' }, { all: [entity, entity] }];
    expect(views.map((view) => shared.of(view))).toEqual(views.map(digest));
    // Shared twice in one view is not a cycle.
    expect(digest({ a: entity, b: entity })).toBeDefined();
  });
});
