/**
 * A data model written as SQL (`CREATE TABLE` in a fenced block): each column a field, its
 * constraints and comments read as a field's notes, table constraints on their columns.
 */
import { describe, expect, it } from 'vitest';
import { readCreateTables } from '../../core/parsers/markdown/sql-ddl.js';

const DDL = `-- stock per warehouse
CREATE TABLE IF NOT EXISTS inv.stock_levels (
    id            BIGSERIAL    PRIMARY KEY,
    warehouse_id  BIGINT       NOT NULL REFERENCES warehouses(id) ON DELETE CASCADE,
    product_id    BIGINT       NOT NULL,
    qty           INTEGER      NOT NULL DEFAULT 0,   -- on hand, never negative
    bin_location  VARCHAR(20),                      -- e.g. 'A-03-2'
    CONSTRAINT stock_levels_wh_prod_uq UNIQUE (warehouse_id, product_id),
    CONSTRAINT stock_levels_qty_nonneg CHECK (qty >= 0),
    FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT
);

CREATE TABLE \`wms_supplier\` (
  \`id\` bigint NOT NULL AUTO_INCREMENT COMMENT 'id',
  \`name\` varchar(100) NOT NULL UNIQUE,
  PRIMARY KEY (\`id\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
`;

describe('SQL data models', () => {
  it('reads each table, its columns typed and constrained, comments as notes, table constraints on their columns', () => {
    const [levels, supplier] = readCreateTables(DDL, 10, 'model.md');
    expect(levels!.table).toBe('stock_levels');
    expect(levels!.line).toBe(11);
    expect(levels!.rows.map((row) => row.name)).toEqual(['id', 'warehouse_id', 'product_id', 'qty', 'bin_location']);
    expect(levels!.uniques).toEqual([['warehouse_id', 'product_id']]);
    const row = (name: string) => levels!.rows.find((r) => r.name === name)!;
    expect([row('warehouse_id').required, row('warehouse_id').hints['x-references'], row('warehouse_id').hints['x-on-delete']]).toEqual([true, 'warehouses', 'CASCADE']);
    // `FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE RESTRICT`, a table constraint.
    expect([row('product_id').hints['x-references'], row('product_id').hints['x-on-delete']]).toEqual(['products', 'RESTRICT']);
    expect([row('qty').required, row('qty').defaultText, row('qty').hints.minimum]).toEqual([false, '0', 0]);
    expect(row('qty').description).toContain('on hand, never negative');
    expect([row('bin_location').required, row('bin_location').description]).toEqual([false, "e.g. 'A-03-2'"]);
    expect(supplier!.table).toBe('wms_supplier');
    // MySQL's backquotes, `AUTO_INCREMENT COMMENT 'id'` and the options after the body.
    expect(supplier!.rows.map((r) => [r.name, r.hints['x-unique'] ?? false])).toEqual([
      ['id', false],
      ['name', true],
    ]);
  });

  it('reads nothing from text that creates no table', () => {
    expect(readCreateTables('SELECT * FROM stock_levels WHERE qty > 0;', 1, 'model.md')).toEqual([]);
  });
});
