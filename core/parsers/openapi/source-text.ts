import { readFile } from 'node:fs/promises';
import { LineCounter, isMap, isSeq, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { InfraStackError } from '../../errors.js';

export interface LoadedSource {
  file: string;
  text: string;
  data: unknown;
}

/**
 * Reads a YAML or JSON file; a syntax error names the line and column. JSON text goes
 * through `JSON.parse`, many times faster than the YAML parser on large documents; the
 * YAML parser still reads it when it fails, to name the place.
 */
export async function loadStructuredFile(file: string): Promise<LoadedSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new InfraStackError(`cannot read the API document (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file, cause });
  }
  if (/^\s*[{[]/.test(text)) {
    try {
      return { file, text, data: JSON.parse(text) as unknown };
    } catch {
      // Not strict JSON (or YAML flow style): the YAML parser below reads it or names the error.
    }
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    const what = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new InfraStackError(`malformed ${what}: ${firstError.message.split('\n')[0]}`, { file, location: `line ${line}, column ${col}` });
  }
  return { file, text, data: document.toJS({ maxAliasCount: 1000 }) };
}

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
