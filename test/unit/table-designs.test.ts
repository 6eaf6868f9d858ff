/**
 * Requirements that describe the data model beside an API list: a table per entity under its own
 * heading (`### Order`, `### mall_order 订单表`), with every column, its length, whether it takes
 * NULL and its default. The entity is the API's, with the columns of both documents.
 */
import { describe, expect, it } from 'vitest';
import type { DomainModel, Entity } from '../../core/model/domain-model.js';
import { tableNameIn } from '../../core/parsers/markdown/type-label.js';
import { readFieldTable } from '../../core/parsers/markdown/field-table.js';
import { parseMarkdownTree, type MarkdownTable } from '../../core/parsers/markdown/markdown-tree.js';
import { modelOfDocuments } from '../support/documents.js';

function table(markdown: string): MarkdownTable {
  const block = parseMarkdownTree(markdown).children[0];
  if (block?.type !== 'table') throw new Error('no table');
  return block;
}

function entity(model: DomainModel, name: string): Entity {
  const found = model.entities.find((e) => e.name === name);
  if (!found) throw new Error(`no entity ${name} among ${model.entities.map((e) => e.name).join(', ')}`);
  return found;
}

describe('a heading naming a table', () => {
  it.each([
    ['mall_order 订单表', { table: 'mall_order', label: '订单' }],
    ['3.2 t_user（用户表）', { table: 't_user', label: '用户' }],
    ['Table: orders', { table: 'orders' }],
    ['orders table', { table: 'orders' }],
    ['表 sys_dept', { table: 'sys_dept' }],
    ['`order_items` — order lines', { table: 'order_items', label: 'order lines' }],
  ])('%s', (title, expected) => {
    expect(tableNameIn(title)).toEqual(expected);
  });

  it.each([['Orders'], ['Business rules'], ['order and invoice'], ['user_id and order_id']])('%s names none', (title) => {
    expect(tableNameIn(title)).toBeUndefined();
  });
});

describe("a design table's columns", () => {
  it('reads a nullable column as not required and nullable, and a default of now as a stamp', () => {
    const rows = readFieldTable(
      table('| 字段 | 类型 | 允许空 | 默认值 | 备注 |\n|---|---|---|---|---|\n| name | varchar(50) | 否 | | |\n| parent_id | bigint | 是 | | |\n| create_time | datetime | 否 | 当前时间 | |\n| sort | int | 否 | 0 | |'),
      'requirements.md',
    ).rows;
    expect(rows.map((row) => [row.name, row.required, row.type.nullable === true])).toEqual([['name', true, false], ['parent_id', false, true], ['create_time', true, false], ['sort', false, false]]);
    expect(rows[2]).toMatchObject({ hints: { readOnly: true } });
    expect(rows[2]!.defaultText).toBeUndefined();
    expect(rows[3]!.defaultText).toBe('0');
  });
});

const API = [
  '# 商城接口',
  '',
  '字段命名统一驼峰。',
  '',
  '## 创建订单 POST /order',
  '',
  '| 字段 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| userId | Long | 是 | 用户ID |',
  '| addressId | Long | 是 | 收货地址ID |',
  '| items | Array | 是 | 明细，见下 |',
  '',
  'items 元素：',
  '',
  '| 参数名 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| productId | Long | 是 | 商品ID |',
  '| quantity | Integer | 是 | 数量 |',
  '',
  '## 订单详情 GET /order/{id}',
  '',
  '## 新增地址 POST /address',
  '',
  '| 字段 | 类型 | 必填 | 说明 |',
  '|---|---|---|---|',
  '| receiverName | String | 是 | 收货人 |',
  '',
  '## 地址详情 GET /address/{id}',
  '',
].join('\n');

const DESIGN = [
  '# 需求',
  '',
  '## 数据库设计',
  '',
  '### mall_user_address 用户地址表',
  '',
  '| 字段 | 类型 | 允许空 | 默认值 | 备注 |',
  '|---|---|---|---|---|',
  '| id | bigint | 否 | 自增 | 主键 |',
  '| receiver_name | varchar(32) | 否 | | 收货人 |',
  '| create_time | datetime | 否 | 当前时间 | |',
  '',
  '### mall_order 订单表',
  '',
  '| 字段 | 类型 | 允许空 | 默认值 | 备注 |',
  '|---|---|---|---|---|',
  '| id | bigint | 否 | 自增 | 主键 |',
  '| order_no | varchar(32) | 否 | | 订单号，唯一 |',
  '| user_id | bigint | 否 | | 用户ID |',
  '| address_id | bigint | 否 | | 收货地址ID |',
  '| status | tinyint | 否 | 0 | 0-待支付 1-已支付 2-已取消 |',
  '| pay_time | datetime | 是 | | 支付时间 |',
  '| is_deleted | tinyint | 否 | 0 | 逻辑删除 0-否 1-是 |',
  '| create_time | datetime | 否 | 当前时间 | |',
  '| update_time | datetime | 否 | 当前时间 | |',
  '',
  '### mall_order_item 订单明细表',
  '',
  '| 字段 | 类型 | 允许空 | 默认值 | 备注 |',
  '|---|---|---|---|---|',
  '| id | bigint | 否 | 自增 | 主键 |',
  '| order_id | bigint | 否 | | 订单ID |',
  '| product_name | varchar(100) | 否 | | 商品名称 |',
  '| quantity | int | 否 | 1 | 数量 |',
  '',
].join('\n');

describe('an API list and a database design of the same entities', () => {
  it.each([
    ['the API list first', { 'api.md': API, 'requirements.md': DESIGN }],
    ['the design first', { 'requirements.md': DESIGN, 'api.md': API }],
  ])('give one entity per table, with the columns of both, under the API names (%s)', async (_, documents) => {
    const model = await modelOfDocuments(documents);
    const order = entity(model, 'Order');
    expect(order.table).toBe('mall_order');
    const field = (name: string) => order.fields.find((f) => f.name === name);
    expect(field('order_no')).toMatchObject({ wireName: 'orderNo', required: true, constraints: { maxLength: 32 } });
    expect(field('status')).toMatchObject({ required: false, default: 0, constraints: { allowed: [0, 1, 2] } });
    expect(field('pay_time')).toMatchObject({ wireName: 'payTime', required: false, nullable: true });
    expect(order.uniques.map((u) => u.fields)).toContainEqual(['order_no']);
    // `is_deleted` (`0-否 1-是`) marks deleted rows: a soft delete setting it to 1, no `deleted_at` beside it.
    expect(order.softDelete).toBe(true);
    expect(order.softDeleteField).toBe('is_deleted');
    expect(order.softDeleteFlag).toEqual({ live: 0, deleted: 1 });
    expect(field('is_deleted')).toMatchObject({ readOnly: true, required: true, nullable: false, default: 0, stamp: 'deleted' });
    // The design's moments stamped by the database, none added beside them.
    expect(order.fields.filter((f) => f.stamp !== undefined || f.system).map((f) => [f.name, f.stamp])).toEqual([
      ['is_deleted', 'deleted'],
      ['create_time', 'created'],
      ['update_time', 'updated'],
    ]);
    // `mall_user_address` is the API's Address.
    expect(model.entities.map((e) => e.name)).not.toContain('UserAddress');
    expect(entity(model, 'Address').table).toBe('mall_user_address');
    expect(entity(model, 'Address').fields.find((f) => f.name === 'receiver_name')).toMatchObject({ wireName: 'receiverName', constraints: { maxLength: 32 } });
    // The items nested in an order stay its own rows, in the design's table, deleted with it.
    const item = entity(model, 'OrderItem');
    expect(item).toMatchObject({ table: 'mall_order_item', owner: { entity: 'Order', field: 'order_id' } });
    expect(model.relations.find((r) => r.from === 'OrderItem' && r.to === 'Order')).toMatchObject({ onDelete: 'CASCADE', inverse: 'items' });
    expect(model.relations.find((r) => r.from === 'Order' && r.to === 'Address')).toMatchObject({ onDelete: 'RESTRICT', inverse: 'orders' });
  });

  it('makes a table of a design no API serves, and still stops on a column typed two ways', async () => {
    const extra = `${DESIGN}\n### mall_coupon 优惠券表\n\n| 字段 | 类型 | 允许空 | 备注 |\n|---|---|---|---|\n| id | bigint | 否 | 主键 |\n| code | varchar(20) | 否 | 唯一 |\n`;
    const model = await modelOfDocuments({ 'api.md': API, 'requirements.md': extra });
    expect(entity(model, 'Coupon')).toMatchObject({ table: 'mall_coupon' });
    const contradicting = DESIGN.replace('| user_id | bigint |', '| user_id | varchar(32) |');
    await expect(modelOfDocuments({ 'api.md': API, 'requirements.md': contradicting })).rejects.toThrow(/schema Order is defined differently/);
  });

  it('merges a data model written under the entity name too', async () => {
    const api = ['# Shop API', '', '## Create order `POST /orders`', '', '| field | type | required |', '|---|---|---|', '| customerName | string | yes |', '', '## Get order `GET /orders/{id}`', ''].join('\n');
    const requirements = ['# Requirements', '', '## Data model', '', '### Order', '', '| field | type | required | notes |', '|---|---|---|---|', '| customer_name | varchar(50) | yes | |', '| order_no | varchar(32) | yes | unique |', ''].join('\n');
    const order = entity(await modelOfDocuments({ 'api.md': api, 'requirements.md': requirements }), 'Order');
    expect(order.fields.filter((f) => !f.system).map((f) => [f.name, f.wireName, f.constraints.maxLength])).toEqual([
      ['id', 'id', undefined],
      ['customer_name', 'customerName', 50],
      ['order_no', 'orderNo', 32],
    ]);
    expect(order.uniques[0]?.reason.source.file).toMatch(/requirements\.md$/);
  });
});
