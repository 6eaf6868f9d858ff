/**
 * The JSON pointer of each line of `JSON.stringify(value, null, 2)`: validators quote
 * that text, so this turns "line N of the pretty-printed document" back into a pointer.
 */
export function pointerPerPrettyLine(value: unknown): string[] {
  const pointers: string[] = [];
  const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const visit = (node: unknown, pointer: string) => {
    pointers.push(pointer);
    const entries = Array.isArray(node)
      ? node.map((item, index) => [String(index), item] as const)
      : node !== null && typeof node === 'object'
        ? Object.entries(node).filter(([, item]) => item !== undefined && typeof item !== 'function')
        : [];
    if (entries.length === 0) return;
    for (const [key, item] of entries) visit(item, `${pointer}/${escape(key)}`);
    pointers.push(pointer);
  };
  visit(value, '');
  return pointers;
}
