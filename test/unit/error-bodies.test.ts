import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import type { DomainModel, ErrorBody, ErrorResponse } from '../../core/model/domain-model.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';

/** The body as JSON, each slot written `<slot>`. */
function shown(body: ErrorBody): unknown {
  switch (body.kind) {
    case 'slot':
      return `<${body.slot}>`;
    case 'value':
      return body.value;
    case 'array':
      return body.items.map(shown);
    case 'object':
      return Object.fromEntries(body.properties.map((p) => [p.name, shown(p.value)]));
  }
}

describe('error bodies as the document declares them (test/fixtures/error-bodies)', () => {
  let model: DomainModel;
  const answers = (operation: string): ErrorResponse[] => {
    const index = model.operations.find((op) => op.name === operation)!.errors;
    return index === undefined ? [] : model.errorResponses![index]!;
  };
  const answer = (operation: string, status: number) => {
    const found = answers(operation).find((a) => a.status === status);
    return found && { contentType: found.contentType, body: shown(found.body) };
  };

  beforeAll(async () => {
    model = deriveModel(await parseOpenApiFile(path.resolve('test/fixtures/error-bodies/openapi.yaml')));
  });

  it("take the `anyOf` variant whose status is the answer's, else one of its class, the first that can be built", () => {
    expect(answer('get_gadget', 404)).toEqual({
      contentType: 'application/json',
      body: { type: 'object_not_found_error', title: '<reason>', detail: '<message>', status: 404 },
    });
    expect(answer('get_gadget', 401)?.body).toMatchObject({ type: 'invalid_api_key_error', status: 401 });
    // 422 is listed beside 400 in one variant; its required `errors` list is the error itself.
    expect(answer('create_gadget', 422)?.body).toEqual({ type: 'invalid_parameters_error', title: '<reason>', detail: '<message>', status: 422, errors: [{}] });
    expect(answer('create_gadget', 501)?.body).toMatchObject({ type: 'internal_server_error', status: 501 });
    // No variant of its own: one of its class.
    expect(answer('create_gadget', 409)?.body).toMatchObject({ status: 404 });
  });

  it('fill RFC 9457 problem details under a status range, in their media type, with no property the schema forbids', () => {
    expect(answer('get_problem', 404)).toEqual({
      contentType: 'application/problem+json',
      body: { type: 'about:blank', title: '<reason>', status: '<status>', detail: '<message>', instance: '<path>' },
    });
    // `4XX` only: a 500 keeps the app's own body; the create declares `5XX` too.
    expect(answer('get_problem', 500)).toBeUndefined();
    expect(answer('create_problem', 500)?.contentType).toBe('application/problem+json');
  });

  it("nest the message where the document nests it (`{ error: { code, message } }`), and take a status's own response before `default`", () => {
    expect(answer('create_device', 422)?.body).toEqual({ error: { code: '<code>', message: '<message>', details: [{ code: '<code>', message: '<message>' }] } });
    expect(answer('create_device', 404)).toBeUndefined();
    expect(answer('get_device', 404)?.contentType).toBe('application/json');
    expect(answer('get_device', 400)).toEqual({
      contentType: 'application/vnd.api+json',
      body: { errors: [{ status: '<status-text>', title: '<reason>', detail: '<message>' }] },
    });
  });

  it("give the time, the request's id and path where they are asked for, and merge an `allOf`", () => {
    expect(answer('list_tickets', 400)?.body).toEqual({ timestamp: '<timestamp>', status: '<status>', error: '<reason>', message: '<message>', path: '<path>', requestId: '<request-uuid>' });
    expect(answer('list_tickets', 404)).toBeUndefined();
    expect(answer('create_ticket', 404)?.body).toEqual({ code: '<status>', message: '<message>', traceId: '<request-id>', fields: [] });
  });

  it('leave the app its own body where the document asks for what it cannot know, or declares no body', () => {
    // A code with a pattern; a 400 without a body: neither is shaped. Plain text is the message.
    expect(answers('get_ticket').map((a) => [a.status, a.contentType, shown(a.body)])).toEqual([[401, 'text/plain', '<message>']]);
  });

  it('share one table entry among the operations that declare the same errors, and name the one most declare', () => {
    const gadgets = ['list_gadgets', 'create_gadget', 'get_gadget', 'delete_gadget'].map((name) => model.operations.find((op) => op.name === name)!.errors);
    expect(new Set(gadgets).size).toBe(1);
    expect(model.documentErrors).toBe(gadgets[0]);
    expect(model.operations.filter((op) => op.errors === undefined).map((op) => op.name)).toEqual([]);
  });
});
