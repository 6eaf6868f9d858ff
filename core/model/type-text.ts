import type { TypeRef } from './domain-model.js';

/** A type as one short word for a table cell: `integer(int64)`, `OrderItem[]`, `enum OrderStatus`. */
export function typeText(type: TypeRef): string {
  switch (type.kind) {
    case 'integer':
    case 'number':
    case 'string':
      return type.format ? `${type.kind}(${type.format})` : type.kind;
    case 'enum':
      return `enum ${type.name}`;
    case 'literal':
      return type.values.map((value) => JSON.stringify(value)).join(' | ');
    case 'object':
      return type.name;
    case 'array':
      return type.items.kind === 'literal' || type.items.kind === 'enum' ? `(${typeText(type.items)})[]` : `${typeText(type.items)}[]`;
    case 'map':
      return `map of ${typeText(type.values)}`;
    case 'union':
      return `oneOf(${type.variants.map(typeText).join(' | ')})${type.discriminator ? ` by ${type.discriminator}` : ''}`;
    case 'json':
    case 'boolean':
    case 'binary':
      return type.kind;
  }
}
