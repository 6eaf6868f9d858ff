/**
 * The `x-` extensions the derivation reads from schema nodes. OpenAPI documents write them
 * by hand; the markdown and class-definition parsers translate their own hint syntax into them,
 * so one derivation serves every input format.
 */
export const SCHEMA_HINTS = {
  /** `true`: persist the schema as a table even when no resource path exposes it. */
  entity: 'x-entity',
  /** Table name to use instead of the plural snake_case of the schema name. */
  tableName: 'x-table-name',
  /** `true`: rows get `deleted_at`; reads hide them, DELETE sets it. */
  softDelete: 'x-soft-delete',
  /** On a soft-deleted schema: the date-time, boolean, text or integer property that marks deleted rows, in place of an added `deleted_at`. */
  softDeleteField: 'x-soft-delete-field',
  /** With `x-soft-delete-field` naming a text or integer flag: the value deleting sets it to (`2`). */
  softDeleteValue: 'x-soft-delete-value',
  /** `true` (column `tenant_id`) or the tenant column's name: uniques become composite with it. */
  tenant: 'x-tenant',
  /** On a schema: `string[][]` composite uniques (wire or snake names). On a property: `true`. */
  unique: 'x-unique',
  /**
   * On a property: unique only among the rows sharing a parent (`room number unique within the
   * hotel`): the phrase naming that parent (an entity) or a property of the same schema; the
   * property is then unique together with the key to it (or with that property).
   */
  uniqueWithin: 'x-unique-within',
  /** On a schema: `string[][]` composite indexes. On a property: `true`. */
  index: 'x-index',
  /** On a property holding a key: `CASCADE`, `SET NULL`, `RESTRICT` or `NO ACTION`. On a schema: the default for its keys. */
  onDelete: 'x-on-delete',
  /** On a property: `true` when it, not `id`, is the row's primary key (`product_id`, "主键，自增"). */
  primaryKey: 'x-primary-key',
  /** On a property: the schema name it refers to, when the name alone (`owner_id`) does not say. */
  references: 'x-references',
  /** On a property or schema: its previous name, so regeneration renames instead of dropping. */
  renamedFrom: 'x-renamed-from',
  /**
   * On a property holding a key: `true` when soft deleting the row it points at soft deletes this
   * row too (`orders are soft deleted with the user`).
   */
  softDeleteCascade: 'x-soft-delete-cascade',
  /**
   * On a schema or property: why a hint is there, by hint (`{ "x-unique": { rule, file, line } }`),
   * when a rule in plain words (a field's note, a requirement) asked for it.
   */
  why: 'x-why',
  /** On a schema: `string[]`, other names the documents call it by (`Kurs` for Course), which rules may use. */
  aliases: 'x-aliases',
  /**
   * On a property: `true` when no table or schema of the documents lists it, a rule in words
   * added it (the key of `each line belongs to an invoice`): a body the path already gives it
   * (`POST /invoices/{invoice_id}/lines`) need not repeat it.
   */
  implied: 'x-implied',
  /** On a list's query parameter filtering on a text field: `contains`, rows whose text holds the value, in any case (`模糊查询`, "partial match"). */
  match: 'x-match',
  /** On a list's query parameter: `page` or `limit`, the page number or page size the document says it is, whatever its name (`tamanho`). */
  paging: 'x-paging',
  /** On any node: the 1-based line it was read from, for formats with lines (markdown). */
  sourceLine: 'x-source-line',
  /** On a property another document than its schema's gave (`mergedMarkdownSchema`): that document, its line's file. */
  sourceFile: 'x-source-file',
  /** `EntityLayer[]`: the layers the input asks for (class definitions); absent means all. */
  layers: 'x-layers',
  /** A class named by a class definition that is no schema of the document (a placeholder is due). */
  className: 'x-class',
  /**
   * On a schema made from class definitions: the class names the input used for it, by layer
   * (`{ domain: 'Customer', model: 'CustomerModel', repository: 'SqlCustomerRepository' }`),
   * so generated files can be traced back to the items that asked for them.
   */
  classItems: 'x-class-items',
} as const;

/** Where a composite unique's reason is kept in its schema's `x-why`: by its fields' snake_case names. */
export function compositeWhyKey(fields: readonly string[]): string {
  return `${SCHEMA_HINTS.unique} ${fields.join(', ')}`;
}

export const ON_DELETE_RULES = ['CASCADE', 'SET NULL', 'RESTRICT', 'NO ACTION'] as const;
export type OnDeleteRule = (typeof ON_DELETE_RULES)[number];

/** `set-null`, `Set_Null`, `set null` → `SET NULL`; undefined when the value names no rule. */
export function readOnDeleteRule(value: unknown): OnDeleteRule | undefined {
  const normalized = typeof value === 'string' ? value.trim().toUpperCase().replace(/[\s_-]+/g, ' ') : '';
  return ON_DELETE_RULES.find((rule) => rule === normalized);
}
