import type { SchemaNode } from '../model/api-document.js';

/** Digits a JavaScript number holds exactly: a decimal's bounds are written only within them. */
const EXACT_DIGITS = 15;

/**
 * SQL's `numeric(10,2)` (SQLAlchemy's `Numeric(10, 2)`): a decimal stepping by hundredths, bounded
 * by its ten digits (±99999999.99), as JSON Schema says it; the column is sized back from them.
 * Digits that make no decimal (`numeric(2,5)`) give a plain one.
 */
export function decimalSchema(precision: number, scale: number): SchemaNode {
  const decimal: SchemaNode = { type: 'number', format: 'decimal' };
  if (!Number.isInteger(precision) || !Number.isInteger(scale) || precision < 1 || scale < 0 || scale > precision) return decimal;
  const step = scale === 0 ? 1 : Number(`1e-${scale}`);
  if (precision > EXACT_DIGITS) return { ...decimal, multipleOf: step };
  const limit = Number((10 ** (precision - scale) - step).toFixed(scale));
  return { ...decimal, multipleOf: step, minimum: -limit, maximum: limit };
}
