import type { Operation } from '../../../core/index.js';
import { routeName } from './params.js';

/**
 * How the document's path of an operation becomes the route FastAPI matches.
 *
 * A document may write more than a path: a fragment (AWS's `DELETE /tags/{ResourceArn}#tagKeys`,
 * which only tells two operations on one path apart, and which no client ever sends) and a literal
 * query string (`POST /jobs?action=archive`, which clients do send). The route matches the path
 * alone, each parameter named so that Starlette reads it (params.ts routeName: `{thing-id}` →
 * `{thing_id}`); what the document wrote after the path decides, when
 * several operations then share one method and path, which of them a request is for (queryCondition).
 */
export interface DocumentPath {
  /** The path alone: no fragment, no query string. */
  path: string;
  /** The literal query string's names, with the value each must have (undefined: only present). */
  query: [name: string, value: string | undefined][];
  /** The fragment's text, without `#`. */
  fragment?: string;
}

export function documentPath(path: string): DocumentPath {
  const hash = path.indexOf('#');
  const withoutFragment = hash === -1 ? path : path.slice(0, hash);
  const question = withoutFragment.indexOf('?');
  const bare = question === -1 ? withoutFragment : withoutFragment.slice(0, question);
  const query = question === -1 ? [] : withoutFragment.slice(question + 1).split('&').filter((pair) => pair !== '').map(queryPair);
  return { path: bare === '' ? '/' : bare, query, ...(hash === -1 ? {} : { fragment: path.slice(hash + 1) }) };
}

function queryPair(pair: string): [string, string | undefined] {
  const equals = pair.indexOf('=');
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  return equals === -1 ? [decode(pair), undefined] : [decode(pair.slice(0, equals)), decode(pair.slice(equals + 1))];
}

/** The path FastAPI registers: the document's path alone, its parameters by their Python names. */
export function routePath(operation: Operation): string {
  let path = documentPath(operation.path).path;
  for (const parameter of operation.params) {
    if (parameter.in === 'path') path = path.split(`{${parameter.wireName}}`).join(`{${routeName(operation, parameter)}}`);
  }
  return path;
}

/**
 * The path a client requests (the test clients too): the document's path without its fragment,
 * its literal query string kept.
 */
export function requestPath(operation: Operation): string {
  const hash = operation.path.indexOf('#');
  return hash === -1 ? operation.path : operation.path.slice(0, hash);
}

/** Method and path with the parameters' names left out: two operations with the same key collide. */
function routeKey(operation: Operation): string {
  return `${operation.method.toUpperCase()} ${documentPath(operation.path).path.replace(/\{[^}]*\}/g, '{}')}`;
}

/**
 * What the query string of a request must hold for the route of an operation to take it, when
 * other operations share its method and path; undefined when none does (the route then takes
 * every request on its path, as the document says). It is the literal query the document wrote
 * in the path, then the query parameters the operation requires: `DELETE /tags/{arn}#tagKeys`
 * with a required `tagKeys` takes the requests carrying `tagKeys`, and `DELETE /tags/{arn}#all`,
 * requiring nothing, the others. The routes are registered the most demanding first (routeRank),
 * so the one asking nothing comes last and takes what the others left. Two operations asking the
 * same cannot be told apart by any request: the first registered takes them all.
 */
export function queryCondition(operation: Operation, operations: readonly Operation[]): [string, string | undefined][] | undefined {
  const key = routeKey(operation);
  if (!collisions(operations).has(key)) return undefined;
  const condition = new Map(documentPath(operation.path).query);
  for (const parameter of operation.params) {
    if (parameter.in === 'query' && parameter.required && !condition.has(parameter.wireName)) condition.set(parameter.wireName, undefined);
  }
  return [...condition];
}

/** Among routes on one method and path, the more a route's query condition asks, the earlier it is registered. */
export function routeRank(operation: Operation, operations: readonly Operation[]): number {
  return -(queryCondition(operation, operations)?.length ?? 0);
}

const collisionsOf = new WeakMap<readonly Operation[], Set<string>>();

function collisions(operations: readonly Operation[]): Set<string> {
  let found = collisionsOf.get(operations);
  if (!found) {
    const seen = new Set<string>();
    found = new Set<string>();
    for (const operation of operations) {
      const key = routeKey(operation);
      if (seen.has(key)) found.add(key);
      seen.add(key);
    }
    collisionsOf.set(operations, found);
  }
  return found;
}
