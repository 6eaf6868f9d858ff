import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffTrees, readTree } from '../support/files.js';
import { databaseUrl, uniqueDatabaseName } from '../support/postgres.js';

describe('test support: database names and URLs', () => {
  it('makes valid, unique database names', () => {
    const a = uniqueDatabaseName('Pet-Store alembic');
    const b = uniqueDatabaseName('Pet-Store alembic');
    expect(a).toMatch(/^pet_store_alembic_[a-z0-9]+_[0-9a-f]{8}_test$/);
    expect(uniqueDatabaseName('app', { testSuffix: false })).toMatch(/^app_[a-z0-9]+_[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(uniqueDatabaseName('x'.repeat(200)).length).toBeLessThanOrEqual(63);
    expect(uniqueDatabaseName('x'.repeat(200))).toMatch(/_test$/);
    expect(uniqueDatabaseName('1st')).toMatch(/^db_1st_/);
  });

  it('derives database URLs from the admin URL', () => {
    const admin = 'postgresql://postgres@127.0.0.1:55432/postgres';
    expect(databaseUrl(admin, 'x')).toBe('postgresql://postgres@127.0.0.1:55432/x');
    expect(databaseUrl(admin, 'x', 'postgresql+asyncpg')).toBe('postgresql+asyncpg://postgres@127.0.0.1:55432/x');
    expect(databaseUrl('postgresql://u:p@h:1/d?sslmode=disable', 'y')).toBe('postgresql://u:p@h:1/y?sslmode=disable');
  });
});

describe('test support: file trees', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  async function tree(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'infra-stack-tree-'));
    dirs.push(root);
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return root;
  }

  it('finds no difference between identical trees', async () => {
    const files = { 'a.txt': 'a\n', 'sub/b.py': 'print(1)\n' };
    const [x, y] = [await readTree(await tree(files)), await readTree(await tree(files))];
    expect([...x.keys()]).toEqual(['a.txt', 'sub/b.py']);
    expect(diffTrees(x, y)).toEqual([]);
  });

  it('reports missing, extra and changed files', async () => {
    const x = await readTree(await tree({ 'a.txt': 'a\n', 'same.txt': 's', 'gone.txt': 'g' }));
    const y = await readTree(await tree({ 'a.txt': 'b\n', 'same.txt': 's', 'new.txt': 'n' }));
    expect(diffTrees(x, y)).toEqual([
      'differs: a.txt (line 1: "a" vs "b")',
      'only in first: gone.txt',
      'only in second: new.txt',
    ]);
  });
});
