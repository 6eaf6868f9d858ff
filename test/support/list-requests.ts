/**
 * A GET request for each public list the model derives, with a value for every required query
 * parameter (a search such as `/pet/findByStatus?status=available` answers 422 without its filter).
 * A list that requires credentials answers 401 to a request without them, whatever the database holds.
 */
import type { DomainModel, Operation, Parameter, TypeRef } from '../../core/model/domain-model.js';

/** `basePath + path`, with `?name=value` for each required query parameter; lists on paths with parameters, or secured, left out. */
export function listRequests(model: DomainModel): string[] {
  return model.operations
    .filter((op) => op.kind === 'list' && !op.path.includes('{') && op.security === undefined)
    .map((op) => `${model.basePath}${op.path}${requiredQuery(model, op)}`);
}

function requiredQuery(model: DomainModel, op: Operation): string {
  const pairs = op.params
    .filter((param) => param.in === 'query' && param.required)
    .map((param) => `${encodeURIComponent(param.wireName)}=${encodeURIComponent(sampleOf(model, param))}`);
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

const FORMATTED: Partial<Record<string, string>> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2024-01-01',
  'date-time': '2024-01-01T00:00:00Z',
  time: '00:00:00',
  email: 'a@example.com',
  uri: 'https://example.com/',
};

function sampleOf(model: DomainModel, param: Parameter): string {
  if (param.default !== undefined) return String(Array.isArray(param.default) ? param.default[0] : param.default);
  return sampleOfType(model, param.type, param.constraints.minimum);
}

function sampleOfType(model: DomainModel, type: TypeRef, minimum: number | undefined): string {
  switch (type.kind) {
    case 'array':
      return sampleOfType(model, type.items, minimum);
    case 'enum':
      return model.enums.find((candidate) => candidate.name === type.name)?.values[0] ?? '';
    case 'literal':
      return type.values[0] ?? '';
    case 'integer':
    case 'number':
      return String(minimum ?? 1);
    case 'boolean':
      return 'true';
    case 'string':
      return type.format ? (FORMATTED[type.format] ?? 'a') : 'a';
    default:
      return 'a';
  }
}
