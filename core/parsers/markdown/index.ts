import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unreadableDocumentError } from '../../errors.js';
import type { ApiDocument, ApiOperation, DocumentWarning } from '../../model/api-document.js';
import { ComponentRegistry } from './component-registry.js';
import { DEFAULT_PAGING } from './document-lines.js';
import { documentWords } from './document-words.js';
import { readOutline, type DocumentOutline, type NamedTable } from './document-outline.js';
import { sharedPrefix } from './endpoint-heading.js';
import { readRuleSentences } from './rule-sentences.js';
import { singular, toPascal } from '../../naming.js';
import { aliasesOf, collectEntityFields, entitySchema, namedTableSchema, type EntityFields } from './entity-schema.js';
import { markdownError } from './errors.js';
import { isFieldTable } from './field-table.js';
import { lineOf, parseMarkdownTree } from './markdown-tree.js';
import { OperationFactory } from './operations.js';
import { entityNameOf, groupEndpoints, type ResourceGroup } from './resource-groups.js';
import { uninflectedTable } from './uninflected-table.js';
import { isTechStackTable, readTechStack } from './tech-stack.js';

const CREATING_METHODS = new Set(['post', 'put', 'patch']);

/** Reads a markdown API list (or a requirements document) into an ApiDocument. */
export async function parseMarkdownFile(file: string): Promise<ApiDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableDocumentError(file, error);
  }
  return parseMarkdownText(text, file);
}

export function parseMarkdownText(text: string, file: string): ApiDocument {
  const outline = readOutline(parseMarkdownTree(text), file);
  if (!outline.basePathWritten) outline.basePath = sharedPrefix(outline.endpoints.map((e) => e.path));
  const { settings, found: hasTechStack } = readTechStack(outline.otherTables, outline.sentences, file);
  const { rules, warnings: ruleWarnings } = readRuleSentences(outline.sentences, file);
  const warnings = [...ruleWarnings, ...strayFieldTables(outline, file)];
  if (outline.endpoints.length === 0 && outline.namedTables.length === 0 && !hasTechStack && rules.length === 0) {
    throw markdownError(
      file,
      1,
      'found no endpoints (a heading, bullet or table row with `POST /users`), tech-stack table (| item | choice |), named types (`Name:` and a field table) or rules',
    );
  }
  const { schemas, operations } = buildComponentsAndOperations(outline, file);
  return {
    title: outline.title ?? path.basename(file, path.extname(file)),
    version: outline.version ?? '0.0.0',
    ...(outline.description ? { description: outline.description } : {}),
    basePath: outline.basePath,
    schemas,
    operations,
    components: [],
    settings,
    sources: [file],
    ...(rules.length > 0 ? { rules } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(outline.glossary.length > 0 ? { glossary: outline.glossary } : {}),
  };
}

/** A group becomes an entity when it can create or has an item path, and something gives it fields. */
function isEntityGroup(group: ResourceGroup, namedTables: ReadonlyMap<string, NamedTable>, words: ReadonlySet<string>): boolean {
  const endpoints = group.entityEndpoints.map((e) => e.endpoint);
  const creates = endpoints.some((e) => e.method === 'post');
  const describes =
    endpoints.some((e) => (CREATING_METHODS.has(e.method) && e.body) || e.responses.some((r) => r.body || r.fields.length > 0 || r.table)) ||
    ownTableOf(entityNameOf(group, [...namedTables.values()], words), namedTables) !== undefined;
  return (creates || group.itemPath !== undefined) && describes;
}

/** The `Name:` table (or `### Name` table) of an entity, written singular or plural (`Projects`). */
function ownTableOf(name: string, namedTables: ReadonlyMap<string, NamedTable>): NamedTable | undefined {
  return namedTables.get(name) ?? [...namedTables.values()].find((named) => toPascal(singular(named.name)) === name);
}

function buildComponentsAndOperations(outline: DocumentOutline, file: string): Pick<ApiDocument, 'schemas' | 'operations'> {
  const registry = new ComponentRegistry(file);
  const tables = namedByTables(outline.namedTables);
  const namedTables = new Map<string, NamedTable>();
  for (const named of tables) {
    const previous = namedTables.get(named.name);
    if (previous) throw markdownError(file, named.line, `the type ${named.name} is defined twice (first at line ${previous.line})`);
    namedTables.set(named.name, named);
    registry.declare(named.name);
  }
  const groups = groupEndpoints(outline.endpoints, outline.basePath, [...namedTables.keys()]);
  const words = documentWords(outline);
  const entityGroups = groups.filter((group) => isEntityGroup(group, namedTables, words)).map((group) => ({ group, name: entityNameOf(group, tables, words) }));
  const owners = new Map<string, ResourceGroup>();
  for (const { group, name } of entityGroups) {
    const other = owners.get(name);
    if (other) throw markdownError(file, group.entityEndpoints[0]!.endpoint.line, `the sections "${other.title ?? other.key}" and "${group.title ?? group.key}" both describe ${name}; name the response type of one of them`);
    owners.set(name, group);
    registry.declare(name);
  }
  const entities = new Map<ResourceGroup, EntityFields>();
  const owned = new Set<NamedTable>();
  for (const { group, name } of entityGroups) {
    const ownTable = ownTableOf(name, namedTables);
    if (ownTable) owned.add(ownTable);
    const fields = collectEntityFields(name, group, ownTable, registry, file);
    entities.set(group, fields);
    const line = ownTable?.line ?? group.sections.find((section) => section.title === group.title)?.line ?? group.entityEndpoints[0]!.endpoint.line;
    const schema = { ...entitySchema(fields, group.sections, line, file), ...aliasesOf(ownTable) };
    registry.add(name, { ...schema, ...uninflectedTable(group, name, schema, file, line) }, line);
  }
  for (const named of namedTables.values()) {
    if (!owners.has(named.name) && !owned.has(named)) registry.add(named.name, namedTableSchema(named, registry, file), named.line);
  }
  const factory = new OperationFactory();
  const operations: ApiOperation[] = [];
  for (const group of groups) {
    const entity = entities.get(group);
    for (const endpoint of group.endpoints) {
      operations.push(factory.build(endpoint, { file, registry, paging: outline.paging ?? DEFAULT_PAGING, ...(outline.answerFormat ? { answerFormat: outline.answerFormat } : {}), ...(outline.pageFormat ? { pageFormat: outline.pageFormat } : {}), errorCodes: outline.errorCodes, group, ...(entity ? { entity } : {}) }));
    }
  }
  operations.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  return { schemas: sortedByLine(registry.schemas), operations };
}

/** Prefixes designs put before every table's name: `t_user`, `tb_order`, `tbl_item`. */
const TABLE_PREFIX = /^(?:t|tb|tbl)_(?=[a-z])/;

/**
 * The types database designs name by their tables (`### mall_order 订单表`): `mall_order`,
 * `mall_order_item` are Order and OrderItem, the prefix every table of the document shares
 * (`mall_`, `sys_`) or a conventional one (`t_`, `tb_`) left off; the table keeps its name.
 */
function namedByTables(tables: readonly NamedTable[]): NamedTable[] {
  const names = tables.map((table) => table.tableName).filter((name): name is string => name !== undefined);
  const shared = names.length >= 2 ? sharedTablePrefix(names) : '';
  return tables.map((table) => {
    if (table.tableName === undefined) return table;
    const stem = shared !== '' ? table.tableName.slice(shared.length) : table.tableName.replace(TABLE_PREFIX, '');
    return { ...table, name: toPascal(singular(stem)) };
  });
}

/** The longest `word_` prefix every name starts with and goes on past. */
function sharedTablePrefix(names: readonly string[]): string {
  const first = names[0]!;
  let prefix = '';
  for (let end = first.indexOf('_'); end >= 0; end = first.indexOf('_', end + 1)) {
    const candidate = first.slice(0, end + 1);
    if (names.every((name) => name.startsWith(candidate) && name.length > candidate.length)) prefix = candidate;
    else break;
  }
  return prefix;
}

/** Schemas in document order, so output does not depend on the order they were built in. */
function sortedByLine(schemas: ApiDocument['schemas']): ApiDocument['schemas'] {
  return new Map([...schemas].sort(([, a], [, b]) => (a.source.line ?? 0) - (b.source.line ?? 0)));
}

/**
 * Field tables that reach no endpoint and no type (a body label after endpoints that take none, a
 * table under prose): each a warning naming its line, never dropped without a word.
 */
function strayFieldTables(outline: DocumentOutline, file: string): DocumentWarning[] {
  return outline.otherTables
    .filter((entry) => isFieldTable(entry.table) && !isTechStackTable(entry))
    .map(({ table }) => {
      const line = lineOf(table);
      return { message: 'a field table under no endpoint and no type name (`Name:` or a heading above it): ignored', source: { file, pointer: `/x-tables/${line}`, line } };
    });
}
