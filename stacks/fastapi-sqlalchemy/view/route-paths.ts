import { isJsonMedia, type ObjectType, type Operation, type Parameter } from '../../../core/index.js';
import { routeName } from './params.js';
import { PathTrie } from './path-trie.js';

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
  if (equals === -1) return [decode(pair), undefined];
  // `?city={city}`: any value, the parameter's (core's sentParameters reads it from the query).
  const value = pair.slice(equals + 1);
  return [decode(pair.slice(0, equals)), /^\{[^{}]+\}$/.test(value) ? undefined : decode(value)];
}

/**
 * The path FastAPI registers: the document's path alone, its parameters by their Python names; an
 * integer one matched as an integer (`{pet_id:integer}`), and one whose segment a literal segment
 * of another path could fill matched as anything but that literal (`{sid:segment_1}`), so that
 * `/numbers/Local.json` never reaches `/numbers/{Sid}.json`, whichever router is included first
 * (path_types.py.njk registers both). One whose value holds a `/` takes several segments: any
 * (Starlette's `{scope:path}`), or the values it lists (`{metric_id:spans_1}`); the app registers
 * such routes after all others (spanningRank), so that they never take another route's requests.
 */
export function routePath(operation: Operation, operations: readonly Operation[]): string {
  const types = pathTypes(operations);
  let path = documentPath(operation.path).path;
  for (const parameter of operation.params) {
    if (parameter.in !== 'path') continue;
    const name = routeName(operation, parameter);
    const type = matchedAsInteger(parameter)
      ? 'integer'
      : matchedAsUuid(parameter, operation, operations)
        ? 'uuid'
        : (types.segmentOf.get(operation)?.get(parameter.wireName)?.name ?? (parameter.spansSegments ? 'path' : undefined));
    path = path.split(`{${parameter.wireName}}`).join(`{${name}${type ? `:${type}` : ''}}`);
  }
  return path;
}

/** The route takes several segments in one of its parameters (`{scope:path}`). */
export function spansSegments(operation: Operation): boolean {
  return operation.params.some((parameter) => parameter.in === 'path' && parameter.spansSegments === true && !matchedAsInteger(parameter));
}

/**
 * Where a route spanning segments goes among the others: after every route that does not (which
 * the `/{role_id:path}` of Azure's `GET /{roleId}` would otherwise take), the one naming more
 * literal text first (`/{scope}/providers/roles` before `/{role_id}`). 0 for a route spanning none.
 */
export function spanningRank(operation: Operation): number {
  if (!spansSegments(operation)) return 0;
  return 1 / (1 + documentPath(operation.path).path.replace(/\{[^}]*\}/g, '').length);
}

const spanningTiersOf = new WeakMap<readonly Operation[], string[]>();

/**
 * The tier of a route spanning segments among all of the API's (1: the most literal text), 0 for
 * one spanning none. Each module holds its spanning routes on a router per tier, which the API
 * includes tier by tier after every other route: routes of different modules keep their order.
 * Of equally literal routes, the one asking more of a request comes first (Azure's
 * `PUT /{applicationId}` asking a body with `kind`, before `PUT /{applicationDefinitionId}` asking none).
 */
export function spanningTier(operation: Operation, operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): number {
  if (!spansSegments(operation)) return 0;
  const key = (op: Operation): [number, number] => [spanningRank(op), -conditionSize(routeCondition(op, operations, objectTypes))];
  let tiers = spanningTiersOf.get(operations);
  if (!tiers) {
    const keys = new Map(operations.filter(spansSegments).map(key).map((pair) => [String(pair), pair]));
    tiers = [...keys.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(String);
    spanningTiersOf.set(operations, tiers);
  }
  return tiers.indexOf(String(key(operation))) + 1;
}

/**
 * A UUID path parameter of an operation sharing its method and path with another whose parameter
 * there is no UUID (Jellyfin's `GET /MusicGenres/{id}/InstantMix` and `/MusicGenres/{name}/InstantMix`):
 * matched only by a UUID (Starlette's `uuid`), so the other takes every other text. Registered
 * first (routeOrder in routers.ts). Elsewhere a UUID parameter takes any text, a malformed one a 404.
 */
export function matchedAsUuid(parameter: Parameter, operation: Operation, operations: readonly Operation[]): boolean {
  if (parameter.in !== 'path' || parameter.type.kind !== 'string' || parameter.type.format !== 'uuid') return false;
  const group = collisions(operations).get(routeKey(operation));
  if (!group) return false;
  const at = documentPath(operation.path).path.split('/').findIndex((segment) => segment === `{${parameter.wireName}}`);
  return group.some((other) => {
    if (other === operation) return false;
    const name = /^\{([^}]*)\}$/.exec(documentPath(other.path).path.split('/')[at] ?? '')?.[1];
    const there = other.params.find((p) => p.in === 'path' && p.wireName === name);
    return there !== undefined && !(there.type.kind === 'string' && there.type.format === 'uuid');
  });
}

/** A path parameter the route matches only with digits (a scalar integer, not a list read as text). */
export function matchedAsInteger(parameter: Parameter): boolean {
  return parameter.in === 'path' && parameter.type.kind === 'integer';
}

/**
 * A Starlette path convertor of the generated app: its registered name, class and regular
 * expression. `segment`: any text but the literals other paths give the place; `choice`: only the
 * values a parameter lists, where it shares its segment with another (`{id}{ext}`); `spans`: only
 * the values a parameter lists, where some hold a `/`.
 */
export interface SegmentType {
  kind: 'segment' | 'choice' | 'spans';
  name: string;
  className: string;
  regex: string;
}

export interface PathTypes {
  /** Some route matches an integer parameter. */
  integer: boolean;
  /** Some route has a parameter taking several segments (`{scope:path}`, `{metric_id:spans_1}`). */
  spanning: boolean;
  /** The segment types the routes use, by name. */
  segments: SegmentType[];
  /** Per operation, the segment type of each of its path parameters that has one (by wire name). */
  segmentOf: Map<Operation, Map<string, SegmentType>>;
  /** Per operation, the values each such parameter never takes (the literal segments, less the parameter's suffix). */
  excludedOf: Map<Operation, Map<string, Set<string>>>;
}

const pathTypesOf = new WeakMap<readonly Operation[], PathTypes>();

/** The path types the routes of `operations` need (memoized per model). */
export function pathTypes(operations: readonly Operation[]): PathTypes {
  const known = pathTypesOf.get(operations);
  if (known) return known;
  // Only a path with the same method can take a request from a parameter: Starlette passes a path
  // whose methods differ (a partial match) on to the next route that has the method.
  const pathsByMethod = new Map<string, PathTrie>();
  for (const op of operations) {
    const known = pathsByMethod.get(op.method) ?? new PathTrie();
    known.add(documentPath(op.path).path.split('/'));
    pathsByMethod.set(op.method, known);
  }
  const byRegex = new Map<string, SegmentType>();
  const segmentOf = new Map<Operation, Map<string, SegmentType>>();
  const excludedOf = new Map<Operation, Map<string, Set<string>>>();
  const typeOf = (kind: SegmentType['kind'], regex: string): SegmentType => {
    const key = `${kind} ${regex}`;
    const type = byRegex.get(key) ?? { kind, name: '', className: '', regex };
    byRegex.set(key, type);
    return type;
  };
  const assign = (operation: Operation, parameter: Parameter, type: SegmentType) => {
    if (!segmentOf.has(operation)) segmentOf.set(operation, new Map());
    segmentOf.get(operation)!.set(parameter.wireName, type);
  };
  for (const operation of operations) {
    const segments = documentPath(operation.path).path.split('/');
    for (const parameter of operation.params) {
      if (parameter.in !== 'path' || matchedAsInteger(parameter)) continue;
      if (parameter.spansSegments) {
        if (parameter.type.kind === 'literal') assign(operation, parameter, typeOf('spans', alternativesOf(parameter.type.values)));
        continue;
      }
      // Beside another parameter (`{id}{ext}`), a parameter's own values are the only way to tell where it starts.
      const shared = segments.find((segment) => segment.includes(`{${parameter.wireName}}`) && segment.split('{').length > 2);
      if (shared && parameter.type.kind === 'literal') {
        assign(operation, parameter, typeOf('choice', alternativesOf(parameter.type.values)));
        continue;
      }
      const at = segments.findIndex((segment) => segment.startsWith(`{${parameter.wireName}}`) && !segment.slice(parameter.wireName.length + 2).includes('{'));
      if (at === -1) continue;
      const suffix = segments[at]!.slice(parameter.wireName.length + 2);
      const literals = new Set<string>();
      const tails = new Set<string>();
      // Read left to right (PathTrie.rivalsAt): two paths each giving way to the other
      // (`/sites/{id}/zones/{zone_id}` and `/sites/{id}/{zone_type}/count`) would leave
      // `/sites/1/zones/count` to neither.
      for (const other of pathsByMethod.get(operation.method)!.rivalsAt(segments, at, suffix)) {
        if (!other[at]!.includes('{')) literals.add(other[at]!);
        tails.add(other.slice(at).map(segmentRegex).join('/'));
      }
      if (tails.size === 0) continue;
      // The other path's whole rest, not its literal alone: box's `{scope}` of `/metadata/{scope}/{template_key}`
      // (`global` or `enterprise`) gives way to `/metadata/global/boxSkillsCards` only, not to every `global/…`.
      assign(operation, parameter, typeOf('segment', `(?!(?:${[...tails].sort().join('|')})$)[^/]+`));
      if (!excludedOf.has(operation)) excludedOf.set(operation, new Map());
      excludedOf.get(operation)!.set(parameter.wireName, new Set([...literals].map((literal) => literal.slice(0, literal.length - suffix.length))));
    }
  }
  // Numbered in the order of their expressions: the same document, the same names.
  const named = (kind: SegmentType['kind'], title: string) =>
    [...byRegex.values()]
      .filter((type) => type.kind === kind)
      .sort((a, b) => (a.regex < b.regex ? -1 : a.regex > b.regex ? 1 : 0))
      .map((type, index) => Object.assign(type, { name: `${kind}_${index + 1}`, className: `${title}${index + 1}Convertor` }));
  const segments = [...named('segment', 'Segment'), ...named('choice', 'Choice'), ...named('spans', 'Spans')];
  const types: PathTypes = { integer: operations.some((op) => op.params.some(matchedAsInteger)), spanning: operations.some(spansSegments), segments, segmentOf, excludedOf };
  pathTypesOf.set(operations, types);
  return types;
}

/**
 * The path parameter of `operation` whose every listed value is a literal segment another path
 * gives at its place (mist's `{zone_type}`: `zones` and `rssizones`, each a path of its own), so
 * no request reaches the route; undefined when some value reaches it.
 */
export function parameterNeverReached(operation: Operation, types: PathTypes): string | undefined {
  const excluded = types.excludedOf.get(operation);
  if (!excluded) return undefined;
  return operation.params.find((parameter) => {
    const taken = excluded.get(parameter.wireName);
    return parameter.in === 'path' && taken !== undefined && parameter.type.kind === 'literal' && parameter.type.values.every((value) => taken.has(String(value)));
  })?.wireName;
}

/** A regular expression matching one of `values` (the route's is anchored at both ends, so their order is free). */
function alternativesOf(values: readonly string[]): string {
  return `(?:${[...values].sort().map(escapeRegex).join('|')})`;
}

/** A path segment as a regular expression: its text as written, each parameter any text of the segment. */
function segmentRegex(segment: string): string {
  return segment.split(/\{[^}]*\}/).map(escapeRegex).join('[^/]+');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
 * What a request must carry for the route of an operation to take it, when other operations share
 * its method and path; undefined when none does (the route then takes every request on its path,
 * as the document says). Documents tell such operations apart in three ways, each read here:
 * - the query string: the literal query the document wrote in the path, then the query parameters
 *   the operation requires (`DELETE /tags/{arn}#tagKeys` with a required `tagKeys` takes the
 *   requests carrying `tagKeys`);
 * - headers: the header parameters it requires, with the one value a single-valued enum or the
 *   fragment (`/#X-Amz-Target=Firewall.TagResource`, AWS's JSON protocols) gives them;
 * - the body's media type, where the colliding operations take different ones (`POST /analyze`
 *   with a JSON body and `POST /analyze#overload=stream` with `application/octet-stream`): a
 *   non-JSON body's operation takes the requests of its media type, a JSON one what is left;
 * - the JSON body's keys, where the colliding operations take JSON objects of different schemas
 *   (Azure's `POST /verify` face to face, `faceId1` and `faceId2`, and `/verify#overload=person`,
 *   `faceId` and `personId`): the properties its schema requires that no other one has.
 * The routes are registered the most demanding first (routeRank), so the one asking nothing comes
 * last and takes what the others left. Two operations asking the same cannot be told apart by any
 * request: the first registered takes them all.
 */
export interface RouteCondition {
  /** Query names, with the value each must have (undefined: only present). */
  query: [name: string, value: string | undefined][];
  /** Header names as the document spells them, with the value each must have (undefined: only present). */
  headers: [name: string, value: string | undefined][];
  /** The media type the request's body must have (`image/*` and `*\/*` match by their wildcard). */
  contentType?: string;
  /** Keys the request's JSON object must have. */
  bodyKeys?: string[];
}

export function routeCondition(operation: Operation, operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): RouteCondition | undefined {
  const key = routeKey(operation);
  const group = collisions(operations).get(key);
  if (group === undefined) return undefined;
  const written = documentPath(operation.path);
  const assigned = fragmentAssignments(written.fragment);
  // The one value a parameter must have: the fragment's (`#Action=CreateJob`), else a single-valued enum's.
  const valueOf = (parameter: Parameter): string | undefined => {
    const name = parameter.in === 'header' ? parameter.wireName.toLowerCase() : parameter.wireName;
    const fromFragment = assigned.find(([assignedName]) => (parameter.in === 'header' ? assignedName.toLowerCase() : assignedName) === name)?.[1];
    if (fromFragment !== undefined) return fromFragment;
    return parameter.type.kind === 'literal' && parameter.type.values.length === 1 ? parameter.type.values[0] : undefined;
  };
  const query = new Map(written.query);
  for (const parameter of operation.params) {
    if (parameter.in === 'query' && parameter.required && !query.has(parameter.wireName)) query.set(parameter.wireName, valueOf(parameter));
  }
  const headers = operation.params
    .filter((parameter) => parameter.in === 'header' && parameter.required)
    .map((parameter): [string, string | undefined] => [parameter.wireName, valueOf(parameter)]);
  const mediaTypes = new Set(group.map((other) => other.body?.contentType.toLowerCase() ?? ''));
  const contentType = operation.body?.contentType.toLowerCase();
  const byMediaType = mediaTypes.size > 1 && contentType !== undefined && !isJsonMedia(contentType);
  const bodyKeys = distinguishingBodyKeys(operation, group, objectTypes);
  return { query: [...query], headers, ...(byMediaType ? { contentType } : {}), ...(bodyKeys.length > 0 ? { bodyKeys } : {}) };
}

/**
 * The wire names of the properties the operation's JSON body requires that no other JSON body of
 * its group has. The operation asking the fewest (the later one among equals) asks none: it takes
 * what the others leave, a body that is no JSON object included.
 */
function distinguishingBodyKeys(operation: Operation, group: readonly Operation[], objectTypes: readonly ObjectType[]): string[] {
  let keys = bodyKeysOf.get(group);
  if (!keys) {
    keys = groupBodyKeys(group, objectTypes);
    bodyKeysOf.set(group, keys);
  }
  return keys.get(operation) ?? [];
}

const bodyKeysOf = new WeakMap<readonly Operation[], Map<Operation, string[]>>();

/** `distinguishingBodyKeys` for every operation of a group at once: each wire name's body types counted once (AWS's 300 actions on `/`). */
function groupBodyKeys(group: readonly Operation[], objectTypes: readonly ObjectType[]): Map<Operation, string[]> {
  const byName = new Map(objectTypes.map((type) => [type.name, type]));
  const typeOf = (op: Operation) => {
    const body = op.body;
    if (body?.type?.kind !== 'object' || !isJsonMedia(body.contentType.toLowerCase())) return undefined;
    return byName.get(body.type.name);
  };
  const typed = group.map((op) => ({ op, type: typeOf(op) })).filter((entry): entry is { op: Operation; type: ObjectType } => entry.type !== undefined);
  const result = new Map<Operation, string[]>();
  if (new Set(typed.map((entry) => entry.type.name)).size < 2) return result;
  // The body types holding each wire name: a key of one type is one no other type holds.
  const holders = new Map<string, Set<string>>();
  for (const type of new Set(typed.map((entry) => entry.type))) {
    for (const field of type.fields) {
      const names = holders.get(field.wireName) ?? new Set<string>();
      names.add(type.name);
      holders.set(field.wireName, names);
    }
  }
  const keysOf = (type: ObjectType) => type.fields.filter((field) => field.required && holders.get(field.wireName)!.size === 1).map((field) => field.wireName);
  const keyed = typed.map((entry) => ({ op: entry.op, keys: keysOf(entry.type) }));
  const fallback = keyed.reduce((least, entry) => (entry.keys.length <= least.keys.length ? entry : least));
  for (const entry of keyed) if (entry !== fallback) result.set(entry.op, entry.keys);
  return result;
}

/** `X-Amz-Target=Service.Action`, `Operation=CreateJob&Action=CreateJob` → each name and value; none for another fragment. */
function fragmentAssignments(fragment: string | undefined): [string, string][] {
  if (fragment === undefined || !/^[^=&]+=[^&]*(?:&[^=&]+=[^&]*)*$/.test(fragment)) return [];
  return fragment.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return [decodeURIComponent(pair.slice(0, at)), decodeURIComponent(pair.slice(at + 1))];
  });
}

const conditionalTiersOf = new WeakMap<readonly Operation[], Map<Operation, number>>();

/**
 * The tier of a route told apart by what a request carries (routeCondition) where the operations
 * sharing its method and path sit in more than one module: 1 for the most demanding. Each module
 * holds such routes on a router per tier, which the API includes tier by tier before every other
 * router, so that another module's route asking less never takes their requests first (the OCR
 * API's JSON `POST /analyze` and its `#overload=stream` twin, tagged apart). 0 for any other route.
 */
export function conditionalTier(operation: Operation, operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): number {
  let tiers = conditionalTiersOf.get(operations);
  if (!tiers) {
    const sizes = new Map<Operation, number>();
    for (const group of collisions(operations).values()) {
      if (new Set(group.map((op) => op.group)).size < 2) continue;
      for (const op of group) {
        const size = conditionSize(routeCondition(op, operations, objectTypes));
        if (size > 0 && !spansSegments(op)) sizes.set(op, size);
      }
    }
    const ranked = [...new Set(sizes.values())].sort((a, b) => b - a);
    tiers = new Map([...sizes].map(([op, size]) => [op, ranked.indexOf(size) + 1]));
    conditionalTiersOf.set(operations, tiers);
  }
  return tiers.get(operation) ?? 0;
}

/** How many things a condition asks of a request. */
export function conditionSize(condition: RouteCondition | undefined): number {
  return condition === undefined ? 0 : condition.query.length + condition.headers.length + (condition.contentType === undefined ? 0 : 1) + (condition.bodyKeys?.length ?? 0);
}

/** Among routes on one method and path, the more a route's condition asks, the earlier it is registered. */
export function routeRank(operation: Operation, operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): number {
  return -conditionSize(routeCondition(operation, operations, objectTypes));
}

/**
 * A method and path every operation of which asks something of a request (AWS's `POST /`, each
 * operation its `X-Amz-Target`): a request none takes is the client's error, which the app answers
 * 422 naming what it lacks (a required header, or a value none of the operations takes), not the
 * 404 of a path it does not serve. `headers` and `query`: the names every operation asks for,
 * each with the values they take (empty: any value).
 */
export interface UnmatchedRequests {
  /** The first operation of the method and path, whose path a test requests. */
  operation: Operation;
  method: string;
  path: string;
  /** Names every operation asks for, with the values they take (empty: any). */
  headers: [name: string, values: string[]][];
  query: [name: string, values: string[]][];
  /** Names only some of the operations ask for (AWS's `?List=ALL` beside `?Qualifier`), the same way. */
  someHeaders: [name: string, values: string[]][];
  someQuery: [name: string, values: string[]][];
}

export function unmatchedRequests(operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): UnmatchedRequests[] {
  const found: UnmatchedRequests[] = [];
  for (const group of collisions(operations).values()) {
    const conditions = group.map((op) => routeCondition(op, operations, objectTypes));
    // A route asking nothing takes what the others leave; one spanning segments goes after every other route.
    if (conditions.some((condition) => conditionSize(condition) === 0) || group.some(spansSegments)) continue;
    const asked = (of: (condition: RouteCondition) => [string, string | undefined][], sameName: (a: string, b: string) => boolean) => {
      const all: [string, string[]][] = [];
      const some: [string, string[]][] = [];
      const seen: string[] = [];
      for (const [name] of conditions.flatMap((condition) => of(condition!))) {
        if (seen.some((other) => sameName(other, name))) continue;
        seen.push(name);
        const values = conditions.map((condition) => of(condition!).find(([other]) => sameName(other, name)));
        const asking = values.filter((pair) => pair !== undefined).map((pair) => pair[1]);
        const taken: string[] = asking.includes(undefined) ? [] : [...new Set(asking as string[])].sort();
        (asking.length === conditions.length ? all : some).push([name, taken]);
      }
      return { all, some };
    };
    const headers = asked((condition) => condition.headers, (a, b) => a.toLowerCase() === b.toLowerCase());
    const query = asked((condition) => condition.query, (a, b) => a === b);
    found.push({
      operation: group[0]!,
      method: group[0]!.method.toUpperCase(),
      path: routePath(group[0]!, operations),
      headers: headers.all,
      query: query.all,
      someHeaders: headers.some,
      someQuery: query.some,
    });
  }
  return found.sort((a, b) => (a.path === b.path ? (a.method < b.method ? -1 : 1) : a.path < b.path ? -1 : 1));
}

const collisionsOf = new WeakMap<readonly Operation[], Map<string, Operation[]>>();

/** The operations of each method and path that more than one operation shares. */
function collisions(operations: readonly Operation[]): Map<string, Operation[]> {
  let found = collisionsOf.get(operations);
  if (!found) {
    const byKey = new Map<string, Operation[]>();
    for (const operation of operations) {
      const key = routeKey(operation);
      const group = byKey.get(key);
      if (group) group.push(operation);
      else byKey.set(key, [operation]);
    }
    found = new Map([...byKey].filter(([, group]) => group.length > 1));
    collisionsOf.set(operations, found);
  }
  return found;
}

/**
 * Each operation no request reaches, with the one that takes its requests: an operation after it
 * in the document on the same method and path whose route matches the same values and asks the
 * same of a request (reverb's `POST /conversations/{id}/offer` and `/conversations/{conversation_id}/offer`,
 * both any text). The app serves the first; a route for the other would never answer.
 */
export function shadowedOperations(operations: readonly Operation[], objectTypes: readonly ObjectType[] = []): Map<Operation, Operation> {
  const shadowed = new Map<Operation, Operation>();
  for (const group of collisions(operations).values()) {
    const served = new Map<string, Operation>();
    for (const operation of group) {
      const route = routePath(operation, operations).replace(/\{[^}:]*/g, '{');
      const shape = JSON.stringify([route, conditionShape(routeCondition(operation, operations, objectTypes))]);
      const first = served.get(shape);
      if (first) shadowed.set(operation, first);
      else served.set(shape, operation);
    }
  }
  return shadowed;
}

/** A condition as a value two equal conditions share, whatever the order the document lists parameters in. */
function conditionShape(condition: RouteCondition | undefined): unknown {
  if (condition === undefined) return null;
  const sorted = (pairs: [string, string | undefined][]) => pairs.map(([name, value]) => `${name}=${value ?? ''}`).sort();
  return [sorted(condition.query), sorted(condition.headers.map(([name, value]) => [name.toLowerCase(), value])), condition.contentType ?? null, [...(condition.bodyKeys ?? [])].sort()];
}
