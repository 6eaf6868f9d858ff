import type { Table } from './relational-schema.js';

/** Bumped when the shape of a table changes in a way older snapshots cannot be read as. */
const SCHEMA_SNAPSHOT_VERSION = 1;

/**
 * The relational schema as the manifest records it: the next run diffs its own schema against
 * this, not against the previous model derived again by today's code, so a change in how the
 * tool stores a type (a longer key, another column type) is a change of schema, and migrates.
 */
export function schemaSnapshot(tables: readonly Table[]): string {
  return JSON.stringify({ version: SCHEMA_SNAPSHOT_VERSION, tables });
}

/** The tables of a recorded snapshot; undefined when it is none this version reads (then the previous model is derived again). */
export function snapshotTables(snapshot: unknown): Table[] | undefined {
  if (!snapshot || typeof snapshot !== 'object') return undefined;
  const { version, tables } = snapshot as { version?: unknown; tables?: unknown };
  return version === SCHEMA_SNAPSHOT_VERSION && Array.isArray(tables) ? (tables as Table[]) : undefined;
}
