import type { ApiDocument, SchemaNode } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { singular, toSnake } from '../naming.js';
import { keyTypeOf, propertiesOf } from './schema-edits.js';
import type { EntityNames } from './entity-names.js';

/** `员工ID`, `employee ID`, `ID of the employee`, `the employee's id`: the words before or after a key's name in a note. */
const NOTE_KEY_BEFORE = /([\p{L}][\p{L}\s'’-]*?)\s*(?:['’]s\s+)?(?:ID|Id|id|编号|ＩＤ|아이디)(?![A-Za-z0-9])/gu;
/** Each mention of an ID: a note naming one only says which table the key is to. */
const ID_WORD = /(?<![A-Za-z0-9])(?:ID|Id|id|ＩＤ|编号|아이디)(?![A-Za-z0-9])/gu;
// The ID itself, not one qualified (`the tax ID of the customer` is no key to customers); the entity
// named whole, up to where the phrase goes on (`the ID of the runner group to which` is no runner's).
const NOTE_KEY_AFTER = /(?:^|(?<![\p{L}\p{N}])(?:the|an?|its|el|la|le|l['’]|der|die|das)\s+)(?:ID|id|Id)\s+(?:of|de|del|du|des|von|của)\s+(?:(?:the|an?|l[ae]s?|el|la|der|die|des)\s+|l['’])?([\p{L}]+(?:\s+[\p{L}]+)?)(?=\s*$|\s*[,.;:()（）]|\s+(?:to|which|that|who|whom|for|in|on|at|this|it|if|when|where)(?![\p{L}]))/giu;

/** A key-like property (`manager_id`) whose note speaks of an ID: it may name the entity keyed. */
export function notesAnId(name: string, node: SchemaNode | null): boolean {
  return node !== null && typeof node === 'object' && /^.+(?:_id|Id|ID)$/.test(name) && node[SCHEMA_HINTS.references] === undefined && typeof node.description === 'string' && /ID|Id|\bid\b|编号|아이디/u.test(node.description);
}

/**
 * A key whose name says nothing of its table (`manager_id`) but whose note names an entity's ID
 * (`部门负责人（员工ID）`, `the employee ID of the manager`): it refers to that entity. Only
 * where the name names no entity itself, and the note one entity exactly.
 */
export function keysNotesName(schemas: ApiDocument['schemas'], names: EntityNames): void {
  for (const [name, { schema, source }] of schemas) {
    for (const [property, node] of Object.entries(propertiesOf(schema))) {
      if (!notesAnId(property, node)) continue;
      const stem = /^(.+?)(?:_id|Id|ID)$/.exec(property)![1]!;
      const note = node.description as string;
      if (names.exact(stem) !== undefined) continue;
      if (node.type !== 'integer' && !(node.type === 'string' && (node.format === undefined || node.format === 'uuid'))) continue;
      // `a customer ID, a cart ID, or similar` names no one table.
      const named = new Set([...entitiesBeforeId(note, names), ...[...note.matchAll(NOTE_KEY_AFTER)].flatMap((m) => names.exact(m[1]!) ?? [])]);
      if ([...note.matchAll(ID_WORD)].length !== 1 || named.size !== 1) continue;
      const entity = [...named][0]!;
      // Only a table a path serves, and not the row's own (`entity_id: Shipment ID` is the shipment's key).
      if (entity === name || !names.served.has(entity)) continue;
      referTo(node, node, schemas, entity, `the field's note "${note.trim()}" names the ID of ${entity}`, source.file);
    }
  }
}

/** The entity named right before an `ID` in a note: the last word or two (`employee ID`), or the shortest run of Chinese ending there (`负责人员工ID` → 员工). */
function entitiesBeforeId(note: string, names: EntityNames): string[] {
  const found: string[] = [];
  for (const match of note.matchAll(NOTE_KEY_BEFORE)) {
    const words = match[1]!.trim();
    // Chinese, and Japanese with its kana (`主催者のユーザーID`): no spaces between words, so every ending is a candidate.
    const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\p{Script=Hangul}]+$/u.exec(words)?.[0];
    // In words with spaces, only a note that starts so (`The employee ID of the deputy`): elsewhere
    // `X ID` is as often an ID of another kind (`identifies the customer tax id`).
    if (!han && !/^(?:(?:the|an?|its)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu.test(words)) continue;
    const candidates = han ? [...han].map((_, i) => han.slice(han.length - 1 - i)) : [words.split(/\s+/).slice(-1).join(' '), words.split(/\s+/).slice(-2).join(' ')];
    const entity = candidates.map((candidate) => names.exact(candidate)).find((name) => name !== undefined);
    if (entity) found.push(entity);
  }
  return found;
}

/**
 * Keys named after an entity in the documents' own language: `danh_muc_id` where the section
 * `Danh mục` serves `/categories` (Category), `autor_id` beside `Autoren`, and the lists of keys
 * alike (`tac_gia_ids`: Author). Only for names the entity's English name does not already give
 * (those keys are found by name when the model is derived), only to a table a path serves and
 * not the row's own, and only when the key's type is its target's.
 */
export function keysNamedInTheirLanguage(schemas: ApiDocument['schemas'], names: EntityNames): void {
  for (const [name, { schema, source }] of schemas) {
    for (const [property, node] of Object.entries(propertiesOf(schema))) {
      if (node === null || typeof node !== 'object' || node[SCHEMA_HINTS.references] !== undefined) continue;
      const list = /^(.+)_ids$/.exec(property);
      const single = /^(.+)_id$/.exec(property);
      const stem = list?.[1] ?? single?.[1];
      const keyNode = list ? (node.type === 'array' && node.items && typeof node.items === 'object' ? (node.items as SchemaNode) : undefined) : node;
      if (stem === undefined || keyNode === undefined) continue;
      const entity = names.exact(stem);
      if (entity === undefined) {
        const qualified = list ? undefined : qualifiedKeyTarget(stem, name, names);
        if (qualified) referTo(node, keyNode, schemas, qualified.entity, `${property} names ${qualified.entity} ("${qualified.named}") with a qualifier ("${qualified.qualifier}")`, source.file);
        continue;
      }
      if (entity === name || !names.served.has(entity) || toSnake(entity) === stem || toSnake(entity) === singular(stem)) continue;
      referTo(node, keyNode, schemas, entity, `${property} names ${entity} as the documents call it ("${stem.replace(/_/g, ' ')}")`, source.file);
    }
  }
}

/** A qualifier no shorter than this, and an entity's name no shorter than this, make a compound word a key's name. */
const MIN_QUALIFIER = 3;
const MIN_COMPOUND_HEAD = 4;

/**
 * The entity a key's name qualifies: a German compound ending with it (`oberkategorie_id`,
 * `hauptzutat_id`), or an entity followed by a qualifier, as languages that put the noun first
 * write it (`danh_muc_cha_id` on Danh mục: its parent; `giao_vien_chu_nhiem_id`: the class's
 * teacher in charge; `medico_responsable_id`). Only in API lists (English names ending with their
 * entity are read when the model is derived: `primary_author_id`).
 */
function qualifiedKeyTarget(stem: string, own: string, names: EntityNames): { entity: string; named: string; qualifier: string } | undefined {
  const words = stem.split('_');
  for (let n = words.length - 1; n >= 1; n -= 1) {
    const named = words.slice(0, n).join('_');
    const entity = names.exact(named);
    if (entity !== undefined && (entity === own || names.served.has(entity))) return { entity, named: named.replace(/_/g, ' '), qualifier: words.slice(n).join(' ') };
  }
  if (words.length !== 1) return undefined;
  for (let start = MIN_QUALIFIER; stem.length - start >= MIN_COMPOUND_HEAD; start += 1) {
    const entity = names.exact(stem.slice(start));
    if (entity !== undefined && (entity === own || names.served.has(entity))) return { entity, named: stem.slice(start), qualifier: stem.slice(0, start) };
  }
  return undefined;
}

/**
 * Makes `node` refer to `entity`, with why, when the key it holds (`keyNode`: the node, or a list's
 * items) has the type of the entity's key: a text never keys an integer id, nor a number a text one.
 */
function referTo(node: SchemaNode, keyNode: SchemaNode, schemas: ApiDocument['schemas'], entity: string, rule: string, file: string): void {
  const keyType = keyTypeOf(schemas.get(entity)!.schema);
  if (keyType.type !== keyNode.type || (keyType.type === 'string' && keyType.format !== keyNode.format)) return;
  node[SCHEMA_HINTS.references] = entity;
  const line = node[SCHEMA_HINTS.sourceLine];
  node[SCHEMA_HINTS.why] = {
    ...((node[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}),
    [SCHEMA_HINTS.references]: { rule, file, ...(typeof line === 'number' ? { line } : {}) },
  };
}
