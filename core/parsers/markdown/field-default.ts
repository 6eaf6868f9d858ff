import type { SchemaNode } from '../../model/api-document.js';
import type { TypeExpression } from './type-expression.js';

/**
 * The default a row gives (its default column, or `default X` in its notes), when the value fits
 * the row's type (an enum member, a number, a boolean); anything else gives none.
 */
export function defaultOf(type: TypeExpression, written: string | undefined): { default: unknown } | Record<string, never> {
  // A default ending its sentence (`defaults to normal.`) keeps no full stop.
  const text = written?.trim().replace(/^[`"']|[`"']$/g, '').replace(/(?<=[\p{L}\p{N}])[.。]$/u, '');
  if (text === undefined || text === '') return {};
  if (type.kind === 'enum') return type.values.includes(text) ? { default: text } : {};
  if (type.kind !== 'scalar') return {};
  const value = valueFor(type.schema, text);
  return value === undefined ? {} : { default: value };
}

/** A boolean's default in the words of the languages documents are written in (`par défaut : vrai`, `Por defecto verdadero`). */
const TRUE_WORDS = /^(?:true|yes|on|是|真|对|sí|si|verdadero|oui|vrai|ja|wahr|vero|sim|verdadeiro|はい|참|예|có|đúng|да|истина)$/iu;
const FALSE_WORDS = /^(?:false|no|off|否|假|错|falso|non|faux|nein|falsch|não|nao|いいえ|偽|거짓|아니오|không|sai|нет|ложь)$/iu;

function valueFor(schema: SchemaNode, text: string): unknown {
  switch (schema.type) {
    case 'integer':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? (schema.format === 'decimal' ? text : Number(text)) : undefined;
    case 'boolean':
      return TRUE_WORDS.test(text) ? true : FALSE_WORDS.test(text) ? false : undefined;
    case 'string':
      return schema.format === undefined ? text : undefined;
    default:
      return undefined;
  }
}
