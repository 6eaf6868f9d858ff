import type { Field, FilterComparison, TypeRef } from '../model/domain-model.js';

/** Name parts that make a query parameter a bound on a field: `min_price`, `created_after`. */
const PREFIXES: ReadonlyArray<[string, FilterComparison]> = [
  ['min_', 'gte'],
  ['max_', 'lte'],
];
const SUFFIXES: ReadonlyArray<[string, FilterComparison]> = [
  ['_min', 'gte'],
  ['_max', 'lte'],
  ['_gte', 'gte'],
  ['_lte', 'lte'],
  ['_gt', 'gt'],
  ['_lt', 'lt'],
  ['_from', 'gte'],
  ['_since', 'gte'],
  ['_until', 'lte'],
  ['_after', 'gt'],
  ['_before', 'lt'],
];

export interface FilterMatch {
  field: Field;
  comparison: FilterComparison;
}

/**
 * The field a list's query parameter filters on: a field of the same name compares for
 * equality (a list of values: membership); else a bound on one (`min_price` ≥ price,
 * `created_before` < created_at). Only a field whose values compare as a whole is filtered on:
 * a list or an object field is not, whatever its parameter is named.
 */
export function filterOf(wireName: string, snakeName: string, fields: readonly Field[], parameterType: TypeRef): FilterMatch | undefined {
  const match = namedField(wireName, snakeName, fields);
  if (!match || !isComparable(match.field.type)) return undefined;
  if (parameterType.kind !== 'array') return isComparable(parameterType) ? match : undefined;
  return match.comparison === 'eq' && isComparable(parameterType.items) ? { field: match.field, comparison: 'in' } : undefined;
}

/** Whether values of this type compare as a whole (equality, order, membership) in any database. */
export function isComparable(type: TypeRef): boolean {
  return !['object', 'array', 'map', 'union', 'json', 'binary'].includes(type.kind);
}

function namedField(wireName: string, snakeName: string, fields: readonly Field[]): FilterMatch | undefined {
  const same = fields.find((f) => f.wireName === wireName || f.name === snakeName);
  if (same) return { field: same, comparison: 'eq' };
  for (const [prefix, comparison] of PREFIXES) {
    if (snakeName.startsWith(prefix)) {
      const field = boundField(snakeName.slice(prefix.length), fields);
      if (field) return { field, comparison };
    }
  }
  for (const [suffix, comparison] of SUFFIXES) {
    if (snakeName.endsWith(suffix)) {
      const field = boundField(snakeName.slice(0, -suffix.length), fields);
      if (field) return { field, comparison };
    }
  }
  return undefined;
}

/** `price` → price; `created` → created_at (the usual spelling of a timestamp bound). */
function boundField(stem: string, fields: readonly Field[]): Field | undefined {
  if (stem === '') return undefined;
  return fields.find((f) => f.name === stem) ?? fields.find((f) => f.name === `${stem}_at`);
}
