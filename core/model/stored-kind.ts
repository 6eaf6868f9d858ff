import type { TypeRef } from './domain-model.js';

/** Whether two types store one kind of value: integers of any width, or the same kind and format. */
export function sameStoredKind(a: TypeRef, b: TypeRef): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'integer') return true;
  return ('format' in a ? a.format : undefined) === ('format' in b ? b.format : undefined);
}
