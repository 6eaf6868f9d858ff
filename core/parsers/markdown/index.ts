import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unreadableDocumentError } from '../../errors.js';
import type { ApiDocument, ApiOperation, DocumentWarning } from '../../model/api-document.js';
import { ComponentRegistry } from './component-registry.js';
import { DEFAULT_PAGING } from './document-lines.js';
import { documentWords } from './document-words.js';
import { readOutline, type DocumentOutline, type NamedTable } from './document-outline.js';
import { sharedPrefix } from './endpoint-heading.js';
import { withoutExampleCalls } from './example-calls.js';
import { withResponseTypesDefined } from './response-types.js';
import { readRuleSentences } from './rule-sentences.js';
import { isInflectionOf, singular, toPascal } from '../../naming.js';
import { asSimplifiedChinese } from './chinese-script.js';
import { collectEntityFields, namedTableHints, entitySchema, namedTableSchema, type EntityFields } from './entity-schema.js';
import { markdownError } from './errors.js';
import { isFieldTable } from './field-table.js';
import { lineOf, parseMarkdownTree } from './markdown-tree.js';
import { OperationFactory } from './operations.js';
import { entityNameOf, groupEndpoints, type ResourceGroup } from './resource-groups.js';
import { uninflectedTable } from './uninflected-table.js';
import { isTechStackTable, readTechStack } from './tech-stack.js';
import { resolveEnumsElsewhere } from './enum-elsewhere.js';

const CREATING_METHODS = new Set(['post', 'put', 'patch']);

/**
 * Reads a markdown API list (or a requirements document) into an ApiDocument. With the run's
 * other markdown documents (`run`), an endpoint no table of its own document describes takes
 * the type another document's data model gives its rows (`- GET /guests` and `### Guest`).
 */
export async function parseMarkdownFile(file: string, run?: MarkdownRun): Promise<ApiDocument> {
  if (!run) return documentOf(outlineOfText(await readText(file), file), file, []);
  const [outline, siblings] = await Promise.all([run.outline(file), run.tablesBesides(file)]);
  return documentOf(outline, file, siblings);
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw unreadableDocumentError(file, error);
  }
}

function outlineOfText(text: string, file: string): DocumentOutline {
  // Read in the characters and words of the vocabulary (its descriptions too: shown in Simplified characters).
  return withResponseTypesDefined(withoutExampleCalls(readOutline(parseMarkdownTree(asSimplifiedChinese(text)), file)));
}

/** The markdown documents of one run, each read and outlined once, for their own parse and their siblings'. */
export class MarkdownRun {
  private readonly outlines = new Map<string, Promise<DocumentOutline>>();

  constructor(private readonly files: readonly string[]) {}

  outline(file: string): Promise<DocumentOutline> {
    let outline = this.outlines.get(file);
    if (!outline) {
      outline = readText(file).then((text) => outlineOfText(text, file));
      this.outlines.set(file, outline);
    }
    return outline;
  }

  /** The named types the other documents define (a document that cannot be read reports that in its own parse). */
  async tablesBesides(file: string): Promise<NamedTable[]> {
    const others = this.files.filter((other) => other !== file);
    const outlines = await Promise.allSettled(others.map((other) => this.outline(other)));
    return outlines.flatMap((outcome) => (outcome.status === 'fulfilled' ? namedByTables(outcome.value.namedTables) : []));
  }
}

/** `siblings`: the named types of the other markdown documents given with this one. */
export function parseMarkdownText(text: string, file: string, siblings: readonly NamedTable[] = []): ApiDocument {
  return documentOf(outlineOfText(text, file), file, siblings);
}

function documentOf(outline: DocumentOutline, file: string, siblings: readonly NamedTable[]): ApiDocument {
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
  const { schemas, operations } = buildComponentsAndOperations(outline, file, siblings);
  resolveEnumsElsewhere({ schemas, operations }, file);
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
/** A path ending in a verb of signing in or up (`/auth/register`, `/login`): an action on accounts, no collection of rows. */
const ACCOUNT_ACTION = /^(?:register|signup|sign-up|sign_up|signin|sign-in|sign_in|login|log-in|logout|log-out|refresh|token|verify|reset-password|forgot-password|change-password|me)$/i;

function isEntityGroup(group: ResourceGroup, namedTables: ReadonlyMap<string, NamedTable>, words: ReadonlySet<string>): boolean {
  if (ACCOUNT_ACTION.test(group.collectionPath?.split('/').pop() ?? '')) return false;
  const creates = group.entityEndpoints.some(({ endpoint }) => endpoint.method === 'post');
  const describes = describesItself(group) || ownTableOf(entityNameOf(group, [...namedTables.values()], words), namedTables) !== undefined;
  return (creates || group.itemPath !== undefined) && describes;
}

/** Whether an endpoint of the group gives its rows' fields: a body or a response with a type, fields or a table. */
function describesItself(group: ResourceGroup): boolean {
  return group.entityEndpoints.some(({ endpoint }) => (CREATING_METHODS.has(endpoint.method) && endpoint.body) || endpoint.responses.some((r) => r.body || r.fields.length > 0 || r.table));
}

/** The `Name:` table (or `### Name` table) of an entity, written singular or plural (`Projects`). */
function ownTableOf(name: string, namedTables: ReadonlyMap<string, NamedTable>): NamedTable | undefined {
  // `Zahnarzte` of `## Zahnärzte` is the table of Zahnarzt: a plural English rules do not know.
  return namedTables.get(name) ?? [...namedTables.values()].find((named) => toPascal(singular(named.name)) === name) ?? [...namedTables.values()].find((named) => isInflectionOf(named.name, name));
}

function buildComponentsAndOperations(outline: DocumentOutline, file: string, siblings: readonly NamedTable[]): Pick<ApiDocument, 'schemas' | 'operations'> {
  const registry = new ComponentRegistry(file);
  const tables = namedByTables(outline.namedTables);
  const namedTables = new Map<string, NamedTable>();
  for (const named of tables) {
    const previous = namedTables.get(named.name);
    if (previous) throw markdownError(file, named.line, `the type ${named.name} is defined twice (first at line ${previous.line})`);
    namedTables.set(named.name, named);
    registry.declare(named.name);
  }
  // Another document's types, for the endpoints whose rows nothing here describes: that document defines them.
  const elsewhere = new Map(siblings.filter((named) => !namedTables.has(named.name)).map((named) => [named.name, named]));
  const groups = groupEndpoints(outline.endpoints, outline.basePath, [...namedTables.keys()]);
  const words = documentWords(outline);
  const otherTables = new Map<ResourceGroup, NamedTable>();
  for (const group of groups) {
    if (isEntityGroup(group, namedTables, words) || describesItself(group)) continue;
    const other = ownTableOf(entityNameOf(group, [...tables, ...elsewhere.values()], words), elsewhere);
    if (other && isEntityGroup(group, elsewhere, words)) otherTables.set(group, other);
  }
  const entityGroups = groups
    .filter((group) => otherTables.has(group) || isEntityGroup(group, namedTables, words))
    .map((group) => ({ group, name: otherTables.get(group)?.name ?? entityNameOf(group, tables, words) }));
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
    const otherTable = otherTables.get(group);
    if (otherTable) {
      // Its rows' fields give the operations their key and bodies; the schema is the other document's.
      entities.set(group, collectEntityFields(name, group, otherTable, registry, file));
      continue;
    }
    const ownTable = ownTableOf(name, namedTables);
    if (ownTable) owned.add(ownTable);
    const fields = collectEntityFields(name, group, ownTable, registry, file);
    entities.set(group, fields);
    const line = ownTable?.line ?? group.sections.find((section) => section.title === group.title)?.line ?? group.entityEndpoints[0]!.endpoint.line;
    const schema = { ...entitySchema(fields, group.sections, line, file), ...namedTableHints(ownTable) };
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
