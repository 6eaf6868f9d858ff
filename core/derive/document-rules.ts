import { InfraStackError } from '../errors.js';
import { locationOf, type ApiDocument, type DocumentRule, type DocumentWarning, type RuleSource, type SchemaNode, type SourceLocation } from '../model/api-document.js';
import { SCHEMA_HINTS } from '../model/hints.js';
import { germanSingulars, romanceSingulars, singular, spelledLike, toPascal, toSnake } from '../naming.js';
import { ENGLISH_FILLERS, EntityNames, normalized, type Target } from './entity-names.js';
import { flagValuesIn, valueSetIn } from './deletion-flags.js';
import { isDeletionMarkName, isDeletionTimeName } from '../model/deletion-marks.js';
import { isPronoun, namesEveryEntity } from './every-entity.js';
import { applyFieldNote } from './field-note-rules.js';
import { keysNamedInTheirLanguage, keysNotesName, notesAnId } from './note-keys.js';
import { findKey, keyNamedAfter, keyTypeOf, parentKeyOf, propertiesOf, recordWhy, why } from './schema-edits.js';
import { applyUniqueTogether, resolveUniqueScopes } from './unique-rules.js';

function ruleError(message: string, source: SourceLocation): InfraStackError {
  return new InfraStackError(message, { file: source.file, location: locationOf(source) });
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
  // People writing a markdown list name keys in their own language (`danh_muc_id`).
  const written = api.sources.some((file) => WRITTEN.test(file));
  if (rules.length === 0 && !hinted && !written) return api;
  const names = new EntityNames(api);
  const schemas = new Map([...api.schemas].map(([name, entry]) => [name, { ...entry, schema: structuredClone(entry.schema) }]));
  const warnings: DocumentWarning[] = [...(api.warnings ?? [])];
  const target = (phrase: string, rule: DocumentRule, parent?: Target, quiet = false): Target | undefined => {
    const viaProperty = parent ? propertyTarget(parent, phrase, schemas) : undefined;
    const name = viaProperty ?? names.resolve(phrase);
    const entry = name === undefined ? undefined : schemas.get(name);
    if (entry && name !== undefined) return { name, schema: entry.schema };
    if (quiet) return undefined;
    const message = `the rule "${rule.source.text.trim()}" names "${phrase}", which is no entity of the documents`;
    // A phrase that is a clause, not a name (`如果该分类下还有子分类`, `the ones archived last year`), is a sentence not understood.
    if (rule.source.stated && rule.kind !== 'has-one' && rule.kind !== 'belongs-to' && readsAsName(phrase)) throw ruleError(message, rule.source);
    warnings.push({ message: `${message}; ignored`, source: rule.source });
    return undefined;
  };
  // Keys the fields name (`references Classes`, or a note `员工ID` on `manager_id`) are known before the rules look for a key to a parent.
  keysNotesName(schemas, names);
  if (written) keysNamedInTheirLanguage(schemas, names);
  resolveReferences(schemas, names);
  const cascades: Cascade[] = [];
  for (const rule of rules) {
    if (rule.kind === 'unique-together') {
      const problem = applyUniqueTogether(rule, schemas, names);
      if (problem !== undefined) warnings.push({ message: `the rule "${rule.source.text.trim()}" ${problem}; ignored`, source: rule.source });
      continue;
    }
    if (rule.kind !== 'field-note') {
      const problem = rule.kind === 'table-names' ? tableNames(rule, schemas, names) : applyRule(rule, target, schemas, cascades);
      if (problem !== undefined) warnings.push({ message: `the rule "${rule.source.text.trim()}" ${problem}; ignored`, source: rule.source });
      continue;
    }
    const required = (entity: string): string[] => {
      const schema = schemas.get(entity)!.schema;
      if (!Array.isArray(schema.required)) schema.required = [];
      return schema.required as string[];
    };
    const outcome = applyFieldNote(rule, { schemas, exactEntity: (phrase) => names.exact(phrase), sectionEntity: (title) => names.ofTitle(title) }, required);
    if (outcome.problem !== undefined) warnings.push({ message: `the rule "${rule.source.text.trim()}" ${outcome.problem}; ignored`, source: rule.source });
  }
  softDeleteCascades(cascades);
  // And those the rules' field notes added.
  resolveReferences(schemas, names);
  warnings.push(...resolveUniqueScopes(schemas, names));
  if (written) storeKeyedTypes(schemas, names, api);
  return { ...api, schemas, ...(warnings.length > 0 ? { warnings } : {}) };
}

/**
 * A type of a written data model that no path serves and nothing nests, whose rows hold a key to
 * another's (`TeamMembership` with `team_id → Team`, `user_id → User`): rows of a table of their own.
 */
function storeKeyedTypes(schemas: ApiDocument['schemas'], names: EntityNames, api: ApiDocument): void {
  const nested = new Set(JSON.stringify([[...schemas.values()].map((entry) => entry.schema), api.operations]).match(/#\/components\/schemas\/[^"]+/g)?.map((ref) => decodeURIComponent(ref.slice('#/components/schemas/'.length))) ?? []);
  for (const [name, { schema }] of schemas) {
    if (names.served.has(name) || nested.has(name) || schema[SCHEMA_HINTS.entity] !== undefined) continue;
    const keyed = Object.values(propertiesOf(schema)).some((node) => typeof node[SCHEMA_HINTS.references] === 'string' && node[SCHEMA_HINTS.references] !== name && names.served.has(node[SCHEMA_HINTS.references] as string));
    if (keyed) schema[SCHEMA_HINTS.entity] = true;
  }
}

const WRITTEN = /\.(?:md|markdown)$/i;
/** `projects that belong to…`: a phrase holding a relative clause names rows by what they do, no type. */
const RELATIVE_CLAUSE = /\b(?:that|which|who|whose)\b/i;

/** Words that open a clause, in the languages of the documents: a phrase holding one is no entity's name. */
const CLAUSE_WORD = /(?:^|\s)(?:if|when|unless|which|that|who|whose|where|while|si|cuando|quand|wenn|falls|quando|se|nếu|khi|mà)(?:\s|$)|如果|若|假如|当|时|的话|もし|場合|면|때/iu;
/** Chinese negations and verbs of rules (`不允许`, `禁止删除`, `置为空`): no entity is called by them. */
const CHINESE_VERB = /不|没有|允许|禁止|删除|保留|置为|必须|可以|应该|需要/u;

/**
 * Words no entity's name holds: a pronoun (`it ON DELETE CASCADE`), the words of SQL's rules, a
 * Japanese verb of deleting (`社員の削除`, the deletion of employees).
 */
const NO_NAME_WORDS = /(?<![\p{L}])(?:it|its|them|they|their|this|these|those|on\s+delete|cascade|restrict)(?![\p{L}])|削除|論理|物理|とする|できない|[()（）]/iu;

/** A phrase that could be an entity's name: a few words, no clause in it. */
function readsAsName(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  const cjk = /[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3]/u.test(phrase);
  return !isPronoun(phrase) && !namesEveryEntity(phrase) && !CLAUSE_WORD.test(phrase) && !CHINESE_VERB.test(phrase) && !NO_NAME_WORDS.test(phrase) && words.length <= 4 && (!cjk || phrase.replace(/\s/g, '').length <= 8);
}

/** The entity a rule's phrase names; undefined, after a warning (or an error for a rule stated outright), when none, or silently when `quiet`. */
type Resolve = (phrase: string, rule: DocumentRule, parent?: Target, quiet?: boolean) => Target | undefined;

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
    // A child the documents delete for good (`考勤记录为物理删除`) keeps the database's cascade, which a soft delete never fires.
    if (parent.schema[SCHEMA_HINTS.softDelete] !== true || child.schema[SCHEMA_HINTS.softDelete] === false) continue;
    child.schema[SCHEMA_HINTS.softDelete] = true;
    recordWhy(child.schema, SCHEMA_HINTS.softDelete, source);
    key[SCHEMA_HINTS.softDeleteCascade] = true;
    recordWhy(key, SCHEMA_HINTS.softDeleteCascade, source);
  }
}

/** Applies one rule; what it says that cannot be applied comes back as a problem, for a warning. */
function applyRule(rule: DocumentRule, target: Resolve, schemas: ApiDocument['schemas'], cascades: Cascade[]): string | undefined {
  const softDelete = (entity: Target) => {
    // Deleted for good by an earlier rule: the first rule holds.
    if (entity.schema[SCHEMA_HINTS.softDelete] === false) return;
    entity.schema[SCHEMA_HINTS.softDelete] = true;
    recordWhy(entity.schema, SCHEMA_HINTS.softDelete, rule.source);
    const mark = deletionMarkNamed(entity.schema, rule.source.text);
    if (mark !== undefined && entity.schema[SCHEMA_HINTS.softDeleteField] === undefined) {
      entity.schema[SCHEMA_HINTS.softDeleteField] = mark.wire;
      if (mark.value !== undefined) entity.schema[SCHEMA_HINTS.softDeleteValue] = mark.value;
    }
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
  /** `All of them are soft deleted`: every object schema (only entities' tables read the hint). */
  const everyEntity = (): Target[] => [...schemas].filter(([, { schema }]) => schema.type === 'object' || schema.properties !== undefined).map(([name, { schema }]) => ({ name, schema }));
  switch (rule.kind) {
    case 'soft-delete': {
      if (namesEveryEntity(rule.entity)) {
        everyEntity().forEach(softDelete);
        return;
      }
      // `Soft delete.` alone under `### 3.5 Delete an invoice`: the entity the heading names.
      const inSection = () => (rule.source.section !== undefined ? target(rule.source.section, rule, undefined, true) : undefined);
      const entity =
        rule.context !== undefined
          ? (target(rule.entity, rule, undefined, true) ?? inSection() ?? target(rule.context, rule))
          : (target(rule.entity, rule, undefined, true) ?? inSection() ?? target(rule.entity, rule));
      if (entity) softDelete(entity);
      return;
    }
    case 'keep': {
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule, parent);
      if (parent && child) softDelete(parent);
      return;
    }
    case 'hard-delete': {
      if (namesEveryEntity(rule.entity)) {
        // `All other tables are deleted for good`: those no rule soft deletes.
        for (const entity of everyEntity()) {
          if (entity.schema[SCHEMA_HINTS.softDelete] !== undefined) continue;
          entity.schema[SCHEMA_HINTS.softDelete] = false;
          recordWhy(entity.schema, SCHEMA_HINTS.softDelete, rule.source);
        }
        return;
      }
      const entity = target(rule.entity, rule, undefined, true) ?? target(rule.entity, rule);
      if (!entity) return;
      if (entity.schema[SCHEMA_HINTS.softDelete] === true) return `${entity.name} is also said to be soft deleted; the first rule holds`;
      entity.schema[SCHEMA_HINTS.softDelete] = false;
      recordWhy(entity.schema, SCHEMA_HINTS.softDelete, rule.source);
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
    case 'set-null': {
      // Only a key the child has: one the rule had to add would be a column the documents never wrote.
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule, parent);
      const key = parent && child ? findKey(child, parent.name) : undefined;
      if (!key) return 'names no key of the one to the other';
      key[SCHEMA_HINTS.onDelete] = 'SET NULL';
      recordWhy(key, SCHEMA_HINTS.onDelete, rule.source);
      return;
    }
    case 'self-reference': {
      const entity = target(rule.entity, rule);
      if (!entity) return;
      const properties = propertiesOf(entity.schema);
      // The key the sentence's word names (`reply_to_id` for `may reply to`), else `parent_id`.
      const viaKeys = rule.via === undefined ? [] : Object.keys(properties).filter((name) => /_id$|Id$/.test(name) && name.toLowerCase().startsWith(rule.via!));
      // A key by that word already pointing at the entity (`oberkategorie_id`, "Verweis auf die übergeordnete Kategorie") is the rule, said twice.
      if (viaKeys.length === 1 && properties[viaKeys[0]!]![SCHEMA_HINTS.references] === entity.name) return;
      const named = viaKeys.filter((name) => properties[name]![SCHEMA_HINTS.references] === undefined);
      if (rule.via !== undefined && named.length !== 1) return `names no one key of ${entity.name} by "${rule.via}"`;
      const existing = named.length === 1 ? properties[named[0]!] : (properties.parent_id ?? properties.parentId ?? parentKeyOf(properties));
      const key = existing ?? (properties[spelledLike(Object.keys(properties), 'parent_id')] = { ...keyTypeOf(entity.schema), [SCHEMA_HINTS.sourceLine]: rule.source.line });
      key[SCHEMA_HINTS.references] = entity.name;
      recordWhy(key, SCHEMA_HINTS.references, rule.source);
      return;
    }
    case 'many-to-many': {
      const from = target(rule.from, rule);
      const to = from && target(rule.to, rule, from);
      if (!from || !to || listsOf(from, to) || listsOf(to, from) || linkedThrough(from, to, schemas)) return;
      const name = spelledLike(Object.keys(propertiesOf(from.schema)), `${toSnake(to.name)}_ids`);
      propertiesOf(from.schema)[name] = { type: 'array', items: keyTypeOf(to.schema), [SCHEMA_HINTS.sourceLine]: rule.source.line, [SCHEMA_HINTS.why]: { [SCHEMA_HINTS.references]: why(rule.source) } };
      return;
    }
    case 'belongs-to': {
      // `… tasks of projects that belong to the label's team`: a relative clause, no relation of two types.
      if (RELATIVE_CLAUSE.test(rule.child) || RELATIVE_CLAUSE.test(rule.parent)) return 'names no two types the reader could tell';
      const parent = target(rule.parent, rule);
      const child = parent && target(rule.child, rule);
      // A child listing keys to the parent (`category_ids` on Product) is linked many-to-many: no key of one.
      // `a team has many users (through TeamMembership)`: the rows of a third type holding keys to both link them.
      if (parent && child && !ownedBy(parent, child.name) && !listsOf(child, parent) && !linkedThrough(child, parent, schemas)) keyProperty(child, parent, rule, schemas, true);
      return;
    }
    case 'field-note':
    case 'unique-together':
      return;
    case 'table-names':
      return undefined;
    case 'has-one': {
      const owner = target(rule.owner, rule);
      const owned = owner && target(rule.owned, rule, owner);
      if (!owner || !owned || ownedBy(owner, owned.name)) return;
      // `Every book has exactly one author` where the book holds `author_id`: its key is required, and
      // many books share an author; a unique key there would refuse an author's second book.
      if (findKey(owner, owned.name)) return;
      // `Each user has one profile`: the profile's key to its user, unique.
      const key = findKey(owned, owner.name) ?? keyProperty(owned, owner, rule, schemas, true);
      key[SCHEMA_HINTS.unique] = true;
      recordWhy(key, SCHEMA_HINTS.unique, rule.source);
      return;
    }
  }
}

/**
 * `wms_warehouse`, `wms_stock_record`: each name an entity's (singular or plural, in snake_case)
 * after a prefix, or as written, is that entity's table, unless a hint already names it.
 */
function tableNames(rule: Extract<DocumentRule, { kind: 'table-names' }>, schemas: ApiDocument['schemas'], names: EntityNames): string | undefined {
  const unmatched: string[] = [];
  for (const name of rule.names) {
    // The name whole, else less each prefix in turn (`wms_stock_record`: `stock_record`, then `record`).
    const candidates = [name, ...[...name.matchAll(/_/g)].map((match) => name.slice(match.index + 1))];
    const entity = candidates
      .flatMap((candidate) => [names.exact(candidate.replace(/_/g, ' ')), names.exact(toPascal(candidate))])
      .find((found) => found !== undefined && schemas.has(found));
    const schema = entity === undefined ? undefined : schemas.get(entity)!.schema;
    if (!schema) {
      unmatched.push(name);
      continue;
    }
    if (schema[SCHEMA_HINTS.tableName] !== undefined) continue;
    schema[SCHEMA_HINTS.tableName] = name;
    recordWhy(schema, SCHEMA_HINTS.tableName, rule.source);
  }
  return unmatched.length > 0 ? `names the tables ${unmatched.join(', ')}, which name no entity of the documents` : undefined;
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
/** Another type whose rows hold a key to each (TeamMembership's `team_id` and `user_id`): the two are linked through it. */
function linkedThrough(one: Target, other: Target, schemas: ApiDocument['schemas']): boolean {
  if (findKey(one, other.name) !== undefined) return false;
  return [...schemas].some(([name, { schema }]) => name !== one.name && name !== other.name && findKey({ name, schema }, one.name) !== undefined && findKey({ name, schema }, other.name) !== undefined);
}

function listsOf(from: Target, to: Target): boolean {
  const properties = propertiesOf(from.schema);
  const stem = toSnake(to.name);
  // `tag_ids`, and the plural of another language (`inquilini_ids` of Inquilino, `kategorien_ids`).
  const namesTo = (base: string) => base === stem || singular(base) === stem || [...romanceSingulars(base), ...germanSingulars(base)].some((word) => word === stem);
  if (Object.keys(properties).some((name) => /(?:_ids|Ids)$/.test(name) && namesTo(toSnake(name).replace(/_ids$/, '')))) return true;
  return Object.values(properties).some((node) => node.type === 'array' && refName(node.items as SchemaNode) === to.name);
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
  // A row's parent row: the rows at the top have none.
  const selfReference = child.name === parent.name;
  // Spelled as the child's other properties are (`projectId` beside `assigneeId`).
  const name = spelledLike(Object.keys(propertiesOf(child.schema)), selfReference ? 'parent_id' : `${toSnake(parent.name)}_id`);
  const key: SchemaNode = { ...keyTypeOf(parent.schema), [SCHEMA_HINTS.references]: parent.name, [SCHEMA_HINTS.implied]: true, [SCHEMA_HINTS.sourceLine]: rule.source.line };
  recordWhy(key, SCHEMA_HINTS.references, rule.source);
  propertiesOf(child.schema)[name] = key;
  if (required && !selfReference) child.schema.required = [...((child.schema.required as string[] | undefined) ?? []), name];
  return key;
}

/** `references doctors`, `关联 读者`: the schema the words name, else an error at the field. */
function resolveReferences(schemas: ApiDocument['schemas'], names: EntityNames): void {
  for (const [, { schema, source }] of schemas) {
    for (const node of Object.values(propertiesOf(schema))) {
      const written = node[SCHEMA_HINTS.references];
      if (typeof written !== 'string') continue;
      // `a site still references it`: a pronoun names what its sentence spoke of, no entity to key to.
      if (isPronoun(written)) {
        delete node[SCHEMA_HINTS.references];
        continue;
      }
      const name = schemas.has(written) ? written : names.resolve(written);
      if (name === undefined) {
        const line = node[SCHEMA_HINTS.sourceLine];
        throw ruleError(`the field refers to "${written}", which is no entity of the documents`, typeof line === 'number' ? { ...source, line } : source);
      }
      node[SCHEMA_HINTS.references] = name;
      const keyType = keyTypeOf(schemas.get(name)!.schema);
      // `guest_id — references Guest`: no type written, the key is typed as the key it points at.
      if (node.type === undefined && node.$ref === undefined && node.allOf === undefined) Object.assign(node, keyType);
      // `| ownerId | string | FK → users |` beside a uuid key: lists written by people say `string` of uuids.
      else if (WRITTEN.test(source.file) && node.type === 'string' && node.format === undefined && keyType.format === 'uuid') node.format = 'uuid';
    }
  }
}

/**
 * The property a soft delete's sentence names as the one deleting sets: a date-time (`we set
 * \`retired_at\` to the current time`, `stillgelegtAm wird gesetzt`), a boolean (`删除时将
 * is_deleted 置为 true`), or a text or integer flag with the value it gets (`del_flag 置为 2`): it
 * marks the deleted rows in place of an added `deleted_at`. A `deleted_at`/`deletedAt` of its own
 * is that mark already.
 */
function deletionMarkNamed(schema: SchemaNode, sentence: string): { wire: string; value?: string } | undefined {
  const properties = (schema.properties as Record<string, SchemaNode> | undefined) ?? {};
  if (Object.keys(properties).some((name) => toSnake(name) === 'deleted_at')) return undefined;
  const words = new Set(sentence.split(/[^\p{L}\p{N}_]+/u));
  // `Sorted by borrowed_at` beside `Soft-deleted loans are excluded` names no mark: deleting must set it.
  const sets = SETS_A_FIELD.test(sentence);
  for (const [wire, property] of Object.entries(properties)) {
    if (!words.has(wire)) continue;
    if (sets && ((property.type === 'string' && property.format === 'date-time') || property.type === 'boolean')) return { wire };
    const value = property.type === 'integer' || (property.type === 'string' && property.format === undefined) ? valueSetIn(sentence, wire) : undefined;
    if (value !== undefined) return { wire, value };
  }
  return addedMark(schema, sentence);
}

/** A sentence saying deleting sets or fills a field, in the readers' languages. */
const SETS_A_FIELD = /\b(?:set|sets|setting|fill|fills|filled|stamp|stamps|stamped|mark|marks|marked|record|records|recorded|update|updates)\b|rellena|llena|llenar|establece|marca|registra|gesetzt|setzt|befüllt|rempli|renseign|preench|definid|impostat|置为|设为|设置|填|更新为|記録|セット|にし|설정/iu;

/**
 * A mark the sentence names that the entity does not have yet (`表中增加 is_deleted 字段（tinyint，0
 * 未删除、1 已删除）`, `se rellena la columna eliminado_en`): added to it, a flag (an integer whose
 * values the sentence gives, else a boolean) or a time.
 */
function addedMark(schema: SchemaNode, sentence: string): { wire: string } | undefined {
  const properties = (schema.properties as Record<string, SchemaNode> | undefined) ?? {};
  if (typeof schema.properties !== 'object' || Object.keys(properties).some((name) => toSnake(name) === 'deleted_at')) return undefined;
  // A column's name, with an underscore or a hump (`is_deleted`, `isDeleted`); not the word `deleted` of the prose.
  const named = [...sentence.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)]
    .map((match) => match[0])
    .find((word) => /_|[a-z][A-Z]/.test(word) && (isDeletionMarkName(word) || isDeletionTimeName(word)) && toSnake(word) !== 'deleted_at');
  if (named === undefined || properties[named] !== undefined) return undefined;
  const time = isDeletionTimeName(named) || /_time$/.test(toSnake(named));
  const values = flagValuesIn(sentence);
  // Read-only as the mark is, a time empty while the row lives: the answers' types say so too.
  properties[named] = time
    ? { type: 'string', format: 'date-time', nullable: true, readOnly: true }
    : values.deleted !== undefined && /^[0-9]+$/.test(values.deleted) ? { type: 'integer', description: sentence, readOnly: true } : { type: 'boolean', readOnly: true };
  return { wire: named };
}
