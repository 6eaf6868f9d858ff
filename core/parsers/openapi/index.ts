import path from 'node:path';
import { InfraStackError } from '../../errors.js';
import type { ApiBody, ApiDocument, OpenApiText, ApiOperation, ApiParameter, SecurityScheme, ApiResponse, HttpMethod, SchemaNode } from '../../model/api-document.js';
import { encodeSegment, resolveLocalRef } from './json-pointer.js';
import { loadStructuredFile, type LoadedSource } from './source-text.js';
import { inlineForeignRefs } from './inline-refs.js';
import { assertValidOpenApi, assertValidOutcome } from './validate.js';
import { startValidationThread } from './validation-thread.js';
import { hasExternalRefs } from './external-refs.js';
import { assertOperationRules } from './operation-rules.js';
import { sentParameters, valueSpansSegments } from './path-values.js';
import { isSwagger2, SWAGGER2_SCHEMA_POINTER_PREFIX, upgradeSwagger2 } from './swagger2.js';

import { isJsonMedia } from '../../model/media-types.js';
import { servedPathOf } from '../../model/served-path.js';

const METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Json = Record<string, unknown>;

export interface OpenApiParseOptions {
  /**
   * Takes the schema validation, then run on another thread while the caller goes on; the
   * caller must not use the document for anything lasting before it passed. Without it the
   * validation runs on this thread, before the document is returned.
   */
  deferValidation?: (validation: Promise<void>) => void;
}

/**
 * Reads, validates and normalizes one OpenAPI 3.0/3.1 document, or a Swagger 2.0 document
 * upgraded to OpenAPI 3.0 after it was validated as written.
 */
export async function parseOpenApiFile(file: string, options: OpenApiParseOptions = {}): Promise<ApiDocument> {
  const background = options.deferValidation && { defer: options.deferValidation, thread: startValidationThread() };
  let read: ReadDocument;
  try {
    read = await readDocument(file);
  } catch (error) {
    background?.thread?.cancel();
    throw error;
  }
  const { source, data, swagger2, selfContained } = read;
  let complete: Json;
  let text: OpenApiText;
  try {
    complete = selfContained ? data : await bundleFile(file);
    // Before the refs are inlined and 2.0 upgraded, which change the bundle in place.
    text = selfContained ? { file, syntax: source.syntax, text: source.text } : { file, syntax: 'json', text: `${JSON.stringify(complete, null, 2)}\n` };
  } catch (error) {
    background?.thread?.cancel();
    throw error;
  }
  // The check gets the document before this thread changes it (inlining refs, upgrading 2.0);
  // JSON text is parsed there again, which is cheaper than copying the document over.
  if (!background) {
    assertValidOpenApi(file, source.text, complete);
  } else if (background.thread) {
    const input = selfContained && source.syntax === 'json' ? { json: source.text } : { document: complete };
    background.defer(background.thread.validate(input).then((outcome) => assertValidOutcome(file, source.text, outcome)));
  } else {
    background.defer(settledNow(() => assertValidOpenApi(file, source.text, complete)));
  }
  const openApi3 = swagger2 ? await upgradeSwagger2(file, complete) : complete;
  const document = normalize(file, inlineForeignRefs(openApi3), swagger2 ? SWAGGER2_SCHEMA_POINTER_PREFIX : '/components/schemas/');
  assertOperationRules(file, source.text, document.operations);
  return { ...document, openApiTexts: [text], ...(selfContained ? {} : { readsOtherFiles: true }) };
}

/** Runs `check` now; its failure is reported when the promise is awaited. */
function settledNow(check: () => void): Promise<void> {
  try {
    check();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

interface ReadDocument {
  source: LoadedSource;
  data: Json;
  swagger2: boolean;
  /** No `$ref` points to another file. */
  selfContained: boolean;
}

async function readDocument(file: string): Promise<ReadDocument> {
  const source = await loadStructuredFile(file);
  const { data, swagger2 } = checkVersion(file, source.data);
  return { source, data, swagger2, selfContained: !hasExternalRefs(data) };
}

async function bundleFile(file: string): Promise<Json> {
  try {
    const { bundle } = await import('@readme/openapi-parser');
    return (await bundle(file)) as unknown as Json;
  } catch (cause) {
    throw new InfraStackError(`cannot resolve a $ref: ${(cause as Error).message}`, { file, cause });
  }
}

/** Throws unless the document has a version this parser reads; tells Swagger 2.0 apart. */
function checkVersion(file: string, data: unknown): { data: Json; swagger2: boolean } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InfraStackError('expected an OpenAPI document (a mapping with `openapi`, `info` and `paths`)', { file, location: 'line 1' });
  }
  if (isSwagger2(data as Json)) {
    const version = (data as Json).swagger;
    if (version !== '2.0') throw new InfraStackError(`expected \`swagger: "2.0"\`, found ${JSON.stringify(version)}`, { file, location: '/swagger' });
    return { data: data as Json, swagger2: true };
  }
  const version = (data as Json).openapi;
  if (typeof version !== 'string' || !/^3\.[01]\.\d+/.test(version)) {
    throw new InfraStackError(`expected \`openapi: 3.0.x\` or \`3.1.x\` (or \`swagger: "2.0"\`), found ${JSON.stringify(version ?? null)}`, { file, location: '/openapi' });
  }
  return { data: data as Json, swagger2: false };
}

/** `schemaPointerPrefix` is where the user's file keeps the named schemas, for messages. */
function normalize(file: string, doc: Json, schemaPointerPrefix: string): ApiDocument {
  const info = (doc.info ?? {}) as Json;
  const schemas: ApiDocument['schemas'] = new Map();
  const componentSchemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Json;
  for (const [name, schema] of Object.entries(componentSchemas)) {
    schemas.set(name, { schema: schema as SchemaNode, source: { file, pointer: `${schemaPointerPrefix}${encodeSegment(name)}` } });
  }
  const deref = <T>(node: unknown): T => followRefs(doc, node) as T;
  const { schemes, notices } = securitySchemesOf(file, doc, deref);
  const operations: ApiOperation[] = [];
  for (const [route, rawItem] of Object.entries((doc.paths ?? {}) as Json)) {
    const pathItem = deref<Json>(rawItem);
    const shared = ((pathItem.parameters ?? []) as unknown[]).map((p) => deref<Json>(p));
    for (const method of METHODS) {
      const raw = pathItem[method] as Json | undefined;
      if (!raw) continue;
      const pointer = `/paths/${encodeSegment(route)}/${method}`;
      operations.push({
        ...(typeof raw.operationId === 'string' ? { operationId: raw.operationId } : {}),
        method,
        path: route,
        ...optionalText('summary', raw.summary),
        ...optionalText('description', raw.description),
        tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
        parameters: sentParameters(
          route,
          mergeParameters(shared, ((raw.parameters ?? []) as unknown[]).map((p) => deref<Json>(p)), deref),
          (name) => notices.push(`${file}#${pointer}: the path parameter ${name} is written after the path's "#", which no client sends; the operation is served without it`),
        ),
        ...requestBodyOf(deref<Json | undefined>(raw.requestBody)),
        responses: Object.entries((raw.responses ?? {}) as Json).map(([status, response]) => responseOf(status, deref<Json>(response))),
        ...securityOf(raw.security ?? doc.security, schemes),
        source: { file, pointer },
      });
    }
  }
  return {
    // A title is the application's name everywhere: one line, never empty.
    title: (typeof info.title === 'string' ? info.title.replace(/\s+/g, ' ').trim() : '') || path.basename(file).replace(/\.(?:ya?ml|json)$/i, ''),
    version: typeof info.version === 'string' ? info.version : '0.0.0',
    ...optionalText('description', info.description),
    basePath: basePathOf(doc.servers),
    schemas,
    operations,
    ...(schemes.size > 0 ? { securitySchemes: [...schemes.values()] } : {}),
    ...(notices.length > 0 ? { notices } : {}),
    components: [],
    settings: {},
    sources: [file],
  };
}

/**
 * The schemes the generated app checks: `apiKey` (header, query, cookie), `http` bearer and basic,
 * and the bearer tokens of `oauth2` and `openIdConnect`. Others (digest, mutual TLS) are notices.
 */
function securitySchemesOf(file: string, doc: Json, deref: <T>(node: unknown) => T): { schemes: Map<string, SecurityScheme>; notices: string[] } {
  const schemes = new Map<string, SecurityScheme>();
  const notices: string[] = [];
  const declared = ((doc.components as Json | undefined)?.securitySchemes ?? {}) as Json;
  for (const [name, raw] of Object.entries(declared)) {
    const scheme = deref<Json | undefined>(raw) ?? {};
    const source = { file, pointer: `/components/securitySchemes/${encodeSegment(name)}` };
    const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
    if (scheme.type === 'apiKey' && ['header', 'query', 'cookie'].includes(scheme.in as string) && typeof scheme.name === 'string') {
      schemes.set(name, { name, kind: 'apiKey', in: scheme.in as 'header' | 'query' | 'cookie', parameter: scheme.name, source });
    } else if ((scheme.type === 'http' && httpScheme === 'bearer') || scheme.type === 'oauth2' || scheme.type === 'openIdConnect') {
      schemes.set(name, { name, kind: 'bearer', source });
    } else if (scheme.type === 'http' && httpScheme === 'basic') {
      schemes.set(name, { name, kind: 'basic', source });
    } else {
      notices.push(`${file}#${source.pointer}: security scheme ${name} (${String(scheme.type)}${httpScheme ? ` ${httpScheme}` : ''}) is not checked by the generated app`);
    }
  }
  return { schemes, notices };
}

/** `security` as alternatives of scheme names; none when it is absent or one alternative asks for nothing. */
function securityOf(requirement: unknown, schemes: ReadonlyMap<string, SecurityScheme>): { security?: string[][] } {
  if (!Array.isArray(requirement)) return {};
  // Scopes are not checked: alternatives that differ only by scope (Google's, one per scope) are one.
  const distinct = new Map<string, string[]>();
  for (const entry of requirement) {
    const names = entry && typeof entry === 'object' ? Object.keys(entry as Json) : [];
    distinct.set(JSON.stringify([...names].sort()), names);
  }
  const alternatives = [...distinct.values()];
  if (alternatives.length === 0 || alternatives.some((names) => names.length === 0)) return {};
  // An alternative naming a scheme the app cannot check is one it cannot grant.
  const checkable = alternatives.filter((names) => names.every((name) => schemes.has(name))).flatMap((names) => satisfiable(names, schemes));
  return checkable.length > 0 ? { security: [...new Map(checkable.map((names) => [JSON.stringify([...names].sort()), names])).values()] } : {};
}

/**
 * Schemes one alternative asks for together, as a request can carry them: two kinds of credential
 * read from the same header (Azure's HTTP basic and an API key, both in `Authorization`) cannot both
 * be sent, so each scheme is an alternative of its own. Two API keys in one place take one value.
 */
function satisfiable(names: readonly string[], schemes: ReadonlyMap<string, SecurityScheme>): string[][] {
  const kindsByCarrier = new Map<string, Set<string>>();
  for (const name of names) {
    const scheme = schemes.get(name)!;
    const carrier = scheme.kind === 'apiKey' ? `${scheme.in}:${scheme.in === 'header' ? scheme.parameter.toLowerCase() : scheme.parameter}` : 'header:authorization';
    kindsByCarrier.set(carrier, (kindsByCarrier.get(carrier) ?? new Set()).add(scheme.kind));
  }
  return [...kindsByCarrier.values()].every((kinds) => kinds.size === 1) ? [[...names]] : names.map((name) => [name]);
}

function followRefs(root: Json, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && typeof (current as Json).$ref === 'string') {
    const ref = (current as Json).$ref as string;
    if (seen.has(ref)) return {};
    seen.add(ref);
    current = resolveLocalRef(root, ref);
  }
  return current;
}

/**
 * Headers HTTP itself defines, which the OpenAPI Parameter Object says to ignore when declared as
 * header parameters: the body's media type, the media types accepted, and the credentials (which
 * the security schemes describe). Declared anyway, they contradict the operation (tnb's
 * `Content-Type: application/zip` on a JSON body).
 */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function mergeParameters(shared: Json[], own: Json[], deref: <T>(node: unknown) => T): ApiParameter[] {
  const byKey = new Map<string, Json>();
  for (const parameter of [...shared, ...own]) {
    if (parameter.in === 'header' && IGNORED_HEADERS.has(String(parameter.name).toLowerCase())) continue;
    byKey.set(`${String(parameter.in)}:${String(parameter.name)}`, parameter);
  }
  return [...byKey.values()].map((p) => {
    const schema = (p.schema ?? firstMediaSchema(p.content) ?? {}) as SchemaNode;
    return {
      name: String(p.name),
      in: p.in as ApiParameter['in'],
      required: p.in === 'path' || p.required === true,
      ...optionalText('description', p.description),
      schema,
      ...(p.in === 'path' && valueSpansSegments(p, deref<SchemaNode>(schema)) ? { spansSegments: true as const } : {}),
    };
  });
}

function requestBodyOf(body: Json | undefined): { requestBody?: ApiBody } {
  if (!body) return {};
  const [contentType, media] = pickMedia(body.content);
  if (!contentType) return {};
  const sameSchema = JSON.stringify(media?.schema);
  // Swagger 2's `consumes: [application/json, text/plain]`, converted: the same schema under a text type.
  const textAlso = media?.schema && isJsonMedia(contentType)
    ? Object.entries(body.content as Json).filter(([type, other]) => /^text\//i.test(type) && JSON.stringify((other as Json | undefined)?.schema) === sameSchema).map(([type]) => type)
    : [];
  return {
    requestBody: {
      contentType,
      required: body.required === true,
      ...optionalText('description', body.description),
      ...(media?.schema ? { schema: media.schema as SchemaNode } : {}),
      ...(textAlso.length > 0 ? { jsonAsText: textAlso } : {}),
    },
  };
}

function responseOf(status: string, response: Json): ApiResponse {
  const [contentType, media] = pickMedia(response.content);
  return {
    status,
    ...optionalText('description', response.description),
    ...(contentType ? { contentType } : {}),
    ...(media?.schema ? { schema: media.schema as SchemaNode } : {}),
  };
}

/** Prefers a JSON media type; otherwise the first one declared. */
function pickMedia(content: unknown): [string | undefined, Json | undefined] {
  if (!content || typeof content !== 'object') return [undefined, undefined];
  const entries = Object.entries(content as Json);
  const chosen = entries.find(([type]) => isJsonMedia(type)) ?? entries[0];
  return chosen ? [chosen[0], (chosen[1] ?? {}) as Json] : [undefined, undefined];
}

function firstMediaSchema(content: unknown): unknown {
  return pickMedia(content)[1]?.schema;
}

function basePathOf(servers: unknown): string {
  const first = Array.isArray(servers) ? (servers[0] as Json | undefined) : undefined;
  if (!first || typeof first.url !== 'string') return '';
  const url = first.url.replace(/\{[^}]*\}/g, (m) => String(((first.variables as Json | undefined)?.[m.slice(1, -1)] as Json | undefined)?.default ?? ''));
  return servedPathOf(url);
}

function optionalText<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === 'string' && value.trim() !== '' ? ({ [key]: value } as { [P in K]: string }) : {};
}
