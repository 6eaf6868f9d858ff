import { access, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { InfraStackError } from '../../core/index.js';
import type { DomainModel, Entity } from '../../core/model/domain-model.js';
import { parseMarkdownFile, parseMarkdownText } from '../../core/parsers/markdown/index.js';
import { mergeApiDocuments } from '../../core/parsers/merge.js';
import { generate } from '../../lib/index.js';

const apiList = path.resolve('examples/shop/api-list.md');
const requirements = path.resolve('examples/shop/requirements.md');
const hintsFixture = path.resolve('test/fixtures/markdown/hints.md');

async function shopModel(): Promise<DomainModel> {
  return deriveModel(mergeApiDocuments([await parseMarkdownFile(apiList), await parseMarkdownFile(requirements)]));
}

function entity(model: DomainModel, name: string): Entity {
  const found = model.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name}`);
  return found;
}

function field(model: DomainModel, entityName: string, fieldName: string) {
  const found = entity(model, entityName).fields.find((f) => f.name === fieldName);
  if (!found) throw new Error(`no field ${entityName}.${fieldName}`);
  return found;
}

function userError(run: () => unknown): InfraStackError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InfraStackError);
    return error as InfraStackError;
  }
  throw new Error('expected an InfraStackError');
}

describe('markdown API list: the shop example', () => {
  it('finds the entities, their tables and field types', async () => {
    const model = await shopModel();
    expect(model.title).toBe('Shop');
    expect(model.basePath).toBe('/api');
    expect(model.entities.map((e) => [e.name, e.table])).toEqual([
      ['User', 'users'],
      ['Category', 'categories'],
      ['Product', 'products'],
      ['Tag', 'tags'],
      ['Order', 'orders'],
      ['OrderItem', 'order_items'],
    ]);
    expect(model.relations.map((r) => `${r.kind} ${r.from}.${r.field} -> ${r.to}${r.joinTable ? ` via ${r.joinTable.table}` : ''}`)).toEqual([
      'many-to-one OrderItem.order_id -> Order',
      'many-to-one Category.parent_id -> Category',
      'many-to-one Product.category_id -> Category',
      'many-to-one Order.user_id -> User',
      'many-to-one OrderItem.product_id -> Product',
      'many-to-many Product.tag_ids -> Tag via product_tags',
    ]);
    // `unique` in the notes of tag name and `unique code` of sku: uniques stated in plain words.
    expect(entity(model, 'Tag').uniques.map((u) => u.fields)).toEqual([['name']]);
    expect(entity(model, 'Product').uniques.map((u) => u.fields)).toEqual([['sku']]);
    expect(entity(model, 'Category').uniques.map((u) => u.fields)).toEqual([['slug']]);
    expect(entity(model, 'User').fields.map((f) => f.name)).toEqual(['id', 'email', 'username', 'full_name', 'created_at', 'updated_at', 'deleted_at']);
    expect(field(model, 'User', 'email')).toMatchObject({ type: { kind: 'string', format: 'email' }, required: true });
    expect(field(model, 'User', 'full_name')).toMatchObject({ type: { kind: 'string' }, required: false });
    expect(field(model, 'User', 'created_at')).toMatchObject({ type: { kind: 'string', format: 'date-time' }, readOnly: true });
    expect(field(model, 'Product', 'price').type).toEqual({ kind: 'number', format: 'decimal' });
    expect(field(model, 'Product', 'tag_ids').type).toEqual({ kind: 'array', items: { kind: 'integer' } });
    expect(field(model, 'Product', 'attributes').type).toEqual({ kind: 'map', values: { kind: 'json' } });
    expect(field(model, 'Order', 'items')).toMatchObject({ type: { kind: 'array', items: { kind: 'object', name: 'OrderItem' } }, required: true });
    expect(field(model, 'Order', 'status').type).toEqual({ kind: 'enum', name: 'OrderStatus' });
    expect(model.enums).toEqual([expect.objectContaining({ name: 'OrderStatus', values: ['pending', 'paid', 'shipped', 'cancelled'] })]);
    expect(model.objectTypes.find((t) => t.name === 'OrderItem')?.fields.map((f) => [f.name, f.type.kind, f.required])).toEqual([
      ['product_id', 'integer', true],
      ['quantity', 'integer', true],
      ['unit_price', 'number', true],
    ]);
    expect(entity(model, 'Order').primaryKey).toEqual({ field: 'id', type: { kind: 'integer' }, generated: true });
  });

  it('classifies the operations with their statuses, filters and sort', async () => {
    const model = await shopModel();
    const kinds = model.operations.map((op) => `${op.method.toUpperCase()} ${op.path} ${op.kind} ${op.response.status}`);
    expect(kinds).toEqual([
      'POST /users create 201',
      'GET /users/{user_id} get 200',
      'GET /users list 200',
      'DELETE /users/{user_id} delete 204',
      'POST /categories create 201',
      'GET /categories list 200',
      'POST /products create 201',
      'GET /products/{product_id} get 200',
      'PUT /products/{product_id} update 200',
      'PATCH /products/{product_id} patch 200',
      'DELETE /products/{product_id} delete 204',
      'GET /products list 200',
      'POST /tags create 201',
      'GET /tags list 200',
      'POST /orders create 201',
      'GET /orders/{order_id} get 200',
      'GET /orders list 200',
      'PATCH /orders/{order_id} patch 200',
      'DELETE /orders/{order_id} delete 204',
    ]);
    const listUsers = model.operations.find((op) => op.kind === 'list' && op.entity === 'User')!;
    expect(listUsers.response.page).toMatchObject({ kind: 'wrapper', typeName: 'UserPage', itemsField: 'items', totalField: 'total' });
    expect(listUsers.params.map((p) => [p.name, p.role, p.default])).toEqual([
      ['page', 'page', 1],
      ['limit', 'limit', 20],
      ['email', 'filter', undefined],
    ]);
    expect(listUsers.params[1]!.constraints).toEqual({ minimum: 1, maximum: 100 });
    const listProducts = model.operations.find((op) => op.kind === 'list' && op.entity === 'Product')!;
    expect(listProducts.params.map((p) => [p.name, p.role, p.field, p.comparison])).toEqual([
      ['page', 'page', undefined, undefined],
      ['limit', 'limit', undefined, undefined],
      ['category_id', 'filter', 'category_id', 'eq'],
      ['min_price', 'filter', 'price', 'gte'],
      ['max_price', 'filter', 'price', 'lte'],
      ['sort', 'sort', undefined, undefined],
    ]);
    expect(listProducts.params.find((p) => p.name === 'min_price')!.type).toEqual({ kind: 'number', format: 'decimal' });
    expect(listProducts.params.find((p) => p.name === 'sort')!.type).toEqual({ kind: 'literal', values: ['price', '-price', 'created_at'] });
    const listOrders = model.operations.find((op) => op.kind === 'list' && op.entity === 'Order')!;
    expect(listOrders.params.find((p) => p.name === 'status')).toMatchObject({ role: 'filter', type: { kind: 'enum', name: 'OrderStatus' } });
    const patchOrder = model.operations.find((op) => op.kind === 'patch' && op.entity === 'Order')!;
    expect(patchOrder.input).toEqual({ fields: ['status'], required: [] });
    expect(model.operations.find((op) => op.kind === 'create' && op.entity === 'User')!.input).toEqual({ fields: ['email', 'username', 'full_name'], required: ['email', 'username'] });
  });

  it('shares one hoisted enum between the POST and the PATCH body of orders', async () => {
    const api = await parseMarkdownFile(apiList);
    expect([...api.schemas.keys()]).toEqual(['User', 'UserPage', 'Category', 'Product', 'Tag', 'Order', 'OrderStatus', 'OrderItem', 'OrderPatch']);
    const patch = api.schemas.get('OrderPatch')!.schema as { properties: Record<string, Record<string, unknown>> };
    expect(patch.properties.status).toMatchObject({ $ref: '#/components/schemas/OrderStatus', 'x-source-line': 112 });
    const order = api.schemas.get('Order')!;
    expect(order.source).toEqual({ file: apiList, pointer: '/components/schemas/Order', line: 83 });
    expect(api.operations[0]!.source).toEqual({ file: apiList, pointer: '/paths/~1users/post', line: 7 });
  });

  it('reads the database and the technologies from the requirements tech-stack table', async () => {
    const document = await parseMarkdownFile(requirements);
    const { technologies, ...database } = document.settings;
    expect(database).toEqual({ database: 'postgresql', source: { file: requirements, pointer: '/x-tech-stack/database', line: 11 } });
    expect(technologies?.map((choice) => [choice.topic, choice.name, choice.written, choice.source.line])).toEqual([
      ['language', 'Python', 'Python', 9],
      ['framework', 'FastAPI', 'FastAPI', 10],
      ['orm', 'SQLAlchemy', 'SQLAlchemy', 12],
    ]);
    expect(document.operations).toEqual([]);
    expect(document.schemas.size).toBe(0);
    const merged = mergeApiDocuments([await parseMarkdownFile(apiList), document]);
    expect(merged.settings.database).toBe('postgresql');
    expect(merged.sources).toEqual([apiList, requirements]);
  });

  it('reads a database chosen on a line of its own, in the words and languages people write it', () => {
    const lines: [string, string][] = [
      ['- Database: PostgreSQL', 'postgresql'],
      ['**DB** — MySQL 8', 'mysql'],
      ['- 数据库：MariaDB', 'mysql'],
      ['- Cơ sở dữ liệu: PostgreSQL 15', 'postgresql'],
      ['Base de datos: SQLite', 'sqlite'],
    ];
    const file = 'requirements.md';
    for (const [line, database] of lines) {
      const document = parseMarkdownText(`# Requirements\n\n${line}\n`, file);
      expect(document.settings, line).toEqual({ database, source: { file, pointer: '/x-tech-stack/database', line: 3 } });
    }
    // A sentence about the database chooses none.
    expect(parseMarkdownText('# API\n\n- Database: keep every order for five years.\n\n### POST /things\n\n| field | type |\n| --- | --- |\n| name | string |\n', file).settings).toEqual({});
  });

  it('parses the same document to the same result every time', async () => {
    const first = await parseMarkdownFile(apiList);
    const second = await parseMarkdownFile(apiList);
    expect(JSON.stringify([...second.schemas])).toBe(JSON.stringify([...first.schemas]));
    expect(JSON.stringify(second.operations)).toBe(JSON.stringify(first.operations));
  });

  it('generates a backend through the engine, on the database the requirements choose', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-markdown-'));
    const result = await generate({ apiFiles: [apiList, requirements], outDir: out });
    expect(result.created).toEqual(expect.arrayContaining(['backend/app/infrastructure/models/order.py', 'backend/app/infrastructure/models/user.py']));
    await access(path.join(out, 'backend/app/infrastructure/models/order.py'));
    expect(await readFile(path.join(out, 'backend/app/core/config.py'), 'utf8')).toContain('database_url: str = "postgresql+asyncpg://');
    expect(result.notes).toEqual([
      'Database: postgresql, as requirements.md:11 chooses.',
      "SQL schema: backend/db/schema.postgresql.sql and a seed script, for postgresql, the backend's database (--ddl picks dialects, --ddl none writes none).",
    ]);
    expect(result.created).toEqual(expect.arrayContaining(['backend/db/schema.postgresql.sql', 'backend/db/seed.postgresql.sql']));
    // Each linked id is bounded by the tags' key column, so an id past it is 422, not a database error.
    const productSchemas = await readFile(path.join(out, 'backend/app/presentation/api/v1/schemas/product.py'), 'utf8');
    expect(productSchemas).toMatch(/^ {4}tag_ids: MayOmit\[list\[Annotated\[JsonInt, Field\(ge=-2147483648, le=2147483647\)\]\]\] = None$/m);
  });

  it('lets --db win over the requirements, and takes MySQL or MariaDB from them', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-markdown-'));
    const result = await generate({ apiFiles: [apiList, requirements], outDir: out, db: 'sqlite', ddl: [], dryRun: true });
    expect(result.notes).toEqual(['Database: sqlite (--db).']);
    expect(result.created.filter((file) => file.startsWith('backend/db/'))).toEqual([]);
    const mysql = path.join(out, 'requirements.md');
    await writeFile(mysql, (await readFile(requirements, 'utf8')).replace('| Database | PostgreSQL |', '| Database | MySQL 8 |'));
    const chosen = await generate({ apiFiles: [apiList, mysql], outDir: out, dryRun: true });
    expect(chosen.notes).toContain('Database: mysql, as requirements.md:11 chooses.');
    expect(chosen.created).toContain('backend/db/schema.mysql.sql');
    await writeFile(mysql, (await readFile(requirements, 'utf8')).replace('| Database | PostgreSQL |', '| Database | MariaDB 10.11 |'));
    expect((await generate({ apiFiles: [apiList, mysql], outDir: out, dryRun: true })).notes).toContain('Database: mysql, as requirements.md:11 chooses.');
    expect(await readdir(out)).toEqual(['requirements.md']);
  });
});

describe('markdown API list: hints and forgiving tables', () => {
  it('translates field and resource hints into x- extensions', async () => {
    const api = await parseMarkdownFile(hintsFixture);
    expect(api.basePath).toBe('/v1');
    const person = api.schemas.get('Person')!.schema as Record<string, unknown> & { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(person).toMatchObject({ 'x-soft-delete': true, 'x-tenant': true, 'x-table-name': 'persons', 'x-renamed-from': 'Human', 'x-source-line': 5 });
    expect(person.required).toEqual(['id', 'email', 'team_id', 'kind']);
    expect(person.properties.email).toEqual({ type: 'string', format: 'email', description: 'login', 'x-unique': true, 'x-source-line': 13 });
    expect(person.properties.nickname).toMatchObject({ description: 'shown to others', 'x-index': true, 'x-renamed-from': 'handle' });
    expect(person.properties.team_id).toMatchObject({ type: 'integer', format: 'int64', 'x-references': 'Team', 'x-on-delete': 'SET NULL' });
    expect(person.properties.team_id).not.toHaveProperty('description');
    expect(person.properties.secret).toMatchObject({ writeOnly: true });
    expect(person.properties.kind).toMatchObject({ $ref: '#/components/schemas/PersonKind' });
    expect(person.properties.joined_on).toMatchObject({ type: 'string', format: 'date', readOnly: true });
    expect(person.properties.is_active).toMatchObject({ type: 'boolean', readOnly: true });
    const team = api.schemas.get('Team')!.schema as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(team.required).toEqual(['id', 'title']);
    expect(team.properties.title).toMatchObject({ type: 'string', 'x-unique': true, description: 'team name' });
    expect(team.properties.budget).toMatchObject({ type: 'number', format: 'decimal' });
  });

  it('types query parameters from fields, ranges and names, with the document paging defaults', async () => {
    const api = await parseMarkdownFile(hintsFixture);
    const list = api.operations.find((op) => op.method === 'get' && op.path === '/people')!;
    expect(Object.fromEntries(list.parameters.map((p) => [p.name, p.schema]))).toMatchObject({
      page: { type: 'integer', default: 1 },
      limit: { type: 'integer', default: 50, maximum: 200 },
      kind: { $ref: '#/components/schemas/PersonKind' },
      min_team_id: { type: 'integer', format: 'int64' },
      since: { type: 'string' },
      is_active: { type: 'boolean' },
    });
  });
});

describe('markdown API list: bad input', () => {
  const file = '/docs/api.md';
  const endpoint = (table: string) => `# API\n\n## Things\n\n### POST /things\n\n${table}\n`;

  const cases: [string, string, RegExp, number][] = [
    ['an unknown method', '# API\n\n## Things\n\n### FETCH /things\n', /unknown HTTP method FETCH/, 5],
    ['a table without a type column', endpoint('| field | required |\n| --- | --- |\n| name | yes |'), /needs a type column/, 7],
    ['a table without a field column', endpoint('| type | required |\n| --- | --- |\n| string | yes |'), /needs a field column/, 7],
    ['the same endpoint twice', '# API\n\n### GET /things\n\nResponse 200: Thing — `id`\n\n### GET /things\n', /GET \/things is defined twice \(first at line 3\)/, 7],
    ['an unknown type', endpoint('| field | type |\n| --- | --- |\n| name | strng |'), /field name has the unknown type "strng": expected string, int/, 9],
    ['an undefined named type', endpoint('| field | type |\n| --- | --- |\n| name | string |\n| parts | Part[] |'), /the type Part is not defined/, 10],
    ['a duplicate field', endpoint('| field | type |\n| --- | --- |\n| name | string |\n| name | text |'), /field name is listed twice in this table \(first at line 9\)/, 10],
    ['an unknown hint', endpoint('| field | type | notes |\n| --- | --- | --- |\n| name | string | [uniq] |'), /unknown hint \[uniq\]/, 9],
    ['an unknown resource hint', '# API\n\n## Things\n\nHints: [soft delete] [sharded]\n\n### POST /things\n\n| field | type |\n| --- | --- |\n| name | string |\n', /unknown resource hint \[sharded\]/, 5],
    ['an undefined response type', '# API\n\n### POST /things/{id}/spin\n\nResponse 200: Spin\n', /response type Spin is not defined/, 5],
    ['a field typed differently by two tables', endpoint('| field | type |\n| --- | --- |\n| name | string |') + '\n### PATCH /things/{id}\n\n| field | type |\n| --- | --- |\n| name | int |\n', /field name of Thing is integer here but string at line 9; one field takes one type/, 15],
    ['a field given two lengths by two tables', endpoint('| field | type |\n| --- | --- |\n| name | varchar(20) |') + '\n### PATCH /things/{id}\n\n| field | type |\n| --- | --- |\n| name | varchar(30) |\n', /field name of Thing is string \(maxLength 30\) here but string \(maxLength 20\) at line 9/, 15],
    ['an enum no table gives values', endpoint('| field | type | notes |\n| --- | --- | --- |\n| name | string | |\n| colour | enum | see above |'), /field colour is an enum, but neither its type nor its notes list the values/, 10],
    ['a query enum no table gives values', '# API\n\n### GET /things\n\n| param | type | notes |\n| --- | --- | --- |\n| kind | enum | see below |\n', /field kind is an enum, but neither/, 7],
    ['a second unlabelled table', endpoint('| field | type |\n| --- | --- |\n| name | string |\n\n| field | type |\n| --- | --- |\n| size | int |'), /a second table under POST \/things/, 11],
    ['an unsupported database', '# Requirements\n\n## Tech stack\n\n| item | choice |\n| --- | --- |\n| Database | MongoDB |\n', /unsupported database "MongoDB"/, 7],
    ['an unsupported database on a line', '# Requirements\n\n- Database: Oracle 19c\n', /unsupported database "Oracle 19c"/, 3],
    ['two databases', '# Requirements\n\n- Database: MySQL\n\n| item | choice |\n| --- | --- |\n| Database | PostgreSQL |\n', /database postgresql contradicts mysql chosen at line 3/, 7],
    ['a document with nothing to read', '# Notes\n\nJust prose.\n', /found no endpoints/, 1],
  ];

  it.each(cases)('names the file and line of %s', (_name, text, message, line) => {
    const error = userError(() => parseMarkdownText(text, file));
    expect(error.message).toMatch(message);
    expect(error.file).toBe(file);
    expect(error.location).toBe(String(line));
  });

  it('writes nothing when a markdown document is bad', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-markdown-bad-'));
    const bad = path.join(dir, 'api.md');
    await writeFile(bad, endpoint('| field | type |\n| --- | --- |\n| name | strng |'));
    const out = path.join(dir, 'out');
    const error = await generate({ apiFiles: [bad], outDir: out }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:9: field name has the unknown type`));
    expect(await readdir(dir)).toEqual(['api.md']);
  });
});
