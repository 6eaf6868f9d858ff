import { componentSchemaName, resolveLocalRef } from './json-pointer.js';

/**
 * Replaces every local `$ref` that does not name a component schema with its target, so the
 * document stands alone (bundling leaves refs like `#/paths/...` behind). Named schema refs
 * are kept: their names matter. Each target is inlined once and shared; a reference to a
 * node that encloses it (a cycle) becomes `{}`, so the result is always a tree of shared
 * subtrees, never a cyclic graph.
 */
export function inlineForeignRefs<T>(root: T): T {
  const done = new Map<string, unknown>();
  const activeRefs = new Set<string>();
  // The nodes being visited, outermost first. An array, not a set: a set would give every node of
  // the document an identity hash, and only references need the check.
  const enclosing: object[] = [];
  const visit = (node: object): unknown => {
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && ref.startsWith('#') && componentSchemaName(ref) === undefined) {
      if (done.has(ref)) return done.get(ref);
      const target = resolveLocalRef(root, ref) ?? {};
      if (activeRefs.has(ref) || (typeof target === 'object' && target !== null && enclosing.includes(target))) return {};
      activeRefs.add(ref);
      const inlined = target !== null && typeof target === 'object' ? visit(target) : target;
      activeRefs.delete(ref);
      done.set(ref, inlined);
      return inlined;
    }
    if (enclosing.includes(node)) return node;
    enclosing.push(node);
    // Only objects can hold a reference; a value is written back only when it was replaced.
    // A subtree met again (a reference's target, also reached where it stands) is walked again:
    // its references are already replaced, so nothing changes.
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const item: unknown = node[i];
        if (item === null || typeof item !== 'object') continue;
        const visited = visit(item);
        if (visited !== item) node[i] = visited;
      }
    } else {
      const record = node as Record<string, unknown>;
      for (const key in record) {
        const value = record[key];
        if (value === null || typeof value !== 'object') continue;
        const visited = visit(value);
        if (visited !== value) record[key] = visited;
      }
    }
    enclosing.pop();
    return node;
  };
  return (root !== null && typeof root === 'object' ? visit(root) : root) as T;
}
