import { isInflectionOf, singular, toPascal } from '../../naming.js';
import type { Endpoint, NamedTable, Section } from './document-outline.js';
import { stripBasePath } from './endpoint-heading.js';

/** An endpoint with its path relative to the base path. */
export interface RoutedEndpoint {
  endpoint: Endpoint;
  route: string;
}

/** The endpoints of one section (or, without sections, of one first path segment). */
export interface ResourceGroup {
  key: string;
  /** The heading of the section its endpoints are detailed in, hints taken out. */
  title?: string;
  /** The sections its endpoints sit in, in document order. */
  sections: Section[];
  endpoints: RoutedEndpoint[];
  collectionPath?: string;
  itemPath?: string;
  /** Endpoints on the collection or item path: the entity's CRUD candidates. */
  entityEndpoints: RoutedEndpoint[];
}

const ITEM = /^(.*)\/\{[^}/]+\}$/;

function isStatic(route: string): boolean {
  return !route.includes('{');
}

function firstSegment(route: string): string {
  return route.split('/').find((segment) => segment !== '' && !segment.startsWith('{')) ?? 'root';
}

/**
 * Groups endpoints by the first segment of their route (`/users`, `/users/{id}` and
 * `/users/{id}/orders` are one group), wherever the document put them, and finds each group's
 * collection and item path. The title is the section of its first detailed endpoint.
 */
export function groupEndpoints(endpoints: readonly Endpoint[], basePath: string): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const endpoint of endpoints) {
    const route = stripBasePath(endpoint.path, basePath);
    const key = `path:${firstSegment(route)}`;
    const group = groups.get(key) ?? { key, sections: [], endpoints: [], entityEndpoints: [] };
    group.endpoints.push({ endpoint, route });
    if (endpoint.section && !group.sections.includes(endpoint.section)) group.sections.push(endpoint.section);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const detailed = group.endpoints.find(({ endpoint }) => endpoint.section && endpoint.form === 'heading') ?? group.endpoints.find(({ endpoint }) => endpoint.section);
    if (detailed) group.title = detailed.endpoint.section!.title;
  }
  for (const group of groups.values()) {
    const routes = group.endpoints.map((e) => e.route);
    const collections = routes.filter(isStatic).concat(routes.map((r) => ITEM.exec(r)?.[1]).filter((r): r is string => r !== undefined && r !== '' && isStatic(r)));
    const depth = (route: string) => route.split('/').length;
    const collectionPath = [...collections].sort((a, b) => depth(a) - depth(b))[0];
    if (collectionPath === undefined) continue;
    group.collectionPath = collectionPath;
    const itemPath = routes.find((r) => ITEM.exec(r)?.[1] === collectionPath);
    if (itemPath !== undefined) group.itemPath = itemPath;
    group.entityEndpoints = group.endpoints.filter((e) => e.route === collectionPath || e.route === itemPath);
  }
  return [...groups.values()];
}

/**
 * The entity's schema name: the first type a response of its CRUD endpoints names (unless that is
 * a `Name:` table of another shape), else the singular of its collection path (`/order-items` →
 * `OrderItem`), else of its section heading.
 */
export function entityNameOf(group: ResourceGroup, namedTables: readonly NamedTable[]): string {
  const tableNames = new Set(namedTables.map((t) => t.name));
  for (const { endpoint } of group.entityEndpoints) {
    for (const response of endpoint.responses) {
      if (response.body && !tableNames.has(response.body.typeName)) return response.body.typeName;
    }
  }
  const base = group.collectionPath?.split('/').filter(Boolean).pop() ?? group.title ?? group.key;
  const name = toPascal(singular(base));
  if (tableNames.has(name)) return name;
  // `/kunden` is the collection of `Kunde:`, whose plural English rules do not know.
  const inflected = [...tableNames].filter((table) => isInflectionOf(name, table)).sort((a, b) => b.length - a.length)[0];
  return inflected ?? name;
}
