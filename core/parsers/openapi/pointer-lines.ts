import { LineCounter, isMap, isSeq, isPair, isScalar, parseDocument, type Node } from 'yaml';

/** Maps a JSON pointer to `line N` in the file's text, as precisely as the YAML tree allows. */
export function describePointer(text: string, pointer: string): string {
  const line = pointerLineFinder(text)(pointer);
  return line === undefined ? pointer || '/' : `line ${line} (${pointer || '/'})`;
}

/**
 * Parses `text` once and answers, for any JSON pointer, the 1-based line of the deepest node
 * on its path (the key of a mapping entry, the start of a sequence item).
 */
export function pointerLineFinder(text: string): (pointer: string) => number | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  return (pointer) => {
    const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = document.contents;
    let offset: number | undefined;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0];
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!item) break;
        offset = (item as Node).range?.[0];
        node = item;
      } else {
        break;
      }
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}
