import type { Endpoint } from './document-outline.js';
import type { FieldTable } from './field-table.js';

/** Methods that take no body: a table right under one lists something else. */
export const TAKES_NO_BODY = new Set(['get', 'delete', 'head']);
/** Words of a field's name or note that make it a query parameter: a filter, a page, a sort. */
const QUERY_WORDS = /^(?:page|page_?size|size|limit|offset|per_?page|sort|order|order_?by|q|query|keyword|search)$|filter|search|筛选|过滤|搜索|分页|排序|filtr|búsqueda|recherche|suche|tìm|lọc|検索|絞り/iu;

/**
 * What a table right under a `GET` (or `DELETE`) without a label lists, as the method takes no
 * body: the response's fields where it names the key (`id`) or something is required of it, or
 * it sits under one row's path; else, a collection's query parameters when its header names
 * parameters or one of them reads as a filter, a page or a sort; else the response.
 */
export function unlabelledTableOf(endpoint: Endpoint, fields: FieldTable): 'response' | 'query' {
  if (endpoint.method !== 'get') return 'query';
  if (/\}$/.test(endpoint.path) || fields.rows.some((row) => row.name === 'id')) return 'response';
  // `| 参数 | 类型 | 必填 | 说明 |` under a list: what it is asked with, even a filter alone (`status`).
  if (fields.namesParameters) return 'query';
  const filters = fields.rows.some((row) => QUERY_WORDS.test(row.name) || QUERY_WORDS.test(row.description ?? ''));
  return filters && fields.rows.every((row) => !row.required) ? 'query' : 'response';
}
