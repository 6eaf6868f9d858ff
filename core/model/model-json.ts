import path from 'node:path';
import type { SourceLocation } from './api-document.js';
import type { DomainModel } from './domain-model.js';

export interface ModelJsonOptions {
  /** Source file paths are written relative to this folder (the model holds absolute ones). */
  root: string;
}

/**
 * The model as JSON text that depends only on the documents: source paths relative to `root`
 * with `/` separators, and keys in a fixed order (`name` first, the rest alphabetical) rather than
 * the order the derivation happened to set them in. Two-space indent, a final newline.
 */
export function modelToJson(model: DomainModel, options: ModelJsonOptions): string {
  const { openApiTexts: _texts, ...derived } = model;
  return `${JSON.stringify(withRelativeSources(derived, options.root), orderedKeys, 2)}\n`;
}

/** What a snapshot of the model leaves out: where things came from and why, and their prose. */
const NOT_IN_SNAPSHOTS = new Set(['source', 'reason', 'description', 'why', 'warnings']);

/**
 * The model as a regeneration compares it with the next one: what the database is made from (the
 * entities, their relations, the enums, the operations on entities, which decide indexes), without
 * sources, reasons and descriptions (which would tie the snapshot to where the documents sit).
 * Object types that only travel on the wire and operations on no entity are left out: no
 * migration depends on them, and on large documents they are most of the model.
 */
export function modelSnapshot(model: DomainModel): string {
  const { openApiTexts: _texts, ...derived } = model;
  const persistent: DomainModel = { ...derived, objectTypes: [], operations: model.operations.filter((operation) => operation.entity !== undefined) };
  return JSON.stringify(persistent, (key, value: unknown) => (NOT_IN_SNAPSHOTS.has(key) ? undefined : value));
}

/** A copy of the model whose source locations name their files relative to `root`. */
export function withRelativeSources(model: DomainModel, root: string): DomainModel {
  return mapSourceLocations(model, (source) => ({ ...source, file: relativePath(root, source.file) }));
}

/** `root`-relative, `/`-separated; a path already relative is left as it is. */
export function relativePath(root: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  return path.relative(root, file).split(path.sep).join('/') || '.';
}

// Every SourceLocation of the model (of fields, entities, reasons, operations, components...) is
// the value of a `source` key, or of a `…Source` key (`databaseSource`): matching that keeps this
// right when the model grows, and leaves the documents' own values (`default`) alone.
function mapSourceLocations<T>(value: T, change: (source: SourceLocation) => SourceLocation): T {
  if (Array.isArray(value)) return value.map((item: unknown) => mapSourceLocations(item, change)) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, (key === 'source' || key.endsWith('Source')) && isSourceLocation(item) ? change(item) : mapSourceLocations(item, change)]),
  ) as T;
}

function isSourceLocation(value: unknown): value is SourceLocation {
  const candidate = value as Partial<SourceLocation> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.file === 'string' && typeof candidate.pointer === 'string';
}

function orderedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value).sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((key) => [key, (value as Record<string, unknown>)[key]]));
}
