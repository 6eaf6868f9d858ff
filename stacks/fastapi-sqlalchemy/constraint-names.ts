import { boundedIdentifier, type ConstraintNaming } from '../../core/index.js';

/**
 * The names of the stack's constraints and indexes, decided here and only here: the models, the
 * migrations and the SQL DDL all take them from this module.
 *
 * They follow the naming convention of the models' metadata (`NAMING_CONVENTION` in base.py, written
 * from `SQLALCHEMY_NAMING_CONVENTION` below), so a model that names nothing gets these names from
 * SQLAlchemy. A name past the identifier limit every supported database keeps whole (PostgreSQL 63
 * bytes, MySQL 64 characters: 63 bytes for both) is cut to its start and a hash of the whole
 * (`boundedIdentifier`), in every file alike; SQLAlchemy would cut it another way, so the models
 * spell such a name out (`isCut`).
 */
export type ConstraintKind = 'pk' | 'fk' | 'uq' | 'ix';

/** The metadata's naming convention as base.py writes it (`%(...)s` tokens are SQLAlchemy's). */
export const SQLALCHEMY_NAMING_CONVENTION: readonly [string, string][] = [
  ['ix', 'ix_%(column_0_label)s'],
  ['uq', 'uq_%(table_name)s_%(column_0_N_name)s'],
  ['ck', 'ck_%(table_name)s_%(constraint_name)s'],
  ['fk', 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s'],
  ['pk', 'pk_%(table_name)s'],
];

/** The convention's name before any cut: `columns` of the key, unique or index; `target` the table a key refers to. */
function conventionName(kind: ConstraintKind, table: string, columns: readonly string[], target?: string): string {
  switch (kind) {
    case 'pk':
      return `pk_${table}`;
    case 'fk':
      return `fk_${table}_${columns[0]}_${target}`;
    case 'uq':
      return `uq_${table}_${columns.join('_')}`;
    case 'ix':
      // `column_0_label` is `<table>_<column>`; a composite index is named alike, by all its columns.
      return `ix_${table}_${columns.join('_')}`;
  }
}

export function primaryKeyName(table: string): string {
  return boundedIdentifier(conventionName('pk', table, []));
}

export function foreignKeyName(table: string, column: string, targetTable: string): string {
  return boundedIdentifier(conventionName('fk', table, [column], targetTable));
}

export function uniqueName(table: string, columns: readonly string[]): string {
  return boundedIdentifier(conventionName('uq', table, columns));
}

export function indexName(table: string, columns: readonly string[]): string {
  return boundedIdentifier(conventionName('ix', table, columns));
}

/** The stack's naming, as its descriptor gives it to core's relational schema. */
export const STACK_NAMING: ConstraintNaming = { primaryKey: primaryKeyName, foreignKey: foreignKeyName, unique: uniqueName, index: indexName };

/** The convention's name was cut to the identifier limit: a model must name the constraint itself. */
export function isCut(kind: ConstraintKind, table: string, columns: readonly string[], target?: string): boolean {
  const name = conventionName(kind, table, columns, target);
  return boundedIdentifier(name) !== name;
}
