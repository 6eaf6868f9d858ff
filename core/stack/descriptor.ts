import type { DatabaseKind, DdlDialect } from '../options.js';
import type { Constraints, DomainModel, TypeRef } from '../model/domain-model.js';
import type { ConstraintNaming } from '../schema/relational-schema.js';
import type { StoredType } from '../schema/stored-type.js';
import type { DocumentedStack } from './docs.js';
import type { StackVerifier } from './verification.js';

/**
 * What a stack tells the engine and the other plugins about the code it generates, registered
 * with `stacks.add(descriptor)`. Everything a plugin needs of the stack comes from here (the
 * selected stack's descriptor is `context.stack` when files are planned), so a third-party stack
 * gets the SQL DDL, the relational schema and the docs without anyone importing its code.
 */
export interface StackDescriptor {
  /** What `--stack` selects. */
  name: string;
  /** The folder of the output the generated application goes to (`backend`). */
  outputDir: string;
  /** The databases the generated application runs on; `--db` must name one of them. */
  databases: readonly DatabaseKind[];
  /** The stack's migrations: the tool that runs them and the folder (in the output) its revisions are planned in. */
  migrations?: { tool: string; folder: string };
  /** The names of constraints and indexes; without it the stack stores nothing relational (no schema, no DDL). */
  naming?: ConstraintNaming;
  /** The SQL types the stack's database layer creates its columns with; without it the stack gets no SQL DDL. */
  physicalTypes?: PhysicalTypes;
  /** Table options the stack's migrations give MySQL/MariaDB tables (engine, character set, collation). */
  mysqlTable?: MysqlTableOptions;
  /** Values the stack's application accepts for a type and its constraints (seed rows use them). */
  samples?(model: DomainModel): SampleSource;
  /** The names the stack gives its code, for the documents of `output/`. */
  docs?: DocumentedStack;
  /** What `--verify` runs on the generated code (none: the stack has no gate, and `--verify` says so). */
  verify?: StackVerifier;
}

/**
 * What a column becomes in each SQL dialect, as the stack's own migrations create it, so that a
 * database made from the SQL DDL is the one the stack's application expects.
 */
export interface PhysicalTypes {
  /** The SQL type of a column of this stored type (`varchar(64)`, `serial` for an autoincrementing key on PostgreSQL). */
  column(dialect: DdlDialect, type: StoredType, autoincrement: boolean): string;
  /** The default of a column set to the time its row is written (`now()`). */
  currentTime(dialect: DdlDialect): string;
}

export interface MysqlTableOptions {
  engine: string;
  charset: string;
  collation: string;
}

/** Deterministic example values, as JSON, that satisfy a type and its constraints. */
export interface SampleSource {
  /** `seed` makes values differ between fields; `variant` (1, 2, ...) between rows. */
  value(type: TypeRef, constraints: Constraints, seed: string, variant?: number): unknown;
}

/** A stack registered by name only (`stacks.add('flask')`): it declares no database and stores nothing the engine knows of. */
export function nameOnlyStack(name: string): StackDescriptor {
  return { name, outputDir: name, databases: [] };
}
