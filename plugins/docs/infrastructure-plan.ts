/**
 * The view of `output/plans/<feature>/003-infrastructure-layer.md`, in the shape of the
 * infrastructure-layer plan (source document 002), filled in from what this run planned:
 * the components are the files the stack planned for each entity, the checklist is ticked
 * where the plan shows the item holds. The feature is the whole API (see `featureSlug`).
 */
import path from 'node:path';
import type { DomainModel, EngineConfig, Entity, PlannedFile, Relation, Table } from '../../core/index.js';
import { cell, code } from './markdown.js';
import { folderTree } from './project-structure.js';
import type { CodeComponent, ComponentRole, DocumentedStack } from '../../core/index.js';

export interface InfrastructurePlanView {
  title: string;
  feature: string;
  sources: string;
  version: string;
  stack: string;
  overview: string;
  components: { name: string; purpose: string; file: string }[];
  componentRows: string[][];
  steps: { title: string; purpose: string; files: string[] }[];
  folders: string[];
  mapping: string[][];
  technologies: string[];
  transactions: readonly string[];
  checklist: { done: boolean; text: string }[];
  toImplement: string[];
}

/** The feature a plan is for: the API, named by its title in kebab case (`Shop API` → `shop-api`). */
export function featureSlug(title: string): string {
  const slug = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'api' : slug;
}

const ROLE_ORDER: readonly ComponentRole[] = ['domain entity', 'repository port', 'ORM model', 'mapper', 'repository', 'in-memory repository', 'repository integration test'];

/** `migrationFolder`: where the stack plans its migration revisions (none: the plan lists none). */
export function infrastructurePlanView(model: DomainModel, config: EngineConfig, files: readonly PlannedFile[], stack: DocumentedStack, schema: readonly Table[], migrationFolder: string | undefined): InfrastructurePlanView {
  const planned = new Set(files.map((f) => f.path));
  const perEntity = model.entities.map((entity) => ({ entity, components: stack.components(entity, model).filter((c) => planned.has(c.file)) }));
  const aggregates = perEntity.filter(({ components }) => components.some((c) => c.role === 'repository'));
  const children = perEntity.filter(({ components }) => !components.some((c) => c.role === 'repository'));
  const migrations = files.filter((f) => path.posix.dirname(f.path) === migrationFolder).map((f) => f.path);
  const has = (components: CodeComponent[], role: ComponentRole) => components.some((c) => c.role === role);
  const ofRole = (role: ComponentRole) => perEntity.flatMap(({ components }) => components.filter((c) => c.role === role));

  const components = [
    ...aggregates.flatMap(({ entity, components: parts }) =>
      parts.filter((c) => c.role === 'repository').map((c) => ({ name: c.name, purpose: `Persists ${entity.name} to the ${code(entity.table)} table`, file: code(c.file) })),
    ),
    ...ofRole('ORM model').map((c) => ({ name: c.name, purpose: 'SQLAlchemy model (database schema)', file: code(c.file) })),
    ...ofRole('mapper').map((c) => ({ name: c.name, purpose: 'Converts domain ↔ ORM', file: code(c.file) })),
    ...migrations.map((file) => ({ name: 'Database migration', purpose: `Creates ${model.entities.length} tables${linkTableCount(model)}`, file: code(file) })),
  ];
  const componentRows = perEntity.map(({ entity, components: parts }) => [
    code(entity.name),
    code(entity.table),
    ...ROLE_ORDER.map((role) => parts.filter((c) => c.role === role).map((c) => code(c.name)).join(', ') || '—'),
  ].map(cell));

  const step = (title: string, purpose: string, role: ComponentRole) => ({ title, purpose, files: ofRole(role).map((c) => code(c.file)) });
  const steps = [
    step('ORM models (database schema)', 'Define the database schema, separate from the domain entities; no business logic.', 'ORM model'),
    step('Mappers (domain ↔ ORM)', 'Convert between domain entities and ORM models: enums, dates, nested objects, child rows and links.', 'mapper'),
    step('Repository implementations', 'Implement the repository ports over an async SQLAlchemy session.', 'repository'),
    { title: 'Database migration', purpose: 'Create the tables, keys, uniques and indexes.', files: migrations.map(code) },
    step('In-memory repositories (for tests)', 'Fast repositories for unit tests, no database needed.', 'in-memory repository'),
    step('Repository integration tests', 'Save, read, update and delete against a real database (SQLite, or PostgreSQL through `DATABASE_URL`).', 'repository integration test'),
  ];

  const infrastructureFiles = ofRole('ORM model').concat(ofRole('mapper'), ofRole('repository'), ofRole('in-memory repository')).map((c) => c.file);
  const infrastructureRoot = commonFolder(infrastructureFiles);
  const folders = infrastructureRoot === undefined ? [] : subTree(files, infrastructureRoot, stack);

  const missing = (among: typeof perEntity, role: ComponentRole) => among.filter(({ components: parts }) => !has(parts, role)).map(({ entity }) => code(entity.name));
  const check = (text: string, among: typeof perEntity, roles: ComponentRole[]) => {
    const lacking = [...new Set(roles.flatMap((role) => missing(among, role)))];
    const done = among.length > 0 && lacking.length === 0;
    const tally = `${among.length - lacking.length} of ${among.length}`;
    return { done, text: `${text} (${tally}${lacking.length > 0 ? `; missing for ${lacking.join(', ')}` : ''})` };
  };
  const checklist = [
    check('ORM model separate from domain model: each aggregate has a domain entity and an ORM model', aggregates, ['domain entity', 'ORM model']),
    check('Mapper handles all domain ↔ database conversions: each table has a mapper', perEntity, ['mapper']),
    check('Repository implements all methods of the domain port: each aggregate has its port and its SQLAlchemy repository', aggregates, ['repository port', 'repository']),
    check('Integration tests for repositories against a real database', aggregates, ['repository integration test']),
    check('In-memory repository available for fast unit tests', aggregates, ['in-memory repository']),
    { done: migrations.length > 0, text: `Migration creates the schema: ${migrations.length > 0 ? migrations.map(code).join(', ') : 'no migration planned'}` },
    ...stack.guarantees.map((text) => ({ done: true, text })),
  ];

  return {
    title: model.title,
    feature: featureSlug(model.title),
    sources: config.apiFiles.map((file) => code(path.basename(file))).join(', '),
    version: model.version,
    stack: stack.title,
    overview: `${count(aggregates.length, 'aggregate')} with a repository, ${count(children.length, 'child table')} written through its owner, ${count(model.relations.filter((r) => r.kind === 'many-to-many').length, 'join table')}, ${count(migrations.length, 'migration')}.`,
    components,
    componentRows,
    steps,
    folders,
    mapping: mappingRows(model, stack, schema),
    technologies: stack.technologies(config, model),
    transactions: stack.transactions,
    checklist,
    toImplement: model.operations.filter((op) => op.kind === 'custom').map((op) => `${code(`${op.method.toUpperCase()} ${op.path}`)} (${code(op.name)})`),
  };
}

/**
 * Domain concept, database representation: a table per entity, a column per stored field, keys,
 * child rows, links, enums; each column's type and nullability as the relational schema has them.
 */
function mappingRows(model: DomainModel, stack: DocumentedStack, schema: readonly Table[]): string[][] {
  const columnsOf = new Map(schema.map((table) => [table.name, new Map(table.columns.map((column) => [column.name, column]))]));
  const tables = new Map(model.entities.map((e) => [e.name, e.table]));
  const relations = new Map(model.relations.map((r) => [r.name, r]));
  const rows: string[][] = [];
  for (const entity of model.entities) {
    rows.push([`${code(entity.name)} (entity)`, `Table: ${code(entity.table)}`]);
    const columns = columnsOf.get(entity.table) ?? new Map();
    const keys = new Map(entity.foreignKeys.map((k) => [k.field, k]));
    const uniques = new Set(entity.uniques.filter((u) => u.fields.length === 1).map((u) => u.fields[0]));
    const indexes = new Set(entity.indexes.filter((i) => i.fields.length === 1).map((i) => i.fields[0]));
    for (const field of entity.fields) {
      const concept = `${code(`${entity.name}.${field.name}`)}`;
      if (field.relation !== undefined) {
        rows.push([concept, relationText(entity, relations.get(field.relation), tables)]);
        continue;
      }
      const key = keys.get(field.name);
      const column = columns.get(field.name);
      const parts = [`Column: ${code(field.name)} ${code(column ? stack.columnType(column) : '')}`];
      if (field.name === entity.primaryKey.field) parts.push('primary key');
      else parts.push(column?.nullable === false ? 'NOT NULL' : 'NULL');
      if (uniques.has(field.name)) parts.push('UNIQUE');
      if (indexes.has(field.name)) parts.push('indexed');
      if (key) parts.push(`foreign key → ${code(`${tables.get(key.target) ?? key.target}.${key.targetField}`)} ON DELETE ${key.onDelete}`);
      rows.push([concept, parts.join(', ')]);
    }
  }
  for (const e of model.enums) rows.push([`${code(e.name)} (enum)`, `Stored as its string values in the columns typed by it (${count(e.values.length, 'value')})`]);
  return rows.map((row) => row.map(cell));
}

function relationText(entity: Entity, relation: Relation | undefined, tables: Map<string, string>): string {
  if (!relation) return 'No column';
  if (relation.joinTable) return `Join table: ${code(relation.joinTable.table)} (${code(relation.joinTable.fromColumn)}, ${code(relation.joinTable.toColumn)}), ON DELETE CASCADE both ways`;
  const child = relation.from === entity.name ? relation.to : relation.from;
  return `Rows of ${code(tables.get(child) ?? child)} keyed by ${code(relation.field)}, ON DELETE ${relation.onDelete}`;
}

function linkTableCount(model: DomainModel): string {
  const links = model.relations.filter((r) => r.kind === 'many-to-many').length;
  return links === 0 ? '' : ` and ${count(links, 'join table')}`;
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** The tree of one folder, drawn from the folder itself (`infrastructure/`) down. */
function subTree(files: readonly PlannedFile[], root: string, stack: DocumentedStack): string[] {
  const parent = path.posix.dirname(root);
  const from = parent === '.' ? 0 : parent.length + 1;
  const inside = files.filter((f) => f.path.startsWith(`${root}/`)).map((f) => ({ path: f.path.slice(from), owner: f.owner }));
  return folderTree(inside, (folder) => stack.folderPurpose(parent === '.' ? folder : `${parent}/${folder}`));
}

/** The deepest folder holding all the files, or undefined when there are none. */
function commonFolder(files: string[]): string | undefined {
  if (files.length === 0) return undefined;
  let parts = path.posix.dirname(files[0]!).split('/');
  for (const file of files) {
    const other = path.posix.dirname(file).split('/');
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i += 1;
    parts = parts.slice(0, i);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}
