import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfraStackError } from '../../core/index.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generate } from '../../lib/index.js';

const fixture = (name: string) => path.resolve('test/fixtures', name);

async function expectUserError(promise: Promise<unknown>): Promise<InfraStackError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InfraStackError);
  return error as InfraStackError;
}

describe('OpenAPI parser', () => {
  it('names the file, line and column of malformed YAML', async () => {
    const error = await expectUserError(parseOpenApiFile(fixture('malformed.yaml')));
    expect(error.file).toBe(fixture('malformed.yaml'));
    expect(error.location).toMatch(/^line \d+, column \d+$/);
    expect(error.message).toMatch(/malformed YAML/);
  });

  it('names the offending line and JSON pointer of an invalid document', async () => {
    const error = await expectUserError(parseOpenApiFile(fixture('invalid-openapi.yaml')));
    expect(error.message).toMatch(/invalid OpenAPI document/);
    expect(error.message).toContain('notastatus');
    expect(error.location).toBe('line 9 (/paths/~1things/get/responses/notastatus)');
  });

  it('rejects a Swagger 2.0 document clearly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-parser-'));
    const file = path.join(dir, 'swagger.json');
    await (await import('node:fs/promises')).writeFile(file, JSON.stringify({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }));
    const error = await expectUserError(parseOpenApiFile(file));
    expect(error.describe()).toBe(`${file}:/swagger: Swagger 2.0 documents are not supported yet: expected \`openapi: 3.0.x\` or \`3.1.x\``);
  });

  it('resolves references to other files', async () => {
    const api = await parseOpenApiFile(fixture('split/api.yaml'));
    const widget = api.schemas.get('Widget')!.schema as { properties: Record<string, unknown> };
    expect(Object.keys(widget.properties)).toEqual(['id', 'name', 'colorCode']);
    expect(api.operations.map((op) => `${op.method} ${op.path}`)).toEqual(['post /widgets', 'get /widgets/{widgetId}', 'post /widgets/{widgetId}/spin']);
    expect(api.operations[1]!.parameters).toEqual([expect.objectContaining({ name: 'widgetId', in: 'path', required: true })]);
  });

  it('writes nothing when the input is bad', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-bad-'));
    for (const name of ['malformed.yaml', 'invalid-openapi.yaml']) {
      await expectUserError(generate({ apiFiles: [fixture(name)], outDir: out }));
    }
    expect(await readdir(out)).toEqual([]);
  });
});
