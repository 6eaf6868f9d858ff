import type { TypeRef } from './domain-model.js';

/** The enums and object types a type names, through arrays, maps and unions. */
export function namedTypes(type: TypeRef): Extract<TypeRef, { kind: 'enum' | 'object' }>[] {
  switch (type.kind) {
    case 'enum':
    case 'object':
      return [type];
    case 'array':
      return namedTypes(type.items);
    case 'map':
      return namedTypes(type.values);
    case 'union':
      return type.variants.flatMap(namedTypes);
    default:
      return [];
  }
}
