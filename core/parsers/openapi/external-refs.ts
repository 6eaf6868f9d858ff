/** True when some `$ref` points outside the document (another file or a URL). */
export function hasExternalRefs(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) {
    for (const item of node) if (hasExternalRefs(item)) return true;
    return false;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const value = record[key];
    if (key === '$ref' ? typeof value === 'string' && !value.startsWith('#') : hasExternalRefs(value)) return true;
  }
  return false;
}
