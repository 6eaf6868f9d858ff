import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatModelTable } from '../../bin/model/table.js';
import { deriveModel, withRelativeSources } from '../../lib/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function tableOf(...apiFiles: string[]): Promise<string> {
  return formatModelTable(withRelativeSources(await deriveModel({ apiFiles, cwd: root }), root));
}

/** The lines of one entity's block, from its header to the blank line before the next block. */
function block(text: string, entity: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${entity}: `));
  const end = lines.findIndex((line, index) => index > start && /^\S/.test(line));
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('the model as a table', () => {
  let shop: string;
  beforeAll(async () => {
    shop = await tableOf('examples/shop/openapi.yaml');
  });

  it('heads each entity with its table, layers, soft delete and tenant', () => {
    expect(shop).toMatch(/^Shop API 1\.0\.0\n5 entities, 5 relations, 3 enums, 18 operations; base path \/api\n/);
    expect(shop).toContain('\nOrder: table orders; layers domain, model, repository, api; soft delete yes; tenant none\n');
    expect(shop).toContain('\nOrderItem: table order_items; layers model; soft delete no; tenant none; owned by Order (order_id)\n');
  });

  it('lists the fields in aligned columns, with their foreign keys', () => {
    const order = block(shop, 'Order');
    const header = order.find((line) => line.trimStart().startsWith('field '));
    expect(header).toMatch(/^ {2}field +wire name +type +required +nullable +pk +system +references$/);
    const rows = order.slice(order.indexOf(header!), order.indexOf('', order.indexOf(header!)));
    // Every cell starts where its header does: the character before each column is a space.
    const columnStarts = [...header!.matchAll(/ {2}(?=\S)/g)].map((match) => match.index + 2).slice(1);
    for (const row of rows.slice(1)) for (const start of columnStarts) expect([' ', undefined]).toContain(row[start - 1]);
    expect(rows).toContainEqual(expect.stringMatching(/^ {2}user_id +userId +integer +yes +no +User\.id on delete RESTRICT$/));
    expect(rows).toContainEqual(expect.stringMatching(/^ {2}id +id +string\(uuid\) +yes +no +PK$/));
    expect(rows).toContainEqual(expect.stringMatching(/^ {2}items +items +OrderItem\[\] .* no column: relation order_items$/));
  });

  it('explains each key, unique and index with its rule and source', () => {
    const order = block(shop, 'Order').join('\n');
    expect(order).toContain(
      [
        '  foreign key  user_id -> User.id on delete RESTRICT',
        '               why: user_id names the entity user; required key: RESTRICT',
        '               at:  examples/shop/openapi.yaml#/components/schemas/Order/properties/userId',
      ].join('\n'),
    );
    expect(order).toContain('  primary key  id (string(uuid), generated)');
    expect(order).toContain('  index        status\n               why: status is indexed by name');
    expect(block(shop, 'User').join('\n')).toContain('  unique       email\n               why: email identifies a row');
  });

  it('lists relations with both ends, key, on-delete rule and reason', () => {
    const relations = shop.slice(shop.indexOf('\nRelations\n'));
    expect(relations).toContain(
      [
        '  category_parent: many-to-one (self-reference)',
        '    from -> to  Category -> Category',
        '    attribute   Category.parent, inverse Category.children',
        '    key         Category.parent_id',
        '    on delete   SET NULL',
        '               why: parent_id refers to the same table (self-reference)',
        '               at:  examples/shop/openapi.yaml#/components/schemas/Category/properties/parentId',
      ].join('\n'),
    );
    expect(shop).toContain('\nEnums\n  OrderStatus       pending, paid, shipped, cancelled\n  CardPaymentKind   card\n');
    expect(shop).not.toContain(root);
  });

  it('names markdown sources by line and shows many-to-many join tables', async () => {
    const text = await tableOf('examples/shop/api-list.md', 'examples/shop/requirements.md');
    expect(text).toContain('; database postgresql\n');
    expect(text).toMatch(/ {15}at: {2}examples\/shop\/api-list\.md:\d+\n/);
    expect(text).toContain('    join table  product_tags (product_id, tag_id)\n');
  });

  it('lists the components and placeholders of class definitions', async () => {
    const text = await tableOf('examples/shop/classes.json');
    expect(text).toMatch(/\nComponents\n {2}SqlCustomerRepository +repository +entity Customer +examples\/shop\/classes\.json:\d+\n/);
    expect(text).toMatch(/\nPlaceholders \(referred to, not defined\)\n {2}ICustomerRepository +port +referenced by SqlCustomerRepository\n/);
    expect(text).toContain('Invoice: table invoices; layers model, repository; soft delete no; tenant tenant_id\n');
  });
});
