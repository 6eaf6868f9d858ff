import type { SchemaNode } from '../../model/api-document.js';
import type { TypeExpression } from './type-expression.js';

/**
 * The default a row gives (its default column, or `default X` in its notes), when the value fits
 * the row's type (an enum member, a number, a boolean); anything else gives none.
 */
export function defaultOf(type: TypeExpression, written: string | undefined): { default: unknown } | Record<string, never> {
  const text = written?.trim().replace(/^[`"']|[`"']$/g, '');
  if (text === undefined || text === '') return {};
  if (type.kind === 'enum') return type.values.includes(text) ? { default: text } : {};
  if (type.kind !== 'scalar') return {};
  const value = valueFor(type.schema, text);
  return value === undefined ? {} : { default: value };
}

function valueFor(schema: SchemaNode, text: string): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? (schema.format === 'decimal' ? text : Number(text)) : undefined;
    case 'boolean':
      return /^(?:true|yes|是|sí|oui|ja)$/i.test(text) ? true : /^(?:false|no|否|non|nein)$/i.test(text) ? false : undefined;
    case 'string':
      return schema.format === undefined ? text : undefined;
    default:
      return undefined;
  }
}
