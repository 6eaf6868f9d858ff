import { memoized } from '../../memo.js';

/** Resolves a local `#/a/b` reference inside `root`; undefined when it does not exist. */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const segments = ref.slice(1).split('/').slice(1).map(decodeSegment);
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

export function decodeSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

export function encodeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

/** The schema name when `ref` points at a named component schema (asked for every use of a reference: remembered). */
export const componentSchemaName = memoized((ref: string): string | undefined => {
  if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX)) return undefined;
  const rest = ref.slice(COMPONENT_SCHEMA_PREFIX.length);
  return rest.includes('/') ? undefined : decodeSegment(rest);
});
