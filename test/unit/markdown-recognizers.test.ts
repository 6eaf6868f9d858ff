import { describe, expect, it } from 'vitest';
import { sharedPrefix, readEndpointText, cleanPath } from '../../core/parsers/markdown/endpoint-heading.js';
import { readBasePath, readPagingDefaults } from '../../core/parsers/markdown/document-lines.js';
import { isBodyLabel, isQueryLabel, readQueryLine, readResponseLine } from '../../core/parsers/markdown/endpoint-lines.js';
import { readEndpointTable } from '../../core/parsers/markdown/endpoint-table.js';
import { columnsOf, readFieldTable } from '../../core/parsers/markdown/field-table.js';
import { readFieldNotes } from '../../core/parsers/markdown/field-notes.js';
import { fieldTableFromItems, fieldTableFromLines, fieldTableFromList } from '../../core/parsers/markdown/field-lines.js';
import { isStatusCodeTable } from '../../core/parsers/markdown/status-code-table.js';
import { withoutJsonComments } from '../../core/parsers/markdown/json-comments.js';
import { fieldTableFromJsonExample } from '../../core/parsers/markdown/json-example.js';
import { pythonModels } from '../../core/parsers/markdown/pydantic-models.js';
import { readTechStack } from '../../core/parsers/markdown/tech-stack.js';
import { inlineObjectType, typeScriptDeclarations } from '../../core/parsers/markdown/typescript-declarations.js';
import { paragraphLines, parseMarkdownTree, plainText, type MarkdownParagraph, type MarkdownTable } from '../../core/parsers/markdown/markdown-tree.js';
import { readRuleSentences } from '../../core/parsers/markdown/rule-sentences.js';
import { parseTypeExpression } from '../../core/parsers/markdown/type-expression.js';

const file = '/docs/api.md';

function table(markdown: string): MarkdownTable {
  const block = parseMarkdownTree(markdown).children[0];
  if (block?.type !== 'table') throw new Error('no table');
  return block;
}

describe('endpoints wherever people put them', () => {
  it.each([
    ['POST /users — Register a user', 'post', '/users', 'Register a user'],
    ['`POST /v1/doctors` Create doctor', 'post', '/v1/doctors', 'Create doctor'],
    ['1.2 Create doctor: POST /v1/doctors', 'post', '/v1/doctors', 'Create doctor'],
    ['📅 Crear evento — `POST /api/events`', 'post', '/api/events', 'Crear evento'],
    ['1.1 新增读者 POST /api/v2/readers', 'post', '/api/v2/readers', '新增读者'],
    ['DELETE /files/<int:file_id>', 'delete', '/files/{file_id}', undefined],
  ])('reads %s', (text, method, path, summary) => {
    const found = readEndpointText(text.replace(/`/g, ''), file, 3);
    expect(found).toEqual({ method, path, ...(summary ? { summary } : {}) });
  });

  it.each([
    ['GET https://api.example.com/v1/users/:id?expand=1', '/v1/users/{id}', undefined, ['expand']],
    ['GET /students?grade=&homeroom_id= — list students', '/students', 'list students', ['grade', 'homeroom_id']],
    ['2. **List posts** — GET /v1/posts — filter by `status`, `author_id`', '/v1/posts', 'List posts', ['status', 'author_id']],
    ['GET /api/v2/products — Produkte auflisten (filter: sku, category)', '/api/v2/products', 'Produkte auflisten', ['sku', 'category']],
    ['GET /books — searchable by title and author.', '/books', undefined, ['title', 'author']],
    ['List students — GET /students — supports ?grade= and ?homeroom_id=', '/students', 'List students — supports ?grade= and ?homeroom_id', ['grade', 'homeroom_id']],
    ['GET /api/rezepte — auflisten, filterbar nach `kategorie_id`, `schwierigkeit`', '/api/rezepte', 'auflisten', ['kategorie_id', 'schwierigkeit']],
    ['GET /libros — listar, filtrar por autor_id y genero', '/libros', 'listar', ['autor_id', 'genero']],
    ['GET /animaux — liste, filtrable par statut ou espece', '/animaux', 'liste', ['statut', 'espece']],
    ['GET /sach — Danh sách, lọc theo trang_thai', '/sach', 'Danh sách', ['trang_thai']],
    ['GET /posts — 文章列表，支持按 status、category 筛选', '/posts', '文章列表，支持', ['status', 'category']],
    ['GET /events — 一覧（`status`、`category` で絞り込み）', '/events', '一覧', ['status', 'category']],
  ])('reads the query parameters %s names in passing', (text, path, summary, queryNames) => {
    const found = readEndpointText(text.replace(/`|\*\*/g, ''), file, 3, 'opening');
    expect(found).toEqual({ method: 'get', path, ...(summary ? { summary } : {}), queryNames });
  });

  it('gives up on a long title naming no filter at once (no pattern backtracks over its words)', () => {
    for (const title of ['`status` '.repeat(4000), `按 ${'a、'.repeat(4000)}x`, `filter by ${'a, '.repeat(4000)}`]) {
      expect(readEndpointText(`GET /posts — ${title}!`, file, 3, 'opening')?.path).toBe('/posts');
    }
  });

  it('sets apart an endpoint in a code span from the title before it', () => {
    const root = parseMarkdownTree('**Create student** `POST /students`\n\n- Enroll `POST /students/{id}/courses`\n\nCall `GET /x` first, then wait.\n');
    const [title, list, prose] = root.children;
    expect(readEndpointText(paragraphLines(title as MarkdownParagraph)[0]!.text, file, 1, 'opening')).toEqual({ method: 'post', path: '/students', summary: 'Create student' });
    const item = (list as { children: { children: MarkdownParagraph[] }[] }).children[0]!.children[0]!;
    expect(readEndpointText(paragraphLines(item)[0]!.text, file, 3, 'opening')).toEqual({ method: 'post', path: '/students/{id}/courses', summary: 'Enroll' });
    // A sentence going on after the code span is prose, not a title.
    expect(readEndpointText(paragraphLines(prose as MarkdownParagraph)[0]!.text, file, 5, 'opening')).toBeUndefined();
  });

  it('reads headings whose endpoint is a link or a code span', () => {
    const root = parseMarkdownTree('### [GET /projects](#list)\n\n#### `POST /v1/doctors` Create doctor\n');
    const texts = root.children.map((block) => plainText(block as Parameters<typeof plainText>[0]));
    expect(texts.map((text, index) => readEndpointText(text, file, index))).toEqual([
      { method: 'get', path: '/projects' },
      { method: 'post', path: '/v1/doctors', summary: 'Create doctor' },
    ]);
  });

  it('reads a line only when it opens with the endpoint (after a short label)', () => {
    expect(readEndpointText('接口：POST /api/v2/readers', file, 1, 'opening')).toEqual({ method: 'post', path: '/api/v2/readers' });
    expect(readEndpointText('Use POST /users to register', file, 1, 'opening')).toBeUndefined();
  });

  it('refuses an unknown method written in capitals', () => {
    expect(() => readEndpointText('FETCH /things', file, 4)).toThrow(/unknown HTTP method FETCH/);
  });

  it('reads endpoint tables in several languages and with one endpoint column', () => {
    const spanish = readEndpointTable(table('| Método | Ruta | Descripción |\n|---|---|---|\n| GET | /api/venues | Lista |\n| POST | /api/venues | Crear |'), file);
    expect(spanish).toEqual([
      { method: 'get', path: '/api/venues', summary: 'Lista', line: 3 },
      { method: 'post', path: '/api/venues', summary: 'Crear', line: 4 },
    ]);
    const chinese = readEndpointTable(table('| 接口 | 说明 |\n|---|---|\n| GET /books | 图书列表 |'), file);
    expect(chinese).toEqual([{ method: 'get', path: '/books', summary: '图书列表', line: 3 }]);
    expect(readEndpointTable(table('| item | choice |\n|---|---|\n| Database | PostgreSQL |'), file)).toBeUndefined();
  });

  it('reads base paths written in several ways, and infers a shared prefix', () => {
    expect(readBasePath('Base path: `/api`.')).toBe('/api');
    expect(readBasePath('All endpoints live under Base URL: https://api.clinic.example/v1')).toBe('/v1');
    expect(readBasePath('Prefix: `/api/v2`')).toBe('/api/v2');
    expect(readBasePath('接口前缀：`/api/v2`')).toBe('/api/v2');
    expect(readBasePath('Prefijo: /api')).toBe('/api');
    expect(readBasePath('The prefix matters.')).toBeUndefined();
    expect(sharedPrefix(['/v1/doctors', '/v1/doctors/{id}', '/v1/patients'])).toBe('/v1');
    expect(sharedPrefix(['/doctors', '/doctors/{id}'])).toBe('');
    expect(cleanPath('/users/')).toBe('/users');
  });

  it('reads paging sentences in Chinese', () => {
    expect(readPagingDefaults('分页参数统一为 `page`（默认 1）和 `limit`（默认 20，最大 100）')).toEqual({ page: 1, limit: 20, maxLimit: 100 });
  });
});

describe('labels, query and response lines', () => {
  it('knows body, query and response labels in several languages', () => {
    for (const label of ['Body:', 'Request body', '请求参数：', 'Cuerpo:', 'Corps de la requête', 'リクエスト']) expect(isBodyLabel(label), label).toBe(true);
    for (const label of ['Query parameters', '查询参数', 'Params:']) expect(isQueryLabel(label), label).toBe(true);
    expect(readQueryLine('Params: `page`, `page_size`, `specialty`', 5)?.items.map((i) => i.name)).toEqual(['page', 'page_size', 'specialty']);
    expect(readQueryLine('查询参数：page、limit、level', 5)?.items.map((i) => i.name)).toEqual(['page', 'limit', 'level']);
    expect(readResponseLine('Response 201 Created → Doctor', file, 7)).toMatchObject({ status: '201', body: { shape: 'single', typeName: 'Doctor' } });
    expect(readResponseLine('返回：Reader', file, 7, '201')).toMatchObject({ status: '201', body: { typeName: 'Reader' } });
    expect(readResponseLine('Response:', file, 7)).toEqual({ status: '200', fields: [], line: 7 });
    expect(readResponseLine('Response 200: the created doctor', file, 7)).toEqual({ status: '200', fields: [], line: 7 });
  });
});

describe('field tables in other words and languages', () => {
  it.each([
    [['Field', 'Type', 'Required', 'Notes'], { name: 0, type: 1, required: 2, description: 3 }],
    [['字段', '类型', '必填', '说明'], { name: 0, type: 1, required: 2, description: 3 }],
    [['参数名', '类型', '是否必填', '描述', '默认值'], { name: 0, type: 1, required: 2, description: 3, default: 4 }],
    [['Campo', 'Tipo', 'Obligatorio', 'Descripción'], { name: 0, type: 1, required: 2, description: 3 }],
    [['Champ', 'Type', 'Obligatoire', 'Description'], { name: 0, type: 1, required: 2, description: 3 }],
    [['Feld', 'Typ', 'Pflicht', 'Beschreibung'], { name: 0, type: 1, required: 2, description: 3 }],
    [['Tên trường', 'Kiểu', 'Bắt buộc', 'Mô tả'], { name: 0, type: 1, required: 2, description: 3 }],
    [['項目名', '型', '必須', '説明'], { name: 0, type: 1, required: 2, description: 3 }],
    [['', 'Type', 'Example'], { name: 0, type: 1, example: 2 }],
  ])('finds the columns of | %s |', (headers, columns) => {
    expect(columnsOf(headers)).toEqual(columns);
  });

  it('reads required as people write it, and marks on names', () => {
    const read = readFieldTable(
      table('| 字段 | 类型 | 必填 | 说明 |\n|---|---|---|---|\n| a | int | 是 | |\n| b | int | 否 | |\n| c | int | ✅ | |\n| d | int | ❌ | |\n| e * | int | | |\n| f | int | Y | optional |'),
      file,
    );
    expect(read.rows.map((row) => [row.name, row.required])).toEqual([['a', true], ['b', false], ['c', true], ['d', false], ['e', true], ['f', false]]);
  });

  it('names fields by the column of identifiers where a design names each twice, the other name its label', () => {
    const japanese = readFieldTable(table('| 項目名 | 物理名 | 型 | 必須 | 説明 |\n|---|---|---|---|---|\n| タイトル | title | string(200) | ○ | |\n| 出版年 | publishedYear | integer | | 1000〜2100 |'), file);
    expect(japanese.rows.map((row) => [row.name, row.description])).toEqual([['title', 'タイトル'], ['publishedYear', '出版年 — 1000〜2100']]);
    const chinese = readFieldTable(table('| 字段名 | 英文名 | 类型 | 说明 |\n|---|---|---|---|\n| 订单号 | order_no | varchar(32) | 唯一 |'), file);
    expect(chinese.rows.map((row) => [row.name, row.description])).toEqual([['order_no', '订单号 — 唯一']]);
    // Identifiers in the first name column: that one names them, as before.
    const plain = readFieldTable(table('| name | column | type |\n|---|---|---|\n| title | book_title | string |'), file);
    expect(plain.rows.map((row) => row.name)).toEqual(['title']);
  });

  it('reads number keys as integers (TypeScript has no integers)', () => {
    const read = readFieldTable(table('| name | type |\n|---|---|\n| id | number |\n| project_id | number |\n| label_ids | number[] |\n| estimate | number |'), file);
    expect(read.rows.map((row) => row.type)).toEqual([
      { kind: 'scalar', schema: { type: 'integer' } },
      { kind: 'scalar', schema: { type: 'integer' } },
      { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } },
      { kind: 'scalar', schema: { type: 'number' } },
    ]);
  });
});

describe('types as people write them', () => {
  it.each([
    ['str', { kind: 'scalar', schema: { type: 'string' } }],
    ['list[str]', { kind: 'array', items: { kind: 'scalar', schema: { type: 'string' } } }],
    ['Optional[int]', { kind: 'scalar', schema: { type: 'integer' }, nullable: true }],
    ['str | None', { kind: 'scalar', schema: { type: 'string' }, nullable: true }],
    ['dict[str, int]', { kind: 'scalar', schema: { type: 'object', additionalProperties: { type: 'integer' } } }],
    ['string[]', { kind: 'array', items: { kind: 'scalar', schema: { type: 'string' } } }],
    ['Array<Item>', { kind: 'array', items: { kind: 'named', name: 'Item' } }],
    ['varchar(50)', { kind: 'scalar', schema: { type: 'string', maxLength: 50 } }],
    ['numeric(10,2)', { kind: 'scalar', schema: { type: 'number', format: 'decimal', multipleOf: 0.01, minimum: -99999999.99, maximum: 99999999.99 } }],
    ['decimal(20,6)', { kind: 'scalar', schema: { type: 'number', format: 'decimal', multipleOf: 0.000001 } }],
    ['bigint', { kind: 'scalar', schema: { type: 'integer', format: 'int64' } }],
    ['timestamp', { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }],
    ['Date', { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }],
    ['date', { kind: 'scalar', schema: { type: 'string', format: 'date' } }],
    ['enum(a, b)', { kind: 'enum', values: ['a', 'b'] }],
    ['enum: a / b / c', { kind: 'enum', values: ['a', 'b', 'c'] }],
    ['scheduled | done | cancelled', { kind: 'enum', values: ['scheduled', 'done', 'cancelled'] }],
    ['one of a, b', { kind: 'enum', values: ['a', 'b'] }],
    ['枚举(normal, vip)', { kind: 'enum', values: ['normal', 'vip'] }],
    ['string (email)', { kind: 'scalar', schema: { type: 'string', format: 'email' } }],
    ['uuid', { kind: 'scalar', schema: { type: 'string', format: 'uuid' } }],
    ['url', { kind: 'scalar', schema: { type: 'string', format: 'uri' } }],
    ['money', { kind: 'scalar', schema: { type: 'number', format: 'decimal' } }],
    // A note in parentheses after a type with a format of its own keeps the format; a format word replaces it.
    ['money (EUR)', { kind: 'scalar', schema: { type: 'number', format: 'decimal' } }],
    ['datetime (UTC)', { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }],
    ['date (YYYY-MM-DD)', { kind: 'scalar', schema: { type: 'string', format: 'date' } }],
    ['integer (int64)', { kind: 'scalar', schema: { type: 'integer', format: 'int64' } }],
    ['number (float)', { kind: 'scalar', schema: { type: 'number', format: 'float' } }],
    ['字符串', { kind: 'scalar', schema: { type: 'string' } }],
    ["liste d'entiers", { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } }],
    ['tableau de chaînes', { kind: 'array', items: { kind: 'scalar', schema: { type: 'string' } } }],
    ['lista de enteros', { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } }],
    ['Liste von Zahlen', { kind: 'array', items: { kind: 'scalar', schema: { type: 'number' } } }],
    ['danh sách số nguyên', { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } }],
    ['整数の配列', { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } }],
    ['字符串列表', { kind: 'array', items: { kind: 'scalar', schema: { type: 'string' } } }],
    ['strng', undefined],
  ])('reads %s', (written, expected) => {
    expect(parseTypeExpression(written)).toEqual(expected);
  });
});

describe('rules in a field notes', () => {
  const text = { kind: 'scalar', schema: { type: 'string' } } as const;
  it.each([
    ['unique code', { 'x-unique': true }],
    ['must be unique', { 'x-unique': true }],
    ['借书证号，唯一', { 'x-unique': true }],
    ['único', { 'x-unique': true }],
    ['not unique', {}],
    ['indexed', { 'x-index': true }],
    ['书名，索引', { 'x-index': true }],
    ['references doctors', { 'x-references': 'doctors' }],
    ['关联 读者', { 'x-references': '读者' }],
    ['FK to users.id', { 'x-references': 'users' }],
    ['read only', { readOnly: true }],
    ['server sets it', { readOnly: true }],
    ['set by server', { readOnly: true }],
    ['asignado por el servidor', { readOnly: true }],
    ['généré par le serveur', { readOnly: true }],
    ['サーバーで設定', { readOnly: true }],
    ['the user sets it', {}],
  ])('reads "%s"', (notes, hints) => {
    const { hints: read } = readFieldNotes(notes, text, file, 9);
    const { 'x-why': _why, ...rest } = read;
    expect(rest).toEqual(hints);
  });

  it('reads defaults, optional and one-of values', () => {
    expect(readFieldNotes('default pending', text, file, 9).defaultText).toBe('pending');
    expect(readFieldNotes('默认 normal', text, file, 9).defaultText).toBe('normal');
    expect(readFieldNotes('hex, default `#cccccc`', text, file, 9).defaultText).toBe('#cccccc');
    // `to` of `default to` is a word, not the start of `todo`.
    expect(readFieldNotes('todo | in_progress | done (default todo)', text, file, 9).defaultText).toBe('todo');
    expect(readFieldNotes('defaults to draft', text, file, 9).defaultText).toBe('draft');
    expect(readFieldNotes('default true if omitted', text, file, 9).defaultText).toBe('true');
    // A default said in words is no value: not "product", not "the".
    expect(readFieldNotes('Defaults to product name when empty', text, file, 9).defaultText).toBeUndefined();
    expect(readFieldNotes("defaults to the customer's country", text, file, 9).defaultText).toBeUndefined();
    expect(readFieldNotes('hours, optional', text, file, 9).required).toBe(false);
    expect(readFieldNotes('one of: draft, live, gone', text, file, 9).type).toEqual({ kind: 'enum', values: ['draft', 'live', 'gone'] });
  });

  it('reads codes each followed by their meaning as an enum, after a label or in brackets; not prose, not numbers', () => {
    const typeOf = (notes: string) => readFieldNotes(notes, text, file, 9).type;
    expect(typeOf('员工状态：PROBATION 试用，REGULAR 正式，RESIGNED 离职')).toEqual({ kind: 'enum', values: ['PROBATION', 'REGULAR', 'RESIGNED'] });
    expect(typeOf('部门状态（0 启用，1 停用）')).toEqual({ kind: 'enum', values: ['0', '1'] });
    expect(typeOf('Kind: A active, B blocked')).toEqual({ kind: 'enum', values: ['A', 'B'] });
    expect(typeOf('状态：active 启用，disabled 停用')).toEqual({ kind: 'enum', values: ['active', 'disabled'] });
    expect(typeOf('入职日期，格式 yyyy-MM-dd')).toBeUndefined();
    expect(typeOf('Two-letter code, default "GB"')).toBeUndefined();
    expect(typeOf('Country: two letters, upper case')).toBeUndefined();
    expect(typeOf('部门名称，最多 50 个字符')).toBeUndefined();
    expect(readFieldNotes('性别：0 未知，1 男，2 女', { kind: 'scalar', schema: { type: 'integer' } }, file, 9).type).toBeUndefined();
  });

  it('reads both bounds of a length by its unit, and máx./mín. with their accents', () => {
    const lengths = (notes: string) => {
      const { minLength, maxLength } = readFieldNotes(notes, text, file, 9).hints;
      return [minLength, maxLength];
    };
    expect(lengths('required, 3–120 chars')).toEqual([3, 120]);
    expect(lengths('1-200 characters')).toEqual([1, 200]);
    expect(lengths('3 to 120 chars')).toEqual([3, 120]);
    expect(lengths('5~20字')).toEqual([5, 20]);
    expect(lengths('texto (máx. 80)')).toEqual([undefined, 80]);
    expect(lengths('mín. 3, máx. 80')).toEqual([3, 80]);
    expect(readFieldNotes('3 to 120 chars', text, file, 9).type).toBeUndefined();
  });

  it('reads "cannot repeat" as unique, and "can repeat" as not', () => {
    expect(readFieldNotes('手机号码，11 位，不可重复', text, file, 9).hints['x-unique']).toBe(true);
    expect(readFieldNotes('名称，可重复', text, file, 9).hints['x-unique']).toBeUndefined();
  });

  it('reads codes listed with slashes or bars as an enum: alone, in brackets, before のいずれか; not paths or prose', () => {
    const typeOf = (notes: string) => readFieldNotes(notes, text, file, 9).type;
    expect(typeOf('male / female / other のいずれか')).toEqual({ kind: 'enum', values: ['male', 'female', 'other'] });
    expect(typeOf('診療科（internal / surgery / pediatrics）')).toEqual({ kind: 'enum', values: ['internal', 'surgery', 'pediatrics'] });
    expect(typeOf('status (active / retired)')).toEqual({ kind: 'enum', values: ['active', 'retired'] });
    expect(typeOf('booked / cancelled / completed')).toEqual({ kind: 'enum', values: ['booked', 'cancelled', 'completed'] });
    expect(typeOf('state: open|closed')).toEqual({ kind: 'enum', values: ['open', 'closed'] });
    for (const notes of ['PK / auto', 'a path like /users/me', 'see docs/api', 'and/or', 'yes / no answer given by the user']) expect(typeOf(notes)).toBeUndefined();
  });

  it('reads bounds in words for the field\'s type: a number as written, an integer to the next integer, a text as its length', () => {
    const decimal = { kind: 'scalar', schema: { type: 'number', format: 'decimal' } } as const;
    const integer = { kind: 'scalar', schema: { type: 'integer' } } as const;
    const bounded = { kind: 'scalar', schema: { type: 'string', maxLength: 50 } } as const;
    const bounds = (notes: string, type: Parameters<typeof readFieldNotes>[1]) => {
      const { 'x-why': _why, ...hints } = readFieldNotes(notes, type, file, 9).hints;
      return hints;
    };
    expect(bounds('金额，必须大于0', decimal)).toEqual({ exclusiveMinimum: 0 });
    expect(bounds('price, must be greater than 0 and at most 9999.99', decimal)).toEqual({ exclusiveMinimum: 0, maximum: 9999.99 });
    expect(bounds('a positive amount', decimal)).toEqual({ exclusiveMinimum: 0 });
    expect(bounds('quantity, > 0, < 100', integer)).toEqual({ minimum: 1, maximum: 99 });
    expect(bounds('至少 1，不超过 10', integer)).toEqual({ minimum: 1, maximum: 10 });
    expect(bounds('greater than or equal to 0, less than 5', decimal)).toEqual({ minimum: 0, exclusiveMaximum: 5 });
    expect(bounds('no more than 5 and no less than 2', integer)).toEqual({ minimum: 2, maximum: 5 });
    expect(bounds('max 100 characters', text)).toEqual({ maxLength: 100 });
    expect(bounds('最多100个字符', bounded)).toEqual({ maxLength: 50 });
    expect(bounds('at least 3', bounded)).toEqual({ minLength: 3 });
    expect(bounds('the user who placed it', decimal)).toEqual({});
  });

  it('reads a response label with its status in brackets, in Japanese and Spanish too', () => {
    expect(readResponseLine('レスポンス (201)', file, 3)).toMatchObject({ status: '201' });
    expect(readResponseLine('レスポンス（201）', file, 3)).toMatchObject({ status: '201' });
    expect(readResponseLine('レスポンスボディ', file, 3)).toMatchObject({ status: '200' });
    expect(readResponseLine('Response (201 Created): Doctor', file, 3)).toMatchObject({ status: '201', body: { typeName: 'Doctor' } });
    expect(readResponseLine('Respuesta (200):', file, 3)).toMatchObject({ status: '200' });
  });

  it('reads enum types under the word other languages use', () => {
    expect(parseTypeExpression('enumerado(novela, ensayo, poesia)')).toEqual({ kind: 'enum', values: ['novela', 'ensayo', 'poesia'] });
    expect(parseTypeExpression('Enumeración(x, y)')).toEqual({ kind: 'enum', values: ['x', 'y'] });
    expect(parseTypeExpression('enumerated: a / b')).toEqual({ kind: 'enum', values: ['a', 'b'] });
    expect(parseTypeExpression('uno de: a, b')).toEqual({ kind: 'enum', values: ['a', 'b'] });
  });

  it('reads a comparison said not to hold as the opposite bound, inclusive', () => {
    const integer = { kind: 'scalar', schema: { type: 'integer' } } as const;
    const bounds = (notes: string) => {
      const { 'x-why': _why, ...hints } = readFieldNotes(notes, integer, file, 9).hints;
      return hints;
    };
    expect(bounds('库存，不能小于0')).toEqual({ minimum: 0 });
    expect(bounds('不可大于100')).toEqual({ maximum: 100 });
    expect(bounds('不得低于1，不应超过9')).toEqual({ minimum: 1, maximum: 9 });
    expect(bounds('stock, cannot be less than 0')).toEqual({ minimum: 0 });
    expect(bounds("can't go below 1, must not exceed 10")).toEqual({ minimum: 1, maximum: 10 });
    expect(bounds('must not be more than 10')).toEqual({ maximum: 10 });
    expect(bounds('more than 3, less than 9')).toEqual({ minimum: 4, maximum: 8 });
    for (const notes of ['non-negative', 'cannot be negative', '不能为负数', '非负整数', 'no puede ser negativo', '負の値は不可']) expect(bounds(notes)).toEqual({ minimum: 0 });
    expect(bounds('non-negative, at least 5')).toEqual({ minimum: 5 });
  });
});

describe('rules in plain words', () => {
  const read = (text: string, inRules = true) => readRuleSentences([{ text, line: 4, inRules }], file);
  const kinds = (text: string) => read(text).rules.map((rule) => ({ ...rule, source: undefined }));

  it('reads no soft delete where the sentence says there is none, before or after the phrase', () => {
    for (const text of ['Soft delete is not used for tags.', 'Tags are never soft deleted, just removed.', '태그는 소프트 삭제하지 않는다.']) {
      expect(read(text).rules, text).toEqual([]);
      expect(read(text).warnings.map((w) => w.message), text).toEqual([`rule not understood, ignored: "${text}"`]);
    }
  });

  it.each([
    ['Appointments are soft deleted.', [{ kind: 'soft-delete', entity: 'Appointments' }]],
    ['Soft delete users and orders.', [{ kind: 'soft-delete', entity: 'users' }, { kind: 'soft-delete', entity: 'orders' }]],
    ['Deleting an order deletes its items.', [{ kind: 'cascade', parent: 'an order', child: 'its items' }]],
    [
      'Deleting a user keeps their orders for accounting: orders are soft deleted with the user.',
      [{ kind: 'keep', parent: 'a user', child: 'their orders for accounting' }, { kind: 'soft-delete-with', parent: 'the user', child: 'orders' }],
    ],
    ['The user is soft deleted, and so are their orders (see the requirements).', [{ kind: 'soft-delete', entity: 'The user' }, { kind: 'soft-delete-with', parent: 'The user', child: 'their orders' }]],
    ['A category may have a parent category.', [{ kind: 'self-reference', entity: 'A category' }]],
    ['A product can carry many tags, and a tag many products.', [{ kind: 'many-to-many', from: 'A product', to: 'tags' }]],
    ['A task belongs to a project.', [{ kind: 'belongs-to', child: 'A task', parent: 'a project' }]],
    ['Each user has one profile.', [{ kind: 'has-one', owner: 'user', owned: 'profile' }]],
    ['When a book is removed (directly or through its author), its loan history goes with it.', [{ kind: 'cascade', parent: 'book', child: 'loan history' }]],
    ['If a team is deleted, its projects are deleted too.', [{ kind: 'cascade', parent: 'team', child: 'projects' }]],
    ['Cuando se elimina una mascota se eliminan también todas sus citas, en cascada.', [{ kind: 'cascade', parent: 'una mascota', child: 'sus citas' }]],
    ['删除仓库采用物理删除，删除时级联删除该仓库下的所有库存记录。', [{ kind: 'hard-delete', entity: '删除仓库' }, { kind: 'cascade', parent: '仓库', child: '库存记录' }]],
    ['库存记录只能物理删除', [{ kind: 'hard-delete', entity: '库存记录' }]],
    ['Table names: shop_order, shop_product.', [{ kind: 'table-names', names: ['shop_order', 'shop_product'] }]],
    ['表名统一加 wms_ 前缀：wms_warehouse、wms_stock_record。', [{ kind: 'table-names', names: ['wms_warehouse', 'wms_stock_record'] }]],
    // Said in passing: the entity before the phrase, read as a rule not stated outright.
    ['When a customer is removed just archive them (soft delete), their orders stay.', [{ kind: 'soft-delete', entity: 'When a customer is removed just archive them' }]],
    ['회원을 삭제하면 출석 기록도 함께 삭제한다.', [{ kind: 'cascade', parent: '회원', child: '출석 기록' }]],
    ['회원을 삭제해도 이용권 기록은 보존한다.', [{ kind: 'keep', parent: '회원', child: '이용권 기록' }]],
    ['회원이 있는 지점은 삭제할 수 없다.', [{ kind: 'restrict', parent: '지점', child: '회원' }]],
    ['读者软删除。', [{ kind: 'soft-delete', entity: '读者' }]],
    ['借阅随读者软删除', [{ kind: 'soft-delete-with', parent: '读者', child: '借阅' }]],
    ['删除图书时删除其借阅。', [{ kind: 'cascade', parent: '图书', child: '其借阅' }]],
    ['删除读者时保留其借阅记录', [{ kind: 'keep', parent: '读者', child: '其借阅记录' }]],
    ['分类可以有父分类', [{ kind: 'self-reference', entity: '分类' }]],
    ['商品和标签是多对多', [{ kind: 'many-to-many', from: '商品', to: '标签' }]],
    // A deletion said not to happen keeps, in any language: never a cascade.
    ["La suppression d'un auteur ne supprime pas ses livres.", [{ kind: 'keep', parent: 'un auteur', child: 'ses livres' }]],
    ['Eliminar un paciente no elimina sus citas.', [{ kind: 'keep', parent: 'un paciente', child: 'sus citas' }]],
    ['Beim Löschen eines Kunden werden seine Bestellungen nicht gelöscht.', [{ kind: 'keep', parent: 'eines Kunden', child: 'seine Bestellungen' }]],
    ['Khi xóa lớp thì không xóa học sinh.', [{ kind: 'keep', parent: 'lớp', child: 'học sinh' }]],
    ['Las citas se eliminan en cascada con el paciente.', [{ kind: 'cascade', parent: 'el paciente', child: 'Las citas' }]],
    ['Un auteur peut avoir plusieurs livres, et un livre peut avoir plusieurs auteurs.', [{ kind: 'many-to-many', from: 'auteur', to: 'livres' }]],
    ['Un libro puede tener varios autores y un autor varios libros.', [{ kind: 'many-to-many', from: 'libro', to: 'autores' }]],
    ['Un paciente puede tener muchas citas.', [{ kind: 'belongs-to', child: 'citas', parent: 'paciente' }]],
    ['商品を削除すると在庫も削除される。', [{ kind: 'cascade', parent: '商品', child: '在庫' }]],
    ['商品を削除しても在庫は削除されない。', [{ kind: 'keep', parent: '商品', child: '在庫' }]],
    ['在庫が残っている倉庫は削除できない。', [{ kind: 'restrict', parent: '倉庫', child: '在庫' }]],
    // Two clauses joined by "y" and a new subject: each read alone, nothing read across the join.
    [
      'Un paciente puede tener muchas citas y cada cita pertenece a un único médico.',
      [{ kind: 'belongs-to', child: 'citas', parent: 'paciente' }, { kind: 'belongs-to', child: 'cada cita', parent: 'un único médico' }],
    ],
  ])('reads "%s"', (text, expected) => {
    expect(kinds(text)).toEqual(expected.map((rule) => ({ ...rule, source: undefined })));
  });

  it('warns about a rule it does not understand, with its line, and about rule words elsewhere', () => {
    expect(read('A doctor license number can never change.').warnings).toEqual([
      { message: 'rule not understood, ignored: "A doctor license number can never change."', source: { file, pointer: '/x-rules/4', line: 4 } },
    ]);
    expect(read('Customers browse products.', false).warnings).toEqual([]);
    expect(read('Orders are kept forever, never soft-deleted or so.', false).warnings).toHaveLength(1);
  });
});

describe('field lists outside tables', () => {
  const summary = (table: ReturnType<typeof fieldTableFromLines>) =>
    table?.rows.map((row) => `${row.name}${row.required ? '*' : ''}:${row.type.kind === 'scalar' ? `${String(row.type.schema.type)}${row.type.schema.format ? `(${String(row.type.schema.format)})` : ''}` : row.type.kind}${row.hints['x-unique'] ? ' unique' : ''}`);

  it('reads a fenced block of columns, of `name: type` lines and of single-spaced lines', () => {
    const block = ['vin*            string(17)   unique', 'status          enum: active/in_shop/retired', 'capacity: int  // seats', 'purchased_on Date', 'year* Integer'].join('\n');
    expect(summary(fieldTableFromLines(block, 10, 'api.md'))).toEqual(['vin*:string unique', 'status:enum', 'capacity:integer', 'purchased_on:string(date)', 'year*:integer']);
  });

  it('reads nothing from a block or a line where one entry is no field', () => {
    expect(fieldTableFromLines('curl -X POST https://api.example.com/things\n  -d name=x', 1, 'api.md')).toBeUndefined();
    expect(fieldTableFromLines('name   string\nthis line is prose, not a field', 1, 'api.md')).toBeUndefined();
    expect(fieldTableFromLines('name   string\nname   integer', 1, 'api.md')).toBeUndefined();
    expect(fieldTableFromList('one active assignment per vehicle at a time', 1, 'api.md', false)).toBeUndefined();
    expect(fieldTableFromList('apples, pears and plums', 1, 'api.md', false)).toBeUndefined();
  });

  it('splits a one-line list at commas outside parentheses; in braces a field may go without its type', () => {
    expect(summary(fieldTableFromList('vehicle_id* int, liters* decimal(6,2), odometer_km* int', 4, 'api.md', false))).toEqual(['vehicle_id*:integer', 'liters*:number(decimal)', 'odometer_km*:integer']);
    expect(summary(fieldTableFromList('name*, city*, capacity: int', 4, 'api.md', true))).toEqual(['name*:string', 'city*:string', 'capacity:integer']);
  });
});

describe('models and tables as other teams write them', () => {
  it('reads TypeScript declarations: optional and nullable members, literal unions, a format or default in a comment; object members left out', () => {
    const declared = typeScriptDeclarations(
      ['type User = {', '  id: string            // uuid', "  role: 'admin' | 'member'", '  avatarUrl?: string | null', '  labels: Label[]', '  createdAt: Date', '}', '', 'export interface Task extends Base { title: string; priority: number // default 3', '}'].join('\n'),
      10,
      file,
    )!;
    expect(declared.map((d) => [d.name, d.line, d.table.rows.map((r) => r.name)])).toEqual([
      ['User', 10, ['id', 'role', 'avatarUrl', 'createdAt']],
      ['Task', 18, ['title', 'priority']],
    ]);
    const [user, task] = declared;
    expect(user!.table.rows.map((r) => [r.name, r.required, r.type])).toEqual([
      ['id', true, { kind: 'scalar', schema: { type: 'string', format: 'uuid' } }],
      ['role', true, { kind: 'enum', values: ['admin', 'member'] }],
      ['avatarUrl', false, { kind: 'scalar', schema: { type: 'string' }, nullable: true }],
      ['createdAt', true, { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }],
    ]);
    expect(user!.table.rows.find((r) => r.name === 'createdAt')?.hints).toMatchObject({ readOnly: true });
    expect(task!.table.rows.find((r) => r.name === 'priority')?.defaultText).toBe('3');
    expect(typeScriptDeclarations('const user = { id: 1 }', 1, file)).toBeUndefined();
    expect(inlineObjectType('Comment = `{ id: string, body: string, editedAt: Date | null }`', 4, file)?.table.rows.map((r) => r.name)).toEqual(['id', 'body', 'editedAt']);
  });

  it('reads bullets giving the type and notes in brackets, several names sharing them', () => {
    const table = fieldTableFromItems(
      [
        { text: '`nome`, `cognome` (testo, obbligatori)', line: 1 },
        { text: '`codice_fiscale` (testo di 16 caratteri, obbligatorio, univoco)', line: 2 },
        { text: 'email (string, required) — the login', line: 3 },
        { text: '`data_nascita` (data, facoltativa)', line: 4 },
      ],
      file,
    )!.table;
    expect(table.rows.map((r) => [r.name, r.required])).toEqual([['nome', true], ['cognome', true], ['codice_fiscale', true], ['email', true], ['data_nascita', false]]);
    expect(table.rows[2]!.hints).toMatchObject({ 'x-unique': true });
  });

  it('reads required as written in any language, accents or not; types from Java, long text and a note on the format', () => {
    const rows = readFieldTable(table('| Campo | Tipo | Obbligatorio |\n| --- | --- | --- |\n| a | testo lungo | sì |\n| b | BigDecimal | Sí |\n| c | giờ (HH:mm) | không bắt buộc |\n| d | LocalDateTime | OBRIGATÓRIO |'), file).rows;
    expect(rows.map((r) => [r.name, r.required, r.type])).toEqual([
      ['a', true, { kind: 'scalar', schema: { type: 'string' } }],
      ['b', true, { kind: 'scalar', schema: { type: 'number', format: 'decimal' } }],
      ['c', false, { kind: 'scalar', schema: { type: 'string', format: 'time' } }],
      ['d', true, { kind: 'scalar', schema: { type: 'string', format: 'date-time' } }],
    ]);
  });

  it('skips a table of response statuses; a table of fields is none', () => {
    expect(isStatusCodeTable(table('| 状态码 | 说明 |\n| --- | --- |\n| 200 | 成功 |\n| 409 | 分类编码已存在 |'))).toBe(true);
    expect(isStatusCodeTable(table('| Status | Meaning |\n| --- | --- |\n| `404 Not Found` | no such order |\n| 4xx | bad input |'))).toBe(true);
    expect(isStatusCodeTable(table('| Field | Type |\n| --- | --- |\n| code | string |'))).toBe(false);
  });

  it('chooses the database by the row that is the database, not by one about its migrations or tests', () => {
    const stack = (rows: string) => readTechStack([{ table: table(`| 类别 | 选型 |\n| --- | --- |\n${rows}`) }], [], file).settings.database;
    expect(stack('| 数据库 | PostgreSQL 15 |\n| 数据库迁移 | Alembic |')).toBe('postgresql');
    expect(stack('| Test database | SQLite |\n| Database | PostgreSQL |')).toBe('postgresql');
    expect(stack('| Primary database | MySQL 8 |\n| Database driver | asyncmy |')).toBe('mysql');
    expect(() => stack('| Database | MongoDB |')).toThrow(/unsupported database "MongoDB"/);
    // `- PostgreSQL 15` under `## Stack`; the same line elsewhere chooses nothing.
    const sentence = (text: string, section?: string) => ({ text, line: 3, inRules: false, ...(section !== undefined ? { section } : {}) });
    expect(readTechStack([], [sentence('Python 3.12, FastAPI'), sentence('PostgreSQL 15', 'Stack')], file).settings.database).toBe('postgresql');
    expect(readTechStack([], [sentence('PostgreSQL 15', 'Notes')], file).settings.database).toBeUndefined();
    expect(readTechStack([], [sentence('not MySQL', 'Tech stack')], file).settings.database).toBeUndefined();
  });

  it('takes a heading with a slash between words for no endpoint', () => {
    expect(readEndpointText('TODO / later', file, 1)).toBeUndefined();
    expect(() => readEndpointText('FETCH /users', file, 1)).toThrow(/unknown HTTP method FETCH/);
  });
});

describe('code as backend teams write their models', () => {
  it('reads Pydantic models: a family of In and Out models as one row, Field bounds and defaults, Literal values', () => {
    const models = pythonModels(
      [
        'from pydantic import BaseModel, Field',
        '',
        'class ItemIn(BaseModel):',
        '    sku: str = Field(max_length=40)  # unique per warehouse',
        '    qty: int = Field(default=0, ge=0)',
        '    unit: Literal["pcs", "kg"] = "pcs"',
        '    note: Optional[str] = None',
        '    lines: list[LineOut] = []',
        '',
        'class ItemOut(ItemIn):',
        '    id: int',
      ].join('\n'),
      1,
      file,
    )!;
    expect(models.map((m) => m.name)).toEqual(['Item']);
    expect(models[0]!.table.rows.map((r) => [r.name, r.required, r.defaultText ?? null, r.hints.readOnly ?? false])).toEqual([
      ['sku', true, null, false],
      ['qty', false, '0', false],
      ['unit', false, 'pcs', false],
      ['note', false, null, false],
      ['id', false, null, true],
    ]);
    expect(models[0]!.table.rows[0]!.hints).toMatchObject({ maxLength: 40 });
    expect(models[0]!.table.rows[1]!.hints).toMatchObject({ minimum: 0 });
    expect(pythonModels('print("hello")', 1, file)).toBeUndefined();
  });

  it('reads JSON with comments and trailing commas, each comment the notes of the field on its line', () => {
    const { json, comments } = withoutJsonComments('{\n  "a": "x // not a comment", // 必填，唯一\n  /* block */ "b": 2,\n}');
    expect(JSON.parse(json)).toEqual({ a: 'x // not a comment', b: 2 });
    expect([...comments]).toEqual([[1, '必填，唯一'], [2, 'block']]);
    const table = fieldTableFromJsonExample('{\n  "username": "xiaoming", // 必填，唯一，3-20位\n  "nickname": "小明" // 可选，最多30字\n}', 10, file)!;
    expect(table.rows.map((r) => [r.name, r.required, r.line])).toEqual([['username', true, 11], ['nickname', false, 12]]);
    expect(table.rows[0]!.hints).toMatchObject({ 'x-unique': true });
    expect(table.rows[1]!.hints).toMatchObject({ maxLength: 30 });
  });

  it('reads a bullet naming its endpoint after a short title and a space, and Yes/No and List of IDs types', () => {
    expect(readEndpointText('注册 POST /users', file, 1, 'opening')).toMatchObject({ method: 'post', path: '/users' });
    expect(readEndpointText('Register POST /users', file, 1, 'opening')).toMatchObject({ method: 'post', path: '/users' });
    expect(parseTypeExpression('Yes/No')).toEqual({ kind: 'scalar', schema: { type: 'boolean' } });
    expect(parseTypeExpression('List of IDs')).toEqual({ kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } });
  });
});
