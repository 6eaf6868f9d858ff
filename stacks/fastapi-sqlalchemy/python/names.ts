import anyAscii from 'any-ascii';
import { pyName } from './identifiers.js';

/** A valid identifier for a snake_case name that shadows nothing the generated code uses (./identifiers.ts). */
export function pyIdentifier(name: string): string {
  return pyName(name, 'attribute');
}

/** A class name for a PascalCase name that shadows nothing the generated code uses (./identifiers.ts). */
export function pyClassName(name: string): string {
  return pyName(name, 'class');
}

/**
 * `"text"` as a Python string literal, quoted as ruff's formatter quotes it: double quotes,
 * unless the text holds more double quotes than single ones (then single quotes, fewer escapes).
 */
export function pyString(text: string): string {
  const json = JSON.stringify(text);
  const count = (quote: string) => text.split(quote).length - 1;
  if (count('"') <= count("'")) return json;
  const body = json.slice(1, -1).replace(/\\(.)|'/g, (match, escaped: string | undefined) => (escaped === '"' ? '"' : escaped !== undefined ? match : "\\'"));
  return `'${body}'`;
}

/** A JSON value as a Python literal. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(', ')}}`;
}

/** An enum member name for a value: `in-stock` → `IN_STOCK`; `文学` → `WEN_XUE`, spelled in Latin letters (any-ascii). */
export function pyEnumMember(value: string): string {
  const upper = anyAscii(value).replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return pyName(upper, 'member');
}

/** A one-line docstring body: no triple quotes, no trailing backslash, trimmed. */
export function pyDocLine(text: string | undefined, fallback: string, maxLength = 90): string {
  const line = (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? fallback;
  const clean = line.replace(/\\/g, '/').replace(/"""/g, "'''").replace(/"$/, "'");
  const short = clean.length > maxLength ? `${clean.slice(0, maxLength - 3).trimEnd()}...` : clean;
  // A docstring opening on a quote gets a space after its own quotes, as ruff writes it.
  return short.startsWith('"') ? ` ${short}` : short;
}

/** A number as Python writes a float: `2.0` stays a float, `1e+21` is `1e21`. */
export function pyFloat(value: number): string {
  const text = String(value).replace('e+', 'e');
  return /[.e]/.test(text) ? text : `${text}.0`;
}
