import type { ApiBody, ApiOperation, ApiResponse, SchemaNode } from '../../model/api-document.js';
import { encodeSegment } from '../openapi/json-pointer.js';
import { ComponentRegistry, componentRef, SOURCE_LINE } from './component-registry.js';
import type { PagingDefaults } from './document-lines.js';
import type { ResponseLine } from './endpoint-lines.js';
import { objectSchema, propertyOf, type EntityFields } from './entity-schema.js';
import { markdownError } from './errors.js';
import { endpointScope } from './endpoint-scope.js';
import { pathParameters, queryParameters } from './parameters.js';
import { errorSchemaWithCode, type AnswerFormat, type PageFormat } from './response-envelope.js';
import { LIMIT_PARAMETER_NAMES, LIST_SEGMENT, PAGE_PARAMETER_NAMES, TOTAL_NAMES } from '../../model/paging-names.js';
import { toSnake } from '../../naming.js';
import type { ResourceGroup, RoutedEndpoint } from './resource-groups.js';

const JSON_MEDIA = 'application/json';
const BODY_SUFFIX: Record<string, string> = { post: 'Create', put: 'Update', patch: 'Patch' };

/** What the operations of one group share: its entity (when it has one) and the document's choices. */
export interface OperationContext {
  file: string;
  registry: ComponentRegistry;
  paging: PagingDefaults;
  answerFormat?: AnswerFormat;
  pageFormat?: PageFormat;
  /** The code of the error each status answers (`| 404 | NOT_FOUND |`). */
  errorCodes?: ReadonlyMap<number, string>;
  group: ResourceGroup;
  entity?: EntityFields;
}

const DEFAULT_PAGE_FORMAT: PageFormat = { itemsField: 'items', fields: [{ name: 'total', kind: 'integer' }, { name: 'page', kind: 'integer' }, { name: 'limit', kind: 'integer' }], line: 0 };

/**
 * `UserPage`: the wrapper a `page of User` response names, or every list where the document
 * states what a page looks like, made once per type. The rows and the first count, page number
 * and size the app fills are required; any other count (`pages`) may be left out.
 */
function pageComponent(typeName: string, line: number, registry: ComponentRegistry, pages: Map<string, string>, format: PageFormat = DEFAULT_PAGE_FORMAT): string {
  const existing = pages.get(typeName);
  if (existing !== undefined) return existing;
  const name = registry.invent(`${typeName}Page`);
  pages.set(typeName, name);
  const properties: [string, SchemaNode][] = [[format.itemsField, { type: 'array', items: componentRef(typeName), [SOURCE_LINE]: line }]];
  for (const field of format.fields) properties.push([field.name, { type: field.kind, [SOURCE_LINE]: line }]);
  const filled = (names: ReadonlySet<string>) => format.fields.find((field) => field.kind === 'integer' && names.has(toSnake(field.name)))?.name;
  const total = filled(TOTAL_NAMES);
  const required = [format.itemsField, ...(total ? [total] : [])];
  if (format !== DEFAULT_PAGE_FORMAT) required.push(...[filled(PAGE_PARAMETER_NAMES), filled(LIMIT_PARAMETER_NAMES)].filter((n): n is string => n !== undefined));
  registry.add(name, objectSchema(properties, required, line), line);
  return name;
}

/** The schema of a path parameter naming a row by its key: the key's type and format. */
function keySchema(key: SchemaNode): SchemaNode {
  return { type: key.type, ...(key.format ? { format: key.format } : {}) };
}

export class OperationFactory {
  private readonly pages = new Map<string, string>();

  build({ endpoint, route }: RoutedEndpoint, context: OperationContext): ApiOperation {
    const { entity, group } = context;
    const onEntity = entity !== undefined && group.entityEndpoints.some((e) => e.endpoint === endpoint);
    const fields = onEntity ? entity.properties : new Map<string, SchemaNode>();
    const isList = onEntity && endpoint.method === 'get' && route === group.collectionPath;
    // `GET /product/page` beside `/product`: the rows too, in the page the document states.
    const listsRows = isList || (entity !== undefined && endpoint.method === 'get' && group.collectionPath !== undefined && route.startsWith(`${group.collectionPath}/`) && LIST_SEGMENT.test(route.slice(group.collectionPath.length + 1)));
    const keyType = onEntity ? entity.properties.get('id') : undefined;
    // `/bookings/{id}/cancel`, `/teams/{teamId}/members`: the row's parameter is its key, typed as the key is.
    const rowParameter = !onEntity && group.itemPath !== undefined && route.startsWith(`${group.itemPath}/`) ? /\{([^}/]+)\}$/.exec(group.itemPath)?.[1] : undefined;
    const rowKey = rowParameter !== undefined ? entity?.properties.get('id') : undefined;
    const requestBody = this.requestBody({ endpoint, route }, context, onEntity);
    return {
      method: endpoint.method,
      path: route,
      ...(endpoint.summary ? { summary: endpoint.summary } : {}),
      ...(endpoint.description ? { description: endpoint.description } : {}),
      tags: group.title ? [group.title] : [],
      parameters: [
        ...pathParameters(route, endpoint.line, keyType ? keySchema(keyType) : undefined, fields, rowParameter !== undefined && rowKey ? { name: rowParameter, schema: keySchema(rowKey) } : undefined),
        ...queryParameters(endpoint.query, endpoint.line, context.paging, fields, isList),
      ],
      ...(requestBody ? { requestBody } : {}),
      responses: this.responses({ endpoint, route }, context, onEntity, isList, listsRows),
      source: { file: context.file, pointer: `/paths/${encodeSegment(route)}/${endpoint.method}`, line: endpoint.line },
    };
  }

  /**
   * An entity's POST/PUT send the entity when their table lists all its writable fields (or they
   * have no table); a PATCH or a partial table gets its own schema reusing the entity's property
   * nodes; an example body gives the entity too. Other endpoints' tables are inline object schemas.
   */
  private requestBody({ endpoint, route }: RoutedEndpoint, { entity, registry }: OperationContext, onEntity: boolean): ApiBody | undefined {
    const table = endpoint.body;
    const body = (schema: SchemaNode): ApiBody => ({ contentType: JSON_MEDIA, required: true, schema });
    if (onEntity && entity && BODY_SUFFIX[endpoint.method] !== undefined) {
      // An example body shows one request, not which fields the route takes: the entity does.
      if (!table || table.fromExample) return body(componentRef(entity.name));
      const names = table.rows.map((row) => row.name);
      const isWhole = endpoint.method !== 'patch' && names.length === entity.writable.size && names.every((name) => entity.writable.has(name));
      if (isWhole) return body(componentRef(entity.name));
      const name = registry.invent(`${entity.name}${BODY_SUFFIX[endpoint.method]!}`);
      const properties = table.rows.map((row): [string, SchemaNode] => [row.name, { ...entity.properties.get(row.name)!, [SOURCE_LINE]: row.line }]);
      registry.add(name, objectSchema(properties, table.rows.filter((r) => r.required).map((r) => r.name), table.line), table.line);
      return body(componentRef(name));
    }
    if (!table) return undefined;
    const owner = endpointScope(endpoint.method, route);
    const properties = table.rows.map((row): [string, SchemaNode] => [row.name, propertyOf(row, owner, registry)]);
    return body(objectSchema(properties, table.rows.filter((r) => r.required).map((r) => r.name), table.line));
  }

  /** The responses as the document's answer format shapes them: each success in its envelope, each error as its body. */
  private responses(routed: RoutedEndpoint, context: OperationContext, onEntity: boolean, isList: boolean, listsRows: boolean): ApiResponse[] {
    const declared = this.declaredResponses(routed, context, onEntity, isList, listsRows);
    const format = context.answerFormat;
    if (!format) return declared;
    const { success, error } = format;
    const shaped = declared.map((response): ApiResponse => {
      if (!success || !response.status.startsWith('2')) return response;
      // An envelope has a body: a delete answers it, its data null.
      const status = response.status === '204' && response.schema === undefined ? '200' : response.status;
      return { ...response, status, contentType: JSON_MEDIA, envelope: success };
    });
    const errorsDeclared = declared.some((r) => !/^[123]/.test(r.status) && r.schema !== undefined);
    if (!error || errorsDeclared) return shaped;
    const coded = [...(context.errorCodes ?? [])].flatMap(([status, code]): ApiResponse[] => {
      const schema = errorSchemaWithCode(error, code);
      return schema && status >= 400 && !declared.some((r) => r.status === String(status)) ? [{ status: String(status), description: code, contentType: JSON_MEDIA, schema }] : [];
    });
    return [...shaped, ...coded, { status: 'default', description: 'Error', contentType: JSON_MEDIA, schema: error }];
  }

  /** The document's `Response` lines; without a success response, the default for the method. */
  private declaredResponses({ endpoint }: RoutedEndpoint, context: OperationContext, onEntity: boolean, isList: boolean, listsRows: boolean): ApiResponse[] {
    const pageOf = () => componentRef(pageComponent(context.entity!.name, endpoint.line, context.registry, this.pages, context.pageFormat));
    // A list's answer shown only by an example (`{"code": 200, "data": {"records": [...], "total": 1}}`): the page the document states.
    const responses = endpoint.responses.map((line) => this.response(line, context)).map((response) => (listsRows && context.pageFormat && context.entity && /^2/.test(response.status) && response.schema === undefined ? { ...response, contentType: JSON_MEDIA, schema: pageOf() } : response));
    const entity = onEntity ? context.entity : undefined;
    const fallback = ((): ApiResponse => {
      if (endpoint.method === 'delete') return { status: '204', description: 'Deleted' };
      // Where the document states what a page looks like, every list answers one.
      if (listsRows && context.pageFormat && context.entity) return { status: '200', description: 'OK', contentType: JSON_MEDIA, schema: pageOf() };
      if (!entity) return { status: '200', description: 'OK' };
      const ref = componentRef(entity.name);
      if (isList) return { status: '200', description: 'OK', contentType: JSON_MEDIA, schema: { type: 'array', items: ref } };
      return { status: endpoint.method === 'post' ? '201' : '200', description: endpoint.method === 'post' ? 'Created' : 'OK', contentType: JSON_MEDIA, schema: ref };
    })();
    if (!responses.some((r) => r.status.startsWith('2'))) return [fallback, ...responses];
    // `+ Response 200 (application/json)` and no more, under a row's own endpoint: the row, as the method answers it.
    const said = (response: ApiResponse) => entity !== undefined && endpoint.method !== 'delete' && /^2(?!0[45])/.test(response.status) && response.schema === undefined && fallback.schema !== undefined;
    return responses.map((response) => (said(response) ? { ...response, contentType: JSON_MEDIA, schema: fallback.schema } : response));
  }

  private response(line: ResponseLine, { registry, file, pageFormat }: OperationContext): ApiResponse {
    if (!line.body) return { status: line.status };
    const { shape, typeName } = line.body;
    if (!registry.isDeclared(typeName)) {
      throw markdownError(file, line.line, `the response type ${typeName} is not defined: expected an entity of this document or a \`${typeName}:\` paragraph followed by a field table`);
    }
    const ref = componentRef(typeName);
    const schema = shape === 'single' ? ref : shape === 'array' ? { type: 'array', items: ref } : componentRef(pageComponent(typeName, line.line, registry, this.pages, pageFormat));
    return { status: line.status, contentType: JSON_MEDIA, schema };
  }
}
