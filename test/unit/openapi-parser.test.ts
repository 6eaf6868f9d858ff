import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfraStackError, isJsonMedia } from '../../core/index.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generate } from '../../lib/index.js';
import { deriveModel } from '../../core/derive/derive.js';
import type { DomainModel } from '../../core/model/domain-model.js';

const fixture = (name: string) => path.resolve('test/fixtures', name);

/** A JSON OpenAPI 3.0 document with these members, pretty-printed to a file of its own. */
async function writeDocument(name: string, members: object): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-parser-'));
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, ...members }, null, 2));
  return file;
}

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

  it('names the line and column of malformed JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-parser-'));
    const file = path.join(dir, 'broken.json');
    await (await import('node:fs/promises')).writeFile(file, '{\n  "openapi": "3.0.3",\n  "info": {,\n}\n');
    const error = await expectUserError(parseOpenApiFile(file));
    expect(error.message).toMatch(/malformed JSON/);
    expect(error.location).toMatch(/^line 3, column \d+$/);
  });

  it('names the offending line and JSON pointer of an invalid document', async () => {
    const error = await expectUserError(parseOpenApiFile(fixture('invalid-openapi.yaml')));
    expect(error.message).toMatch(/invalid OpenAPI document/);
    expect(error.message).toContain('notastatus');
    expect(error.location).toBe('line 9 (/paths/~1things/get/responses/notastatus)');
  });

  it('names the $ref that points to nothing', async () => {
    const file = await writeDocument('missing-ref.json', {
      paths: { '/things': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } } },
    });
    const error = await expectUserError(parseOpenApiFile(file));
    expect(error.message).toBe('invalid OpenAPI document: the $ref "#/components/schemas/Nope" points to nothing in the document');
    expect(error.location).toBe('line 16 (/paths/~1things/get/responses/200/content/application~1json/schema/$ref)');
  });

  it('rejects an operationId used twice, at the second one', async () => {
    const ok = { '200': { description: 'ok' } };
    const file = await writeDocument('twice.json', { paths: { '/things': { get: { operationId: 'list', responses: ok } }, '/others': { get: { operationId: 'list', responses: ok } } } });
    const error = await expectUserError(parseOpenApiFile(file));
    expect(error.message).toBe('invalid OpenAPI document: the operationId "list" of GET /others is already the one of GET /things; operation ids must be unique');
    expect(error.location).toBe('line 20 (/paths/~1others/get/operationId)');
  });

  it.each([
    [{ '/things/{thingId}': { get: { responses: { '200': { description: 'ok' } } } } }, 'GET /things/{thingId} has {thingId} in its path but no path parameter named "thingId"'],
    [
      { '/things': { get: { parameters: [{ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
      'GET /things declares the path parameter "thingId", which its path does not have',
    ],
    [
      { '/things/{id}/of/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } } } },
      'GET /things/{id}/of/{id} has {id} twice in its path: a request could give it two values, and one parameter holds one; name each place apart',
    ],
  ])('rejects path parameters that do not match the path', async (paths, message) => {
    const error = await expectUserError(parseOpenApiFile(await writeDocument('params.json', { paths })));
    expect(error.message).toBe(`invalid OpenAPI document: ${message}`);
    expect(error.location).toMatch(/^line 9 \(\/paths\/~1things.*\/get\)$/);
  });

  it('rejects an unknown Swagger version clearly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-parser-'));
    const file = path.join(dir, 'swagger.json');
    await (await import('node:fs/promises')).writeFile(file, JSON.stringify({ swagger: '1.2', info: { title: 't', version: '1' }, paths: {} }));
    const error = await expectUserError(parseOpenApiFile(file));
    expect(error.describe()).toBe(`${file}:/swagger: expected \`swagger: "2.0"\`, found "1.2"`);
  });

  it('resolves references to other files', async () => {
    const api = await parseOpenApiFile(fixture('split/api.yaml'));
    const widget = api.schemas.get('Widget')!.schema as { properties: Record<string, unknown> };
    expect(Object.keys(widget.properties)).toEqual(['id', 'name', 'colorCode']);
    expect(api.operations.map((op) => `${op.method} ${op.path}`)).toEqual(['post /widgets', 'get /widgets/{widgetId}', 'post /widgets/{widgetId}/spin']);
    expect(api.operations[1]!.parameters).toEqual([expect.objectContaining({ name: 'widgetId', in: 'path', required: true })]);
  });

  it('ignores header parameters HTTP defines (Accept, Content-Type, Authorization), as the Parameter Object says', async () => {
    const header = (name: string, schema: object) => ({ name, in: 'header', required: true, schema });
    const file = await writeDocument('headers.json', {
      paths: {
        '/tags': {
          parameters: [header('AUTHORIZATION', { type: 'string' })],
          post: {
            parameters: [header('Content-Type', { type: 'string', enum: ['application/zip'] }), header('accept', { type: 'string' }), header('X-Request-Id', { type: 'string' })],
            requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
            responses: { '204': { description: 'Tagged' } },
          },
        },
      },
    });
    const document = await parseOpenApiFile(file);
    expect(document.operations.map((operation) => operation.parameters.map((parameter) => parameter.name))).toEqual([['X-Request-Id']]);
  });

  it('writes nothing when the input is bad', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-bad-'));
    for (const name of ['malformed.yaml', 'invalid-openapi.yaml']) {
      await expectUserError(generate({ apiFiles: [fixture(name)], outDir: out }));
    }
    expect(await readdir(out)).toEqual([]);
  });
});

describe('Swagger 2.0 documents', () => {
  const examples = path.resolve('node_modules/@readme/oas-examples');
  const shape = (model: DomainModel) => ({
    entities: model.entities.map((e) => ({ name: e.name, table: e.table, primaryKey: e.primaryKey, fields: e.fields.map((f) => [f.name, f.type.kind, f.required, f.nullable]) })),
    operations: model.operations.map((o) => [o.name, o.method, o.path, o.kind, o.entity ?? null, o.params.map((p) => p.name), o.body?.contentType ?? null]),
    objectTypes: model.objectTypes.map((t) => t.name),
    enums: model.enums.map((e) => [e.name, e.values]),
  });

  it.each(['yaml/petstore.yaml', 'json/petstore.json'])('derives the same model from the 2.0 Petstore (%s) as from the 3.0 one', async (name) => {
    const openApi3 = deriveModel(await parseOpenApiFile(path.join(examples, '3.0/yaml/petstore.yaml')));
    const swagger2 = deriveModel(await parseOpenApiFile(path.join(examples, '2.0', name)));
    expect(swagger2.entities.map((e) => e.name)).toEqual(['Pet', 'Order', 'User', 'Tag']);
    expect(shape(swagger2)).toEqual(shape(openApi3));
    expect(swagger2.basePath).toBe('/v2');
  });

  it('names schemas by their place in the 2.0 file', async () => {
    const api = await parseOpenApiFile(path.join(examples, '2.0/json/petstore.json'));
    expect(api.schemas.get('Pet')!.source.pointer).toBe('/definitions/Pet');
    expect(api.operations.find((o) => o.operationId === 'addPet')!.requestBody).toMatchObject({ contentType: 'application/json', required: true });
  });

  it('names the offending line and JSON pointer of an invalid 2.0 document', async () => {
    const error = await expectUserError(parseOpenApiFile(fixture('invalid-swagger2.yaml')));
    expect(error.file).toBe(fixture('invalid-swagger2.yaml'));
    expect(error.message).toMatch(/invalid OpenAPI document/);
    expect(error.message).toContain('notastatus');
    expect(error.location).toBe('line 9 (/paths/~1things/get/responses/notastatus)');
  });
});

describe('validation on another thread', () => {
  /** Parses with the validation deferred; resolves with the validation's error, if any. */
  async function validatedInBackground(file: string): Promise<{ document: unknown; failure: unknown }> {
    const checks: Promise<void>[] = [];
    const document = await parseOpenApiFile(file, { deferValidation: (check) => checks.push(check) });
    expect(checks).toHaveLength(1);
    const failure = await checks[0]!.then(() => undefined, (error: unknown) => error);
    return { document, failure };
  }

  async function invalidJsonDocument(): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-parser-'));
    const file = path.join(dir, 'invalid.json');
    const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { responses: { bogus: {} } } } } };
    await (await import('node:fs/promises')).writeFile(file, JSON.stringify(document, null, 2));
    return file;
  }

  it('fails with the message, file and place of the validation on this thread', async () => {
    for (const file of [fixture('invalid-openapi.yaml'), fixture('invalid-swagger2.yaml'), await invalidJsonDocument()]) {
      const here = await expectUserError(parseOpenApiFile(file));
      const { failure } = await validatedInBackground(file);
      expect(failure).toBeInstanceOf(InfraStackError);
      expect((failure as InfraStackError).describe()).toBe(here.describe());
    }
  });

  it('passes valid documents, self-contained or split over files, and returns the same document', async () => {
    for (const file of [fixture('split/api.yaml'), path.resolve('node_modules/@readme/oas-examples/3.0/json/petstore.json')]) {
      const { document, failure } = await validatedInBackground(file);
      expect(failure).toBeUndefined();
      expect(document).toEqual(await parseOpenApiFile(file));
    }
  });

  it('validates on this thread, deferred the same way, documents beyond the threads it runs at once', async () => {
    const file = fixture('invalid-openapi.yaml');
    const expected = (await expectUserError(parseOpenApiFile(file))).describe();
    const many = Array.from({ length: os.availableParallelism() + 2 }, () => validatedInBackground(file));
    for (const { failure } of await Promise.all(many)) expect((failure as InfraStackError).describe()).toBe(expected);
  });

  it('leaves nothing running for a document that cannot be read', async () => {
    const deferred: unknown[] = [];
    const error = await expectUserError(parseOpenApiFile(fixture('malformed.yaml'), { deferValidation: (check) => deferred.push(check) }));
    expect(error.message).toMatch(/malformed YAML/);
    expect(deferred).toEqual([]);
  });
});

describe('JSON media types', () => {
  it('are JSON under any main type, with a +json suffix, x-json, or parameters; and nothing else is', () => {
    for (const type of ['application/json', 'text/json', 'TEXT/JSON; charset=utf-8', 'application/x-json', 'application/merge-patch+json', 'application/json-patch+json']) {
      expect(isJsonMedia(type), type).toBe(true);
    }
    for (const type of ['application/jsonl', 'application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      expect(isJsonMedia(type), type).toBe(false);
    }
  });
});
