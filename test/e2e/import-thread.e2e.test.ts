/**
 * The import thread, as the built package runs it (the unit tests run the sources, which
 * complete imports on their own thread): every module of a generated backend, and modules
 * missing names or importing some in vain, come back from the thread as `completeImports`
 * gives them, and a module whose imports cannot be completed fails with the same error.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../dist/lib/index.js';
import { completeImports } from '../../dist/stacks/fastapi-sqlalchemy/python/import-resolver.js';
import { completeImportsOfModule, importThreadRunning, prepareImportThread } from '../../dist/stacks/fastapi-sqlalchemy/python/import-thread.js';
import { makeTempDir, readTree, removeTempDir } from '../support/files.js';
import { REPO_ROOT } from '../support/python-backend.js';

const MISSING = ['"""Uses a UUID."""', '', 'from app.domain.entities import Widget', '', '', 'def key(widget: Widget) -> UUID:', '    return widget.id', ''].join('\n');
const IN_VAIN = ['"""Imports a date in vain."""', '', 'from datetime import date, datetime', '', '', 'def now() -> datetime:', '    return datetime.now()', ''].join('\n');
const COMMENTED = ['"""A block with a comment."""', '', 'import app.models  # noqa: F401', '', '', 'def key() -> UUID:', '    return UUID(int=0)', ''].join('\n');

describe('the import thread of the built package', () => {
  let outDir: string | undefined;

  beforeAll(async () => {
    outDir = await makeTempDir('import-thread');
    await generate({ apiFiles: [join(REPO_ROOT, 'examples/shop/openapi.yaml')], outDir, docs: false });
    prepareImportThread();
  });

  afterAll(() => removeTempDir(outDir));

  it('runs, and completes every module as completeImports does', async () => {
    expect(importThreadRunning()).toBe(true);
    const modules = [...(await readTree(outDir!))].filter(([file]) => file.endsWith('.py'));
    expect(modules.length).toBeGreaterThan(50);
    const cases: Array<[string, string]> = [...modules.map(([file, bytes]): [string, string] => [file, bytes.toString('utf8')]), ['missing.py', MISSING], ['in_vain.py', IN_VAIN]];
    const answers = await Promise.all(cases.map(([file, text]) => completeImportsOfModule(file, text)));
    expect(answers).toEqual(cases.map(([file, text]) => completeImports(file, text)));
    expect(answers.at(-2)).toContain('from uuid import UUID');
    expect(answers.at(-1)).toContain('from datetime import datetime\n');
  });

  it('fails a module whose imports cannot be completed, with the error completeImports gives', async () => {
    expect(() => completeImports('commented.py', COMMENTED)).toThrow(/its imports hold a comment; cannot add UUID/);
    await expect(completeImportsOfModule('commented.py', COMMENTED)).rejects.toThrow(/commented\.py: its imports hold a comment; cannot add UUID/);
  });
});
