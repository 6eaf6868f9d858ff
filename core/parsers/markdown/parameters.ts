import type { ApiParameter, SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { LIMIT_PARAMETER_NAMES, PAGE_PARAMETER_NAMES, SEARCH_PARAMETER_NAMES } from '../../model/paging-names.js';
import { toSnake } from '../../naming.js';
import { SOURCE_LINE } from './component-registry.js';
import type { PagingDefaults } from './document-lines.js';
import type { QueryItem, QueryLine } from './endpoint-lines.js';
import { splitTopLevel } from './endpoint-lines.js';
import { schemaFromFieldName, schemaFromPathParameter } from './field-name-types.js';
import { ENUM_ELSEWHERE } from './enum-elsewhere.js';

const TYPE_KEYS = new Set(['type', 'format', 'items', '$ref', 'enum', 'additionalProperties']);
const RANGE = /^(?:min|max)_(.+)$/;

/** A field's node reduced to its type, for a parameter that filters on that field. */
function typeOf(node: SchemaNode): SchemaNode {
  return Object.fromEntries(Object.entries(node).filter(([key]) => TYPE_KEYS.has(key)));
}

/** Path parameters from `{user_id}`: the entity key's type when they select it, else by name. */
/** `rowKey`: under a row's path (`/bookings/{id}/cancel`), its parameter and the row's key type. */
export function pathParameters(route: string, line: number, keyType: SchemaNode | undefined, fields: Map<string, SchemaNode>, rowKey?: { name: string; schema: SchemaNode }): ApiParameter[] {
  return [...route.matchAll(/\{([^}/]+)\}/g)].map(([, name]) => {
    const field = fields.get(name!);
    const schema = field ? typeOf(field) : rowKey !== undefined && name === rowKey.name ? rowKey.schema : (keyType ?? schemaFromPathParameter(name!));
    return { name: name!, in: 'path', required: true, schema: { ...schema, [SOURCE_LINE]: line } };
  });
}

function pageParameter(paging: PagingDefaults, line: number, name = paging.pageName ?? 'page', item?: QueryItem): ApiParameter {
  const page = countOf(item?.defaultText) ?? paging.page;
  return { name, in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: page, [SCHEMA_HINTS.paging]: 'page', [SOURCE_LINE]: line } };
}

/** A whole number of one or more as written (`10`), else undefined. */
function countOf(text: string | undefined): number | undefined {
  const value = text === undefined ? NaN : Number(text.trim());
  return Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** The list's page number and page size, by the name the document gives them or one people give them (`seite`, `pro_seite`, `pageSize`). */
function namesPage(name: string, paging: PagingDefaults): boolean {
  return name === paging.pageName || PAGE_PARAMETER_NAMES.has(toSnake(name));
}

function namesLimit(name: string, paging: PagingDefaults): boolean {
  return name === paging.limitName || LIMIT_PARAMETER_NAMES.has(toSnake(name));
}

/** A page size: the default and bound the list's own query table gives it (`pageSize | Integer | 否 | 10 | 每页条数，最大 50`), else the document's. */
function limitParameter(paging: PagingDefaults, line: number, name = paging.limitName ?? 'limit', item?: QueryItem): ApiParameter {
  const given = countOf(item?.defaultText);
  const maximum = item?.maximum !== undefined && Number.isInteger(item.maximum) && item.maximum >= 1 ? item.maximum : Math.max(paging.maxLimit, given ?? 0);
  const limit = Math.min(given ?? paging.limit, maximum);
  return { name, in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum, default: limit, [SCHEMA_HINTS.paging]: 'limit', [SOURCE_LINE]: line } };
}

/** A filter's note asking for rows whose text holds the value: `部门名称，模糊查询`, `name (partial match)`. */
const PARTIAL_MATCH = /模糊|部分一致|あいまい|曖昧|부분\s*일치|\bpartial(?:ly)?[\s-]+match(?:es|ing)?\b|\b(?:substring|fuzzy)\b|\bcontains\b|\bcase[\s-]insensitive\s+search\b|\bcoincidencia\s+parcial\b|\bb[uú]squeda\s+parcial\b|\brecherche\s+partielle\b|\bTeil(?:string|suche)\b|\bricerca\s+parziale\b|tìm\s+(?:kiếm\s+)?gần\s+đúng/iu;

/**
 * One query parameter: `page`/`limit` integers with the document's defaults, `sort` an enum of
 * the values in its parentheses, a field's name its type, `min_X`/`max_X` X's type, else by name.
 */
function queryParameter(item: QueryItem, line: number, paging: PagingDefaults, fields: Map<string, SchemaNode>): ApiParameter {
  if (namesPage(item.name, paging)) return pageParameter(paging, line, item.name, item);
  if (namesLimit(item.name, paging)) return limitParameter(paging, line, item.name, item);
  let schema: SchemaNode;
  const field = fields.get(item.name) ?? fields.get(RANGE.exec(item.name)?.[1] ?? '');
  const sorting = SORT_NAMES.has(toSnake(item.name)) && item.note !== undefined ? sortTermsOf(item.note, item.defaultText) : undefined;
  if (sorting && sorting.values.length > 0) schema = { type: 'string', enum: sorting.values, ...(sorting.default !== undefined ? { default: sorting.default } : {}) };
  else if (field) schema = typeOf(field);
  else if (item.type?.kind === 'scalar') schema = { ...item.type.schema };
  else if (item.type?.kind === 'enum') schema = { type: 'string', enum: item.type.values };
  else schema = schemaFromFieldName(item.name);
  // `keyword`, `search`, `q`: a text searched for in the field its note names (derive/filters.ts searchedField).
  const searching = SEARCH_PARAMETER_NAMES.test(toSnake(item.name)) && item.note !== undefined;
  const matching = item.note !== undefined && (PARTIAL_MATCH.test(item.note) || searching) ? { [SCHEMA_HINTS.match]: 'contains' } : {};
  // A note saying what the parameter is (`按商品名称模糊`), not only its role (`filter`), describes it.
  const described = item.note !== undefined && !/^\s*(?:filters?|search|sort|paging|page|optional|required|exact|筛选|过滤|排序|分页)?\s*$/iu.test(item.note);
  const elsewhere = item.valuesElsewhere && !field ? { [ENUM_ELSEWHERE]: true, [SOURCE_LINE]: item.valuesElsewhere.line } : { [SOURCE_LINE]: line };
  return { name: item.name, in: 'query', required: false, ...(described ? { description: item.note!.trim() } : {}), schema: { ...schema, ...matching, ...elsewhere } };
}

/** What lists name the parameter that orders them. */
const SORT_NAMES = new Set(['sort', 'sort_by', 'order_by', 'ordering', 'sort_field']);
/** A sort term as written: a field's name, `-` before it for descending. */
const SORT_TERM = /^[+-]?[A-Za-z_][\w.]*$/;
/** `prefix with - for descending`, `加 - 表示降序`: every term also sorts the other way. */
const DESCENDING_PREFIX = /prefix(?:ed)?\s+(?:it\s+|them\s+)?(?:with\s+)?[`'"]?-|[`'"]-[`'"]?\s*(?:for|=|means?|:)\s*desc|(?:前缀|加|前加|前面加)\s*[`'"]?-|-\s*(?:表示|为)\s*降序/iu;
/** Words that introduce examples: `e.g.`, `i.e.`, `such as`, `like`, `例如`, `比如`, `z. B.`, `p. ej.`. */
const EXAMPLE_LEAD = /(?<![\p{L}])(?:e\.\s?g\.?|i\.\s?e\.?|eg\.|ex\.|such\s+as|for\s+example|z\.\s?B\.|p\.\s?ej\.|par\s+ex(?:\.|emple)|例如|比如|如：|例：|例:)[,:：]?\s*/giu;
/** `Default \`-issue_date\``, `默认 -createTime`, `price (default)`. */
const SORT_DEFAULT = /(?:\bdefaults?(?:\s+(?:to|is))?|默认(?:为|是)?)\s*[:：]?\s*[`'"]?([+-]?[A-Za-z_][\w.]*)/iu;

/**
 * The values a sort parameter's note lists: its code spans where it has some (`` `name`, `-joined_on` 중 하나 ``),
 * else the names listed before the first remark (`name or created_at; prefix with - for descending`),
 * each a bare term (`price, -price (default)`); with their descending forms where the note says a
 * `-` reverses them, and the default it names when that is one of them.
 */
function sortTermsOf(written: string, defaultText?: string): { values: string[]; default?: string } {
  // `e.g. createdAt or -createdAt`: the example's terms; its dots end no sentence.
  const note = written.replace(EXAMPLE_LEAD, '');
  const spans = [...note.matchAll(/`([^`]+)`/g)].map((span) => span[1]!.trim());
  // `排序字段：hireDate、empNo`: the list after its label.
  const listed = note.split(/[;；]|[.。](?:\s|$)/u)[0]!.replace(/^[^:：`]{0,24}[:：]\s*/u, '');
  const entries = spans.length > 0 ? spans : splitTopLevel(listed).flatMap((part) => part.split(/\s*(?:\bor\b|\/|\||、|，|或者|或)\s*/u));
  // Each entry's leading term, unless English words follow it (`prefix with - for descending` is a remark, `-joined_on 중 하나` a term).
  const terms = entries.flatMap((entry) => {
    const term = /^[+-]?[A-Za-z_][\w.]*/.exec(entry.trim())?.[0];
    const rest = term === undefined ? '' : entry.trim().slice(term.length);
    const remark = rest.replace(/\s*[(（](?:default|默认)[)）]\s*$/iu, '');
    return term !== undefined && SORT_TERM.test(term) && !/[A-Za-z]{2,}/.test(remark) ? [term] : [];
  });
  const values = [...new Set(terms)];
  if (DESCENDING_PREFIX.test(note)) for (const term of [...values]) if (!/^[+-]/.test(term) && !values.includes(`-${term}`)) values.push(`-${term}`);
  const marked = entries.find((entry) => /[(（](?:default|默认)[)）]$/iu.test(entry.trim()))?.trim().replace(/\s*[(（].*$/u, '');
  const named = marked ?? SORT_DEFAULT.exec(note)?.[1] ?? defaultText?.trim();
  return { values, ...(named !== undefined && values.includes(named) ? { default: named } : {}) };
}

/** The query parameters of a `Query:` line; a list endpoint always takes `page` and `limit`. */
export function queryParameters(query: QueryLine | undefined, fallbackLine: number, paging: PagingDefaults, fields: Map<string, SchemaNode>, isList: boolean): ApiParameter[] {
  const line = query?.line ?? fallbackLine;
  const parameters = (query?.items ?? []).map((item) => queryParameter(item, line, paging, fields));
  if (!isList) return parameters;
  const missing = [
    ...(parameters.some((p) => namesPage(p.name, paging)) ? [] : [pageParameter(paging, line)]),
    ...(parameters.some((p) => namesLimit(p.name, paging)) ? [] : [limitParameter(paging, line)]),
  ];
  return [...missing, ...parameters];
}
