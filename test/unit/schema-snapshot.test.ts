/**
 * The relational schema a run records in its manifest, and what the next run diffs against: the
 * recorded tables, not the previous model derived again by today's code. So a change in how the
 * tool itself stores a type migrates the databases made by the older version; and a manifest of
 * an older version, without a schema, still gives the migration its "before".
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { generate, type Table } from '../../lib/index.js';

const shop = path.resolve('examples/shop/openapi.yaml');
const MANIFEST = '.infra-stack/manifest.json';
const VERSIONS = 'backend/migrations/versions';
const folders: string[] = [];

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function generated(): Promise<string> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-snapshot-'));
  folders.push(out);
  await generate({ apiFiles: [shop], outDir: out, docs: false, discoverPlugins: false });
  return out;
}

type Manifest = Record<string, unknown> & { schema?: string };
const decode = (text: string): unknown => JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8'));
const encode = (value: unknown): string => gzipSync(JSON.stringify(value)).toString('base64');

async function readManifest(out: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(out, MANIFEST), 'utf8')) as Manifest;
}

async function revisions(out: string): Promise<string[]> {
  return (await readdir(path.join(out, VERSIONS))).filter((name) => name.endsWith('.py')).sort();
}

describe('the schema snapshot in the manifest', () => {
  it('records the tables of the run, versioned', async () => {
    const out = await generated();
    const snapshot = decode((await readManifest(out)).schema!) as { version: number; tables: Table[] };
    expect(snapshot.version).toBe(1);
    const products = snapshot.tables.find((table) => table.name === 'products')!;
    expect(products.holds).toEqual({ entity: 'Product' });
    expect(products.columns.find((column) => column.name === 'name')?.type).toEqual({ kind: 'string', length: 200 });
  });

  it('migrates a column whose stored type the tool changed since the last run, with the documents unchanged', async () => {
    const out = await generated();
    const [initial] = await revisions(out);
    // As an older version would have recorded it: the products' name as a shorter string.
    const manifest = await readManifest(out);
    const snapshot = decode(manifest.schema!) as { version: number; tables: Table[] };
    const products = snapshot.tables.find((table) => table.name === 'products')!;
    products.columns.find((column) => column.name === 'name')!.type = { kind: 'string', length: 120 };
    await writeFile(path.join(out, MANIFEST), `${JSON.stringify({ ...manifest, schema: encode(snapshot) }, null, 2)}\n`);

    const result = await generate({ apiFiles: [shop], outDir: out, docs: false, discoverPlugins: false });
    const added = (await revisions(out)).filter((name) => name !== initial);
    expect(added).toHaveLength(1);
    const text = await readFile(path.join(out, VERSIONS, added[0]!), 'utf8');
    expect(text).toContain('- alter table products: alter name');
    expect(text).toMatch(/batch_op\.alter_column\(\s*"name",\s*existing_type=sa\.String\(120\),\s*type_=sa\.String\(200\),/);
    // The downgrade, derived from the same step, gives it back.
    expect(text.split('def downgrade')[1]).toMatch(/batch_op\.alter_column\(\s*"name",\s*existing_type=sa\.String\(200\),\s*type_=sa\.String\(120\),/);
    expect(result.regeneration.join('\n')).toContain('alter table products: alter name');
    // The manifest now records today's type: the next run has nothing to migrate.
    const next = decode((await readManifest(out)).schema!) as { tables: Table[] };
    expect(next.tables.find((table) => table.name === 'products')!.columns.find((column) => column.name === 'name')!.type).toEqual({ kind: 'string', length: 200 });
    await generate({ apiFiles: [shop], outDir: out, docs: false, discoverPlugins: false, force: true });
    expect(await revisions(out)).toHaveLength(2);
  });

  it('reads a manifest of an older version, without a schema: the previous model gives the tables, and no change writes no revision', async () => {
    const out = await generated();
    const { schema: _schema, ...older } = await readManifest(out);
    await writeFile(path.join(out, MANIFEST), `${JSON.stringify(older, null, 2)}\n`);
    const result = await generate({ apiFiles: [shop], outDir: out, docs: false, discoverPlugins: false });
    expect(await revisions(out)).toHaveLength(1);
    expect(result.regeneration).toEqual([]);
    expect((await readManifest(out)).schema).toBeDefined();
  });
});
