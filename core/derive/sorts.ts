import type { ApiParameter, SchemaNode } from '../model/api-document.js';
import type { Entity, EnumType, Field, Operation, SortValue, TypeRef } from '../model/domain-model.js';
import { toSnake } from '../naming.js';

const SORTABLE_KINDS = new Set(['integer', 'number', 'string', 'boolean', 'enum', 'literal']);
/** How documents name a field's moment or tally after a verb or noun: `created` sorts by `created_at`. */
const FIELD_SUFFIXES = ['_at', '_on', '_date', '_time', '_count'];
const DIRECTION_NAMES = new Set(['direction', 'order', 'sort_order', 'sort_direction', 'order_direction', 'sort_dir', 'dir']);
const DIRECTION_VALUES = new Set(['asc', 'desc', 'ascending', 'descending']);

/**
 * A sort parameter the repository can read: text naming fields (`-created`, `name:asc,id:desc`),
 * or a list of such terms. A flag (`sort=true`) or an object (`sort_by[expires_at]=desc`) says
 * something else, which the handler the user writes reads.
 */
export function namesSortTerms(type: TypeRef): boolean {
  const text = (t: TypeRef) => t.kind === 'enum' || t.kind === 'literal' || (t.kind === 'string' && t.format === undefined);
  return text(type) || (type.kind === 'array' && text(type.items));
}

/** The strings a parameter's schema lists (`enum`, directly or on its items); none for free text. */
function listedValues(parameter: ApiParameter): string[] {
  const listed = (schema: SchemaNode | undefined) => (Array.isArray(schema?.enum) && schema.enum.every((v) => typeof v === 'string') ? (schema.enum as string[]) : []);
  return listed(parameter.schema).length > 0 ? listed(parameter.schema) : listed(parameter.schema.items as SchemaNode | undefined);
}

/**
 * Gives each list's sort parameter the values it lists (`created`, `-price`), each by the entity
 * field it orders by: the field of that wire or snake name, else one named after it (`created` →
 * `created_at`). A value the entity stores no field for has none: it is still accepted, and served
 * in the key's order. Run once the entities have their system fields (timestamps).
 */
export function attachSortValues(operations: readonly Operation[], entities: readonly Entity[], enums: readonly EnumType[]): void {
  const entityByName = new Map(entities.map((e) => [e.name, e]));
  const enumValues = new Map(enums.map((e) => [e.name, e.values]));
  for (const operation of operations) {
    const entity = operation.kind === 'list' && operation.entity ? entityByName.get(operation.entity) : undefined;
    const sort = operation.params.find((p) => p.role === 'sort');
    if (!entity || !sort) continue;
    const listed = listedOf(sort.type, enumValues);
    if (listed.length > 0) sort.sortValues = sortValuesOf(listed, entity.fields);
  }
}

function listedOf(type: TypeRef, enumValues: ReadonlyMap<string, string[]>): string[] {
  if (type.kind === 'array') return listedOf(type.items, enumValues);
  if (type.kind === 'literal') return type.values;
  return type.kind === 'enum' ? (enumValues.get(type.name) ?? []) : [];
}

/** The field name a sort term writes, without its direction: `-created`, `name:asc`, `name desc`, `name.desc` → the name. */
function sortTermName(term: string): string {
  return term.replace(/^[-+]/, '').replace(/[:. ]+(asc|desc|ascending|descending)$/i, '');
}

function sortValuesOf(listed: readonly string[], fields: readonly Field[]): SortValue[] {
  const sortable = fields.filter((f) => !f.relation && SORTABLE_KINDS.has(f.type.kind));
  const values = [...new Set(listed.map(sortTermName))];
  return values.map((value) => {
    const snake = toSnake(value);
    const field =
      sortable.find((f) => f.wireName === value) ??
      sortable.find((f) => f.name === snake) ??
      FIELD_SUFFIXES.map((suffix) => sortable.find((f) => f.name === `${snake}${suffix}`)).find((f) => f !== undefined);
    return field ? { value, field: field.name } : { value };
  });
}

/** A query parameter that only says which way a list is sorted (GitHub's `direction=asc|desc`). */
export function isSortDirection(parameter: ApiParameter, name: string): boolean {
  const values = listedValues(parameter);
  return DIRECTION_NAMES.has(name) && values.length > 0 && values.every((value) => DIRECTION_VALUES.has(value.toLowerCase()));
}
