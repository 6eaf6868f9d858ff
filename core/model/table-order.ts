import type { Entity, ForeignKey } from './domain-model.js';

export interface TableOrder {
  /** Every entity, each after the entities its keys refer to, save the keys in `cyclicKeys`. */
  entities: Entity[];
  /**
   * Keys that close a cycle of tables referring to each other (`a.b_id -> b`, `b.a_id -> a`): no
   * order creates both tables with them, so they are added once every table exists (Alembic's
   * way). A key of a table to itself closes no cycle: its table exists when the key is created.
   */
  cyclicKeys: ReadonlySet<ForeignKey>;
}

const orders = new WeakMap<readonly Entity[], TableOrder>();

/**
 * The order in which the tables of `entities` are created: depth first in the entities' order,
 * every key's table before the table holding it. The keys between tables of one strongly
 * connected group (tables reaching each other through keys) are left out of the order and
 * listed as cyclic. Without cycles the order is the plain depth-first one. Computed once per list.
 */
export function tableOrder(entities: readonly Entity[]): TableOrder {
  let order = orders.get(entities);
  if (!order) orders.set(entities, (order = computeOrder(entities)));
  return order;
}

function computeOrder(entities: readonly Entity[]): TableOrder {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const group = stronglyConnected(entities, byName);
  const cyclicKeys = new Set<ForeignKey>();
  for (const entity of entities) {
    for (const key of entity.foreignKeys) {
      if (key.target !== entity.name && group.get(key.target) === group.get(entity.name)) cyclicKeys.add(key);
    }
  }
  const placed = new Set<string>();
  const ordered: Entity[] = [];
  const visit = (entity: Entity) => {
    if (placed.has(entity.name)) return;
    placed.add(entity.name);
    for (const key of entity.foreignKeys) {
      const target = byName.get(key.target);
      if (target && key.target !== entity.name && !cyclicKeys.has(key)) visit(target);
    }
    ordered.push(entity);
  };
  for (const entity of entities) visit(entity);
  return { entities: ordered, cyclicKeys };
}

/** Tarjan's strongly connected components of the key graph: the number of each entity's group. */
function stronglyConnected(entities: readonly Entity[], byName: ReadonlyMap<string, Entity>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const group = new Map<string, number>();
  let counter = 0;
  const connect = (name: string) => {
    index.set(name, counter);
    low.set(name, counter);
    counter += 1;
    stack.push(name);
    onStack.add(name);
    for (const key of byName.get(name)!.foreignKeys) {
      if (!byName.has(key.target) || key.target === name) continue;
      if (!index.has(key.target)) {
        connect(key.target);
        low.set(name, Math.min(low.get(name)!, low.get(key.target)!));
      } else if (onStack.has(key.target)) low.set(name, Math.min(low.get(name)!, index.get(key.target)!));
    }
    if (low.get(name) === index.get(name)) {
      const number = group.size;
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.set(member, number);
      } while (member !== name);
    }
  };
  for (const entity of entities) if (!index.has(entity.name)) connect(entity.name);
  return group;
}
