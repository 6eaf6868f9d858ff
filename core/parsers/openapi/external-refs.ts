/** True when some `$ref` points outside the document (another file or a URL). */
export function hasExternalRefs(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) {
    for (const item of node) if (item !== null && typeof item === 'object' && hasExternalRefs(item)) return true;
    return false;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (typeof value === 'string' ? key === '$ref' && !value.startsWith('#') : value !== null && typeof value === 'object' && hasExternalRefs(value)) return true;
  }
  return false;
}
