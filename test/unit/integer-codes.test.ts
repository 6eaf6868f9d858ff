/**
 * Integers the documents list the values of: an OpenAPI integer `enum`, or numbered codes a note
 * lists with their meanings (`0-待支付 1-已支付 2-已取消`, `状态（0正常 1停用）`). The column stays an
 * integer; what clients send is one of the values, anything else a 422.
 */
import { describe, expect, it } from 'vitest';
import type { Field } from '../../core/index.js';
import { numberedCodes } from '../../core/parsers/markdown/numbered-codes.js';
import { readFieldNotes } from '../../core/parsers/markdown/field-notes.js';
import { EnumMembers } from '../../stacks/fastapi-sqlalchemy/python/enum-members.js';
import { PythonImports } from '../../stacks/fastapi-sqlalchemy/python/imports.js';
import { declareParameter } from '../../stacks/fastapi-sqlalchemy/view/params.js';
import { ruledOutValues } from '../../stacks/fastapi-sqlalchemy/view/ruled-out.js';
import { Samples } from '../../stacks/fastapi-sqlalchemy/view/samples.js';
import { wireFieldLine } from '../../stacks/fastapi-sqlalchemy/view/wire.js';
import { modelOfDocuments } from '../support/documents.js';

describe('numbered codes in a note', () => {
  it.each([
    ['0-待支付 1-已支付 2-已取消', [0, 1, 2]],
    ['状态：0-待支付 1-已支付 2-已取消，默认0', [0, 1, 2]],
    ['状态（0正常 1停用）', [0, 1]],
    ['删除标志（0代表存在 2代表删除）', [0, 2]],
    ['1:普通 2:高级', [1, 2]],
    ['0 未知，1 男，2 女', [0, 1, 2]],
    ['支付方式（1 微信，2 支付宝，3 银行卡）', [1, 2, 3]],
    ['0：正常；1：锁定', [0, 1]],
    ['1=male, 2=female', [1, 2]],
    ['0 - not paid, 1 - paid in full, 2 - refunded', [0, 1, 2]],
    ['Kind (1 retail, 2 wholesale)', [1, 2]],
    ['Priority: 1 low, 2 normal, 3 high', [1, 2, 3]],
    ['1→下单 2→发货', [1, 2]],
  ])('%s', (notes, codes) => {
    expect(numberedCodes(notes)).toEqual(codes);
  });

  it.each([
    ['Page number, 1 based, 20 items max'],
    ['Retries 3 times, 5 seconds apart'],
    ['长度 1 到 20'],
    ['1到20位'],
    ['最多 3 个，最少 1 个'],
    ['UTF-8 encoded, ISO-8601 dates'],
    ['0 means unlimited'],
    ['1-100'],
    ['1 男，1 女'],
    ['HTTP 200 ok'],
    ['3 to 120 chars'],
    ['Retries: 3 times 5 seconds'],
  ])('reads no codes in %s', (notes) => {
    expect(numberedCodes(notes)).toBeUndefined();
  });

  it('makes an integer field list its values, a number field an integer, and a text field an enum of the codes', () => {
    const integer = readFieldNotes('订单状态 0-待支付 1-已支付', { kind: 'scalar', schema: { type: 'integer' } }, 'api.md', 3);
    expect(integer.hints).toMatchObject({ enum: [0, 1] });
    expect(integer.type).toBeUndefined();
    const number = readFieldNotes('1 = retail, 2 = wholesale', { kind: 'scalar', schema: { type: 'number' } }, 'api.md', 3);
    expect(number.hints).toMatchObject({ enum: [1, 2], type: 'integer' });
    const text = readFieldNotes('用户性别（0男 1女 2未知）', { kind: 'scalar', schema: { type: 'string' } }, 'api.md', 3);
    expect(text.type).toEqual({ kind: 'enum', values: ['0', '1', '2'] });
    expect(readFieldNotes('重试次数，最多3次', { kind: 'scalar', schema: { type: 'integer' } }, 'api.md', 3).hints.enum).toBeUndefined();
  });
});

const ORDERS = [
  '# 订单接口',
  '',
  '## 创建订单 POST /orders',
  '',
  '| 字段 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| orderNo | varchar(32) | 是 | 订单号，唯一 |',
  '| status | tinyint | 否 | 状态：0-待支付 1-已支付 2-已取消，默认0 |',
  '| payType | int | 否 | 支付方式（1 微信，2 支付宝） |',
  '| amount | decimal(10,2) | 是 | 金额 |',
  '',
  '## 订单列表 GET /orders',
  '',
  '| 参数 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| status | int | 否 | 状态 0-待支付 1-已支付 2-已取消 |',
  '',
  '## 订单详情 GET /orders/{id}',
  '',
].join('\n');

describe('an API list stating integer codes', () => {
  it('gives the integer columns their values and default, and a parameter table under a list is its query', async () => {
    const model = await modelOfDocuments({ 'api.md': ORDERS });
    const order = model.entities.find((e) => e.name === 'Order')!;
    const field = (name: string) => order.fields.find((f) => f.name === name)!;
    expect(field('status')).toMatchObject({ type: { kind: 'integer' }, default: 0, constraints: { allowed: [0, 1, 2] } });
    expect(field('pay_type')).toMatchObject({ type: { kind: 'integer' }, constraints: { allowed: [1, 2] } });
    const list = model.operations.find((o) => o.method === 'get' && o.path === '/orders')!;
    expect(list.params.find((p) => p.name === 'status')).toMatchObject({ in: 'query', constraints: { allowed: [0, 1, 2] } });
  });

  it('reads an OpenAPI integer enum alike, a null among its values for a nullable one', async () => {
    const schema = { type: 'object', required: ['level'], properties: { id: { type: 'integer', readOnly: true }, level: { type: 'integer', enum: [1, 2, 3] }, grade: { type: 'integer', nullable: true, enum: [0, 5, null] }, ratio: { type: 'number', enum: [0.5, 1] } } };
    const ref = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Badge' } } } };
    const document = { openapi: '3.0.3', info: { title: 'Badges', version: '1' }, paths: { '/badges': { post: { requestBody: ref, responses: { '201': { description: 'Created', ...ref } } } } }, components: { schemas: { Badge: schema } } };
    const model = await modelOfDocuments({ 'openapi.json': JSON.stringify(document) });
    const badge = model.entities.find((e) => e.name === 'Badge')!;
    expect(badge.fields.find((f) => f.name === 'level')!.constraints.allowed).toEqual([1, 2, 3]);
    expect(badge.fields.find((f) => f.name === 'grade')!.constraints.allowed).toEqual([0, 5]);
    expect(badge.fields.find((f) => f.name === 'ratio')!.constraints.allowed).toBeUndefined();
  });
});

describe('integer codes in the generated Python', () => {
  const field = (overrides: Partial<Field>): Field =>
    ({ name: 'status', wireName: 'status', type: { kind: 'integer' }, constraints: { allowed: [0, 1, 2] }, required: true, nullable: false, readOnly: false, writeOnly: false, ...overrides }) as Field;
  const line = (f: Field, travels: 'request' | 'response') => wireFieldLine(f, new PythonImports(), { enums: new EnumMembers([]), attr: f.name, travels, integerWidth: 'int32' });

  it('is a literal of the values, taking JSON numbers only from clients, with no bounds beside it', () => {
    expect(line(field({}), 'request')).toBe('status: JsonChoice[Literal[0, 1, 2]]');
    expect(line(field({}), 'response')).toBe('status: Literal[0, 1, 2]');
    expect(line(field({ required: false, default: 0 }), 'request')).toBe('status: MayOmit[JsonChoice[Literal[0, 1, 2]]] = 0');
    // A default the list does not hold is none the app can give.
    expect(line(field({ required: false, default: 7 }), 'request')).toBe('status: MayOmit[JsonChoice[Literal[0, 1, 2]]] = None');
    expect(line(field({ constraints: {} }), 'request')).toContain('JsonInt');
  });

  it('reads a query value as the text of one of the numbers', () => {
    const parameter = { name: 'status', wireName: 'status', in: 'query', type: { kind: 'integer' }, required: false, constraints: { allowed: [0, 1] } } as const;
    const operation = { params: [parameter] } as unknown as Parameters<typeof declareParameter>[0];
    expect(declareParameter(operation, parameter as unknown as Parameters<typeof declareParameter>[1], new PythonImports()).line).toBe('status: Annotated[TextChoice[Literal[0, 1]] | None, Query()] = None');
  });

  it('sends listed values in tests, and expects a 422 for the number after them, sent or not', () => {
    const samples = new Samples({ entities: [], objectTypes: [], enums: [], relations: [], operations: [] } as unknown as ConstructorParameters<typeof Samples>[0]);
    expect([1, 2, 3, 4].map((variant) => samples.value({ kind: 'integer' }, { allowed: [1, 5, 9] }, 'status', variant))).toEqual([1, 5, 9, 1]);
    expect(ruledOutValues([field({ required: false })], {}, 'rust-regex')).toEqual([['status', 3]]);
    expect(ruledOutValues([field({ readOnly: true })], {}, 'rust-regex')).toEqual([]);
  });
});
