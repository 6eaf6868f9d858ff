import { namedTypes, type DomainModel, type TypeRef } from '../../../core/index.js';

/**
 * The object types a generated module names on the wire, so components.py declares those and no
 * class nothing imports: the parameters of every operation, the bodies and responses of the
 * custom ones and a delete's answer (a CRUD route speaks through its entity's schemas), the page wrappers of lists, the
 * entities' fields, and what those types hold in turn.
 */
export function objectTypesOnTheWire(model: DomainModel): Set<string> {
  const byName = new Map(model.objectTypes.map((type) => [type.name, type]));
  const used = new Set<string>();
  const visit = (type: TypeRef | undefined): void => {
    if (type === undefined) return;
    for (const named of namedTypes(type)) {
      if (named.kind !== 'object' || used.has(named.name)) continue;
      used.add(named.name);
      for (const field of byName.get(named.name)?.fields ?? []) visit(field.type);
    }
  };
  for (const op of model.operations) {
    for (const parameter of op.params) visit(parameter.type);
    if (op.kind === 'custom') {
      visit(op.body?.type);
      visit(op.response.type);
    }
    // What a delete answers besides its row (core's deletion answers).
    if (op.kind === 'delete' && !(op.response.type?.kind === 'object' && op.response.type.name === op.entity)) visit(op.response.type);
    if (op.response.page?.kind === 'wrapper') visit({ kind: 'object', name: op.response.page.typeName });
  }
  for (const entity of model.entities) for (const field of entity.fields) visit(field.type);
  return used;
}
