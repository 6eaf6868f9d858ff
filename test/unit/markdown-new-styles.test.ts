/**
 * Recognizers added after reading API lists written in styles the first fixtures did not have
 * (a Vietnamese clinic, a Japanese inventory, a Chinese blog with method and URL on label lines,
 * an English storefront with SQL column definitions as types). Each test is the hostile excerpt.
 */
import { describe, expect, it } from 'vitest';
import { readEndpointPart, readEndpointPartLine } from '../../core/parsers/markdown/endpoint-parts.js';
import { readFieldNotes } from '../../core/parsers/markdown/field-notes.js';
import { parseMarkdownText } from '../../core/parsers/markdown/index.js';
import { readSqlColumnModifiers } from '../../core/parsers/markdown/sql-column-modifiers.js';
import { readRuleSentences } from '../../core/parsers/markdown/rule-sentences.js';
import { readPagingDefaults, readVersion } from '../../core/parsers/markdown/document-lines.js';
import { parseTypeExpression } from '../../core/parsers/markdown/type-expression.js';
import { modelOfDocuments } from '../support/documents.js';

const file = '/docs/api.md';

describe('types with a size in any script', () => {
  it.each([
    ['文字列(20)', { type: 'string', maxLength: 20 }],
    ['字符串（50）', { type: 'string', maxLength: 50 }],
    ['string(50)', { type: 'string', maxLength: 50 }],
    ['DECIMAL(10，2)', { type: 'number', format: 'decimal', multipleOf: 0.01, minimum: -99999999.99, maximum: 99999999.99 }],
  ])('reads %s', (written, schema) => {
    expect(parseTypeExpression(written)).toEqual({ kind: 'scalar', schema });
  });
});

describe('SQL column definitions as types', () => {
  it('splits the type from its constraints', () => {
    expect(readSqlColumnModifiers('VARCHAR(255) NOT NULL UNIQUE')).toEqual({ typeText: 'VARCHAR(255)', nullable: false, unique: true });
    expect(readSqlColumnModifiers('INT DEFAULT 0')).toEqual({ typeText: 'INT', defaultText: '0' });
    expect(readSqlColumnModifiers("varchar(10) default 'new' not null")).toEqual({ typeText: 'varchar(10)', nullable: false, defaultText: 'new' });
    expect(readSqlColumnModifiers('BIGINT REFERENCES users(id)')).toEqual({ typeText: 'BIGINT', references: 'users' });
    expect(readSqlColumnModifiers('TEXT NULL')).toEqual({ typeText: 'TEXT', nullable: true });
    expect(readSqlColumnModifiers('double precision not null')).toEqual({ typeText: 'double precision', nullable: false });
  });

  it('leaves types that are no SQL column definition alone', () => {
    expect(readSqlColumnModifiers('string | null')).toEqual({ typeText: 'string | null' });
    expect(readSqlColumnModifiers('Optional[int]')).toEqual({ typeText: 'Optional[int]' });
    expect(readSqlColumnModifiers('enum(a, b)')).toEqual({ typeText: 'enum(a, b)' });
  });

  it('gives a field table row its nullability, required, unique and default', () => {
    const api = parseMarkdownText(
      [
        '## Products',
        '### POST /products',
        '| Field | Type | Notes |',
        '|---|---|---|',
        '| sku | `VARCHAR(32) NOT NULL UNIQUE` | |',
        '| status | `VARCHAR(16) NOT NULL DEFAULT draft` | |',
        '| note | `TEXT NULL` | |',
        '| phone | `string \\| null` | |',
        '',
      ].join('\n'),
      file,
    );
    const product = api.schemas.get('Product')!.schema;
    const properties = product.properties as Record<string, Record<string, unknown>>;
    expect(product.required).toEqual(['id', 'sku']);
    expect(properties.sku).toMatchObject({ type: 'string', maxLength: 32, 'x-unique': true });
    expect(properties.sku!['x-why']).toEqual({ 'x-unique': { rule: 'the column definition "VARCHAR(32) NOT NULL UNIQUE"', file, line: 5 } });
    expect(properties.status).toMatchObject({ type: 'string', maxLength: 16, default: 'draft' });
    expect(properties.note).toMatchObject({ type: 'string', nullable: true });
    expect(properties.phone).toMatchObject({ type: 'string', nullable: true });
  });
});

describe('an endpoint written as a method line and a path line', () => {
  it('reads the labels people use for each part', () => {
    expect(readEndpointPartLine('请求方式：POST')).toEqual({ kind: 'method', method: 'post' });
    expect(readEndpointPartLine('请求地址：/api/articles')).toEqual({ kind: 'path', path: '/api/articles' });
    expect(readEndpointPartLine('HTTP Method: GET')).toEqual({ kind: 'method', method: 'get' });
    expect(readEndpointPartLine('URL: https://api.x.com/v1/users/:id')).toEqual({ kind: 'path', path: '/v1/users/{id}' });
    expect(readEndpointPart('Méthode', 'DELETE')).toEqual({ kind: 'method', method: 'delete' });
    expect(readEndpointPartLine('说明：/api 前缀的接口')).toBeUndefined();
    expect(readEndpointPartLine('Method: whatever fits')).toBeUndefined();
  });

  it('opens the endpoint titled by the heading above, from lines, bullets or a key/value table', () => {
    const api = parseMarkdownText(
      [
        '## 一、文章模块',
        '### 1. 创建文章',
        '**请求方式**：`POST`',
        '**请求地址**：`/api/articles`',
        '',
        '**请求参数**',
        '',
        '| 参数 | 类型 | 是否必填 | 说明 |',
        '| --- | --- | --- | --- |',
        '| title | string(100) | 是 | 标题 |',
        '',
        '### 2. 文章详情',
        '- 请求地址：`/api/articles/{id}`',
        '- 请求方式：GET',
        '',
        '### 3. 删除文章',
        '| 项目 | 内容 |',
        '| --- | --- |',
        '| 请求方式 | DELETE |',
        '| 请求地址 | /api/articles/{id} |',
        '',
      ].join('\n'),
      file,
    );
    expect(api.operations.map((op) => `${op.method} ${op.path} ${op.summary ?? ''}`)).toEqual([
      'post /articles 创建文章',
      'get /articles/{id} 文章详情',
      'delete /articles/{id} 删除文章',
    ]);
    expect(api.schemas.get('Article')!.schema.properties).toHaveProperty('title');
  });
});

describe('tech-stack tables in words \\b does not know', () => {
  it('reads a Vietnamese tech-stack table (| Thành phần | Công nghệ |)', () => {
    const api = parseMarkdownText('## Công nghệ sử dụng\n\n| Thành phần | Công nghệ |\n|---|---|\n| Cơ sở dữ liệu | PostgreSQL |\n', file);
    expect(api.settings.database).toBe('postgresql');
  });
});

describe('a body table under endpoints a table or bullets listed', () => {
  const french = [
    '## Adhérents',
    '',
    '| Méthode | Chemin | Description |',
    '|---|---|---|',
    '| `GET` | `/adherents` | Lister |',
    '| `POST` | `/adherents` | Créer |',
    '| `PUT` | `/adherents/{id}` | Modifier |',
    '| `PATCH` | `/adherents/{id}` | Modifier en partie |',
    '',
    '**Corps de la requête (POST/PUT)** :',
    '',
    '| Champ | Type | Obligatoire | Description |',
    '|---|---|---|---|',
    '| nom | chaîne | oui | |',
    '| parrain_id | entier | non | Référence l\'adhérent |',
    '',
  ].join('\n');

  it('reads the label and the methods it names', async () => {
    const { readBodyLabel } = await import('../../core/parsers/markdown/endpoint-lines.js');
    expect(readBodyLabel('Corps de la requête (POST/PUT) :')).toEqual({ methods: ['post', 'put'] });
    expect(readBodyLabel('Request body (POST and PATCH)')).toEqual({ methods: ['post', 'patch'] });
    expect(readBodyLabel('Request body:')).toEqual({});
    expect(readBodyLabel('Body of the request is JSON')).toBeUndefined();
  });

  it('is the body of the section endpoints with those methods, so the section is an entity', () => {
    const api = parseMarkdownText(french, file);
    const bodies = api.operations.map((op) => `${op.method} ${JSON.stringify(op.requestBody?.schema?.$ref ?? '-')}`);
    // The PATCH has no table: it sends the entity, as an endpoint without a table does.
    expect(bodies).toEqual(['get "-"', 'post "#/components/schemas/Adherent"', 'put "#/components/schemas/Adherent"', 'patch "#/components/schemas/Adherent"']);
    const properties = api.schemas.get('Adherent')!.schema.properties as Record<string, Record<string, unknown>>;
    expect(Object.keys(properties)).toEqual(['id', 'nom', 'parrain_id']);
    // `Référence l'adhérent`: the French article is no name.
    expect(properties.parrain_id!['x-references']).toBe('adhérent');
  });

  it('a reference written with accents names the entity its path names without them', async () => {
    const { applyDocumentRules } = await import('../../core/derive/document-rules.js');
    const api = applyDocumentRules(parseMarkdownText(french, file));
    const properties = api.schemas.get('Adherent')!.schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.parrain_id!['x-references']).toBe('Adherent');
  });
});

describe("a field's rule stated in a sentence", () => {
  const source = (text: string) => ({ text, line: 7 });
  const read = (text: string) => readRuleSentences([{ ...source(text), inRules: true }], file);

  it('reads the subject and what it must be, in the field notes vocabulary', () => {
    expect(read('Customer email must be unique.').rules).toMatchObject([{ kind: 'field-note', subject: 'Customer email', note: 'be unique' }]);
    expect(read('Users must have a unique email.').rules).toMatchObject([{ kind: 'field-note', subject: 'Users email', note: 'unique' }]);
    expect(read('Product status is one of draft, published, archived.').rules).toMatchObject([{ kind: 'field-note', subject: 'Product status', note: 'one of draft, published, archived' }]);
    expect(read('Số điện thoại của bệnh nhân là duy nhất.').rules).toMatchObject([{ kind: 'field-note', subject: 'Số điện thoại của bệnh nhân', note: 'duy nhất' }]);
    expect(read('用户名唯一，邮箱唯一。').rules).toMatchObject([
      { kind: 'field-note', subject: '用户名', note: '唯一' },
      { kind: 'field-note', subject: '邮箱', note: '唯一' },
    ]);
  });

  it('leaves a sentence whose predicate says nothing the notes know (a warning under a rules heading)', () => {
    const { rules, warnings } = read('Orders must be paid before shipping.');
    expect(rules).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('reads soft deletes written in French, Spanish, German, Vietnamese and Japanese', () => {
    const entities = ['Les adhérents sont supprimés logiquement.', 'Los clientes usan borrado lógico.', 'Kunden werden logisch gelöscht.', 'Bệnh nhân bị xoá mềm.', '商品は論理削除とする。'].map(
      (text) => read(text).rules.map((rule) => (rule.kind === 'soft-delete' ? rule.entity : rule.kind)),
    );
    expect(entities).toEqual([['adhérents'], ['clientes'], ['Kunden'], ['Bệnh nhân'], ['商品']]);
  });

  it('applies to the field the subject names, by name or by description, with the sentence as why', async () => {
    const { applyDocumentRules } = await import('../../core/derive/document-rules.js');
    const api = parseMarkdownText(
      [
        '## Customers',
        '### POST /customers',
        '| Field | Type | Description |',
        '|---|---|---|',
        '| email | string | |',
        '| full_name | string | 姓名 |',
        '| status | string | |',
        '| nickname | string | |',
        '| age | int | |',
        '## Rules',
        '- Customer email must be unique.',
        "- A customer's status is one of: active, blocked.",
        '- 姓名必须唯一',
        '- The nickname of a customer is optional and indexed.',
        '- Customer phone must be unique.',
        '- A customer\'s age must be at least 18.',
        '- Customer nickname is max 30 characters.',
        '',
      ].join('\n'),
      file,
    );
    const applied = applyDocumentRules(api);
    const properties = applied.schemas.get('Customer')!.schema.properties as Record<string, Record<string, unknown>>;
    expect(properties.email).toMatchObject({ 'x-unique': true, 'x-why': { 'x-unique': { rule: 'rule "Customer email must be unique."', line: 11 } } });
    expect(properties.status).toMatchObject({ type: 'string', enum: ['active', 'blocked'] });
    expect(properties.full_name).toMatchObject({ 'x-unique': true });
    expect(properties.nickname).toMatchObject({ 'x-index': true, maxLength: 30 });
    expect(properties.age).toMatchObject({ type: 'integer', minimum: 18 });
    expect(applied.warnings?.map((w) => `${w.source.line}: ${w.message}`)).toEqual([
      '15: the rule "Customer phone must be unique." names no field of the documents\' entities in "Customer phone"; ignored',
    ]);
  });
});

describe('soft deletes in other languages, negated', () => {
  it('reads no rule where a negation comes right before the phrase', () => {
    const read = (text: string) => readRuleSentences([{ text, line: 3, inRules: false }], file).rules;
    expect(read('Les factures ne sont jamais supprimées logiquement.')).toEqual([]);
    expect(read('Hóa đơn không xóa mềm.')).toEqual([]);
    expect(read('Bệnh nhân bị xóa mềm, không xóa vĩnh viễn.')).toMatchObject([{ kind: 'soft-delete', entity: 'Bệnh nhân không xóa vĩnh viễn' }]);
  });
});

describe('a cascade from a parent that is soft deleted', () => {
  it("soft deletes the children with it, as its row is never deleted; a Chinese possessive names a field by its description", async () => {
    const { applyDocumentRules } = await import('../../core/derive/document-rules.js');
    const api = parseMarkdownText(
      [
        '## 订单',
        '### POST /orders',
        '| 字段 | 类型 | 说明 |',
        '|---|---|---|',
        '| amount | decimal | 金额 |',
        '## 明细',
        '### POST /order-lines',
        '| 字段 | 类型 | 说明 |',
        '|---|---|---|',
        '| order_id | int | 订单 |',
        '## 业务规则',
        '- 订单采用软删除。',
        '- 删除订单时级联删除其明细。',
        '- 订单的金额必须大于0',
        '',
      ].join('\n'),
      file,
    );
    const schemas = applyDocumentRules(api).schemas;
    const line = schemas.get('OrderLine')!.schema;
    expect(line['x-soft-delete']).toBe(true);
    expect((line.properties as Record<string, Record<string, unknown>>).order_id).toMatchObject({ 'x-on-delete': 'CASCADE', 'x-soft-delete-cascade': true });
    expect((schemas.get('Order')!.schema.properties as Record<string, Record<string, unknown>>).amount).toMatchObject({ exclusiveMinimum: 0 });
  });
});

describe('a type named by a line of its own above its field table', () => {
  it('reads **Book**, `Author` model and Publisher object as the types of the tables below them', () => {
    const table = '\n\n| Field | Type | Required | Notes |\n|---|---|---|---|\n| name | str | yes | |\n\n';
    const api = parseMarkdownText(`# Library API\n\n## Data models\n\n**Book**${table}\`Author\` model${table}Publisher object:${table}## Endpoints\n\n- \`GET /books\` — list books\n`, file);
    expect([...api.schemas.keys()]).toEqual(['Book', 'Author', 'Publisher']);
  });

  it('leaves labels that name no type to what they label (**Request body**, **Response**)', () => {
    const api = parseMarkdownText('# API\n\n### `POST /books` Create\n\n**Request body**\n\n| Field | Type | Required |\n|---|---|---|\n| title | str | yes |\n\n**Response**\n\n| Field | Type | Required |\n|---|---|---|\n| id | int | yes |\n', file);
    expect([...api.schemas.keys()]).not.toContain('Response');
    expect(api.operations[0]!.requestBody).toBeDefined();
  });
});

describe('rules and bounds in Spanish, French, German, Vietnamese and Japanese', () => {
  const rulesOf = (text: string) => readRuleSentences([{ text, line: 3, inRules: true }], file).rules.map((rule) => ({ ...rule, source: undefined }));

  it.each([
    ['Al borrar una sala se borran sus reservas.', 'una sala', 'sus reservas'],
    ['Al eliminar un cliente, se eliminan también sus pedidos.', 'un cliente', 'sus pedidos'],
    ["La suppression d'un auteur supprime ses livres.", 'un auteur', 'ses livres'],
    ['Beim Löschen eines Kunden werden seine Bestellungen gelöscht.', 'eines Kunden', 'seine Bestellungen'],
    ['Khi xóa bác sĩ thì xóa luôn lịch hẹn.', 'bác sĩ', 'lịch hẹn'],
  ])('reads the cascade in "%s"', (sentence, parent, child) => {
    expect(rulesOf(sentence)).toEqual([{ kind: 'cascade', parent, child, source: undefined }]);
  });

  it('reads a soft delete in Spanish words, with its English name as an aside or not', () => {
    expect(rulesOf('Las reservas se eliminan de forma lógica (soft delete).')).toEqual([{ kind: 'soft-delete', entity: 'reservas', source: undefined }]);
    expect(rulesOf('Los pedidos se borran de manera lógica.')).toEqual([{ kind: 'soft-delete', entity: 'pedidos', source: undefined }]);
  });
});

describe('bounds in the notes of a field, in the languages notes are written in', () => {
  const integer = { kind: 'scalar', schema: { type: 'integer' } } as const;
  const boundsIn = (notes: string) => {
    const { hints } = readFieldNotes(notes, integer, file, 1);
    return Object.fromEntries(Object.entries(hints).filter(([key]) => /imum$/.test(key)));
  };

  it.each([
    ['entre 1 y 500', { minimum: 1, maximum: 500 }],
    ['between 1 and 500 seats', { minimum: 1, maximum: 500 }],
    ['zwischen 2 und 10', { minimum: 2, maximum: 10 }],
    ['từ 1 đến 100', { minimum: 1, maximum: 100 }],
    ['介于1和500之间', { minimum: 1, maximum: 500 }],
    ['1〜99', { minimum: 1, maximum: 99 }],
    ['mínimo 1', { minimum: 1 }],
    ['como máximo 20', { maximum: 20 }],
    ['au moins 3', { minimum: 3 }],
    ['höchstens 5', { maximum: 5 }],
    ['tối đa 50', { maximum: 50 }],
    ['1以上', { minimum: 1 }],
    ['100未満', { maximum: 99 }],
    ['mayor que 0', { minimum: 1 }],
    ['Supérieure à 1450', { minimum: 1451 }],
    ['superior a 10 y menor que 100', { minimum: 11, maximum: 99 }],
    ['größer oder gleich 2', { minimum: 2 }],
    ['nhỏ hơn 5', { maximum: 4 }],
    ['mayor o igual que 18', { minimum: 18 }],
  ])('reads "%s"', (notes, bounds) => {
    expect(boundsIn(notes)).toEqual(bounds);
  });

  it('reads no range whose ends are backwards, nor a plain dash', () => {
    expect(boundsIn('between 10 and 1')).toEqual({});
    expect(boundsIn('see section 2-3')).toEqual({});
  });
});

describe('endpoints listed after their titles, under a heading that groups them', () => {
  const french = [
    '# API Médiathèque',
    '',
    '## Adhérents',
    '',
    '1. **Lister les adhérents** — `GET /adherents`',
    '2. **Créer un adhérent** — `POST /adherents`',
    '3. Supprimer un adhérent: `DELETE /adherents/{id}`',
    '',
    'Corps de la requête :',
    '',
    '| Champ | Type | Obligatoire | Description |',
    '|---|---|---|---|',
    '| nom | string | oui | |',
    '',
  ].join('\n');

  it('reads each item, its title first, and gives the body label after the list to the endpoint that takes one', () => {
    const api = parseMarkdownText(french, file);
    expect(api.operations.map((op) => `${op.method} ${op.path} ${op.summary ?? ''}`)).toEqual([
      'get /adherents Lister les adhérents',
      'post /adherents Créer un adhérent',
      'delete /adherents/{id} Supprimer un adhérent',
    ]);
    expect(api.operations[1]!.requestBody?.schema).toEqual({ $ref: '#/components/schemas/Adherent' });
    expect(api.warnings ?? []).toEqual([]);
  });

  it('warns of a field table that reaches no endpoint and no type, at its line', () => {
    const api = parseMarkdownText('# API\n\nSome prose.\n\n| Field | Type | Required |\n|---|---|---|\n| name | str | yes |\n\n- `GET /things` list\n', file);
    expect(api.warnings?.map((w) => [w.source.line, w.message])).toEqual([[5, 'a field table under no endpoint and no type name (`Name:` or a heading above it): ignored']]);
  });
});

describe('a union of number literals, as TypeScript writes one', () => {
  it('is an integer or a number among those values, bounded by them, not a JSON object', () => {
    expect(parseTypeExpression('1 | 2 | 3 | 4 | 5')).toEqual({ kind: 'scalar', schema: { type: 'integer', enum: [1, 2, 3, 4, 5], minimum: 1, maximum: 5 } });
    expect(parseTypeExpression('0.5 | 1 | 2.5')).toEqual({ kind: 'scalar', schema: { type: 'number', enum: [0.5, 1, 2.5], minimum: 0.5, maximum: 2.5 } });
    expect(parseTypeExpression('string | number')).toEqual({ kind: 'scalar', schema: { type: 'object', additionalProperties: true } });
  });
});

describe('a table right under a GET, without a label', () => {
  const text = (table: string[], method = 'GET /products') => ['# Shop', '', '## Products', '', `### ${method}`, '', ...table, '', '### POST /products', '', '| Field | Type | Required |', '|---|---|---|', '| name | string | yes |', '| category | string | yes |', ''].join('\n');

  it('lists the query parameters where one filters, pages or sorts and none is required', () => {
    const document = parseMarkdownText(text(['| Field | Type | Required | Description |', '|---|---|---|---|', '| category | string | no | filter by category |', '| page | int | no | page number |']), file);
    const list = document.operations.find((op) => op.method === 'get')!;
    expect(list.requestBody).toBeUndefined();
    expect(list.parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(expect.arrayContaining(['category', 'page']));
  });

  it('lists the fields of the response where it names the key, or under the path of one row', () => {
    const fields = ['| Field | Type | Description |', '|---|---|---|', '| id | int | |', '| name | string | |'];
    for (const method of ['GET /products', 'GET /products/{id}']) {
      const document = parseMarkdownText(text(fields, method), file);
      const get = document.operations.find((op) => op.method === 'get')!;
      expect(get.requestBody, method).toBeUndefined();
      expect(get.parameters.filter((p) => p.in === 'query').map((p) => p.name), method).not.toContain('name');
    }
  });
});

describe('the version line as people write it', () => {
  it.each([
    ['Version: 1.2.0', '1.2.0'],
    ['API version: beta', 'beta'],
    ['Versión: 0.3.0', '0.3.0'],
    ['バージョン：0.9.1', '0.9.1'],
    ['Phiên bản: 2.0.0', '2.0.0'],
    ['版本：1.0', '1.0'],
    ['ver 0.2', '0.2'],
    ['Ver: sección 3', undefined],
    ['Versions of the app differ.', undefined],
  ])('reads "%s"', (line, version) => {
    expect(readVersion(line)).toBe(version);
  });
});

describe('a paging sentence in Spanish', () => {
  it('reads the names and defaults after "paginación"', () => {
    expect(readPagingDefaults('Los listados admiten paginación (pagina, por_pagina; por defecto 1 y 20).')).toEqual({ page: 1, limit: 20, maxLimit: 100, pageName: 'pagina', limitName: 'por_pagina' });
  });
});

describe('paging named the ways Chinese and Spanish lists name it', () => {
  it('reads each name with a parenthesis of its own (MyBatis-Plus `current` and `size`)', () => {
    expect(readPagingDefaults('分页请求参数统一为 `current`（当前页，默认 1）和 `size`（每页条数，默认 10）。')).toEqual({ page: 1, limit: 10, maxLimit: 100, pageName: 'current', limitName: 'size' });
  });

  it('reads the two named as sent, the numbers the size\'s', () => {
    expect(readPagingDefaults('y aceptan `?pagina=` y `?por_pagina=` (por defecto 20, máximo 50).')).toEqual({ page: 1, limit: 20, maxLimit: 50, pageName: 'pagina', limitName: 'por_pagina' });
    expect(readPagingDefaults('Send `?q=` to search.')).toBeUndefined();
  });
});

describe('a list\'s page size as its own query table gives it', () => {
  const list = (rows: string[]) =>
    parseMarkdownText(['# API', '', '## Items `GET /items`', '', 'Query:', '', '| name | type | required | default | notes |', '|---|---|---|---|---|', ...rows, '', '## New item `POST /items`', '', '| name | type | required |', '|---|---|---|', '| title | string | yes |', ''].join('\n'), file)
      .operations.find((op) => op.method === 'get')!
      .parameters.filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, default: p.schema?.default, maximum: p.schema?.maximum }));

  it('takes the default column and the bound its notes state', () => {
    expect(list(['| pageNum | int | no | 2 | page |', '| size | int | no | 10 | page size, max 50 |'])).toEqual([
      { name: 'pageNum', default: 2, maximum: undefined },
      { name: 'size', default: 10, maximum: 50 },
    ]);
  });

  it('keeps the document\'s defaults where the table gives none, and widens the bound to a default past it', () => {
    expect(list(['| page | int | no | | |', '| limit | int | no | 200 | |'])).toEqual([
      { name: 'page', default: 1, maximum: undefined },
      { name: 'limit', default: 200, maximum: 200 },
    ]);
  });
});

describe('a filter searching part of a text', () => {
  it.each([['部门名称，模糊查询'], ['name (partial match)'], ['部分一致検索'], ['búsqueda parcial por nombre']])('reads "%s" as x-match: contains', (note) => {
    const api = parseMarkdownText(['# API', '', '## Items `GET /items`', '', 'Query:', '', '| name | type | required | notes |', '|---|---|---|---|', `| name | string | no | ${note} |`, '| code | string | no | exact code |', ''].join('\n'), file);
    const query = api.operations[0]!.parameters.filter((p) => p.in === 'query' && ['name', 'code'].includes(p.name));
    expect(query.map((p) => p.schema?.['x-match'])).toEqual(['contains', undefined]);
  });
});

describe('the sort values a list\'s query table notes', () => {
  const sortOf = (name: string, note: string, defaultText = '') =>
    parseMarkdownText(['# API', '', '## Items `GET /items`', '', 'Query:', '', '| name | type | required | default | notes |', '|---|---|---|---|---|', `| ${name} | string | no | ${defaultText} | ${note} |`, ''].join('\n'), file)
      .operations[0]!.parameters.find((p) => p.name === name)!.schema;

  it('reads the terms before the remark, their descending forms and the default', () => {
    expect(sortOf('sort', '`name` or `created_at`; prefix with `-` for descending')).toMatchObject({ enum: ['name', 'created_at', '-name', '-created_at'] });
    expect(sortOf('sort', '`due_date`, `issue_date` or `number`, prefix `-` for descending. Default `-issue_date`')).toMatchObject({
      enum: ['due_date', 'issue_date', 'number', '-due_date', '-issue_date', '-number'],
      default: '-issue_date',
    });
    expect(sortOf('sort', 'price, -price (default)')).toMatchObject({ enum: ['price', '-price'], default: '-price' });
    // An example's lead-in is no term: its dot ends no sentence.
    expect(sortOf('sort', 'e.g. `createdAt` or `-createdAt`')).toMatchObject({ enum: ['createdAt', '-createdAt'] });
    expect(sortOf('sort', '例如 price、-price')).toMatchObject({ enum: ['price', '-price'] });
  });

  it('reads lists after a label, in Chinese, and a default column or 默认', () => {
    expect(sortOf('orderBy', '排序字段：hireDate、empNo', 'hireDate')).toMatchObject({ enum: ['hireDate', 'empNo'], default: 'hireDate' });
    expect(sortOf('orderBy', '排序字段：price / createTime，默认 createTime')).toMatchObject({ enum: ['price', 'createTime'], default: 'createTime' });
  });

  it('takes no default it does not list', () => {
    expect(sortOf('sort', 'name or price', 'rank').default).toBeUndefined();
  });
});

describe('fields nested in a field, written in its rows', () => {
  const body = (rows: string[]) =>
    parseMarkdownText(['# 订单接口', '', '## 创建订单 POST /orders', '', '| 参数名 | 类型 | 必填 | 说明 |', '| --- | --- | --- | --- |', '| userId | Long | 是 | 下单用户 |', ...rows, '', '## 订单详情 GET /orders/{id}', ''].join('\n'), file);

  it.each([
    ['items[].name', ['| items | Array | 是 | 明细 |', '| items[].productId | Long | 是 | 商品ID |', '| items[].quantity | Integer | 否 | 数量 |']],
    ['a tree under the row', ['| items | List<Object> | 是 | 明细 |', '| └ productId | Long | 是 | 商品ID |', '| ├─ quantity | Integer | 否 | 数量 |']],
    ['a dash under the row', ['| items | array | 是 | 明细 |', '| - productId | Long | 是 | 商品ID |', '| - quantity | Integer | 否 | 数量 |']],
    ['items[].name with no row of its own', ['| items[].productId | Long | 是 | 商品ID |', '| items[].quantity | Integer | 否 | 数量 |']],
  ])('%s: a list of OrderItem with those fields', (_, rows) => {
    const api = body(rows);
    expect((api.schemas.get('Order')?.schema.properties as Record<string, unknown> | undefined)?.items).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/OrderItem' } });
    expect(api.schemas.get('OrderItem')?.schema).toMatchObject({ required: ['productId'], properties: { productId: { type: 'integer', format: 'int64' }, quantity: { type: 'integer' } } });
  });

  it('reads deeper paths as types of their own, and names the row a tree nests in no field', () => {
    const api = body(['| items[].sku.code | String | 是 | 编码 |']);
    expect(api.schemas.get('OrderItemSku')?.schema).toMatchObject({ properties: { code: { type: 'string' } } });
    expect(() =>
      parseMarkdownText(['# API', '', '## Create `POST /orders`', '', '| field | type |', '|---|---|', '| └ productId | Long |', ''].join('\n'), file),
    ).toThrow(/"└ productId" is nested in no field/);
  });
});

describe('query parameters listed under a label', () => {
  it('reads each item as a parameter with its note and default, not the note\'s words as parameters', () => {
    const api = parseMarkdownText(
      ['# API', '', '### List Users — `GET /api/v1/users`', '', '**Query Parameters:**', '- `search` *(optional)* — filter by name or email', '- `page` *(optional, default: 1)*', '- `pageSize` *(optional, default: 20)*', ''].join('\n'),
      file,
    );
    const query = api.operations[0]!.parameters.filter((p) => p.in === 'query');
    expect(query.map((p) => [p.name, p.description, p.schema.default])).toEqual([
      ['search', 'filter by name or email', undefined],
      ['page', undefined, 1],
      ['pageSize', undefined, 20],
    ]);
  });
});

describe('lists at a segment naming them', () => {
  it.each([['/category/list'], ['/category/page'], ['/category/all']])('GET %s lists the categories, its note-named keyword searching', async (path) => {
    const api = [
      '# 商城接口',
      '',
      `## 分类列表 GET ${path}`,
      '',
      '- 参数：`pageNum`、`pageSize`、`keyword`（按分类名称模糊）',
      '',
      '## 新增分类 POST /category',
      '',
      '| 参数名 | 类型 | 必填 | 说明 |',
      '| --- | --- | --- | --- |',
      '| name | String | 是 | 分类名称 |',
      '',
      '## 分类详情 GET /category/{id}',
      '',
    ].join('\n');
    const model = await modelOfDocuments({ 'api.md': api });
    const list = model.operations.find((o) => o.path === path)!;
    expect(list).toMatchObject({ kind: 'list', entity: 'Category' });
    expect(list.params.find((p) => p.wireName === 'keyword')).toMatchObject({ role: 'filter', field: 'name', comparison: 'contains' });
  });
});
