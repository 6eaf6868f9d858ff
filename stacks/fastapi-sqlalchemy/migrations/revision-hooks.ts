import { NameScope } from '../python/identifiers.js';
import { pyCall } from '../python/layout.js';
import { pyString } from '../python/names.js';
import type { DeletionMark, ValueCheck } from '../../../core/index.js';
import { pyColumnName } from '../sql-words.js';

/**
 * What a revision does to rows already there before a column takes fewer values: columns becoming
 * required are filled (with the document's `default`, or by a function of the revision the user
 * writes), and the upgrade stops with a message naming that function while rows still hold no
 * value, or a value a column no longer takes. The functions the user edits come first in the
 * file; the helpers the upgrade calls come last, written only when used.
 */
export class RevisionHooks {
  private readonly scope = new NameScope('function', ['upgrade', 'downgrade', ...Object.keys(HELPERS)]);
  private readonly hooks: string[][] = [];
  private readonly helpers = new Set<keyof typeof HELPERS>();
  /** For the report: each function the user may have to write. */
  readonly todo: string[] = [];

  /** Whether the revision needs `sqlalchemy` for them. */
  get used(): boolean {
    return this.hooks.length > 0 || this.helpers.size > 0;
  }

  /** Upgrade lines that map, then refuse, rows holding values the column no longer takes (`table` and `column` as they are before the revision). */
  valueCheck(check: ValueCheck): string[] {
    const hook = this.scope.name(`update_${check.table}_${check.column}`);
    const values = check.values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
    this.hooks.push(
      userFunction(hook, [
        `Rows of ${docName(check.table)} whose ${docName(check.column)} is a value it no longer takes (${docName(check.values.join(', '))}): give them another one here.`,
        '',
        `For example: connection.execute(sa.text("UPDATE ${docName(check.table)} SET ${docName(check.column)} = ... WHERE ${docName(check.column)} IN (${docName(values)})"))`,
      ]),
    );
    this.helpers.add('refuse_values');
    this.todo.push(`if rows of ${check.table} hold ${check.values.join(', ')} in ${check.column}, give them another value in ${hook}() (the upgrade stops on them)`);
    return [`    ${hook}(op.get_bind())`, `    ${pyCall('refuse_values', [pyString(check.table), pyColumnName(check.column), `[${check.values.map(pyString).join(', ')}]`, pyString(hook)], 4)}`];
  }

  /** Upgrade lines that give the rows a value in a column about to be required: `fillValue` (a Python literal), else the user's function. */
  fill(table: string, column: string, fillValue: string | undefined): string[] {
    if (fillValue !== undefined) {
      this.helpers.add('fill_null');
      return [`    ${pyCall('fill_null', [pyString(table), pyColumnName(column), fillValue], 4)}`];
    }
    const hook = this.scope.name(`fill_${table}_${column}`);
    this.hooks.push(
      userFunction(hook, [
        `Give ${docName(table)}.${docName(column)} a value on the rows already there: it is now required, and the document gives it no default.`,
        '',
        `For example: connection.execute(sa.text("UPDATE ${docName(table)} SET ${docName(column)} = ... WHERE ${docName(column)} IS NULL"))`,
      ]),
    );
    this.helpers.add('refuse_null');
    this.todo.push(`${table}.${column} is now required with no default: if ${table} has rows, give them a value in ${hook}() (the upgrade stops until they have one)`);
    return [`    ${hook}(op.get_bind())`, `    ${pyCall('refuse_null', [pyString(table), pyColumnName(column), pyString(hook)], 4)}`];
  }

  /** Upgrade lines marking deleted in `to` the rows `from` marks deleted, while both columns are there. */
  carryDeletionMark(table: string, from: DeletionMark, to: DeletionMark): string[] {
    this.helpers.add('carry_deletion_mark');
    const args = [pyString(table), pyColumnName(from.column), pyColumnName(to.column)];
    if (from.deleted !== undefined) args.push(`old_deleted=${pyLiteral(from.deleted)}`);
    if (to.deleted !== undefined) args.push(`new_deleted=${pyLiteral(to.deleted)}`);
    return [`    ${pyCall('carry_deletion_mark', args, 4)}`];
  }

  userFunctions(): string[][] {
    return this.hooks;
  }

  helperFunctions(): string[][] {
    return (Object.keys(HELPERS) as (keyof typeof HELPERS)[]).filter((name) => this.helpers.has(name)).map((name) => HELPERS[name]);
  }
}

function userFunction(name: string, doc: string[]): string[] {
  return [`def ${name}(connection: sa.Connection) -> None:`, `    """${doc[0]}`, ...doc.slice(1).map((line) => (line === '' ? '' : `    ${line}`)), '    """'];
}

function pyLiteral(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return typeof value === 'string' ? pyString(value) : String(value);
}

/** A name as a docstring can hold it (no quotes that would end it, no escapes). */
function docName(name: string): string {
  return name.replace(/\\/g, '/').replace(/"""/g, '"');
}

const HELPERS = {
  fill_null: [
    'def fill_null(table: str, column: str, value: object) -> None:',
    '    """Gives the rows holding no value in the column the document\'s default."""',
    '    rows = sa.table(table, sa.column(column))',
    '    op.execute(rows.update().where(rows.c[column].is_(None)).values({column: value}))',
  ],
  refuse_null: [
    'def refuse_null(table: str, column: str, fill: str) -> None:',
    '    """Stops the upgrade while rows hold no value in a column about to be required."""',
    '    missing = sa.column(column).is_(None)',
    '    count = op.get_bind().scalar(',
    '        sa.select(sa.func.count()).select_from(sa.table(table)).where(missing)',
    '    )',
    '    if count:',
    '        raise RuntimeError(',
    '            f"{count} rows of {table} hold no {column}, which is now required: "',
    '            f"give them one in {fill}() of this revision, then upgrade again"',
    '        )',
  ],
  carry_deletion_mark: [
    'def carry_deletion_mark(',
    '    table: str, old: str, new: str, old_deleted: object = None, new_deleted: object = None',
    ') -> None:',
    '    """Marks deleted in the new mark the rows the old mark holds deleted.',
    '',
    "    A mark with no deleted value is a time: the old mark's moment, else the migration's.",
    '    """',
    '    rows = sa.table(table, sa.column(old), sa.column(new))',
    '    held = rows.c[old].is_not(None) if old_deleted is None else rows.c[old] == old_deleted',
    '    if new_deleted is not None:',
    '        op.execute(rows.update().where(held).values({new: new_deleted}))',
    '    elif old_deleted is None:',
    '        op.execute(rows.update().where(held).values({new: rows.c[old]}))',
    '    else:',
    '        op.execute(rows.update().where(held).values({new: sa.func.now()}))',
  ],
  refuse_values: [
    'def refuse_values(table: str, column: str, values: list[str], update: str) -> None:',
    '    """Stops the upgrade while rows hold values the column no longer takes."""',
    '    removed = sa.column(column).in_(values)',
    '    count = op.get_bind().scalar(',
    '        sa.select(sa.func.count()).select_from(sa.table(table)).where(removed)',
    '    )',
    '    if count:',
    '        raise RuntimeError(',
    '            f"{count} rows of {table} hold a {column} this revision removes "',
    '            f"({\', \'.join(values)}): give them another in {update}() of this revision, "',
    '            "then upgrade again"',
    '        )',
  ],
} satisfies Record<string, string[]>;
