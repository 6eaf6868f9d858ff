/**
 * Answers in the envelope a markdown API list states (`{"code": 200, "msg": "success", "data": …}`),
 * errors in its error body, lists in its page: the recognizers, the model they give, and the
 * Python that answers so.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DomainModel } from '../../core/model/domain-model.js';
import { answerFormatOf, mergedAnswerFormat, pageFormatInWords, pageFormatOf, rowOfEnvelopedExample } from '../../core/parsers/markdown/response-envelope.js';
import { deriveModel, generate } from '../../lib/index.js';
import { modelOfDocuments } from '../support/documents.js';

const envelopes = (model: DomainModel) => [...new Set(model.operations.map((op) => JSON.stringify(op.response.envelope ?? null)))];
const operation = (model: DomainModel, name: string) => model.operations.find((op) => op.name === name)!;

describe('an answer format stated in an example', () => {
  it('reads a code, a message and the data, with placeholders for the data', () => {
    for (const placeholder of ['...', '…', '{}', 'null', '<T>', 'T']) {
      const format = answerFormatOf(`{"code": 200, "msg": "success", "data": ${placeholder}}`, 3);
      expect(format?.success, placeholder).toEqual({ dataField: 'data', fields: [{ name: 'code', value: 200 }, { name: 'msg', value: 'success' }] });
    }
    // The error is the same body: the code the status, the message the error's, the data null.
    expect(answerFormatOf('{"code": 0, "message": "ok", "result": {}}', 1)?.error).toEqual({
      type: 'object',
      properties: { code: { type: 'integer' }, message: { type: 'string' }, result: { type: 'null' } },
      required: ['code', 'message', 'result'],
    });
  });

  it('reads a success flag, and an error shown apart overrules the one guessed from the success', () => {
    const success = answerFormatOf('{\n  "success": true,\n  "data": { }\n}', 10)!;
    const error = answerFormatOf('{"success": false, "error": {"code": "NOT_FOUND", "message": "Title is required"}}', 20)!;
    expect(error.success).toBeUndefined();
    const merged = mergedAnswerFormat(success, error);
    expect(merged.success).toEqual({ dataField: 'data', fields: [{ name: 'success', value: true }] });
    expect(merged.error).toEqual({
      type: 'object',
      properties: {
        success: { type: 'boolean', const: false },
        error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] },
      },
      required: ['success', 'error'],
    });
    // Shown in the other order, the error stays the one shown.
    expect(mergedAnswerFormat(error, success).error).toEqual(merged.error);
  });

  it('takes no row, status or failed answer for an envelope', () => {
    for (const example of [
      '{"id": 1, "status": "active"}',
      '{"status": "ok"}',
      '{"code": "DEV", "name": "Development"}',
      '{"code": 200, "msg": "success", "data": {}, "id": 3}',
      '{"code": 200, "data": [], "extra": {"a": 1}}',
      '[{"code": 200, "data": {}}]',
      '{"data": {"id": 1}}',
      'GET /users',
    ]) {
      expect(answerFormatOf(example, 1)?.success, example).toBeUndefined();
    }
  });
});

describe('an enveloped example under an endpoint', () => {
  it('shows the row in its data: an object, the first of a list, the first row of a page', () => {
    expect(rowOfEnvelopedExample({ code: 0, msg: 'ok', data: { id: 1, name: 'a' } })).toEqual({ id: 1, name: 'a' });
    expect(rowOfEnvelopedExample({ success: true, data: [{ id: 2 }] })).toEqual({ id: 2 });
    expect(rowOfEnvelopedExample({ code: 200, msg: 'success', data: { total: 1, rows: [{ id: 3 }] } })).toEqual({ id: 3 });
    // No envelope, a failed answer, no row: nothing to show.
    expect(rowOfEnvelopedExample({ id: 1, data: { a: 1 } })).toBeUndefined();
    expect(rowOfEnvelopedExample({ success: false, data: { id: 1 } })).toBeUndefined();
    expect(rowOfEnvelopedExample({ code: 0, data: {} })).toBeUndefined();
  });

  it('reads JSON as JavaScript writes it: bare names, single quotes', () => {
    expect(answerFormatOf("{ code: 0, data: { id: 1 }, message: 'ok' }", 1)?.success).toEqual({ dataField: 'data', fields: [{ name: 'code', value: 0 }, { name: 'message', value: 'ok' }] });
    expect(pageFormatOf('{ list: [...], total: 123 }', 1)?.itemsField).toBe('list');
    // A shape with its counts nested (`meta: { page, total }`) is no page the app fills.
    expect(pageFormatOf('{ data: [...], meta: { page, limit, total } }', 1)).toBeUndefined();
  });
});

describe('a page format stated in an example or in words', () => {
  it('reads the list of rows beside its counts and flags', () => {
    expect(pageFormatOf('{"total": 100, "list": [...]}', 2)).toEqual({ itemsField: 'list', fields: [{ name: 'total', kind: 'integer' }], line: 2 });
    expect(pageFormatOf('{"records": [], "total": 0, "size": 10, "current": 1, "pages": 0, "hasNext": false}', 1)?.fields).toEqual([
      { name: 'total', kind: 'integer' },
      { name: 'size', kind: 'integer' },
      { name: 'current', kind: 'integer' },
      { name: 'pages', kind: 'integer' },
      { name: 'hasNext', kind: 'boolean' },
    ]);
    expect(pageFormatInWords('列表接口统一使用 pageNum（页码）。返回的 data 中包含 total（总条数）和 list（当前页数据）。', 5)).toEqual({
      itemsField: 'list',
      fields: [{ name: 'total', kind: 'integer' }],
      line: 5,
    });
  });

  it('takes no row with a list, nor a sentence naming no count, for a page', () => {
    expect(pageFormatOf('{"name": "Ada", "tags": ["a"]}', 1)).toBeUndefined();
    expect(pageFormatOf('{"items": [], "tags": [], "total": 2}', 1)).toBeUndefined();
    expect(pageFormatOf('{"items": []}', 1)).toBeUndefined();
    expect(pageFormatInWords('The list endpoint returns the items of the page.', 1)).toBeUndefined();
    expect(pageFormatInWords('Each order has items and a total.', 1)).toBeUndefined();
    // `list` naming the endpoints, and a shape written out, say nothing of the page's rows in words.
    expect(pageFormatInWords('All list endpoints take page and limit and report the total in a header.', 1)).toBeUndefined();
    expect(pageFormatInWords('All list endpoints take `?page=1&limit=20` and return `{ data: [...], meta: { page, limit, total } }`.', 1)).toBeUndefined();
  });
});

const CHINESE_MALL = `# 商城接口

## 说明

- 接口前缀：\`/api/mall\`
- 统一返回格式：\`{"code": 200, "msg": "success", "data": ...}\`，code 非 200 表示失败
- 分页返回：\`data\` 为 \`{"total": 100, "list": [...]}\`

## 商品

### 新增商品
- URL：\`POST /api/mall/product\`

| 参数名 | 类型 | 必填 | 说明 |
| --- | --- | --- | --- |
| name | String | 是 | 商品名称 |
| price | BigDecimal | 是 | 售价 |

### 商品列表
- URL：\`GET /api/mall/product/page\`

### 商品详情
- URL：\`GET /api/mall/product/{id}\`

### 删除商品
- URL：\`DELETE /api/mall/product/{id}\`
`;

const FORMAL_TABLES = `# 接口说明

## 通用响应格式

| 参数名称 | 参数类型 | 是否必须 | 备注 |
|---|---|---|---|
| code | Integer | 是 | 业务状态码，0 表示成功 |
| message | String | 是 | 提示信息 |
| data | Object | 否 | 业务数据 |

分页查询的 data 结构如下：

| 参数名称 | 参数类型 | 是否必须 | 备注 |
|---|---|---|---|
| total | Long | 是 | 总记录数 |
| rows | List | 是 | 当前页数据 |

## 部门

### POST /depts 新增部门

| 参数名称 | 参数类型 | 是否必须 | 备注 |
|---|---|---|---|
| deptName | String | 是 | 部门名称 |

### GET /depts 部门列表
### GET /depts/{id} 部门详情
`;

describe('the model of a document stating its answers', () => {
  it('puts every answer of a Chinese mall in its envelope, a delete answering it with no data, a list in its page', async () => {
    const model = await modelOfDocuments({ 'api.md': CHINESE_MALL });
    expect(envelopes(model)).toEqual([JSON.stringify({ dataField: 'data', fields: [{ name: 'code', value: 200 }, { name: 'msg', value: 'success' }] })]);
    expect(operation(model, 'delete_product_id').response.status).toBe(200);
    // `/product/page` with no answer of its own lists the rows, in the page the document states.
    const list = operation(model, 'get_product_page');
    expect(list.kind).toBe('list');
    expect(list.response.page).toEqual({ kind: 'wrapper', typeName: 'ProductPage', itemsField: 'list', totalField: 'total' });
    // Errors: the same envelope, the code the status, the message the error's, the data null.
    const notFound = model.errorResponses?.[model.documentErrors!]?.find((answer) => answer.status === 404);
    expect(notFound?.body).toEqual({
      kind: 'object',
      properties: [
        { name: 'code', value: { kind: 'slot', slot: 'status' } },
        { name: 'msg', value: { kind: 'slot', slot: 'message' } },
        { name: 'data', value: { kind: 'value', value: null } },
      ],
    });
    // The sentences are read, not reported as rules not understood.
    expect((model.warnings ?? []).map((w) => w.message).join('\n')).not.toMatch(/统一返回|分页返回/);
  });

  it('reads the envelope and the page from tables of their properties, the success code from a note', async () => {
    const model = await modelOfDocuments({ 'api.md': FORMAL_TABLES });
    expect(envelopes(model)).toEqual([JSON.stringify({ dataField: 'data', fields: [{ name: 'code', value: 0 }, { name: 'message', value: 'success' }] })]);
    expect(operation(model, 'get_depts').response.page).toEqual({ kind: 'wrapper', typeName: 'DeptPage', itemsField: 'rows', totalField: 'total' });
  });

  it('leaves the answers of a document stating no envelope as they were, and an enveloped example under an endpoint its own', async () => {
    const plain = CHINESE_MALL.replace(/- 统一返回格式.*\n/, '').replace(/- 分页返回.*\n/, '');
    const model = await modelOfDocuments({ 'api.md': plain });
    expect(envelopes(model)).toEqual(['null']);
    expect(operation(model, 'delete_product_id').response.status).toBe(204);
    expect(model.errorResponses).toBeUndefined();
    const underEndpoint = plain.replace('### 商品详情\n- URL：`GET /api/mall/product/{id}`\n', '### 商品详情\n- URL：`GET /api/mall/product/{id}`\n\n返回示例：\n\n```json\n{"code": 200, "msg": "success", "data": {"id": 1, "name": "手机", "price": 9.5}}\n```\n');
    expect(envelopes(await modelOfDocuments({ 'api.md': underEndpoint }))).toEqual(['null']);
  });
});

describe('a CRM stating its envelope, its error body and its error codes in code blocks and a table', () => {
  it('answers each error with the code its table names for the status, and the app\'s own code for the others', async () => {
    const model = await deriveModel({ apiFiles: [path.resolve('test/fixtures/markdown/written-by-others/crm-envelope-api.md')] });
    expect(envelopes(model)).toEqual([JSON.stringify({ dataField: 'data', fields: [{ name: 'success', value: true }] })]);
    // `**Success**` and `**Error**` over their examples name no types.
    expect(model.objectTypes.map((type) => type.name)).toEqual(['Company', 'Contact', 'CompanyPage', 'ContactPage']);
    const errorCode = (status: number) => {
      const body = model.errorResponses?.[model.documentErrors!]?.find((answer) => answer.status === status)?.body;
      const error = body?.kind === 'object' ? body.properties.find((p) => p.name === 'error')?.value : undefined;
      return error?.kind === 'object' ? error.properties.find((p) => p.name === 'code')?.value : undefined;
    };
    expect(errorCode(404)).toEqual({ kind: 'value', value: 'NOT_FOUND' });
    expect(errorCode(422)).toEqual({ kind: 'value', value: 'VALIDATION_ERROR' });
    expect(errorCode(401)).toEqual({ kind: 'slot', slot: 'code' });
    // The page its example shows: the rows, the count, the page and its size, all filled.
    expect(operation(model, 'get_contacts').response.page).toEqual({ kind: 'wrapper', typeName: 'ContactPage', itemsField: 'items', totalField: 'total', pageField: 'page', limitField: 'page_size' });
  });
});

describe('moments an example answer shows', () => {
  it('puts the row\'s moments on the wire where an enveloped example answer shows them, always answered', async () => {
    const api = `# Tasks API

All responses: \`{"success": true, "data": { }}\`

## POST /tasks

| Field | Type | Required |
|---|---|---|
| title | string | yes |

Response 201:

\`\`\`json
{"success": true, "data": {"id": 1, "title": "Write", "createdAt": "2024-05-01T12:00:00Z", "ownerName": "Ada"}}
\`\`\`

## GET /tasks/{id}
`;
    const model = await modelOfDocuments({ 'api.md': api });
    const task = model.entities.find((e) => e.name === 'Task')!;
    expect(task.fields.find((f) => f.name === 'created_at')).toMatchObject({ wireName: 'createdAt', required: true, readOnly: true });
    // What else one example shows is no field of the row.
    expect(task.fields.map((f) => f.name)).not.toContain('owner_name');
  });
});

describe('the Python of enveloped answers', () => {
  it('wraps each answer in the envelope class, and the generated tests read answers out of it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-envelope-'));
    try {
      await writeFile(path.join(dir, 'api.md'), CHINESE_MALL);
      await generate({ apiFiles: [path.join(dir, 'api.md')], outDir: path.join(dir, 'out'), docs: false });
      const backend = (file: string) => readFile(path.join(dir, 'out/backend', file), 'utf8');
      const envelope = await backend('app/presentation/api/v1/schemas/envelope.py');
      expect(envelope).toContain('class Envelope(BaseModel, Generic[_Data]):\n    """An answer, in the envelope the document wraps every answer in."""\n\n    code: int = 200\n    msg: str = "success"\n    data: _Data\n');
      expect(envelope).toContain('return Envelope(code=200, msg="success", data=data)');
      const router = await backend('app/presentation/api/v1/routers/product.py');
      expect(router).toContain(') -> Envelope[ProductRead]:');
      expect(router).toContain('return enveloped(ProductRead.model_validate(created))');
      expect(router).toMatch(/async def delete_product_id\([\s\S]*?\) -> Envelope\[None\]:[\s\S]*?return enveloped\(None\)/);
      expect(router).toMatch(/response_model=Envelope\[ProductPage\]/);
      const answers = await backend('tests/answers.py');
      expect(answers).toContain('    assert body["code"] == 200, body\n    assert body["msg"] == "success", body\n    return body["data"]');
      expect(await backend('tests/unit/test_product_api.py')).toContain('answer_of(response)');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
