import type { DomainModel, TypeRef } from '../../../core/index.js';

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
    switch (type.kind) {
      case 'object': {
        if (used.has(type.name)) return;
        used.add(type.name);
        for (const field of byName.get(type.name)?.fields ?? []) visit(field.type);
        return;
      }
      case 'array':
        visit(type.items);
        return;
      case 'map':
        visit(type.values);
        return;
      case 'union':
        for (const variant of type.variants) visit(variant);
        return;
      default:
        return;
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
