import type { SchemaNode } from '../model/api-document.js';
import type { Entity, Field, Relation, TypeRef } from '../model/domain-model.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { alwaysHasValue } from '../model/nullability.js';
import { singular, toSnake, toTableName } from '../naming.js';
import { hintError, onDeleteRule } from './field-hints.js';

/** Key stems that name a person rather than a table: they point at the user-like entity. */
const PERSON_ROLES = new Set(['owner', 'author', 'creator', 'created_by', 'updated_by', 'reviewer', 'assignee', 'sender', 'recipient', 'customer']);
const PERSON_ENTITIES = ['user', 'account', 'person', 'member', 'customer'];

interface EntityIndex {
  bySlug: Map<string, Entity>;
  byTable: Map<string, Entity>;
  bySchema: Map<string, Entity>;
}

/**
 * Foreign keys from `<entity>_id` fields (or `x-references`), many-to-one relations over them,
 * and many-to-many links from lists of keys (`tag_ids: int[]`) or of other entities.
 */
/** `identifiers`: the fields other than its key an entity's item path finds its rows by (`carrier_account_id` of `…/returncarrier/{carrierAccountId}`). */
export function inferKeys(entities: Entity[], schemaOf: (entity: Entity) => SchemaNode | undefined, owned: readonly Relation[] = [], identifiers: (entity: Entity) => ReadonlySet<string> = () => new Set()): Relation[] {
  const index: EntityIndex = {
    bySlug: new Map(entities.map((e) => [e.slug, e])),
    byTable: new Map(entities.map((e) => [e.table, e])),
    bySchema: new Map(entities.flatMap((e) => [[e.schemaName, e] as const, [e.name, e] as const])),
  };
  const attributes = new AttributeNames(entities);
  for (const relation of owned) {
    attributes.claim(relation.from, relation.attribute);
    if (relation.inverse) attributes.claim(relation.to, relation.inverse);
  }
  const relations: Relation[] = [];
  for (const entity of entities) {
    const schema = schemaOf(entity);
    const defaultOnDelete = schema?.[SCHEMA_HINTS.onDelete] !== undefined ? onDeleteRule(schema[SCHEMA_HINTS.onDelete], entity.source) : undefined;
    const keyed: { field: Field; target: Entity; stem: string; rule: string }[] = [];
    const ownIdentifiers = identifiers(entity);
    for (const field of entity.fields) {
      if (field.relation !== undefined || field.name === entity.primaryKey.field) continue;
      if (entity.owner && field.name === entity.owner.field) continue;
      // A nested collection's path value the tool adds is kept as the path gave it, whatever rows
      // it names, unless the path is a row's of another entity (keyScopesToParents); a property the
      // document declares (`session_id`) keeps the key it names.
      if (entity.pathScope?.includes(field.name) && field.system && field.hints?.references === undefined) continue;
      // The row's own identifier names no other row, whatever its name ends with; a reference the document states still holds.
      if (ownIdentifiers.has(field.name) && !field.hints?.references) continue;
      const target = keyTarget(field, entity, index);
      if (target) keyed.push({ field, ...target });
    }
    const perTarget = new Map<string, number>();
    for (const { target } of keyed) perTarget.set(target.name, (perTarget.get(target.name) ?? 0) + 1);
    for (const { field, target, stem, rule } of keyed) {
      const onDelete = field.hints?.onDelete ?? defaultOnDelete ?? (alwaysHasValue(field) ? 'RESTRICT' : 'SET NULL');
      const onDeleteWhy = field.hints?.why?.onDelete ? field.hints.why.onDelete.rule : field.hints?.onDelete ? `${SCHEMA_HINTS.onDelete} on the field` : defaultOnDelete ? `${SCHEMA_HINTS.onDelete} on the schema` : onDelete === 'SET NULL' ? 'optional key: SET NULL' : 'required key: RESTRICT';
      if (onDelete === 'SET NULL' && alwaysHasValue(field)) {
        throw hintError(`${entity.name}.${field.name} is required, so deleting its ${target.name} cannot set it to NULL; make it optional or choose another on-delete rule`, field.source);
      }
      entity.foreignKeys.push({ field: field.name, target: target.name, targetField: target.primaryKey.field, onDelete, reason: { rule: `${rule}; ${onDeleteWhy}`, source: field.source } });
      const selfReference = target.name === entity.name;
      const attribute = attributes.free(entity, stem);
      const shared = (perTarget.get(target.name) ?? 0) > 1;
      // A table named with words the entity's name lacks (`mall_product` of Product) names the rows by the entity's plural.
      const plural = toSnake(entity.table).split('_').length > toSnake(entity.name).split('_').length ? toTableName(entity.name) : toSnake(entity.table);
      const inverse = attributes.free(target, selfReference && stem === 'parent' ? 'children' : shared ? `${stem}_${plural}` : plural);
      relations.push({
        name: `${entity.slug}_${attribute}`,
        kind: 'many-to-one',
        from: entity.name,
        to: target.name,
        field: field.name,
        attribute,
        inverse,
        onDelete,
        selfReference,
        owned: false,
        ...(field.hints?.softDeleteCascade ? { softDeleteCascade: true } : {}),
        reason: { rule: field.hints?.softDeleteCascade ? `${rule}; soft deleted with its ${target.name}: ${field.hints.why?.softDeleteCascade?.rule ?? SCHEMA_HINTS.softDeleteCascade}` : rule, source: field.source },
      });
    }
  }
  const joinTables = new Set<string>();
  for (const entity of entities) {
    for (const field of entity.fields) {
      if (field.relation !== undefined || field.type.kind !== 'array') continue;
      const link = linkTarget(field, index);
      // A list of rows that key back to this one is the other side of their many-to-one, not a link table.
      if (!link || link.target.foreignKeys.some((key) => key.target === entity.name && link.target.name !== entity.name)) continue;
      relations.push(manyToMany(entity, field, link.target, link.rule, entities, joinTables));
    }
  }
  return relations;
}

/** Relation attribute names per entity: never a field's name, never twice. */
class AttributeNames {
  private readonly taken = new Map<string, Set<string>>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) this.taken.set(entity.name, new Set(entity.fields.map((f) => f.name)));
  }

  claim(entity: string, name: string): void {
    this.taken.get(entity)?.add(name);
  }

  free(entity: Entity, preferred: string): string {
    const taken = this.taken.get(entity.name) ?? new Set<string>();
    let name = taken.has(preferred) ? `${preferred}_ref` : preferred;
    for (let n = 2; taken.has(name); n += 1) name = `${preferred}_${n}`;
    taken.add(name);
    this.taken.set(entity.name, taken);
    return name;
  }
}

function keyTarget(field: Field, entity: Entity, index: EntityIndex): { target: Entity; stem: string; rule: string } | undefined {
  // A list of keys (`tac_gia_ids`, perhaps with its entity named) is a link, read by linkTarget.
  if (field.type.kind === 'array' && /_ids$/.test(field.name)) return undefined;
  const stem = field.name.replace(/_id$/, '');
  if (field.hints?.references) {
    const target = index.bySchema.get(field.hints.references);
    if (!target) throw hintError(`${SCHEMA_HINTS.references} names ${field.hints.references}, which is no entity of the document`, field.source);
    checkKeyType(field, target);
    const why = field.hints.why?.references?.rule;
    return { target, stem: stem === field.name ? `${stem}_ref` : stem, rule: why ? `${why}: refers to ${target.name}` : `${SCHEMA_HINTS.references}: ${target.name}` };
  }
  if (stem === field.name || stem === '' || !isKeyType(field.type)) return undefined;
  let target: Entity | undefined;
  let rule = `${field.name} names the entity ${stem}`;
  if (stem === 'parent') {
    target = entity;
    rule = 'parent_id refers to the same table (self-reference)';
  } else {
    target = index.bySlug.get(stem) ?? index.byTable.get(stem) ?? index.bySlug.get(singular(stem));
    // `subscriptionId` on Subscription is its own identifier, not a key: only parent_id refers to the same table.
    if (target === entity) return undefined;
    const last = stem.split('_').pop()!;
    if (!target && last !== stem) {
      target = index.bySlug.get(last);
      if (target) rule = `${field.name} ends with the entity ${last}`;
    }
    if (!target && PERSON_ROLES.has(stem)) {
      target = PERSON_ENTITIES.map((slug) => index.bySlug.get(slug)).find((e) => e !== undefined);
      if (target) rule = `${field.name} names a person's role: the ${target.name} entity`;
    }
  }
  if (!target || !sameKeyType(field.type, target)) return undefined;
  return { target, stem, rule };
}

function linkTarget(field: Field, index: EntityIndex): { target: Entity; rule: string } | undefined {
  if (field.type.kind !== 'array') return undefined;
  const items = field.type.items;
  if (items.kind === 'object') {
    const target = index.bySchema.get(items.name);
    return target && !target.owner ? { target, rule: `${field.name} lists ${target.name} entities: many-to-many through a join table` } : undefined;
  }
  const match = /^(.+)_ids$/.exec(field.name);
  if (!match || !isKeyType(items)) return undefined;
  const stem = match[1]!;
  // `tac_gia_ids` with `x-references: Author`: the documents name the entity in their own language.
  const named = field.hints?.references === undefined ? undefined : index.bySchema.get(field.hints.references);
  const target = named ?? index.bySlug.get(stem) ?? index.bySlug.get(singular(stem));
  if (!target || !sameKeyType(items, target)) return undefined;
  return { target, rule: `${field.name} lists keys of ${target.name}: many-to-many through a join table` };
}

function manyToMany(entity: Entity, field: Field, target: Entity, rule: string, entities: Entity[], joinTables: Set<string>): Relation {
  const table = joinTable(entity, field, target, entities, joinTables);
  const fromColumn = `${entity.slug}_id`;
  const toColumn = target.name === entity.name ? `related_${target.slug}_id` : `${target.slug}_id`;
  const name = `${entity.slug}_${field.name}`;
  field.relation = name;
  return {
    name,
    kind: 'many-to-many',
    from: entity.name,
    to: target.name,
    field: field.name,
    attribute: field.name,
    onDelete: 'CASCADE',
    selfReference: target.name === entity.name,
    owned: false,
    joinTable: { table, fromColumn, toColumn },
    reason: { rule: `${rule} ${table}; links deleted with either side`, source: field.source },
  };
}

/**
 * The join table of a list field: `<entity>_<target table>`, or, where another list of the entity
 * already links the same target (`Background.proficiencies` and `Background.languages`, both
 * lists of `ApiReference`), `<entity>_<field>`; never an entity's table nor another join table.
 */
function joinTable(entity: Entity, field: Field, target: Entity, entities: Entity[], taken: Set<string>): string {
  const isFree = (name: string) => !taken.has(name) && !entities.some((e) => e.table === name);
  const preferred = `${entity.slug}_${target.table}`;
  const byField = `${entity.slug}_${toSnake(field.name).replace(/_ids$/, '')}`;
  // Named like an entity's table: `_links` after it, as before; taken by another link: named by the field.
  const candidates = taken.has(preferred) ? [byField] : [preferred, `${preferred}_links`, byField];
  let table = candidates.find(isFree);
  for (let n = 2; table === undefined; n += 1) if (isFree(`${byField}_${n}`)) table = `${byField}_${n}`;
  taken.add(table);
  return table;
}

function isKeyType(type: TypeRef): boolean {
  return type.kind === 'integer' || (type.kind === 'string' && (type.format === undefined || type.format === 'uuid'));
}

/** A key of this type can point at the target's primary key: integers of any width, strings of one format. */
export function sameKeyType(type: TypeRef, target: Entity): boolean {
  const key = target.primaryKey.type;
  if (type.kind === 'integer') return key.kind === 'integer';
  if (type.kind === 'string') return key.kind === 'string' && (type.format ?? 'plain') === (key.format ?? 'plain');
  return false;
}

function checkKeyType(field: Field, target: Entity): void {
  if (!sameKeyType(field.type, target)) {
    throw hintError(`${field.name} refers to ${target.name}, whose key ${target.primaryKey.field} has another type`, field.source);
  }
}

