/**
 * What the stack stores on MySQL, decided once for the models, the migration and the DDL: strings
 * in keys get a length within InnoDB's 3072-byte keys, long strings outside keys are LONGTEXT on
 * MySQL, an integer key to a 64-bit id is 64-bit itself.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveModel, type DomainModel } from '../../lib/index.js';
import { relationalSchema, type Table } from '../../core/index.js';
import { fastapiSqlalchemyDescriptor } from '../../stacks/fastapi-sqlalchemy/descriptor.js';
import { migrationType } from '../../stacks/fastapi-sqlalchemy/migrations/tables.js';
import { entityView } from '../../stacks/fastapi-sqlalchemy/view/entities.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/mysql/keys.yaml');

describe('storage decisions that make the models run on MySQL', () => {
  let model: DomainModel;
  let tables: Map<string, Table>;
  const typeOf = (table: string, column: string) => tables.get(table)!.columns.find((c) => c.name === column)!.type;

  beforeAll(async () => {
    model = await deriveModel({ apiFiles: [fixture], cwd: root });
    tables = new Map(relationalSchema(model, fastapiSqlalchemyDescriptor.naming!).map((table) => [table.name, table]));
  });

  it('gives a unique string without maxLength 255 characters, and shares 768 among the strings of one key', () => {
    expect(typeOf('accounts', 'handle')).toEqual({ kind: 'string', length: 255 });
    for (const column of ['a', 'b', 'c', 'd']) expect(typeOf('entries', column)).toEqual({ kind: 'string', length: 192 });
  });

  it('cuts an indexed maxLength to 768 characters, and keeps a long string outside keys as LONGTEXT on MySQL only', () => {
    expect(typeOf('entries', 'long_code')).toEqual({ kind: 'string', length: 768 });
    expect(typeOf('accounts', 'bio')).toEqual({ kind: 'string', length: 2000, mysqlText: true });
    expect(typeOf('accounts', 'motto')).toEqual({ kind: 'string', length: 100 });
  });

  it('makes an integer key to a 64-bit id 64-bit', () => {
    expect(typeOf('entries', 'account_id')).toEqual({ kind: 'bigint' });
  });

  it('writes the same decisions into the SQLAlchemy model and the migration', () => {
    const account = entityView(model.entities.find((e) => e.name === 'Account')!, model);
    const lines = account.modelModule.lines.join('\n');
    expect(lines).toContain('String(2000).with_variant(mysql.LONGTEXT(), "mysql", "mariadb")');
    expect(lines).toMatch(/handle: Mapped\[str\] = mapped_column\(String\(255\), nullable=False, unique=True\)/);
    const entry = entityView(model.entities.find((e) => e.name === 'Entry')!, model);
    const entries = tables.get('entries')!;
    expect(migrationType(entries.columns.find((c) => c.name === 'account_id')!)).toBe('sa.BigInteger().with_variant(sa.Integer(), "sqlite")');
    expect(entry.modelModule.lines.join('\n')).toContain('MYSQL_TABLE_OPTIONS');
  });
});
