import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { patternRequiresSlash, valueSpansSegments } from '../../core/parsers/openapi/path-values.js';

async function writeDocument(paths: object): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-path-values-'));
  const file = path.join(dir, 'api.json');
  await writeFile(file, JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths }, null, 2));
  return file;
}

const ok = { '200': { description: 'ok' } };

describe('path parameters whose value holds a /', () => {
  it('reads it from the unencoded-value extensions, listed values, defaults, examples and a pattern writing one', () => {
    expect(valueSpansSegments({ 'x-ms-skip-url-encoding': true }, { type: 'string' })).toBe(true);
    expect(valueSpansSegments({ allowReserved: true }, { type: 'string' })).toBe(true);
    expect(valueSpansSegments({}, { type: 'string', enum: ['sessions', 'requests/count'] })).toBe(true);
    expect(valueSpansSegments({ example: 'opa/examples/allow' }, { type: 'string' })).toBe(true);
    expect(valueSpansSegments({ examples: { one: { value: 'a/b' } } }, { type: 'string' })).toBe(true);
    expect(valueSpansSegments({}, { type: 'string', pattern: '^arn:aws:braket:[a-z]*:job/.*$' })).toBe(true);
    expect(valueSpansSegments({ example: 'plain', 'x-ms-skip-url-encoding': false }, { type: 'string', enum: ['a', 'b'] })).toBe(false);
  });

  it('takes a pattern for a /-holder only when every match holds one', () => {
    expect(patternRequiresSlash('^apis/[0-9]+$')).toBe(true);
    expect(patternRequiresSlash('^a\\/b$')).toBe(true);
    expect(patternRequiresSlash('^[a-zA-Z0-9/._-]+$')).toBe(false);
    expect(patternRequiresSlash('^[^/].{0,1023}$')).toBe(false);
    expect(patternRequiresSlash('^billinggroup/?[0-9]{12}$')).toBe(false);
    expect(patternRequiresSlash('^a/*b$')).toBe(false);
    expect(patternRequiresSlash('^a/{0,2}b$')).toBe(false);
    expect(patternRequiresSlash('^a/{1,2}b$')).toBe(true);
    expect(patternRequiresSlash('^(x/y)?z$')).toBe(false);
    expect(patternRequiresSlash('^job/.*$|^[0-9]+$')).toBe(false);
    // Inside a group every match goes through (outposts' ARNs), nested or named; each alternative holding one.
    expect(patternRequiresSlash('^(arn:aws([a-z-]+)?:outposts:[a-z\\d-]+:\\d{12}:([a-z\\d-]+)/)[a-z]{2,8}-[a-f0-9]{17}$')).toBe(true);
    expect(patternRequiresSlash('^(?:a(?<part>b/c))$')).toBe(true);
    expect(patternRequiresSlash('^(a/b|c/d)$')).toBe(true);
    expect(patternRequiresSlash('^(a/b|cd)$')).toBe(false);
    expect(patternRequiresSlash('^(a/b)*$')).toBe(false);
    expect(patternRequiresSlash('^(?=.*/)[a-z/]+$')).toBe(false);
    expect(patternRequiresSlash('^a/b$|^c/d$')).toBe(true);
  });

  it('marks such a path parameter of a parsed document, and no other parameter', async () => {
    const file = await writeDocument({
      '/metrics/{metricId}': {
        get: {
          parameters: [
            { name: 'metricId', in: 'path', required: true, schema: { $ref: '#/components/schemas/MetricId' } },
            { name: 'filter', in: 'query', schema: { type: 'string', example: 'a/b' } },
          ],
          responses: ok,
        },
      },
    });
    const text = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
    text.components = { schemas: { MetricId: { type: 'string', enum: ['requests/count', 'sessions'] } } };
    await writeFile(file, JSON.stringify(text));
    const [operation] = (await parseOpenApiFile(file)).operations;
    expect(operation!.parameters.map((p) => [p.name, p.spansSegments ?? false])).toEqual([['metricId', true], ['filter', false]]);
  });

  it("drops a path parameter written only in the path's fragment, which no client sends, and says so", async () => {
    const file = await writeDocument({
      '/send/#env/v1/partners/{partnerId}/transfers': {
        post: { parameters: [{ name: 'partnerId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok },
      },
    });
    const document = await parseOpenApiFile(file);
    expect(document.operations[0]!.parameters).toEqual([]);
    expect(document.notices).toEqual([
      `${file}#/paths/~1send~1#env~1v1~1partners~1{partnerId}~1transfers/post: the path parameter partnerId is written after the path's "#", which no client sends; the operation is served without it`,
    ]);
  });

  it("reads a path parameter written only in the path's query as a query parameter, and one missing from the parameters as an error", async () => {
    const file = await writeDocument({
      '/forecast/daily?city={city}&country={country}': {
        get: {
          parameters: [
            { name: 'city', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'country', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'days', in: 'query', schema: { type: 'integer' } },
          ],
          responses: ok,
        },
      },
    });
    const document = await parseOpenApiFile(file);
    expect(document.operations[0]!.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ['city', 'query', true],
      ['country', 'query', true],
      ['days', 'query', false],
    ]);
    const missing = await writeDocument({ '/forecast/daily?city={city}': { get: { parameters: [], responses: ok } } });
    await expect(parseOpenApiFile(missing)).rejects.toThrow(/has \{city\} in its path's query but no parameter named "city"/);
  });
});
