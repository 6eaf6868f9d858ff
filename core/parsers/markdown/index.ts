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
  const namedTables = new Map<string, DocumentOutline['namedTables'][number]>();
  for (const named of outline.namedTables) {
    const previous = namedTables.get(named.name);
    if (previous) throw markdownError(file, named.line, `the type ${named.name} is defined twice (first at line ${previous.line})`);
    namedTables.set(named.name, named);
    registry.declare(named.name);
  }
  const groups = groupEndpoints(outline.endpoints, outline.basePath, [...namedTables.keys()]);
  const words = documentWords(outline);
  const entityGroups = groups.filter((group) => isEntityGroup(group, namedTables, words)).map((group) => ({ group, name: entityNameOf(group, outline.namedTables, words) }));
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
    if (!owners.has(named.name) && !owned.has(named)) registry.add(named.name, namedTableSchema(named, registry), named.line);
  }
  const factory = new OperationFactory();
  const operations: ApiOperation[] = [];
  for (const group of groups) {
    const entity = entities.get(group);
    for (const endpoint of group.endpoints) {
      operations.push(factory.build(endpoint, { file, registry, paging: outline.paging ?? DEFAULT_PAGING, group, ...(entity ? { entity } : {}) }));
    }
  }
  operations.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  return { schemas: sortedByLine(registry.schemas), operations };
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
