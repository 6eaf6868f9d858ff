import type { DocumentRule, RuleSource, SchemaNode } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { singular as singularOf, toSnake } from '../naming.js';
import { readFieldNotes } from '../parsers/markdown/field-notes.js';
import type { TypeExpression } from '../parsers/markdown/type-expression.js';
import { CHINESE_SCOPE_CLOSERS, CHINESE_SCOPE_OPENERS } from '../parsers/markdown/scope-words.js';

type FieldNoteRule = Extract<DocumentRule, { kind: 'field-note' }>;

/** The schemas a rule may name, and how a phrase names one of them exactly (`customer`, `顾客`). */
export interface FieldRuleTargets {
  schemas: ReadonlyMap<string, { schema: SchemaNode }>;
  /** The schema an entity phrase names as a whole, or undefined. */
  exactEntity(phrase: string): string | undefined;
  /** The schema a heading's title names (`4.5 学员（student）`), or undefined. */
  sectionEntity(title: string): string | undefined;
}

export interface FieldNoteOutcome {
  /** `Customer.email`: the fields the rule was applied to. */
  applied: string[];
  /** Why nothing was applied, when nothing was. */
  problem?: string;
}

const POSSESSIVE = /^(.+?)['’]s\s+(.+)$/u;
const OF = /^(.+?)(?:\s+(?:of|de|del|de\s+la|du|des|von|vom|der)\s+|\s+d['’])(?:(?:the|a|an|each|every|any|un|una|cada|el|la|los|las|le|les|chaque|une?|jede[mnrs]?|eine[mnrs]?|dem|des)\s+)?(.+)$/iu;
/** Words after a subject that are no part of it: `también` (also), `por defecto` (by default). */
const TRAILING_WORDS = /\s+(?:también|tambien|also|too|as\s+well|aussi|auch|ebenfalls|igualmente|anche|também|por\s+defecto|by\s+default|par\s+défaut|standardmäßig|por\s+padrão|predefinito)$/iu;

/** The words of OF between a field and its entity, wherever they stand. */
const OF_WORD = /\s+(?:of|de|del|de\s+la|du|des|von|vom|der)\s+/giu;
/** `用户的邮箱`, `患者の電話番号`, `email của bệnh nhân`. */
const CHINESE_OF = /^(.+?)(?:的|の)(.+)$/u;
const VIETNAMESE_OF = /^(.+?)\s+của\s+(.+)$/iu;
const LEADING_ARTICLE = /^(?:(?:the|a|an|each|every|any|all|el|la|los|las|un|una|cada|le|les|une|chaque|der|die|das|jede[mnrs]?|il|lo|gli|ogni|o|os|as|um|uma)\s+|l['’])/iu;

function propertiesOf(schema: SchemaNode): Record<string, SchemaNode> {
  return (schema.properties as Record<string, SchemaNode> | undefined) ?? {};
}

/**
 * The property a phrase names: its name (`full name` is `full_name`), or its description's first
 * words (`用户名`); in the plural too, as sentences about all rows say it (`room codes`).
 */
function propertyNamed(schema: SchemaNode, phrase: string): string | undefined {
  const words = phrase.trim().replace(LEADING_ARTICLE, '');
  const singular = words.replace(/[A-Za-z]+$/, (last) => singularOf(last));
  return propertyWritten(schema, words) ?? (singular !== words ? propertyWritten(schema, singular) : undefined);
}

/** Prepositions a field's name leaves out of what a sentence says of it: `numéro de puce` is `numero_puce`. */
const LINKING_WORDS = /\s+(?:de|du|des|del|da|do|di|von|van)\s+/giu;

function propertyWritten(schema: SchemaNode, written: string): string | undefined {
  const properties = propertiesOf(schema);
  // `duración` of `duracion_minutos`: names leave the accents out.
  const words = written.normalize('NFD').replace(/\p{M}/gu, '');
  const snake = toSnake(words.replace(/[\s-]+/g, '_'));
  if (properties[snake] && snake !== '') return snake;
  const linked = toSnake(words.replace(LINKING_WORDS, ' ').replace(/[\s-]+/g, '_'));
  if (linked !== snake && properties[linked] && linked !== '') return linked;
  // `la durée` of `duree_minutes`, `le poids` of `poids_kg`: the one property the words begin.
  const begun = snake === '' ? [] : Object.keys(properties).filter((name) => name.startsWith(`${snake}_`));
  if (begun.length === 1) return begun[0];
  // Both sides without accents (nor the voicing marks of kana: `コード`).
  const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
  const lower = plain(words);
  // `会場コード` of `| 会場コード | venue_code |`: the label a table gives it.
  const labelled = Object.keys(properties).filter((name) => {
    const aliases = properties[name]![SCHEMA_HINTS.aliases];
    return Array.isArray(aliases) && aliases.some((alias) => typeof alias === 'string' && plain(alias) === lower);
  });
  if (labelled.length === 1) return labelled[0];
  return Object.keys(properties).find((name) => {
    const described = properties[name]!.description;
    return typeof described === 'string' && plain(described.split(/[，,;；。(（]/)[0]!) === lower;
  });
}

/** The (entity, field) pairs a subject names: `Customer email`, `a customer's full name`, `the email of a user`, `用户名` alone. */
function fieldsNamed(subject: string, targets: FieldRuleTargets): [string, string][] {
  const text = subject.trim().replace(LEADING_ARTICLE, '').replace(TRAILING_WORDS, '');
  const owned = (entityPhrase: string, fieldPhrase: string): [string, string][] => {
    const entity = targets.exactEntity(entityPhrase);
    const schema = entity === undefined ? undefined : targets.schemas.get(entity)?.schema;
    const field = schema ? propertyNamed(schema, fieldPhrase) : undefined;
    return entity !== undefined && field !== undefined ? [[entity, field]] : [];
  };
  for (const [pattern, entityFirst] of [[POSSESSIVE, true], [CHINESE_OF, true], [OF, false], [VIETNAMESE_OF, false]] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    const found = entityFirst ? owned(match[1]!, match[2]!) : owned(match[2]!, match[1]!);
    if (found.length > 0) return found;
  }
  // `El documento de identidad del paciente`: the field's own words may hold an `of` too; the entity follows the last that names one.
  for (const link of text.matchAll(OF_WORD)) {
    const found = owned(text.slice(link.index + link[0].length).replace(LEADING_ARTICLE, ''), text.slice(0, link.index));
    if (found.length > 0) return found;
  }
  // `Customer email`, `Product unit price`, `用户邮箱`: an entity's name, then its field's.
  const spaced = /\s/.test(text);
  const cuts = spaced ? [...text.matchAll(/\s+/g)].map((m) => m.index) : [...text].map((_, index) => index).slice(1);
  for (const cut of cuts) {
    const found = owned(text.slice(0, cut), text.slice(cut));
    if (found.length > 0) return found;
  }
  // `Email must be unique`: every entity with that field.
  return [...targets.schemas].flatMap(([entity, { schema }]): [string, string][] => {
    const field = schema.type === 'object' || schema.properties ? propertyNamed(schema, text) : undefined;
    return field === undefined ? [] : [[entity, field]];
  });
}

/** The field's type as the notes reader sees it: a number, a text (an enum is one), or something else. */
function typeOf(node: SchemaNode, targets: FieldRuleTargets): TypeExpression {
  if (typeof node.type === 'string' && node.$ref === undefined) return { kind: 'scalar', schema: { type: node.type, ...(typeof node.format === 'string' ? { format: node.format } : {}) } };
  if (enumOf(node, targets) !== undefined) return { kind: 'scalar', schema: { type: 'string' } };
  return { kind: 'named', name: 'Unknown' };
}

/** The values of the enum a property refers to (`$ref` to a component with `enum`), or its own. */
function enumOf(node: SchemaNode, targets: FieldRuleTargets): unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum;
  const name = typeof node.$ref === 'string' ? decodeURIComponent(node.$ref.replace(/^#\/components\/schemas\//, '')) : undefined;
  const target = name === undefined ? undefined : targets.schemas.get(name)?.schema.enum;
  return Array.isArray(target) ? target : undefined;
}

function sameValues(values: unknown[] | undefined, stated: string[]): boolean {
  return values !== undefined && values.length === stated.length && stated.every((value) => values.includes(value));
}

function because(source: RuleSource): { rule: string; file: string; line?: number } {
  return { rule: `rule "${source.text.trim()}"`, file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) };
}

/** `同一酒店下`, `每个部门内`, `在同一班级中`, `每个酒店的`: the rows a Chinese rule holds among, said before its field. */
const CHINESE_SCOPE_LEAD = new RegExp(`^(?:在)?(?:${CHINESE_SCOPE_OPENERS})`, 'u');
const CHINESE_SCOPE_END = new RegExp(`(?:${CHINESE_SCOPE_CLOSERS})的?|的`, 'gu');
/** `Within a hotel, room codes`, `In each course, ...`, `Per hotel, ...`. */
const ENGLISH_SCOPE_LEAD = /^(?:within|in|per|for)\s+(?:(?:a|an|the|each|every|one|any|the\s+same)\s+)?(.+?),\s*(.+)$/iu;

/** The fields a subject names and, where it says so, the rows they hold among (`hotel`). */
interface NamedFields {
  named: [string, string][];
  scope?: string;
}

/**
 * The fields a subject names with the rows they hold among said first (`同一酒店下房间号`,
 * `Within a hotel, room codes`) or as their owner though another entity holds them (`each
 * hotel's room codes`: rooms' codes, among a hotel's rooms). Every place a Chinese scope could end
 * is tried: `同一部门中文名` is a field `中文名` among a 部门's rows only where 部门 is an entity.
 */
function scopedFields(subject: string, targets: FieldRuleTargets): NamedFields | undefined {
  const text = subject.trim();
  const within = (scope: string, fieldPhrase: string): NamedFields | undefined => {
    if (scope === '' || fieldPhrase === '' || targets.exactEntity(scope) === undefined) return undefined;
    const named = fieldsNamed(fieldPhrase, targets);
    return named.length > 0 ? { named, scope } : undefined;
  };
  const lead = CHINESE_SCOPE_LEAD.exec(text);
  if (lead) {
    const rest = text.slice(lead[0].length);
    for (const end of rest.matchAll(CHINESE_SCOPE_END)) {
      const found = within(rest.slice(0, end.index), rest.slice(end.index + end[0].length));
      if (found) return found;
    }
  }
  const english = ENGLISH_SCOPE_LEAD.exec(text);
  if (english) return within(english[1]!, english[2]!);
  const bare = text.replace(LEADING_ARTICLE, '');
  for (const [pattern, ownerFirst] of [[POSSESSIVE, true], [CHINESE_OF, true], [OF, false]] as const) {
    const match = pattern.exec(bare);
    if (!match) continue;
    const [owner, fieldPhrase] = ownerFirst ? [match[1]!, match[2]!] : [match[2]!, match[1]!];
    const found = within(owner.replace(LEADING_ARTICLE, '').replace(CHINESE_SCOPE_LEAD, ''), fieldPhrase);
    if (found) return found;
  }
  return undefined;
}

/** A scope said first wins (`每个酒店的房间号` is no field of a hotel); else the fields named, else a scope said as their owner. */
function namedBy(subject: string, targets: FieldRuleTargets): NamedFields {
  const scopeFirst = CHINESE_SCOPE_LEAD.test(subject.trim()) || ENGLISH_SCOPE_LEAD.test(subject.trim());
  const scoped = scopeFirst ? scopedFields(subject, targets) : undefined;
  if (scoped) return scoped;
  const named = fieldsNamed(subject, targets);
  if (named.length > 0) return { named };
  return (scopeFirst ? undefined : scopedFields(subject, targets)) ?? { named: [] };
}

/**
 * A field named without its entity in a sentence under a heading that names an entity: that
 * entity's (`手机号唯一` under `### 4.5 学员（student）` is the student's phone, not the teacher's
 * too), and none when that entity has no such field.
 */
function inSectionEntity(named: [string, string][], section: string | undefined, subject: string, targets: FieldRuleTargets): [string, string][] {
  const entity = section === undefined ? undefined : targets.sectionEntity(section);
  if (entity === undefined) return named;
  const own = named.filter(([candidate]) => candidate === entity);
  if (own.length > 0) return own;
  // `The status is one of: Draft, Sent, Paid` under `### Invoices`, whose rows have no status: not the customer's status either.
  const namesAnEntity = subject.split(/[\s.'’]+/).some((word) => targets.exactEntity(word) !== undefined);
  return namesAnEntity ? named : [];
}

/**
 * Applies a field's rule stated in a sentence to the field(s) it names, as the field's own note
 * would: unique (among all rows, or among the rows of what the sentence scopes it to), index,
 * default, reference, read only, bounds, listed values (an enum).
 */
export function applyFieldNote(rule: FieldNoteRule, targets: FieldRuleTargets, required: (entity: string) => string[]): FieldNoteOutcome {
  const { named: everywhere, scope } = namedBy(rule.subject, targets);
  const named = inSectionEntity(everywhere, rule.source.section, rule.subject, targets);
  if (named.length === 0) return { applied: [], problem: `names no field of the documents' entities in "${rule.subject}"` };
  const applied: string[] = [];
  for (const [entity, field] of named) {
    const node = propertiesOf(targets.schemas.get(entity)!.schema)[field]!;
    const notes = readFieldNotes(rule.note, typeOf(node, targets), rule.source.file, rule.source.line ?? 0);
    // Unique among the rows of the scope the sentence names: with the key to it (resolveUniqueScopes).
    if (scope !== undefined && notes.hints[SCHEMA_HINTS.unique] === true) {
      delete notes.hints[SCHEMA_HINTS.unique];
      notes.hints[SCHEMA_HINTS.uniqueWithin] = scope;
    }
    const reasons = { ...((node[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}) };
    let changed = false;
    for (const [key, value] of Object.entries(notes.hints)) {
      if (key === SCHEMA_HINTS.why) continue;
      node[key] = value;
      if (key.startsWith('x-')) reasons[key] = because(rule.source);
      changed = true;
    }
    if (notes.type?.kind === 'enum' && node.type === 'string' && node.format === undefined) {
      node.enum = notes.type.values;
      changed = true;
    } else if (notes.type?.kind === 'enum' && sameValues(enumOf(node, targets), notes.type.values)) {
      // `status is one of draft, published` where the table already typed it so: the rule holds.
      changed = true;
    }
    if (notes.defaultText !== undefined && node.default === undefined && node.type === 'string' && node.format === undefined) {
      node.default = notes.defaultText;
      changed = true;
    }
    if (notes.required === false) {
      const list = required(entity);
      if (list.includes(field)) list.splice(list.indexOf(field), 1);
      changed = true;
    }
    if (Object.keys(reasons).length > 0) node[SCHEMA_HINTS.why] = reasons;
    if (changed) applied.push(`${entity}.${field}`);
  }
  return applied.length > 0 ? { applied } : { applied, problem: `changes nothing of ${named.map(([e, f]) => `${e}.${f}`).join(', ')}` };
}
