import { collectionOfFlatItem } from '../../model/flat-items.js';
import { isInflectionOf, singular, toPascal } from '../../naming.js';
import type { Endpoint, NamedTable, Section } from './document-outline.js';
import { singularInDocument } from './document-words.js';
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
  /**
   * Reads of the same rows under another resource's item, in another group (`GET
   * /events/{eventId}/tickets` beside `POST /tickets`): what their answers show is the rows' too.
   */
  nestedReads: RoutedEndpoint[];
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
 * collection and item path. A collection nested under an item (`/posts/{postId}/comments`) is a
 * group of its own where the document shows it as one (nestedCollections). The title is the section
 * of its first detailed endpoint.
 */
export function groupEndpoints(endpoints: readonly Endpoint[], basePath: string, tableNames: readonly string[] = []): ResourceGroup[] {
  const routed = endpoints.map((endpoint) => ({ endpoint, route: stripBasePath(endpoint.path, basePath) }));
  // A collection also served at the top (`DELETE /comments/{id}` beside `/posts/{postId}/comments`)
  // is that one's: its rows are one entity, whose group the top-level path keys.
  const topLevel = new Set(routed.map(({ route }) => route.split('/').filter(Boolean)).filter((segments) => segments.length >= 1 && segments.length <= 2 && !segments[0]!.includes('{')).map((segments) => segments[0]));
  const nested = nestedCollections(routed, tableNames);
  const keyOf = (route: string): string => {
    const collection = nested.get(collectionShape(route)) ?? nested.get(shapeOf(route));
    if (collection === undefined) return `path:${firstSegment(route)}`;
    const segment = collection.split('/').pop()!;
    return topLevel.has(segment) ? `path:${segment}` : `path:${shapeOf(collection)}`;
  };
  const groups = new Map<string, ResourceGroup>();
  for (const { endpoint, route } of routed) {
    const key = keyOf(route);
    const group = groups.get(key) ?? { key, sections: [], endpoints: [], entityEndpoints: [], nestedReads: [] };
    group.endpoints.push({ endpoint, route });
    if (endpoint.section && !group.sections.includes(endpoint.section)) group.sections.push(endpoint.section);
    groups.set(key, group);
  }
  // A section listing the endpoints of several groups (`## Endpoint summary`, `## 接口列表`) titles none of them.
  const groupsOfSection = new Map<Section, Set<string>>();
  for (const group of groups.values()) {
    for (const { endpoint } of group.endpoints) if (endpoint.section) groupsOfSection.set(endpoint.section, (groupsOfSection.get(endpoint.section) ?? new Set()).add(group.key));
  }
  const titles = ({ endpoint }: RoutedEndpoint) => endpoint.section !== undefined && (endpoint.form === 'heading' || groupsOfSection.get(endpoint.section)!.size === 1);
  for (const group of groups.values()) {
    const detailed = group.endpoints.find((e) => titles(e) && e.endpoint.form === 'heading') ?? group.endpoints.find(titles);
    if (detailed) group.title = detailed.endpoint.section!.title;
  }
  for (const group of groups.values()) {
    const routes = group.endpoints.map((e) => e.route);
    const own = group.key.includes('{') ? (route: string) => `path:${shapeOf(route)}` === group.key : isStatic;
    const collections = routes.filter(own).concat(routes.map((r) => ITEM.exec(r)?.[1]).filter((r): r is string => r !== undefined && r !== '' && own(r)));
    const depth = (route: string) => route.split('/').length;
    const collectionPath = [...collections].sort((a, b) => depth(a) - depth(b))[0];
    if (collectionPath === undefined) continue;
    const itemPath = routes.find((r) => ITEM.exec(r)?.[1] === collectionPath);
    // `DELETE /comments/{id}` where only `/posts/{postId}/comments` lists and creates: that is the collection.
    const served = itemPath !== undefined && !routes.includes(collectionPath) ? nestedServing(group.endpoints, collectionPath) : undefined;
    group.collectionPath = served ?? collectionPath;
    if (itemPath !== undefined) group.itemPath = itemPath;
    group.entityEndpoints = group.endpoints.filter((e) => e.route === group.collectionPath || e.route === itemPath);
  }
  for (const group of groups.values()) {
    if (group.collectionPath === undefined || !isStatic(group.collectionPath)) continue;
    const segment = group.collectionPath.slice(group.collectionPath.lastIndexOf('/'));
    group.nestedReads = [...groups.values()]
      .filter((other) => other !== group)
      .flatMap((other) => other.endpoints.filter(({ endpoint, route }) => endpoint.method === 'get' && route.endsWith(segment) && isNestedCollection(route)));
  }
  return [...groups.values()];
}

/**
 * The nested collection route that ends with a flat collection's segment (`/posts/{postId}/comments`
 * for `/comments`), chosen as collectionOfFlatItem says.
 */
function nestedServing(endpoints: readonly RoutedEndpoint[], collectionPath: string): string | undefined {
  const segment = collectionPath.slice(collectionPath.lastIndexOf('/'));
  const nested = [...new Set(endpoints.map((e) => e.route).filter((route) => route.endsWith(segment) && isNestedCollection(route)))];
  return collectionOfFlatItem(nested, (route) => endpoints.some((e) => e.route === route && e.endpoint.method === 'post'));
}

/** A route with its parameters' names left out: `/posts/{id}/comments` and `/posts/{postId}/comments` are one collection. */
function shapeOf(route: string): string {
  return route.replace(/\{[^}/]*\}/g, '{}');
}

/** The shape of the collection an item route names a row of (`/posts/{}/comments` for `/posts/{p}/comments/{c}`). */
function collectionShape(route: string): string {
  const collection = ITEM.exec(route)?.[1];
  return collection === undefined ? '' : shapeOf(collection);
}

/**
 * Collections under an item of another (`/posts/{postId}/comments`), by shape, each with its route
 * as first written. One is shown as a collection of its own rows, not as an action on the item
 * (`POST /posts/{id}/publish`), when the document names one of its rows by a path
 * (`/posts/{postId}/comments/{commentId}`), or details its endpoints under a heading of its own
 * name (`## Comments`), or both lists and creates there.
 */
function nestedCollections(routed: readonly RoutedEndpoint[], tableNames: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  const candidates = new Map<string, RoutedEndpoint[]>();
  for (const entry of routed) {
    for (const route of [entry.route, ITEM.exec(entry.route)?.[1]]) {
      if (route === undefined || !isNestedCollection(route)) continue;
      const shape = shapeOf(route);
      candidates.set(shape, [...(candidates.get(shape) ?? []), entry]);
    }
  }
  for (const [shape, entries] of candidates) {
    const onCollection = entries.filter((entry) => shapeOf(entry.route) === shape);
    const first = onCollection[0]?.route ?? ITEM.exec(entries[0]!.route)![1]!;
    const segment = first.split('/').pop()!;
    const namesRows = entries.some((entry) => collectionShape(entry.route) === shape);
    const ownHeading = entries.some(({ endpoint }) => endpoint.section !== undefined && headingNames(endpoint.section.title, segment));
    const methods = new Set(onCollection.map(({ endpoint }) => endpoint.method));
    // `POST /recipes/{id}/ratings` beside a `Rating` table creates one of its rows.
    const described = methods.has('post') && tableNames.some((name) => namesSegment(name, segment));
    if (namesRows || ownHeading || described || (methods.has('get') && methods.has('post'))) found.set(shape, first);
  }
  return found;
}

/** `/posts/{postId}/comments`: ends with a literal segment after a parameter, the rest literal or whole parameters. */
function isNestedCollection(route: string): boolean {
  const segments = route.split('/').filter(Boolean);
  const last = segments.at(-1);
  return segments.length >= 3 && last !== undefined && /^[\w-]+$/.test(last) && segments.slice(0, -1).some((segment) => /^\{[^}]+\}$/.test(segment)) && segments.every((segment) => !segment.includes('{') || /^\{[^}]+\}$/.test(segment));
}

/** `Valoracion` is the row of `/valoraciones`: its singular, or that with an ending English rules do not know. */
function namesSegment(tableName: string, segment: string): boolean {
  const name = toPascal(singular(segment));
  return name === tableName || isInflectionOf(name, tableName);
}

/** Whether a heading names the collection: its words, singular, hold the segment's (`Comments`, `Post comments`, `评论 Comments`). */
function headingNames(title: string, segment: string): boolean {
  const wanted = singular(segment.toLowerCase().replace(/[-_]/g, ''));
  return title.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((word) => word !== '' && singular(word) === wanted);
}

/**
 * The entity's schema name: the first type a response of its CRUD endpoints names (unless that is
 * a `Name:` table of another shape), else the singular of its collection path (`/order-items` →
 * `OrderItem`), else of its section heading.
 */
export function entityNameOf(group: ResourceGroup, namedTables: readonly NamedTable[], words: ReadonlySet<string>): string {
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
  // `## Zahnärzte` named the table in the plural; `zahnarzt_id` elsewhere says the singular.
  if (inflected) return toPascal(singularInDocument(inflected, words) ?? inflected);
  // `/kategorien` beside `kategorie_id`, `/professores` beside `professor_id`: the singular the document uses, where it does not use the English one.
  const english = singular(base);
  const used = english === base || !words.has(english.toLowerCase()) ? singularInDocument(base, words) : undefined;
  return used ? toPascal(used) : name;
}
