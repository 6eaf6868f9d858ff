import { describe, expect, it } from 'vitest';
import { inlineForeignRefs } from '../../core/parsers/openapi/inline-refs.js';

describe('inlining references that name no component schema', () => {
  it('inlines each target once and keeps named schema references', () => {
    const doc = inlineForeignRefs({
      components: { parameters: { Limit: { name: 'limit', in: 'query' } }, schemas: { Pet: { type: 'object' } } },
      paths: { '/pets': { get: { parameters: [{ $ref: '#/components/parameters/Limit' }], responses: { 200: { schema: { $ref: '#/components/schemas/Pet' } } } } } },
    });
    expect(doc.paths['/pets'].get.parameters[0]).toBe(doc.components.parameters.Limit);
    expect(doc.paths['/pets'].get.responses[200].schema).toEqual({ $ref: '#/components/schemas/Pet' });
  });

  it('turns a reference to an enclosing node into {} instead of a cycle', () => {
    const doc = inlineForeignRefs({
      components: { schemas: { Tree: { properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree/properties/children' } } } } } },
    });
    expect(() => JSON.stringify(doc)).not.toThrow();
    expect(doc.components.schemas.Tree.properties.children.items).toEqual({});
  });
});
