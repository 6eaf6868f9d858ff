/**
 * The edit a user makes most between two runs: one field added to one schema. The document is
 * copied (JSON or YAML, as written) and the first component schema with properties gets an
 * optional text property.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const ADDED_FIELD = 'bench_note';

/** Copies `document` to `dir` as written; returns the copy's path. */
export async function copyDocument(document: string, dir: string): Promise<string> {
  const copy = path.join(dir, path.basename(document));
  await writeFile(copy, await readFile(document));
  return copy;
}

/** Adds one optional text property to the first schema with properties of the copy at `file`. */
export async function addOneField(file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const json = file.endsWith('.json');
  const document = (json ? JSON.parse(text) : parse(text)) as { components?: { schemas?: Record<string, SchemaLike> }; definitions?: Record<string, SchemaLike> };
  const schemas = Object.values(document.components?.schemas ?? document.definitions ?? {});
  const target = schemas.find((schema) => schema.properties !== undefined && typeof schema.properties === 'object');
  if (!target) throw new Error(`${file}: no schema with properties to add a field to`);
  target.properties![ADDED_FIELD] = { type: 'string', description: 'A field the bench adds.' };
  await writeFile(file, json ? JSON.stringify(document) : stringify(document));
}

interface SchemaLike {
  properties?: Record<string, unknown>;
}
