/** The view of `output/data-model.md`: entities, their fields and constraints, relations, enums. */
import { deletionMarkOf, typeText, type Constraints, type DomainModel, type Entity, type Relation } from '../../core/index.js';
import { cell, code, firstLine, yesNo } from './markdown.js';
import { erDiagram, keyIsRequired, type ErDiagram } from './mermaid.js';

export interface DataModelView {
  title: string;
  counts: string;
  er: ErDiagram;
  entities: EntityView[];
  relations: string[][];
  enums: string[][];
}

interface EntityView {
  name: string;
  /** Sentences under the entity's heading. */
  facts: string[];
  fields: string[][];
  /** Composite uniques and indexes, which no single field's row can show. */
  composites: string[];
}

export function dataModelView(model: DomainModel): DataModelView {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const tables = new Map(model.entities.map((e) => [e.name, e.table]));
  return {
    title: model.title,
    counts: `${count(model.entities.length, 'entity', 'entities')}, ${count(model.relations.length, 'relation', 'relations')}, ${count(model.enums.length, 'enum', 'enums')}.`,
    er: erDiagram(model),
    entities: model.entities.map((entity) => entityView(entity, tables)),
    relations: model.relations.map((relation) => relationRow(relation, entities)),
    enums: model.enums.map((e) => [code(e.name), cell(e.values.map(code).join(', ')), cell(e.description)]),
  };
}

function entityView(entity: Entity, tables: Map<string, string>): EntityView {
  const facts = [`Table ${code(entity.table)}, primary key ${code(entity.primaryKey.field)} (${entity.primaryKey.generated ? 'generated' : 'given by the client'}).`];
  const description = firstLine(entity.description);
  if (description) facts.unshift(description);
  if (entity.owner) facts.push(`Rows belong to ${code(entity.owner.entity)} through ${code(entity.owner.field)}: written, read and deleted with it.`);
  if (entity.softDelete) facts.push(`Soft delete: deleting sets \`${deletionMarkOf(entity)}\`; reads skip those rows.`);
  if (entity.tenantField) facts.push(`Tenant key ${code(entity.tenantField)}: uniques hold within a tenant.`);
  const keys = new Map(entity.foreignKeys.map((k) => [k.field, `FK → ${code(`${tables.get(k.target) ?? k.target}.${k.targetField}`)} on delete ${k.onDelete}`]));
  const singleUniques = new Set(entity.uniques.filter((u) => u.fields.length === 1).map((u) => u.fields[0]));
  const singleIndexes = new Set(entity.indexes.filter((i) => i.fields.length === 1).map((i) => i.fields[0]));
  const fields = entity.fields.map((field) => {
    const key = field.name === entity.primaryKey.field ? 'PK' : (keys.get(field.name) ?? (entity.owner?.field === field.name ? `FK → ${code(entity.owner.entity)} (owner)` : ''));
    const constraints = [
      ...(singleUniques.has(field.name) ? ['unique'] : []),
      ...(singleIndexes.has(field.name) ? ['indexed'] : []),
      ...constraintTexts(field.constraints),
      ...(field.relation !== undefined ? [`no column: relation ${code(field.relation)}`] : []),
      ...(field.system ? ['system field'] : []),
      ...(field.readOnly ? ['read only'] : []),
      ...(field.writeOnly ? ['write only'] : []),
      ...(field.default !== undefined ? [`default ${code(JSON.stringify(field.default))}`] : []),
    ];
    return [code(field.name), code(field.wireName), code(typeText(field.type)), yesNo(field.required), yesNo(field.nullable), key, constraints.join(', '), field.description ?? ''].map(cell);
  });
  const composites = [
    ...entity.uniques.filter((u) => u.fields.length > 1).map((u) => `Unique together: ${u.fields.map(code).join(', ')}.`),
    ...entity.indexes.filter((i) => i.fields.length > 1).map((i) => `Index on ${i.fields.map(code).join(', ')}.`),
  ];
  return { name: entity.name, facts, fields, composites };
}

function constraintTexts(c: Constraints): string[] {
  return [
    c.minLength !== undefined ? `min length ${c.minLength}` : '',
    c.maxLength !== undefined ? `max length ${c.maxLength}` : '',
    c.minimum !== undefined ? `≥ ${c.minimum}` : '',
    c.exclusiveMinimum !== undefined ? `> ${c.exclusiveMinimum}` : '',
    c.maximum !== undefined ? `≤ ${c.maximum}` : '',
    c.exclusiveMaximum !== undefined ? `< ${c.exclusiveMaximum}` : '',
    c.minItems !== undefined ? `min items ${c.minItems}` : '',
    c.maxItems !== undefined ? `max items ${c.maxItems}` : '',
    c.allowed !== undefined ? `one of ${c.allowed.join(', ')}` : '',
  ].filter((t) => t !== '');
}

/** Relation, kind, from, to, key or join table, on delete, cardinality in words. */
function relationRow(relation: Relation, entities: Map<string, Entity>): string[] {
  const kind = relation.kind === 'many-to-many' ? 'many-to-many' : relation.owned ? 'one-to-many (owned rows)' : relation.selfReference ? 'many-to-one (self-reference)' : 'many-to-one';
  const via = relation.joinTable ? `join table ${code(relation.joinTable.table)} (${code(relation.joinTable.fromColumn)}, ${code(relation.joinTable.toColumn)})` : `key ${code(`${relation.from}.${relation.field}`)}`;
  const reads = `${code(`${relation.from}.${relation.attribute}`)}${relation.inverse ? `, ${code(`${relation.to}.${relation.inverse}`)}` : ''}`;
  const cardinality = relation.kind === 'many-to-many'
    ? `each ${relation.from} links to zero or more ${relation.to} rows, and each ${relation.to} to zero or more ${relation.from} rows`
    : `each ${relation.from} refers to ${keyIsRequired(relation, entities) ? 'exactly one' : 'at most one'} ${relation.to}; each ${relation.to} has zero or more ${relation.from} rows`;
  return [code(relation.name), kind, code(relation.from), code(relation.to), via, reads, relation.onDelete, cardinality].map(cell);
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
