import { tableOrder, toPascal, type DomainModel, type Entity, type Relation } from '../../../core/index.js';
import type { PythonImports } from '../python/imports.js';
import { pyCallItem } from '../python/layout.js';
import { entityModule, modelClassName } from '../code-names.js';
import { fieldAttribute } from '../python/identifiers.js';
import { pyClassName, pyIdentifier, pyString } from '../python/names.js';
import { foreignKeyName, indexName, isCut, primaryKeyName, uniqueName } from '../constraint-names.js';

export interface ForeignKeyView {
  column: string;
  targetTable: string;
  targetColumn: string;
  onDelete: string;
  name: string;
  /** The key closes a cycle of tables: added after the tables are created (`use_alter`). */
  cyclic: boolean;
  /** The naming convention's name was cut to the identifier limit: the model names the key itself. */
  named: boolean;
}

export interface LinkTableView {
  table: string;
  model: string;
  fromColumn: string;
  toColumn: string;
  fromTable: string;
  toTable: string;
  keyType: string;
  toKeyType: string;
  /** Attribute on the owner's model holding the link rows. */
  linksAttr: string;
  /** The entity field the links carry, and whether it lists keys or objects. */
  field: string;
  listsObjects: boolean;
  targetEntity: string;
  targetKey: string;
}

export interface StorageView {
  foreignKeys: Map<string, ForeignKeyView>;
  /** Single-column indexes go on the column; composite ones into `__table_args__`. */
  indexedColumns: Set<string>;
  uniqueColumns: Set<string>;
  tableArgs: string[];
  /**
   * Rows owned through a key of theirs; `foreignKeys`: the key's attribute on the child's model
   * (`"CategoryModel.product_id"`), where the two tables have more than one key path between them.
   */
  children: { attr: string; model: string; slug: string; entity: Entity; foreignKeys?: string }[];
  links: LinkTableView[];
}

/** Keys, uniques, indexes, child rows and link tables of one entity, named as the metadata's convention names them. */
export function storageView(entity: Entity, model: DomainModel, imports: PythonImports): StorageView {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  const foreignKeys = new Map<string, ForeignKeyView>();
  const { cyclicKeys } = tableOrder(model.entities);
  for (const key of entity.foreignKeys) {
    const target = byName.get(key.target)!;
    foreignKeys.set(key.field, {
      column: key.field,
      targetTable: target.table,
      targetColumn: key.targetField,
      onDelete: key.onDelete,
      name: foreignKeyName(entity.table, key.field, target.table),
      cyclic: cyclicKeys.has(key),
      named: isCut('fk', entity.table, [key.field], target.table),
    });
  }
  const tableArgs: string[] = [];
  if (isCut('pk', entity.table, [])) {
    // The convention's name is cut as SQLAlchemy would not cut it: the model names its key.
    imports.add('sqlalchemy', 'PrimaryKeyConstraint');
    tableArgs.push(pyCallItem('PrimaryKeyConstraint', [pyString(entity.primaryKey.field), `name=${pyString(primaryKeyName(entity.table))}`], 8));
  }
  const uniqueColumns = new Set<string>();
  for (const unique of entity.uniques) {
    const name = uniqueName(entity.table, unique.fields);
    const columns = unique.fields.map(pyString);
    if (unique.fields.length === 1 && !isCut('uq', entity.table, unique.fields)) uniqueColumns.add(unique.fields[0]!);
    else {
      imports.add('sqlalchemy', 'UniqueConstraint');
      tableArgs.push(pyCallItem('UniqueConstraint', [...columns, `name=${pyString(name)}`], 8));
    }
  }
  const indexedColumns = new Set<string>();
  for (const index of entity.indexes) {
    const name = indexName(entity.table, index.fields);
    if (index.fields.length === 1 && !isCut('ix', entity.table, index.fields)) indexedColumns.add(index.fields[0]!);
    else {
      imports.add('sqlalchemy', 'Index');
      tableArgs.push(pyCallItem('Index', [pyString(name), ...index.fields.map(pyString)], 8));
    }
  }
  const children = model.relations
    .filter((r) => r.owned && r.to === entity.name)
    .map((r) => {
      const child = byName.get(r.from)!;
      const paths = entity.foreignKeys.filter((key) => key.target === child.name).length + child.foreignKeys.filter((key) => key.target === entity.name).length;
      return {
        attr: pyIdentifier(r.inverse!),
        model: modelClassName(child.name, model),
        slug: entityModule(child),
        entity: child,
        ...(paths > 1 ? { foreignKeys: `${modelClassName(child.name, model)}.${fieldAttribute(child, r.field)}` } : {}),
      };
    });
  const manyToMany = model.relations.filter((r) => r.kind === 'many-to-many' && r.from === entity.name);
  const links = manyToMany.map((r) => linkView(r, entity, byName.get(r.to)!, manyToMany.filter((other) => other.to === r.to).length > 1));
  return { foreignKeys, indexedColumns, uniqueColumns, tableArgs, children, links };
}

/** `shared`: another list of the entity links the same target, so the model is named by the field. */
function linkView(relation: Relation, from: Entity, to: Entity, shared: boolean): LinkTableView {
  const join = relation.joinTable!;
  const field = from.fields.find((f) => f.name === relation.field)!;
  const target = shared ? pyClassName(toPascal(relation.field.replace(/_ids$/, ''))) : to.name === from.name ? 'Related' : to.name;
  return {
    table: join.table,
    model: `${from.name}${target}LinkModel`,
    fromColumn: join.fromColumn,
    toColumn: join.toColumn,
    fromTable: from.table,
    toTable: to.table,
    keyType: from.primaryKey.type.kind,
    toKeyType: to.primaryKey.type.kind,
    linksAttr: `${pyIdentifier(relation.field).replace(/_ids$/, '')}_links`,
    field: fieldAttribute(from, field.name),
    listsObjects: field.type.kind === 'array' && field.type.items.kind === 'object',
    targetEntity: to.name,
    targetKey: to.primaryKey.field,
  };
}
