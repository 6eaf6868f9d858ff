import type { HttpMethod } from '../../model/api-document.js';
import { markdownError } from './errors.js';

export interface EndpointHeading {
  method: HttpMethod;
  /** The path as written, base path included. */
  path: string;
  summary?: string;
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const ENDPOINT = /^([A-Za-z]+)\s+(\/\S*)\s*(?:(?:—|–|-|:)\s*(.*))?$/;

/**
 * `POST /users — Register a user` (em dash, en dash, `-` or `:` before the summary), or
 * undefined for a heading that is no endpoint. An all-capitals word before a path that is no
 * HTTP method (`FETCH /users`) is a mistake, not a section.
 */
export function readEndpointHeading(text: string, file: string, line: number): EndpointHeading | undefined {
  const match = ENDPOINT.exec(text.trim());
  if (!match) return undefined;
  const [, word, path, summary] = match as unknown as [string, string, string, string | undefined];
  const method = word.toLowerCase() as HttpMethod;
  if (!METHODS.includes(method)) {
    if (word !== word.toUpperCase()) return undefined;
    throw markdownError(file, line, `unknown HTTP method ${word} in the endpoint heading: expected ${METHODS.map((m) => m.toUpperCase()).join(', ')}`);
  }
  return { method, path, ...(summary && summary.trim() !== '' ? { summary: summary.trim() } : {}) };
}

/** `/api/users` → `/users` when the base path is `/api`; OpenAPI paths are relative to the server. */
export function stripBasePath(route: string, basePath: string): string {
  if (basePath === '' || !route.startsWith(basePath)) return route;
  const rest = route.slice(basePath.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : route;
}
