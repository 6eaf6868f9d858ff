import type { SchemaNode } from '../../model/api-document.js';
import type { TypeExpression } from './type-expression.js';

/** "default pending", "Default: 20", "defaults to `true`": the description's first words name the value. */
const DEFAULT_WORDS = /^defaults?\s*(?:to|is|=|:)?\s*`?([^`,;.\s]+)`?/i;

/**
 * The default a row's description gives, when it opens with one and the value fits the row's
 * type (an enum member, a number, a boolean); anything else is prose and gives none.
 */
export function defaultOf(type: TypeExpression, description: string | undefined): { default: unknown } | Record<string, never> {
  const text = description === undefined ? undefined : DEFAULT_WORDS.exec(description.trim())?.[1];
  if (text === undefined) return {};
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
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'string':
      return schema.format === undefined ? text : undefined;
    default:
      return undefined;
  }
}
