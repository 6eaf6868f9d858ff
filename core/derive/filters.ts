import type { Field, FilterComparison, FilterConversion, TypeRef } from '../model/domain-model.js';
import { SEARCH_PARAMETER_NAMES } from '../model/paging-names.js';

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
  ['_start', 'gte'],
  ['_begin', 'gte'],
  ['_to', 'lte'],
  ['_until', 'lte'],
  ['_end', 'lte'],
  ['_after', 'gt'],
  ['_before', 'lt'],
];

export interface FilterMatch {
  field: Field;
  comparison: FilterComparison;
  /** How the parameter's value becomes one the field holds, where the two types differ. */
  conversion?: FilterConversion;
}

/**
 * The field a list's query parameter filters on: a field of the same name compares for
 * equality (a list of values: membership); else a bound on one (`min_price` ≥ price,
 * `created_before` < created_at). Only a field whose values compare as a whole is filtered on:
 * a list or an object field is not, whatever its parameter is named. A parameter typed unlike its
 * field filters through a conversion (`updated_min`, a text over a date-time); one no conversion
 * relates to its field (a number over a boolean) filters nothing.
 */
export function filterOf(wireName: string, snakeName: string, fields: readonly Field[], parameterType: TypeRef, matching?: unknown): FilterMatch | undefined {
  const match = namedField(wireName, snakeName, fields);
  if (!match || !isComparable(match.field.type)) return undefined;
  const many = parameterType.kind === 'array';
  const value = parameterType.kind === 'array' ? parameterType.items : parameterType;
  if (!isComparable(value) || (many && match.comparison !== 'eq')) return undefined;
  const conversion = conversionOf(value, match.field.type);
  if (conversion === null || (many && (conversion === 'date' || conversion === 'day'))) return undefined;
  // `x-match: contains` (`模糊查询`): a text found inside the field's, which only a text field holds.
  if (matching === 'contains' && match.comparison === 'eq' && !many && conversion === undefined && valueClass(match.field.type) === 'text') return { ...match, comparison: 'contains' };
  return { ...match, ...(many ? { comparison: 'in' as const } : {}), ...(conversion ? { conversion } : {}) };
}

/**
 * The field a free-text search parameter (`keyword`, `search`, `q`; `x-match: contains`, as the
 * markdown reader marks them) looks in, where its note names
 * one: by its name, wire name or the label its own note opens with (`keyword` noted "按商品名称模糊"
 * searches the field noted "商品名称"); the first named when the note names several. Its rows
 * hold the value anywhere in that field, in any case.
 */
export function searchedField(snakeName: string, note: string | undefined, fields: readonly Field[], parameterType: TypeRef, matching: unknown): FilterMatch | undefined {
  if (matching !== 'contains' || !SEARCH_PARAMETER_NAMES.test(snakeName) || note === undefined || valueClass(parameterType) !== 'text' || parameterType.kind !== 'string') return undefined;
  const text = note.toLowerCase();
  let found: { field: Field; at: number } | undefined;
  for (const field of fields) {
    if (field.system || field.type.kind !== 'string' || valueClass(field.type) !== 'text') continue;
    const label = field.description?.split(/[，,。;；(（:：—–]|\s-\s/u, 1)[0]?.trim();
    for (const token of [field.name, field.wireName, ...(label !== undefined && label.length >= 2 && !/^[\x00-\x7F]+$/.test(label) ? [label] : [])]) {
      const at = indexOfWord(text, token.toLowerCase());
      if (at >= 0 && (found === undefined || at < found.at)) found = { field, at };
    }
  }
  return found && { field: found.field, comparison: 'contains' };
}

/** Where a word stands in a text: a Latin one as a whole word, another (`商品名称`) anywhere. */
function indexOfWord(text: string, word: string): number {
  if (!/^[\x00-\x7F]+$/.test(word)) return text.indexOf(word);
  const match = new RegExp(`(?<![\\p{L}\\p{N}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`, 'u').exec(text);
  return match ? match.index : -1;
}

type ValueClass = 'text' | 'number' | 'boolean' | 'date' | 'date-time' | 'time' | 'uuid' | 'choice';

/** What a value is compared as: text (a free string), a number of any width, a date... */
function valueClass(type: TypeRef): ValueClass {
  switch (type.kind) {
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
    case 'literal':
      return 'choice';
    case 'string':
      return type.format === 'date' || type.format === 'date-time' || type.format === 'time' || type.format === 'uuid' ? type.format : 'text';
    default:
      return 'text';
  }
}

/**
 * The conversion from a parameter's values to its field's: none where they compare as they are
 * (a choice's values are text), null where nothing relates them.
 */
function conversionOf(parameter: TypeRef, field: TypeRef): FilterConversion | undefined | null {
  const from = valueClass(parameter);
  const to = valueClass(field);
  if (from === to || (from === 'choice' && to === 'text') || (from === 'text' && to === 'choice')) return undefined;
  if (from === 'date-time' && to === 'date') return 'date';
  if (from === 'date' && to === 'date-time') return 'day';
  if (from === 'text' || from === 'choice') return 'parse';
  if (to === 'text' && from !== 'boolean') return 'text';
  return null;
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

/** `price` → price; `created` → created_at, `due` → due_date (the usual spellings of a moment's bound). */
function boundField(stem: string, fields: readonly Field[]): Field | undefined {
  if (stem === '') return undefined;
  return (
    fields.find((f) => f.name === stem) ??
    fields.find((f) => f.name === `${stem}_at`) ??
    MOMENT_SUFFIXES.map((suffix) => fields.find((f) => f.name === `${stem}${suffix}` && MOMENTS.has(valueClass(f.type)))).find((f) => f !== undefined)
  );
}

/** Where a moment's name goes on after the word a bound uses (`due` of `due_date`); `_at` is taken whatever its type. */
const MOMENT_SUFFIXES = ['_date', '_time', '_on'];
const MOMENTS: ReadonlySet<ValueClass> = new Set(['date', 'date-time', 'time']);
