import { WHOLE_NAME } from './type-words.js';
import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow, type FieldTable } from './field-table.js';
import { namedTypesOf, parseTypeExpression } from './type-expression.js';

/** `type User = {`, `export interface Task extends Base {`, `interface ApiResponse<T> {`: the start of a declaration of an object type. */
const DECLARATION =
  /^\s*(?:export\s+)?(?:type\s+([A-Z][A-Za-z0-9_]*)(?:\s*<\s*([A-Z]\w*)[^>]*>)?\s*=\s*\{|interface\s+([A-Z][A-Za-z0-9_]*)(?:\s*<\s*([A-Z]\w*)[^>]*>)?(?:\s+extends\s+[\w\s,<>]+)?\s*\{)(.*)$/;
/** `type PostStatus = 'draft' | 'published'`: a name for a union of texts. */
const ALIAS = /^\s*(?:export\s+)?type\s+([A-Z][A-Za-z0-9_]*)\s*=\s*((?:'[^'\n]*'|"[^"\n]*")(?:\s*\|\s*(?:'[^'\n]*'|"[^"\n]*"))+)\s*;?\s*(?:\/\/.*)?$/;
/** `name?: string | null  // uuid`, `readonly id: number;` */
const MEMBER = /^\s*(?:readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)(\?)?\s*:\s*(.+?)\s*[;,]?\s*$/;
/** A comment that is a format the type does not say (`id: string // uuid`). */
const FORMAT_COMMENT = /^(uuid|email|url|uri|date|datetime|date-time|time|decimal)\b/i;

export interface DeclaredType {
  name: string;
  line: number;
  table: FieldTable;
}

/** A member of a declaration as written: `code: number // 0 成功`. */
export interface DeclaredMember {
  name: string;
  optional: boolean;
  type: string;
  comment?: string;
  line: number;
}

/** A generic declaration (`interface ApiResponse<T> { code: number; data: T }`): a shape other types fill, such as the envelope of every answer. */
export interface GenericDeclaration {
  name: string;
  parameter: string;
  line: number;
  members: DeclaredMember[];
}

export interface TypeScriptBlock {
  types: DeclaredType[];
  generics: GenericDeclaration[];
  /** `type UserRole = 'user' | 'admin'`: each alias's union, by name. */
  aliases: Map<string, string>;
}

/**
 * Object types a fenced block declares in TypeScript, as API lists written by TypeScript teams
 * give their models (`type User = { ... }`, `interface Task { ... }`): each member a field, `?`
 * optional, `T | null` nullable, string literal unions enums (also by an alias's name: `role:
 * UserRole` after `type UserRole = 'user' | 'admin'`, here or in an earlier block), a comment its
 * notes (`// uuid`, `// default 3`). A member typed with another object type (`labels: Label[]`)
 * is a relation the keys say better: it is left out. Generic declarations (`ApiResponse<T>`) are
 * given apart. Undefined when the block declares nothing.
 */
export function readTypeScriptBlock(text: string, firstLine: number, file: string, knownAliases: ReadonlyMap<string, string> = new Map()): TypeScriptBlock | undefined {
  const lines = text.split('\n');
  const aliases = new Map<string, string>();
  for (const line of lines) {
    const alias = ALIAS.exec(line);
    if (alias) aliases.set(alias[1]!, alias[2]!);
  }
  const known = new Map([...knownAliases, ...aliases]);
  const types: DeclaredType[] = [];
  const generics: GenericDeclaration[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const start = DECLARATION.exec(lines[index]!);
    if (!start) continue;
    const name = (start[1] ?? start[3])!;
    const parameter = start[2] ?? start[4];
    const declaredAt = firstLine + index;
    const members: { text: string; line: number }[] = [];
    // Members on the declaration's own line (`type Tag = { id: number; name: string }`), then one a line up to the closing brace.
    let rest = start[5] ?? '';
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
    const declared = members.map(memberOf).filter((member): member is DeclaredMember => member !== undefined);
    if (parameter !== undefined) {
      generics.push({ name, parameter, line: declaredAt, members: declared });
      continue;
    }
    const table = tableOf(declared.map((member) => ({ ...member, type: withAliases(member.type, known) })), file);
    if (table) types.push({ name, line: declaredAt, table });
  }
  return types.length > 0 || generics.length > 0 || aliases.size > 0 ? { types, generics, aliases } : undefined;
}

/** The object types of a block (readTypeScriptBlock), or undefined when it declares none. */
export function typeScriptDeclarations(text: string, firstLine: number, file: string): DeclaredType[] | undefined {
  const types = readTypeScriptBlock(text, firstLine, file)?.types;
  return types && types.length > 0 ? types : undefined;
}

/** `UserRole`, `UserRole | null` as the union its alias names. */
function withAliases(type: string, aliases: ReadonlyMap<string, string>): string {
  const match = /^([A-Z][A-Za-z0-9_]*)(\s*\|\s*null)?$/.exec(type.trim());
  const union = match ? aliases.get(match[1]!) : undefined;
  return union === undefined ? type : `${union}${match![2] ?? ''}`;
}

function memberOf(member: { text: string; line: number }): DeclaredMember | undefined {
  const [code = '', comment] = member.text.split(/\s*\/\/\s*/, 2);
  const match = MEMBER.exec(code);
  if (!match) return undefined;
  return { name: match[1]!, optional: match[2] !== undefined, type: match[3]!, ...(comment !== undefined && comment.trim() !== '' ? { comment: comment.trim() } : {}), line: member.line };
}

/** `Comment = { id: string, body: string }` written on one line: its fields, or undefined. */
export function inlineObjectType(text: string, line: number, file: string): DeclaredType | undefined {
  const match = /^([A-Z][A-Za-z0-9_]*)\s*[=:]\s*`?\s*\{(.*)\}\s*`?\s*$/.exec(text.trim());
  if (!match) return undefined;
  const members = splitMembers(match[2]!).map((part) => memberOf({ text: part, line }));
  const table = tableOf(members.filter((member): member is DeclaredMember => member !== undefined), file);
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

/** A moment's name (`createdAt`, `publishedAt`, `createTime`): a `string` there is an ISO 8601 date-time, as JSON carries one. */
const MOMENT_NAME = /(?:_at|At|_time|Time)$/;

/** The type a member's TypeScript type stands for, by what its name says: `string` a date-time, `number` an integer. */
function typeWrittenFor(name: string, written: string): string {
  const nullable = /\|\s*null\b/.test(written);
  const bare = written.replace(/\s*\|\s*(?:null|undefined)\b/g, '').trim();
  const type = bare === 'string' && MOMENT_NAME.test(name) ? 'datetime' : bare === 'number' && WHOLE_NAME.test(name) ? 'integer' : undefined;
  return type === undefined ? written : nullable ? `${type} | null` : type;
}

function tableOf(members: DeclaredMember[], file: string): FieldTable | undefined {
  const rows: FieldRow[] = [];
  for (const { name, optional, type: written, comment = '', line } of members) {
    const type = parseTypeExpression(written);
    // Another object type (`Label[]`, `{ lat: number }`): a relation or a nested value the keys say better.
    if (!type || namedTypesOf(type).length > 0 || written.includes('{')) continue;
    const nullable = type.nullable === true;
    const format = type.kind === 'scalar' && type.schema.type === 'string' && type.schema.format === undefined ? FORMAT_COMMENT.exec(comment.trim())?.[1] : undefined;
    const typeText = format === undefined ? typeWrittenFor(name, written) : nullable ? `${format} | null` : format;
    try {
      rows.push(readFieldRow({ name, type: typeText, description: comment, required: !optional && !nullable }, file, line));
    } catch (error) {
      if (!(error instanceof InfraStackError)) throw error;
    }
  }
  return rows.length > 0 ? { rows, line: members[0]?.line ?? 0 } : undefined;
}
