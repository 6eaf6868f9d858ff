/** An output folder that cannot be written: one line naming it, no stack trace, nothing written. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputFolderError } from '../../core/engine/output-errors.js';
import { generate, InfraStackError } from '../../lib/index.js';
import { makeTempDir, readTree, removeTempDir } from '../support/files.js';

const DOCUMENT = `openapi: 3.0.3
info: { title: Notes, version: '1' }
paths:
  /notes:
    get:
      responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Note' } } } } } }
components:
  schemas:
    Note:
      type: object
      required: [text]
      properties:
        id: { type: integer }
        text: { type: string }
`;

describe('an output folder that cannot be written', () => {
  let root: string;

  beforeEach(async () => {
    root = await makeTempDir('output-folder');
    await writeFile(join(root, 'notes.yaml'), DOCUMENT);
  });

  afterEach(async () => {
    await removeTempDir(root);
  });

  it('fails in one line naming the folder and where in it, and writes nothing', async () => {
    const out = join(root, 'out');
    await mkdir(out);
    // A file where the backend folder goes: no run can write there, whoever runs it (root included).
    await writeFile(join(out, 'backend'), 'not a folder\n');
    const before = await readTree(out);
    const failure = await generate({ apiFiles: [join(root, 'notes.yaml')], outDir: out, docs: false, ddl: [] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InfraStackError);
    const line = (failure as InfraStackError).describe();
    expect(line).toMatch(new RegExp(`^${out}: cannot write to the output folder: a file stands where a folder is needed \\(at backend[^)]*\\); make it writable and run again$`));
    expect(await readTree(out)).toEqual(before);
  });

  it('names a read-only or forbidden folder the same way', () => {
    const denied = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/gen/backend/app'"), { code: 'EACCES', path: '/srv/gen/backend/app' });
    expect((outputFolderError(denied, '/srv/gen') as InfraStackError).describe()).toBe(
      '/srv/gen: cannot write to the output folder: permission denied (at backend/app); make it writable and run again',
    );
    const readOnly = Object.assign(new Error('EROFS'), { code: 'EROFS', path: '/srv/gen' });
    expect((outputFolderError(readOnly, '/srv/gen') as InfraStackError).describe()).toBe('/srv/gen: cannot write to the output folder: read-only file system; make it writable and run again');
    const document = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/srv/api.yaml' });
    expect(outputFolderError(document, '/srv/gen')).toBe(document);
    const other = new TypeError('a bug');
    expect(outputFolderError(other, '/srv/gen')).toBe(other);
  });
});
