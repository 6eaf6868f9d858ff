import type { Expression } from 'kysely';
import { sql } from './kysely.js';
import type { DdlDialect } from '../../core/index.js';
import { sqlBuilder, statementText } from './sql-builder.js';
import type { SeedData, SeedValue } from './seed-rows.js';
import { layoutInsert } from './statement-layout.js';

/** Groups of statements (a blank line between groups) that insert the seed rows in one dialect. */
export function seedStatements(seed: SeedData, dialect: DdlDialect): string[][] {
  const db = sqlBuilder(dialect);
  return seed.tables.map(({ table, columns, rows }) => {
    const values = rows.map((row) => Object.fromEntries(row.map((value, i) => [columns[i]!, literal(value, dialect)])));
    const statements = [layoutInsert(statementText(db.insertInto(table.name).columns(columns).values(values)), dialect)];
    // Explicit ids leave a PostgreSQL sequence behind: the next insert of the backend would reuse id 1.
    if (dialect === 'postgresql') {
      for (const column of table.columns.filter((c) => c.autoincrement)) {
        const quotedTable = sql`${sql.table(table.name)}`.compile(db).sql;
        const sequence = sql`pg_get_serial_sequence(${sql.lit(quotedTable)}, ${sql.lit(column.name)})`;
        statements.push(sql`select setval(${sequence}, ${sql.lit(rows.length)})`.compile(db).sql);
      }
    }
    return statements;
  });
}

/** A seed value as a literal the dialect reads the way the backend stores it. */
function literal(seed: SeedValue, dialect: DdlDialect): Expression<unknown> {
  if (seed.kind === 'null') return sql.lit(null);
  const { type, value, n } = seed;
  const day = `2024-01-0${n}`;
  const second = String(n).padStart(2, '0');
  switch (type.kind) {
    case 'boolean':
      // SQLAlchemy keeps booleans as 0/1 in SQLite.
      return dialect === 'sqlite' ? sql.lit(value ? 1 : 0) : sql.lit(Boolean(value));
    case 'date':
      return sql.lit(day);
    case 'datetime':
      // The formats SQLAlchemy writes: with an offset on PostgreSQL, microseconds and no offset elsewhere.
      return sql.lit(dialect === 'postgresql' ? `${day} 10:00:${second}+00` : `${day} 10:00:${second}.000000`);
    case 'time':
      return sql.lit(dialect === 'postgresql' ? `10:00:${second}` : `10:00:${second}.000000`);
    case 'uuid':
      // Uuid is 32 hex digits outside PostgreSQL.
      return sql.lit(dialect === 'postgresql' ? String(value) : String(value).replace(/-/g, ''));
    case 'binary': {
      const hex = Buffer.from(`seed-${n}`).toString('hex');
      return dialect === 'postgresql' ? sql`decode(${sql.lit(hex)}, 'hex')` : sql.raw(`X'${hex}'`);
    }
    case 'json':
      return sql.lit(JSON.stringify(value));
    case 'integer':
    case 'bigint':
    case 'float':
    case 'numeric':
      return sql.lit(Number(value));
    default:
      return sql.lit(String(value));
  }
}
