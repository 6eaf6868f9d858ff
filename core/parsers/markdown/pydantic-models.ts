import { InfraStackError } from '../../errors.js';
import { readFieldRow, type FieldRow } from './field-table.js';
import { namedTypesOf, parseTypeExpression } from './type-expression.js';
import type { DeclaredType } from './typescript-declarations.js';

/** `class ItemIn(BaseModel):`, `class ItemOut(ItemIn):`, `class Item(SQLModel, table=True):`. */
const CLASS = /^class\s+([A-Z][A-Za-z0-9_]*)\s*\(([^)]*)\)\s*:/;
/** `    sku: str = Field(max_length=40)  # notes` */
const MEMBER = /^\s+([a-z_][A-Za-z0-9_]*)\s*:\s*([^=#]+?)\s*(?:=\s*([^#]+?))?\s*(?:#\s*(.*))?$/;
/** What a model's name says of its role, not of the row: `In`, `Create`, `Out`, `Read`... */
const ROLE = /(?:In|Out|Create|Read|Update|Base|Schema|Public|Response|Request|Model|Dto|DTO)$/;
/** Roles of the models a client receives: their own fields the server sets. */
const OUTPUT_ROLE = /(?:Out|Read|Public|Response)$/;
/** `Field(...)` arguments as the notes a table would give. */
const FIELD_ARGUMENTS: [RegExp, (value: string) => string][] = [
  [/^max_length$/, (value) => `max ${value} characters`],
  [/^min_length$/, (value) => `at least ${value} characters`],
  [/^ge$/, (value) => `>= ${value}`],
  [/^gt$/, (value) => `> ${value}`],
  [/^le$/, (value) => `<= ${value}`],
  [/^lt$/, (value) => `< ${value}`],
];

interface ModelClass {
  name: string;
  bases: string[];
  line: number;
  members: { name: string; type: string; value?: string; comment: string; line: number }[];
}

/**
 * Models a fenced block declares in Python as backend teams write them (Pydantic, SQLModel,
 * dataclasses): one named type per row they describe, its fields those of the family of models
 * named after it (`ItemIn`, `ItemOut(ItemIn)` give `Item`), a field only an output model has set
 * by the server. A field with no default is required; `Optional[...]` and `X | None` may be null;
 * `Literal[...]` lists values; `Field(max_length=40, ge=0, default=...)` bounds and defaults it.
 * A field typed with another model (`lines: list[LineOut]`) is a relation the keys say better:
 * left out. Undefined when the block declares no class with fields.
 */
export function pythonModels(text: string, firstLine: number, file: string): DeclaredType[] | undefined {
  const classes = classesOf(text, firstLine);
  if (classes.length === 0) return undefined;
  const byName = new Map(classes.map((model) => [model.name, model]));
  const families = new Map<string, ModelClass[]>();
  for (const model of classes) {
    const row = model.name.replace(ROLE, '') || model.name;
    families.set(row, [...(families.get(row) ?? []), model]);
  }
  const declared: DeclaredType[] = [];
  for (const [name, family] of families) {
    const rows = new Map<string, FieldRow>();
    for (const model of family) {
      const output = OUTPUT_ROLE.test(model.name);
      for (const member of membersOf(model, byName)) {
        const row = rowOf(member, file);
        if (!row) continue;
        const known = rows.get(row.name);
        // An output model's own field the input models lack: the server's.
        if (!known) rows.set(row.name, output && family.some((other) => other !== model && !OUTPUT_ROLE.test(other.name)) ? { ...row, required: false, hints: { ...row.hints, readOnly: true } } : row);
      }
    }
    if (rows.size > 0) declared.push({ name, line: family[0]!.line, table: { rows: [...rows.values()], line: family[0]!.line } });
  }
  return declared.length > 0 ? declared : undefined;
}

function classesOf(text: string, firstLine: number): ModelClass[] {
  const classes: ModelClass[] = [];
  let current: ModelClass | undefined;
  text.split('\n').forEach((line, index) => {
    const start = CLASS.exec(line);
    if (start) {
      current = { name: start[1]!, bases: start[2]!.split(',').map((base) => base.trim().split('=')[0]!.trim()).filter(Boolean), line: firstLine + index, members: [] };
      classes.push(current);
      return;
    }
    if (!current) return;
    if (line.trim() !== '' && !/^\s/.test(line)) {
      current = undefined;
      return;
    }
    const member = MEMBER.exec(line);
    if (member && !/^\s+(?:def|class|model_config)\b/.test(line)) {
      current.members.push({ name: member[1]!, type: member[2]!.trim(), ...(member[3] !== undefined ? { value: member[3].trim() } : {}), comment: member[4]?.trim() ?? '', line: firstLine + index });
    }
  });
  return classes.filter((model) => model.members.length > 0 || model.bases.some((base) => classes.some((other) => other.name === base)));
}

/** A model's members, those of the models it extends first. */
function membersOf(model: ModelClass, byName: ReadonlyMap<string, ModelClass>, seen = new Set<string>()): ModelClass['members'] {
  if (seen.has(model.name)) return [];
  seen.add(model.name);
  const inherited = model.bases.flatMap((base) => {
    const parent = byName.get(base);
    return parent ? membersOf(parent, byName, seen) : [];
  });
  return [...inherited, ...model.members];
}

function rowOf(member: ModelClass['members'][number], file: string): FieldRow | undefined {
  const type = parseTypeExpression(member.type);
  if (!type || namedTypesOf(type).length > 0) return undefined;
  const { defaultText, notes } = readValue(member.value);
  // No default (`sku: str`, `Field(max_length=40)`, `Field(...)`): the client must send it, unless it may be null.
  const withoutDefault = member.value === undefined || (/^Field\(/.test(member.value) && defaultText === undefined && !/default_factory|default\s*=/.test(member.value));
  const sent = type.nullable === true ? false : withoutDefault;
  try {
    return readFieldRow({ name: member.name, type: member.type, description: [...notes, member.comment].filter(Boolean).join('; '), required: sent, ...(defaultText !== undefined ? { defaultText } : {}) }, file, member.line);
  } catch (error) {
    if (error instanceof InfraStackError) return undefined;
    throw error;
  }
}

/** `= "pick"`, `= Field(default=0, ge=0)`: the default as written (no `None`, no list) and the bounds as notes. */
function readValue(value: string | undefined): { defaultText?: string; notes: string[] } {
  if (value === undefined) return { notes: [] };
  const call = /^Field\((.*)\)$/s.exec(value);
  if (!call) return { ...literalDefault(value), notes: [] };
  const notes: string[] = [];
  let defaultText: string | undefined;
  for (const argument of call[1]!.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [key = '', raw = ''] = argument.includes('=') ? argument.split(/\s*=\s*/, 2) : ['default', argument];
    if (key === 'default') defaultText = literalDefault(raw).defaultText;
    const note = FIELD_ARGUMENTS.find(([pattern]) => pattern.test(key));
    if (note) notes.push(note[1](raw));
  }
  return { ...(defaultText !== undefined ? { defaultText } : {}), notes };
}

function literalDefault(value: string): { defaultText?: string } {
  const text = value.trim();
  if (text === 'None' || text === '...' || /^[[{(]/.test(text)) return {};
  if (/^(?:True|False)$/.test(text)) return { defaultText: text.toLowerCase() };
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return { defaultText: quoted[2]! };
  return /^-?\d+(?:\.\d+)?$/.test(text) ? { defaultText: text } : {};
}
