import { InfraStackError } from '../errors.js';
import { locationOf, type ApiDocument, type DocumentRule, type DocumentWarning, type RuleSource, type SchemaNode, type SourceLocation } from '../model/api-document.js';
import { compositeWhyKey, SCHEMA_HINTS } from '../model/hints.js';
import { isInflectionOf, singular, toSnake } from '../naming.js';
import { applyFieldNote } from './field-note-rules.js';
import { findResources } from './resources.js';
import { SchemaTypes } from './schema-types.js';

/** Words around a noun that do not name it: `their orders`, `the user`, `其借阅记录`. */
const ENGLISH_FILLERS = /\b(?:the|a|an|its|their|his|her|our|your|all|each|every|any|some|these|those|one|also|too|for\s+\w+(?:\s+\w+)?|records?|rows?|entries)\b/gi;
const CHINESE_FILLERS = /其|它的|他的|该|对应的|相关的|所有的?|这个|每个|每位|一个|记录|数据|信息|的/g;
/** Words a section title adds to a resource's name: `读者管理`, `Doctor endpoints`. */
const TITLE_FILLERS = /管理|模块|接口|相关|服务|列表|\b(?:management|endpoints?|module|api|apis|resources?|section)\b/gi;

interface Target {
  name: string;
  schema: SchemaNode;
}

/** Names people call each schema by: `OrderItem` is `order item(s)`, `order_item(s)`; a resource also by its section (tag). */
class EntityNames {
  private readonly aliases = new Map<string, string>();
  /** The schemas a resource path serves: tables for certain. */
  readonly served = new Set<string>();

  constructor(api: ApiDocument) {
    for (const [name, { schema }] of api.schemas) {
      if (schema.type !== 'object' && schema.properties === undefined) continue;
      const aliases = schema[SCHEMA_HINTS.aliases];
      if (Array.isArray(aliases)) for (const alias of aliases) if (typeof alias === 'string') this.add(alias, name);
      const words = toSnake(name).split('_');
      const last = words.pop()!;
      for (const variant of [[...words, last], [...words, pluralOf(last)], [...words, singular(last)]]) {
        this.add(variant.join(' '), name);
        this.add(variant.join('_'), name);
        this.add(variant.join(''), name);
      }
    }
    const resources = findResources(api, new SchemaTypes(api));
    for (const resource of resources) {
      this.served.add(resource.schemaName);
      const segment = resource.collectionPath.split('/').filter(Boolean).pop();
      if (segment) this.add(segment.replace(/[-_]/g, ' '), resource.schemaName);
      for (const tag of new Set(resource.operations.flatMap((op) => op.tags))) {
        const cleaned = normalized(tag.replace(TITLE_FILLERS, ' '));
        for (const part of cleaned.split(/\s*[/|,，、()（）]\s*|\s+-\s+/)) {
          this.add(part, resource.schemaName);
          // A title in two scripts (`回复 Replies`, `2. 回复 Replies`) names the resource in each.
          for (const run of part.match(/[\u4e00-\u9fff]+|[^\u4e00-\u9fff]+/g) ?? []) if (/\p{L}/u.test(run)) this.add(run.replace(/^[\d\s.]+/, ''), resource.schemaName);
        }
      }
    }
  }

  private add(alias: string, name: string): void {
    const key = normalized(alias);
    if (key !== '' && !this.aliases.has(key)) this.aliases.set(key, name);
  }

  /** The schema a phrase names as a whole (an alias, singular or plural), or undefined. */
  exact(phrase: string): string | undefined {
    const text = withoutFillers(phrase);
    return this.aliases.get(text) ?? this.aliases.get(singular(text));
  }

  /** The schema a phrase names: written as an alias, else the longest alias it contains as words. */
  resolve(phrase: string): string | undefined {
    const text = withoutFillers(phrase);
    const exact = this.aliases.get(text) ?? this.aliases.get(singular(text));
    if (exact) return exact;
    let best: [string, string] | undefined;
    for (const [alias, name] of this.aliases) {
      const contained = /[\u4e00-\u9fff]/.test(alias) ? text.includes(alias) : new RegExp(`(?:^|\\s)${escape(alias)}(?:$|\\s)`).test(text);
      if (contained && (!best || alias.length > best[0].length)) best = [alias, name];
    }
    return best?.[1] ?? this.inflected(text);
  }

  /**
   * A word of the phrase that is an alias with an ending of one or two letters: plurals and cases
   * of other languages (`Kunden` for Kunde, `auteurs` for auteur, `salas` for sala).
   */
  private inflected(text: string): string | undefined {
    const words = text.split(' ');
    let best: [string, string] | undefined;
    for (const [alias, name] of this.aliases) {
      if (alias.includes(' ') || /[\u4e00-\u9fff]/.test(alias)) continue;
      const inflected = words.some((word) => isInflectionOf(word, alias));
      if (inflected && (!best || alias.length > best[0].length)) best = [alias, name];
    }
    return best?.[1];
  }
}

/** A phrase without the words around its noun, accents first taken off so `categoría` keeps its final `a`. */
function withoutFillers(phrase: string): string {
  return normalized(withoutAccents(phrase).replace(ENGLISH_FILLERS, ' ').replace(CHINESE_FILLERS, ''));
}

function pluralOf(word: string): string {
  return word.endsWith('y') && !/[aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(?:s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** Latin letters without their accents (`adhérent` is `adherent`, `bệnh nhân` is `benh nhan`), as paths write them. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function normalized(text: string): string {
  return withoutAccents(text).toLowerCase().replace(/[`*_"'“”‘’.,;:!?。，；：！？]/g, ' ').replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function ruleError(message: string, source: SourceLocation): InfraStackError {
  return new InfraStackError(message, { file: source.file, location: locationOf(source) });
}

/** Why a hint is there: the rule's sentence and where it was read. */
function why(source: RuleSource): { rule: string; file: string; line?: number } {
  return { rule: `rule "${source.text.trim()}"`, file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) };
}

function recordWhy(node: SchemaNode, hint: string, source: RuleSource): void {
  const reasons = { ...((node[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}) };
  reasons[hint] = why(source);
  node[SCHEMA_HINTS.why] = reasons;
}

/**
 * Applies the rules the documents state in plain words to their schemas, as the hints an
 * OpenAPI document would carry: soft deletes, on-delete rules, keys for self-references,
 * many-to-many links, belongs-to and has-one keys. A rule under a rules heading naming no
 * entity is an error at its line; elsewhere it is a warning.
 */
export function applyDocumentRules(api: ApiDocument): ApiDocument {
  const rules = api.rules ?? [];
  const hinted = [...api.schemas.values()].some(({ schema }) =>
    Object.entries((schema.properties as Record<string, SchemaNode> | undefined) ?? {}).some(([name, p]) => typeof p[SCHEMA_HINTS.references] === 'string' || p[SCHEMA_HINTS.uniqueWithin] !== undefined || notesAnId(name, p)),
  );
  if (rules.length === 0 && !hinted) return api;
  const names = new EntityNames(api);
  const schemas = new Map([...api.schemas].map(([name, entry]) => [name, { ...entry, schema: structuredClone(entry.schema) }]));
  const warnings: DocumentWarning[] = [...(api.warnings ?? [])];
  const target = (phrase: string, rule: DocumentRule, parent?: Target): Target | undefined => {
    const viaProperty = parent ? propertyTarget(parent, phrase, schemas) : undefined;
    const name = viaProperty ?? names.resolve(phrase);
    const entry = name === undefined ? undefined : schemas.get(name);
    if (entry && name !== undefined) return { name, schema: entry.schema };
    const message = `the rule "${rule.source.text.trim()}" names "${phrase}", which is no entity of the documents`;
    if (rule.source.stated && rule.kind !== 'has-one' && rule.kind !== 'belongs-to') throw ruleError(message, rule.source);
    warnings.push({ message: `${message}; ignored`, source: rule.source });
    return undefined;
  };
  // Keys the fields name (`references Classes`, or a note `员工ID` on `manager_id`) are known before the rules look for a key to a parent.
  keysNotesName(schemas, names);
  resolveReferences(schemas, names);
  const cascades: Cascade[] = [];
  for (const rule of rules) {
    if (rule.kind === 'unique-together') {
      const problem = applyUniqueTogether(rule, schemas, names);
      if (problem !== undefined) warnings.push({ message: `the rule "${rule.source.text.trim()}" ${problem}; ignored`, source: rule.source });
      continue;
    }
    if (rule.kind !== 'field-note') {
      applyRule(rule, target, schemas, cascades);
      continue;
    }
    const required = (entity: string): string[] => {
      const schema = schemas.get(entity)!.schema;
      if (!Array.isArray(schema.required)) schema.required = [];
      return schema.required as string[];
    };
    const outcome = applyFieldNote(rule, { schemas, exactEntity: (phrase) => names.exact(phrase) }, required);
    if (outcome.problem !== undefined) warnings.push({ message: `the rule "${rule.source.text.trim()}" ${outcome.problem}; ignored`, source: rule.source });
  }
  softDeleteCascades(cascades);
  // And those the rules' field notes added.
  resolveReferences(schemas, names);
  warnings.push(...resolveUniqueScopes(schemas, names));
  return { ...api, schemas, ...(warnings.length > 0 ? { warnings } : {}) };
}

type Resolve = (phrase: string, rule: DocumentRule, parent?: Target) => Target | undefined;

/** A cascade a rule asked for: the parent, the child and the child's key to it. */
interface Cascade {
  parent: Target;
  child: Target;
  key: SchemaNode;
  source: RuleSource;
}

/**
 * A soft-deleted parent's row is never deleted, so ON DELETE CASCADE never fires: `删除文章时级联删除其评论`
 * with `文章采用软删除` would leave the comments of a deleted article in every list. Its children
 * are soft deleted with it instead (they get `deleted_at`; soft deleting the parent marks them).
 */
function softDeleteCascades(cascades: readonly Cascade[]): void {
  for (const { parent, child, key, source } of cascades) {
    if (parent.schema[SCHEMA_HINTS.softDelete] !== true) continue;
    child.schema[SCHEMA_HINTS.softDelete] = true;
    recordWhy(child.schema, SCHEMA_HINTS.softDelete, source);
    key[SCHEMA_HINTS.softDeleteCascade] = true;
    recordWhy(key, SCHEMA_HINTS.softDeleteCascade, source);
  }
}

function applyRule(rule: DocumentRule, target: Resolve, schemas: ApiDocument['schemas'], cascades: Cascade[]): void {
  const softDelete = (entity: Target) => {
    entity.schema[SCHEMA_HINTS.softDelete] = true;
    recordWhy(entity.schema, SCHEMA_HINTS.softDelete, rule.source);
  };
  /** The child's key to its parent (added when missing), given what deleting the parent does. */
  const keyDeleted = (parentPhrase: string, childPhrase: string, onDelete: 'CASCADE' | 'RESTRICT', required: boolean) => {
    const parent = target(parentPhrase, rule);
    const child = parent && target(childPhrase, rule, parent);
    if (!parent || !child || ownedBy(parent, child.name)) return undefined;
    const key = keyProperty(child, parent, rule, schemas, required);
    key[SCHEMA_HINTS.onDelete] = onDelete;
    recordWhy(key, SCHEMA_HINTS.onDelete, rule.source);
    return { parent, child, key };
  };
  switch (rule.kind) {
    case 'soft-delete': {
      const entity = target(rule.entity, rule);
      if (entity) softDelete(entity);
      return;
    }
    case 'keep': {
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule, parent);
      if (parent && child) softDelete(parent);
      return;
    }
    case 'soft-delete-with': {
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule, parent);
      if (!parent || !child) return;
      softDelete(parent);
      if (ownedBy(parent, child.name)) return;
      softDelete(child);
      const key = keyProperty(child, parent, rule, schemas, false);
      key[SCHEMA_HINTS.softDeleteCascade] = true;
      recordWhy(key, SCHEMA_HINTS.softDeleteCascade, rule.source);
      return;
    }
    case 'cascade': {
      const keyed = keyDeleted(rule.parent, rule.child, 'CASCADE', true);
      if (keyed) cascades.push({ ...keyed, source: rule.source });
      return;
    }
    case 'restrict':
      keyDeleted(rule.parent, rule.child, 'RESTRICT', false);
      return;
    case 'self-reference': {
      const entity = target(rule.entity, rule);
      if (!entity) return;
      const properties = propertiesOf(entity.schema);
      const existing = properties.parent_id ?? properties.parentId;
      const key = existing ?? (properties.parent_id = { ...keyTypeOf(entity.schema), [SCHEMA_HINTS.sourceLine]: rule.source.line });
      key[SCHEMA_HINTS.references] = entity.name;
      recordWhy(key, SCHEMA_HINTS.references, rule.source);
      return;
    }
    case 'many-to-many': {
      const from = target(rule.from, rule);
      const to = from && target(rule.to, rule, from);
      if (!from || !to || listsOf(from, to) || listsOf(to, from)) return;
      const name = `${toSnake(to.name)}_ids`;
      propertiesOf(from.schema)[name] = { type: 'array', items: keyTypeOf(to.schema), [SCHEMA_HINTS.sourceLine]: rule.source.line, [SCHEMA_HINTS.why]: { [SCHEMA_HINTS.references]: why(rule.source) } };
      return;
    }
    case 'belongs-to': {
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule);
      if (parent && child && !ownedBy(parent, child.name)) keyProperty(child, parent, rule, schemas, true);
      return;
    }
    case 'field-note':
    case 'unique-together':
      return;
    case 'has-one': {
      const owner = target(rule.owner, rule);
      const owned = owner && target(rule.owned, rule, owner);
      if (!owner || !owned || ownedBy(owner, owned.name)) return;
      const ownerKey = findKey(owner, owned.name);
      const key = ownerKey ?? keyProperty(owned, owner, rule, schemas, true);
      key[SCHEMA_HINTS.unique] = true;
      recordWhy(key, SCHEMA_HINTS.unique, rule.source);
      return;
    }
  }
}

function propertiesOf(schema: SchemaNode): Record<string, SchemaNode> {
  if (schema.properties === undefined || typeof schema.properties !== 'object') schema.properties = {};
  return schema.properties as Record<string, SchemaNode>;
}

function refName(node: SchemaNode | undefined): string | undefined {
  const ref = node?.$ref;
  return typeof ref === 'string' ? decodeURIComponent(ref.replace(/^#\/components\/schemas\//, '')).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** The child is an array of objects inside the parent (`Order.items: OrderItem[]`): written and deleted with it. */
function ownedBy(parent: Target, child: string): boolean {
  return Object.values(propertiesOf(parent.schema)).some((node) => node.type === 'array' && refName(node.items as SchemaNode) === child);
}

/** A property of the parent named by the phrase (`its items` → `Order.items: OrderItem[]`). */
function propertyTarget(parent: Target, phrase: string, schemas: ApiDocument['schemas']): string | undefined {
  const words = normalized(phrase.replace(ENGLISH_FILLERS, ' ')).replace(/\s+/g, '_');
  const node = propertiesOf(parent.schema)[words];
  const name = refName(node) ?? refName(node?.items as SchemaNode | undefined);
  return name !== undefined && schemas.has(name) ? name : undefined;
}

/** `tag_ids`/`tags` on `from` listing `to`'s keys or rows. */
function listsOf(from: Target, to: Target): boolean {
  const properties = propertiesOf(from.schema);
  const stem = toSnake(to.name);
  if (properties[`${stem}_ids`] || properties[`${stem}Ids`]) return true;
  return Object.values(properties).some((node) => node.type === 'array' && refName(node.items as SchemaNode) === to.name);
}

/** The child's key named after the parent: `department_id`, `departmentId`. */
function keyNamedAfter(child: Target, parent: string): SchemaNode | undefined {
  const properties = propertiesOf(child.schema);
  const stem = toSnake(parent);
  return properties[`${stem}_id`] ?? properties[`${stem.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}Id`];
}

function findKey(child: Target, parent: string): SchemaNode | undefined {
  const properties = propertiesOf(child.schema);
  const stem = toSnake(parent);
  const byName = keyNamedAfter(child, parent);
  if (byName) return byName;
  const referencing = Object.values(properties).find((node) => node[SCHEMA_HINTS.references] === parent);
  if (referencing) return referencing;
  // A rule relating the two names the key written short: `dept_id` of a Department.
  const short = Object.keys(properties).filter((name) => /_id$/.test(name) && properties[name]![SCHEMA_HINTS.references] === undefined && abbreviates(name.slice(0, -3), stem));
  return short.length === 1 ? properties[short[0]!] : undefined;
}

/** `dept` of `department`, `cust` of `customer`: the word's first two letters, then some of its others in order. */
function abbreviates(short: string, word: string): boolean {
  if (short.length < 3 || short.length >= word.length || !word.startsWith(short.slice(0, 2))) return false;
  let at = 0;
  for (const letter of short) {
    at = word.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The key on `child` pointing at `parent`, added (`user_id`, required when `required`) when the child has none. */
function keyProperty(child: Target, parent: Target, rule: DocumentRule, _schemas: ApiDocument['schemas'], required: boolean): SchemaNode {
  const existing = findKey(child, parent.name);
  if (existing && existing[SCHEMA_HINTS.references] === undefined && keyNamedAfter(child, parent.name) !== existing) {
    // `dept_id`: its name alone would not say which table it keys; the rule does.
    existing[SCHEMA_HINTS.references] = parent.name;
    recordWhy(existing, SCHEMA_HINTS.references, rule.source);
  }
  if (existing) return existing;
  const name = `${toSnake(parent.name)}_id`;
  const key: SchemaNode = { ...keyTypeOf(parent.schema), [SCHEMA_HINTS.references]: parent.name, [SCHEMA_HINTS.sourceLine]: rule.source.line };
  recordWhy(key, SCHEMA_HINTS.references, rule.source);
  propertiesOf(child.schema)[name] = key;
  if (required) child.schema.required = [...((child.schema.required as string[] | undefined) ?? []), name];
  return key;
}

/** The type of a key to the schema: its `id`'s (integer unless written otherwise). */
function keyTypeOf(schema: SchemaNode): SchemaNode {
  const id = propertiesOf(schema).id;
  if (id?.type === 'string') return { type: 'string', ...(typeof id.format === 'string' ? { format: id.format } : {}) };
  return { type: 'integer', ...(id?.format === 'int64' ? { format: 'int64' } : {}) };
}

/** `references doctors`, `关联 读者`: the schema the words name, else an error at the field. */
function resolveReferences(schemas: ApiDocument['schemas'], names: EntityNames): void {
  for (const [, { schema, source }] of schemas) {
    for (const node of Object.values(propertiesOf(schema))) {
      const written = node[SCHEMA_HINTS.references];
      if (typeof written !== 'string' || schemas.has(written)) continue;
      const name = names.resolve(written);
      if (name === undefined) {
        const line = node[SCHEMA_HINTS.sourceLine];
        throw ruleError(`the field refers to "${written}", which is no entity of the documents`, typeof line === 'number' ? { ...source, line } : source);
      }
      node[SCHEMA_HINTS.references] = name;
    }
  }
}

/** Adds a composite unique to a schema, with why (keyed by its fields: a schema may have several). */
function addCompositeUnique(schema: SchemaNode, fields: string[], reason: { rule: string; file: string; line?: number }): void {
  const uniques = Array.isArray(schema[SCHEMA_HINTS.unique]) ? (schema[SCHEMA_HINTS.unique] as string[][]) : [];
  if (!uniques.some((existing) => existing.length === fields.length && existing.every((field, i) => toSnake(field) === toSnake(fields[i]!)))) uniques.push(fields);
  schema[SCHEMA_HINTS.unique] = uniques;
  const reasons = { ...((schema[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}) };
  reasons[compositeWhyKey(fields.map(toSnake))] = reason;
  schema[SCHEMA_HINTS.why] = reasons;
}


/** The property of a schema a name writes (`course_id`, `courseId`, `course id`), or undefined. */
function propertyWritten(schema: SchemaNode, written: string): string | undefined {
  const snake = toSnake(written.trim().replace(/[\s-]+/g, '_'));
  // A name in other letters (`学校`) writes no property, whatever its snake_case leaves.
  if (!/[a-z]/.test(snake)) return undefined;
  return Object.keys(propertiesOf(schema)).find((name) => toSnake(name) === snake);
}

/**
 * `(unique course_id + student_id)`: the fields unique together, on the one entity holding them
 * all (the one the sentence names, when several do). A problem when none does or it is unclear which.
 */
function applyUniqueTogether(rule: Extract<DocumentRule, { kind: 'unique-together' }>, schemas: ApiDocument['schemas'], names: EntityNames): string | undefined {
  const holders = [...schemas].filter(([, { schema }]) => rule.fields.every((field) => propertyWritten(schema, field) !== undefined));
  const named = names.resolve(rule.source.text);
  const chosen = holders.length === 1 ? holders[0] : holders.find(([name]) => name === named);
  if (!chosen) {
    return holders.length === 0
      ? `names ${rule.fields.join(', ')}, which no entity of the documents has together`
      : `names ${rule.fields.join(', ')}, which ${holders.map(([name]) => name).join(' and ')} all have; name the entity in the sentence`;
  }
  const schema = chosen[1].schema;
  addCompositeUnique(schema, rule.fields.map((field) => propertyWritten(schema, field)!), why(rule.source));
  return undefined;
}

/**
 * `unique within the hotel` on a room's number: unique together with the room's key to its hotel
 * (or with the property the phrase names). A scope that names neither is a warning, and no
 * unique at all: enforcing it over the whole table would refuse rows the rule allows.
 */
function resolveUniqueScopes(schemas: ApiDocument['schemas'], names: EntityNames): DocumentWarning[] {
  const warnings: DocumentWarning[] = [];
  for (const [name, { schema, source }] of schemas) {
    const properties = propertiesOf(schema);
    for (const [property, node] of Object.entries(properties)) {
      const scope = node[SCHEMA_HINTS.uniqueWithin];
      if (scope === undefined) continue;
      delete node[SCHEMA_HINTS.uniqueWithin];
      const reasons = (node[SCHEMA_HINTS.why] as Record<string, { rule: string; file: string; line?: number }> | undefined) ?? {};
      const reason = reasons[SCHEMA_HINTS.uniqueWithin] ?? { rule: `${SCHEMA_HINTS.uniqueWithin} on the field`, file: source.file };
      delete reasons[SCHEMA_HINTS.uniqueWithin];
      const phrase = String(scope);
      const partner = propertyWritten(schema, phrase) ?? (/^[A-Za-z][\w\s-]*$/.test(phrase) ? propertyWritten(schema, `${phrase}_id`) : undefined) ?? keyNameTo(schema, names.resolve(phrase));
      if (partner !== undefined && partner !== property) {
        addCompositeUnique(schema, [partner, property], reason);
        continue;
      }
      const line = node[SCHEMA_HINTS.sourceLine];
      warnings.push({
        message: `${name}.${property} is unique within "${phrase}", which names no entity ${name} has a key to, nor a field of ${name}; no unique constraint added`,
        source: { file: reason.file, pointer: source.pointer, ...(typeof line === 'number' ? { line } : reason.line !== undefined ? { line: reason.line } : {}) },
      });
    }
  }
  return warnings;
}

/** The name of the schema's property keying the entity named, or undefined. */
function keyNameTo(schema: SchemaNode, entity: string | undefined): string | undefined {
  if (entity === undefined) return undefined;
  const key = findKey({ name: '', schema }, entity);
  return key === undefined ? undefined : Object.entries(propertiesOf(schema)).find(([, node]) => node === key)?.[0];
}

/** `员工ID`, `employee ID`, `ID of the employee`, `the employee's id`: the words before or after a key's name in a note. */
const NOTE_KEY_BEFORE = /([\p{L}][\p{L}\s'’-]*?)\s*(?:['’]s\s+)?(?:ID|Id|id|编号|ＩＤ)(?![A-Za-z0-9])/gu;
/** Each mention of an ID: a note naming one only says which table the key is to. */
const ID_WORD = /(?<![A-Za-z0-9])(?:ID|Id|id|ＩＤ|编号)(?![A-Za-z0-9])/gu;
// The ID itself, not one qualified (`the tax ID of the customer` is no key to customers); the entity
// named whole, up to where the phrase goes on (`the ID of the runner group to which` is no runner's).
const NOTE_KEY_AFTER = /(?:^|(?<![\p{L}\p{N}])(?:the|an?|its|el|la|le|l['’]|der|die|das)\s+)(?:ID|id|Id)\s+(?:of|de|del|du|des|von|của)\s+(?:(?:the|an?|l[ae]s?|el|la|der|die|des)\s+|l['’])?([\p{L}]+(?:\s+[\p{L}]+)?)(?=\s*$|\s*[,.;:()（）]|\s+(?:to|which|that|who|whom|for|in|on|at|this|it|if|when|where)(?![\p{L}]))/giu;

/** A key-like property (`manager_id`) whose note speaks of an ID: it may name the entity keyed. */
function notesAnId(name: string, node: SchemaNode | null): boolean {
  return node !== null && typeof node === 'object' && /^.+(?:_id|Id|ID)$/.test(name) && node[SCHEMA_HINTS.references] === undefined && typeof node.description === 'string' && /ID|Id|\bid\b|编号/u.test(node.description);
}

/**
 * A key whose name says nothing of its table (`manager_id`) but whose note names an entity's ID
 * (`部门负责人（员工ID）`, `the employee ID of the manager`): it refers to that entity. Only
 * where the name names no entity itself, and the note one entity exactly.
 */
function keysNotesName(schemas: ApiDocument['schemas'], names: EntityNames): void {
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
      // A key holds its target's key: a text never keys an integer id, nor a number a text one.
      const keyType = keyTypeOf(schemas.get(entity)!.schema);
      if (keyType.type !== node.type || (keyType.type === 'string' && keyType.format !== node.format)) continue;
      node[SCHEMA_HINTS.references] = entity;
      const line = node[SCHEMA_HINTS.sourceLine];
      node[SCHEMA_HINTS.why] = {
        ...((node[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {}),
        [SCHEMA_HINTS.references]: { rule: `the field's note "${note.trim()}" names the ID of ${entity}`, file: source.file, ...(typeof line === 'number' ? { line } : {}) },
      };
    }
  }
}

/** The entity named right before an `ID` in a note: the last word or two (`employee ID`), or the shortest run of Chinese ending there (`负责人员工ID` → 员工). */
function entitiesBeforeId(note: string, names: EntityNames): string[] {
  const found: string[] = [];
  for (const match of note.matchAll(NOTE_KEY_BEFORE)) {
    const words = match[1]!.trim();
    const han = /\p{Script=Han}+$/u.exec(words)?.[0];
    // In words with spaces, only a note that starts so (`The employee ID of the deputy`): elsewhere
    // `X ID` is as often an ID of another kind (`identifies the customer tax id`).
    if (!han && !/^(?:(?:the|an?|its)\s+)?[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu.test(words)) continue;
    const candidates = han ? [...han].map((_, i) => han.slice(han.length - 1 - i)) : [words.split(/\s+/).slice(-1).join(' '), words.split(/\s+/).slice(-2).join(' ')];
    const entity = candidates.map((candidate) => names.exact(candidate)).find((name) => name !== undefined);
    if (entity) found.push(entity);
  }
  return found;
}
