import { parse as parseYaml } from 'yaml';
/**
 * JSON as API lists write it in examples: with `//` and `/* *\/` comments and trailing commas
 * (JSONC, as editors and `tsconfig.json` accept it). The text without them, and each line's
 * comment (by line, from 0), for the field written on that line to take as its notes.
 */
export function withoutJsonComments(text: string): { json: string; comments: Map<number, string> } {
  const comments = new Map<number, string>();
  let json = '';
  let line = 0;
  let index = 0;
  const note = (comment: string) => {
    const cleaned = comment.trim();
    if (cleaned !== '') comments.set(line, comments.has(line) ? `${comments.get(line)!}; ${cleaned}` : cleaned);
  };
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      // A string, escapes and all: nothing in it is a comment.
      let end = index + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      json += text.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      note(text.slice(index + 2, end === -1 ? text.length : end));
      index = end === -1 ? text.length : end;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const body = text.slice(index + 2, end === -1 ? text.length : end);
      note(body.replace(/^\s*\*+/gm, ' '));
      // Its newlines stay, so later lines keep their numbers.
      json += body.replace(/[^\n]/g, '');
      line += body.split('\n').length - 1;
      index = end === -1 ? text.length : end + 2;
      continue;
    }
    if (char === '\n') line += 1;
    json += char;
    index += 1;
  }
  // `"a": 1,\n}`: a comma before a closing bracket.
  return { json: json.replace(/,(\s*[}\]])/g, '$1'), comments };
}

/**
 * An example's value, its comments gone: JSON, or JSON as people type it in JavaScript and
 * TypeScript (`{ code: 0, data: {...}, message: 'ok' }`: names bare, texts in single quotes), read
 * as the YAML flow collection it also is. Undefined when it is neither.
 */
export function parseExampleValue(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    const trimmed = json.trim();
    if (!/^\{[\s\S]*\}$|^\[[\s\S]*\]$/.test(trimmed)) return undefined;
    try {
      return parseYaml(trimmed, { strict: true, uniqueKeys: true });
    } catch {
      return undefined;
    }
  }
}
