import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow, type FieldTable } from './field-table.js';
import { namedTypesOf, parseTypeExpression } from './type-expression.js';

/** `type User = {`, `export interface Task extends Base {`: the start of a declaration of an object type. */
const DECLARATION = /^\s*(?:export\s+)?(?:type\s+([A-Z][A-Za-z0-9_]*)\s*=\s*\{|interface\s+([A-Z][A-Za-z0-9_]*)(?:\s+extends\s+[\w\s,<>]+)?\s*\{)(.*)$/;
/** `name?: string | null  // uuid`, `readonly id: number;` */
const MEMBER = /^\s*(?:readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)(\?)?\s*:\s*(.+?)\s*[;,]?\s*$/;
/** A comment that is a format the type does not say (`id: string // uuid`). */
const FORMAT_COMMENT = /^(uuid|email|url|uri|date|datetime|date-time|time|decimal)\b/i;

export interface DeclaredType {
  name: string;
  line: number;
  table: FieldTable;
}

/**
 * Object types a fenced block declares in TypeScript, as API lists written by TypeScript teams
 * give their models (`type User = { ... }`, `interface Task { ... }`): each member a field, `?`
 * optional, `T | null` nullable, string literal unions enums, a comment its notes (`// uuid`,
 * `// default 3`). A member typed with another object type (`labels: Label[]`) is a relation
 * the keys say better: it is left out. Undefined when the block declares none.
 */
export function typeScriptDeclarations(text: string, firstLine: number, file: string): DeclaredType[] | undefined {
  const lines = text.split('\n');
  const declared: DeclaredType[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const start = DECLARATION.exec(lines[index]!);
    if (!start) continue;
    const name = (start[1] ?? start[2])!;
    const declaredAt = firstLine + index;
    const members: { text: string; line: number }[] = [];
    // Members on the declaration's own line (`type Tag = { id: number; name: string }`), then one a line up to the closing brace.
    let rest = start[3] ?? '';
    let line = firstLine + index;
    for (;;) {
      const closing = rest.indexOf('}');
      const body = closing >= 0 ? rest.slice(0, closing) : rest;
      for (const part of splitMembers(body)) members.push({ text: part, line });
      if (closing >= 0 || index + 1 >= lines.length) break;
      index += 1;
      rest = lines[index]!;
      line = firstLine + index;
    }
    const table = tableOf(members, file);
    if (table) declared.push({ name, line: declaredAt, table });
  }
  return declared.length > 0 ? declared : undefined;
}

/** `Comment = { id: string, body: string }` written on one line: its fields, or undefined. */
export function inlineObjectType(text: string, line: number, file: string): DeclaredType | undefined {
  const match = /^([A-Z][A-Za-z0-9_]*)\s*[=:]\s*`?\s*\{(.*)\}\s*`?\s*$/.exec(text.trim());
  if (!match) return undefined;
  const table = tableOf(splitMembers(match[2]!).map((part) => ({ text: part, line })), file);
  return table ? { name: match[1]!, line, table } : undefined;
}

/** Members apart at `;` or `,` outside brackets and quotes, comments kept with theirs. */
function splitMembers(body: string): string[] {
  const [code = '', comment] = body.split(/\s*\/\/\s*/, 2);
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of code) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if ('([<{'.includes(char)) depth += 1;
    else if (')]>}'.includes(char)) depth -= 1;
    if (!quote && depth === 0 && (char === ';' || char === ',')) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  const members = parts.map((part) => part.trim()).filter((part) => part !== '');
  if (comment !== undefined && members.length > 0) members[members.length - 1] += ` // ${comment.trim()}`;
  return members;
}

function tableOf(members: { text: string; line: number }[], file: string): FieldTable | undefined {
  const rows: FieldRow[] = [];
  for (const member of members) {
    const [code = '', comment = ''] = member.text.split(/\s*\/\/\s*/, 2);
    const match = MEMBER.exec(code);
    if (!match) continue;
    const [, name, optional, written] = match as unknown as [string, string, string | undefined, string];
    const type = parseTypeExpression(written);
    // Another object type (`Label[]`, `{ lat: number }`): a relation or a nested value the keys say better.
    if (!type || namedTypesOf(type).length > 0 || written.includes('{')) continue;
    const nullable = type.nullable === true;
    const format = type.kind === 'scalar' && type.schema.type === 'string' && type.schema.format === undefined ? FORMAT_COMMENT.exec(comment.trim())?.[1] : undefined;
    const typeText = format === undefined ? written : nullable ? `${format} | null` : format;
    try {
      rows.push(readFieldRow({ name, type: typeText, description: comment, required: optional === undefined && !nullable }, file, member.line));
    } catch (error) {
      if (!(error instanceof InfraStackError)) throw error;
    }
  }
  return rows.length > 0 ? { rows, line: members[0]?.line ?? 0 } : undefined;
}
