import { readFile } from 'node:fs/promises';
import { InfraStackError, unreadableDocumentError } from '../../errors.js';

export interface LoadedSource {
  file: string;
  text: string;
  /** `json`: the text is strict JSON (`JSON.parse` reads it the same again). */
  syntax: 'json' | 'yaml';
  data: unknown;
}

/**
 * Reads a YAML or JSON file; a syntax error names the line and column. JSON text goes
 * through `JSON.parse`, many times faster than the YAML parser on large documents; the
 * YAML parser (loaded only then) still reads it when it fails, to name the place.
 */
export async function loadStructuredFile(file: string): Promise<LoadedSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw unreadableDocumentError(file, cause);
  }
  if (/^\s*[{[]/.test(text)) {
    try {
      return { file, text, syntax: 'json', data: JSON.parse(text) as unknown };
    } catch {
      // Not strict JSON (or YAML flow style): the YAML parser below reads it or names the error.
    }
  }
  const { LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [firstError] = document.errors;
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    const what = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new InfraStackError(`malformed ${what}: ${firstError.message.split('\n')[0]}`, { file, location: `line ${line}, column ${col}` });
  }
  return { file, text, syntax: 'yaml', data: document.toJS({ maxAliasCount: 1000 }) };
}
