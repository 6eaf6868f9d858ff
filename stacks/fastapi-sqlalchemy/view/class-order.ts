import { namedTypes, type ObjectType } from '../../../core/index.js';

export interface ClassOrder {
  /** The object types, each after the ones its fields name, save where they name each other. */
  types: ObjectType[];
  /**
   * The types whose fields name a type declared after them (a cycle: `user.manager: User`,
   * `group.owner: User`, `user.groups: list[Group]`). Pydantic leaves such a class incomplete
   * and rebuilds its schema inline every time another schema uses it (FastAPI builds one per
   * route), so the module rebuilds each once at its end: those naming a later class, and those
   * naming an earlier class still incomplete when they are declared.
   */
  rebuilt: ObjectType[];
}

/**
 * The order in which one module declares `types`: depth first in their given order, the types a
 * type's fields name before it. Iterative, for documents whose types chain thousands deep.
 */
export function classOrder(types: readonly ObjectType[]): ClassOrder {
  const byName = new Map(types.map((type) => [type.name, type]));
  const named = new Map(types.map((type) => [type.name, [...new Set(objectTypeNames(type))].filter((name) => name !== type.name && byName.has(name))]));
  const position = new Map<string, number>();
  const started = new Set<string>();
  const ordered: ObjectType[] = [];
  for (const root of types) {
    if (started.has(root.name)) continue;
    started.add(root.name);
    const stack: { type: ObjectType; next: number }[] = [{ type: root, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const refs = named.get(frame.type.name)!;
      if (frame.next < refs.length) {
        const name = refs[frame.next++]!;
        if (!started.has(name)) {
          started.add(name);
          stack.push({ type: byName.get(name)!, next: 0 });
        }
        continue;
      }
      stack.pop();
      position.set(frame.type.name, ordered.length);
      ordered.push(frame.type);
    }
  }
  // Incomplete: naming a class declared later, or one declared before but itself incomplete then
  // (bigquery's StandardSqlStructType names StandardSqlField, which waits for a later class).
  const incomplete = new Set<string>();
  for (const type of ordered) {
    if (named.get(type.name)!.some((name) => position.get(name)! > position.get(type.name)! || incomplete.has(name))) incomplete.add(type.name);
  }
  const rebuilt = ordered.filter((type) => incomplete.has(type.name));
  return { types: ordered, rebuilt };
}

function objectTypeNames(type: ObjectType): string[] {
  return type.fields.flatMap((field) => namedTypes(field.type).flatMap((named) => (named.kind === 'object' ? [named.name] : [])));
}
