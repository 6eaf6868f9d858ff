import { toPascal, toSnake } from '../naming.js';
import type { DomainModel, Operation, TypeRef } from './domain-model.js';
import { namedTypes } from './named-types.js';

/**
 * What makes a domain model inconsistent, whatever the stack: two fields of one entity with one
 * name (or names that become one once normalized), types, keys, relations and operations that
 * refer to entities, fields, object types or enums the model does not have. One sentence per problem.
 */
export function integrityProblems(model: DomainModel): string[] {
  const problems: string[] = [];
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const objectTypes = new Set(model.objectTypes.map((o) => o.name));
  const enums = new Set(model.enums.map((e) => e.name));
  const wireTypes = new Map(model.objectTypes.map((o) => [o.name, new Set(o.fields.map((f) => f.name))]));

  collisions(model.entities.map((e) => e.name), toPascal, (a, b) => (a === b ? `two entities are named ${a}` : `entities ${a} and ${b} collide once normalized (${toPascal(a)})`), problems);
  collisions(model.entities.map((e) => e.table), (t) => t, (a) => `two entities are stored in table ${a}`, problems);
  collisions(model.objectTypes.map((o) => o.name), toPascal, (a, b) => (a === b ? `two object types are named ${a}` : `object types ${a} and ${b} collide once normalized (${toPascal(a)})`), problems);
  collisions(model.enums.map((e) => e.name), toPascal, (a, b) => (a === b ? `two enums are named ${a}` : `enums ${a} and ${b} collide once normalized (${toPascal(a)})`), problems);
  collisions(model.operations.map((o) => o.name), (n) => n, (a) => `two operations are named ${a}`, problems);

  const typeProblems = (where: string, type: TypeRef): void => {
    for (const named of namedTypes(type)) {
      if (named.kind === 'enum' && !enums.has(named.name)) problems.push(`${where} is of enum ${named.name}, which the model does not have`);
      if (named.kind === 'object' && !objectTypes.has(named.name) && !entities.has(named.name)) problems.push(`${where} is of object type ${named.name}, which the model does not have`);
    }
  };

  for (const entity of model.entities) {
    const fieldNames = new Set(entity.fields.map((f) => f.name));
    const field = (name: string) => fieldNames.has(name);
    collisions(entity.fields.map((f) => f.name), toSnake, (a, b) => (a === b ? `${entity.name} has two fields named ${a}` : `${entity.name}'s fields ${a} and ${b} collide once normalized (${toSnake(a)})`), problems);
    collisions(entity.fields.map((f) => f.wireName), (w) => w, (a) => `${entity.name} has two fields sent as ${a}`, problems);
    for (const f of entity.fields) typeProblems(`${entity.name}.${f.name}`, f.type);
    if (!field(entity.primaryKey.field)) problems.push(`${entity.name}'s primary key ${entity.primaryKey.field} is not one of its fields`);
    if (entity.tenantField !== undefined && !field(entity.tenantField)) problems.push(`${entity.name}'s tenant field ${entity.tenantField} is not one of its fields`);
    for (const name of entity.pathScope ?? []) if (!field(name)) problems.push(`${entity.name}'s path scope ${name} is not one of its fields`);
    if (entity.owner !== undefined) {
      if (!entities.has(entity.owner.entity)) problems.push(`${entity.name} belongs to ${entity.owner.entity}, which is no entity`);
      if (!field(entity.owner.field)) problems.push(`${entity.name}'s key to its owner, ${entity.owner.field}, is not one of its fields`);
      // An owned child's rows travel inside its owner through its wire object type: a field on the wire must be there too.
      const wire = wireTypes.get(entity.schemaName);
      for (const f of entity.fields) {
        if (wire && f.system !== true && f.relation === undefined && !wire.has(f.name)) {
          problems.push(`${entity.name}.${f.name} is missing from object type ${entity.schemaName}, through which ${entity.name} rows travel inside ${entity.owner.entity} (add fields with addField, or mark a server-set one system)`);
        }
      }
    }
    for (const key of entity.foreignKeys) {
      if (!field(key.field)) problems.push(`${entity.name}'s foreign key ${key.field} is not one of its fields`);
      const target = entities.get(key.target);
      if (!target) problems.push(`${entity.name}.${key.field} refers to ${key.target}, which is no entity`);
      else if (!target.fields.some((f) => f.name === key.targetField)) problems.push(`${entity.name}.${key.field} refers to ${key.target}.${key.targetField}, which is no field`);
    }
    for (const [what, lists] of [['unique constraint', entity.uniques], ['index', entity.indexes]] as const) {
      for (const { fields } of lists) for (const name of fields) if (!field(name)) problems.push(`${entity.name}'s ${what} on ${fields.join(', ')} names ${name}, which is not one of its fields`);
    }
  }

  for (const objectType of model.objectTypes) {
    collisions(objectType.fields.map((f) => f.name), toSnake, (a, b) => (a === b ? `object type ${objectType.name} has two fields named ${a}` : `object type ${objectType.name}'s fields ${a} and ${b} collide once normalized (${toSnake(a)})`), problems);
    for (const f of objectType.fields) typeProblems(`${objectType.name}.${f.name}`, f.type);
  }

  for (const relation of model.relations) {
    const from = entities.get(relation.from);
    if (!from) problems.push(`relation ${relation.name} goes from ${relation.from}, which is no entity`);
    else if (!from.fields.some((f) => f.name === relation.field)) problems.push(`relation ${relation.name} is carried by ${relation.from}.${relation.field}, which is no field`);
    if (!entities.has(relation.to)) problems.push(`relation ${relation.name} goes to ${relation.to}, which is no entity`);
  }
  collisions(model.relations.map((r) => r.name), (n) => n, (a) => `two relations are named ${a}`, problems);

  for (const operation of model.operations) {
    if (operation.entity === undefined) continue;
    const entity = entities.get(operation.entity);
    if (!entity) {
      problems.push(`operation ${operation.name} works on ${operation.entity}, which is no entity`);
      continue;
    }
    for (const name of inputFieldsOf(operation.input)) if (!entity.fields.some((f) => f.name === name)) problems.push(`operation ${operation.name} takes ${entity.name}.${name}, which is no field`);
  }
  return problems;
}

/** The problems of `after` that `before` did not have: what one refinement of the model broke. */
export function newIntegrityProblems(before: readonly string[], after: readonly string[]): string[] {
  const known = new Set(before);
  return after.filter((problem) => !known.has(problem));
}

function inputFieldsOf(input: Operation['input']): string[] {
  return input ? [...new Set([...input.fields, ...input.required, ...(input.ignored ?? [])])] : [];
}

/** Reports each pair of `names` that `normalize` makes one, once, the first name first. */
function collisions(names: readonly string[], normalize: (name: string) => string, describe: (first: string, second: string) => string, problems: string[]): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = normalize(name);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, name);
    else problems.push(describe(first, name));
  }
}
