import { componentSchemaName, resolveLocalRef } from './json-pointer.js';

/**
 * Replaces every local `$ref` that does not name a component schema with its target, so the
 * document stands alone (bundling leaves refs like `#/paths/...` behind). Named schema refs
 * are kept: their names matter. Each target is inlined once and shared; cycles become `{}`.
 */
export function inlineForeignRefs<T>(root: T): T {
  const done = new Map<string, unknown>();
  const active = new Set<string>();
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) node[i] = visit(node[i]);
      return node;
    }
    if (node === null || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string' && ref.startsWith('#') && componentSchemaName(ref) === undefined) {
      if (done.has(ref)) return done.get(ref);
      if (active.has(ref)) return {};
      active.add(ref);
      const target = visit(resolveLocalRef(root, ref) ?? {});
      active.delete(ref);
      done.set(ref, target);
      return target;
    }
    for (const key of Object.keys(record)) record[key] = visit(record[key]);
    return record;
  };
  return visit(root) as T;
}
