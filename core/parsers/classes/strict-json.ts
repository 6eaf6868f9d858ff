import { InfraStackError } from '../../errors.js';

/**
 * The YAML reader used for line numbers also accepts comments and trailing commas; a class
 * definitions file is JSON, so those are refused here with the line and column.
 */
export function assertStrictJson(file: string, text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1]);
    const headline = message.replace(/ in JSON at position \d+.*$/, '');
    const location = Number.isFinite(position) ? lineAndColumn(text, position) : undefined;
    throw new InfraStackError(`malformed JSON: ${headline}`, { file, ...(location ? { location } : {}) });
  }
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
