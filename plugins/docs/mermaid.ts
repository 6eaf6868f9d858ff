/**
 * The model as a Mermaid ER diagram: one block per table with its columns, one line per
 * relation with its cardinalities. Names are reduced to the characters Mermaid's ER grammar
 * takes in entity names and attribute words.
 */
import { alwaysHasValue, type DomainModel, type Entity, type Relation, type TypeRef } from '../../core/index.js';

export interface ErDiagram {
  entities: { name: string; attributes: { type: string; name: string; keys: string }[] }[];
  relationships: { left: string; cardinality: string; right: string; label: string }[];
}

export function erDiagram(model: DomainModel): ErDiagram {
  const byName = new Map(model.entities.map((e) => [e.name, e]));
  return {
    entities: model.entities.map((entity) => ({ name: erName(entity.name), attributes: attributes(entity) })),
    relationships: model.relations.map((relation) => relationship(relation, byName)),
  };
}

function attributes(entity: Entity) {
  const keys = new Set(entity.foreignKeys.map((k) => k.field));
  if (entity.owner) keys.add(entity.owner.field);
  const unique = new Set(entity.uniques.filter((u) => u.fields.length === 1).map((u) => u.fields[0]));
  return entity.fields
    .filter((field) => field.relation === undefined)
    .map((field) => {
      const marks = [field.name === entity.primaryKey.field ? 'PK' : '', keys.has(field.name) ? 'FK' : '', unique.has(field.name) ? 'UK' : ''].filter((m) => m !== '');
      return { type: erWord(erType(field.type)), name: erWord(field.name), keys: marks.join(', ') };
    });
}

/**
 * `One ||--o{ Many`: the side holding the key has zero or more rows per row of the other side,
 * which it refers to exactly once (a required key) or at most once (an optional one). Owned
 * children are identifying (`--`), other keys not (`..`); links through a join table are many to many.
 */
function relationship(relation: Relation, entities: Map<string, Entity>) {
  const from = erName(relation.from);
  const to = erName(relation.to);
  if (relation.kind === 'many-to-many') {
    return { left: from, cardinality: '}o--o{', right: to, label: relation.joinTable?.table ?? relation.field };
  }
  const line = relation.owned ? '--' : '..';
  return { left: to, cardinality: `${keyIsRequired(relation, entities) ? '||' : '|o'}${line}o{`, right: from, label: relation.field };
}

export function keyIsRequired(relation: Relation, entities: Map<string, Entity>): boolean {
  const field = entities.get(relation.from)?.fields.find((f) => f.name === relation.field);
  return field !== undefined && alwaysHasValue(field);
}

/** A type as one attribute word: `string(date-time)`, `OrderItem[]`, the enum's name. */
function erType(type: TypeRef): string {
  switch (type.kind) {
    case 'integer':
    case 'number':
    case 'string':
      return type.format ? `${type.kind}(${type.format})` : type.kind;
    case 'enum':
    case 'object':
      return type.name;
    case 'literal':
      return 'string';
    case 'array':
      return `${erType(type.items)}[]`;
    case 'map':
    case 'union':
    case 'json':
    case 'boolean':
    case 'binary':
      return type.kind;
  }
}

/** Letters, digits, `_`, `-`, brackets and parentheses, starting with a letter or `_`. */
function erWord(text: string): string {
  const word = text.replace(/[^A-Za-z0-9_\-[\]()]/g, '_');
  return /^[A-Za-z_]/.test(word) ? word : `_${word}`;
}

function erName(name: string): string {
  const word = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(word) ? word : `_${word}`;
}
