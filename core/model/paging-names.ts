/**
 * The names people give a list's page number and page size (snake_case), in the languages the
 * readers know: one list for every parser and for the derivation, so that a name one reads as the
 * page is the page for all.
 */
export const PAGE_PARAMETER_NAMES: ReadonlySet<string> = new Set(['page', 'page_num', 'page_no', 'page_number', 'page_index', 'current_page', 'current', 'seite', 'pagina', 'trang', 'halaman', 'strona', 'sayfa']);

export const LIMIT_PARAMETER_NAMES: ReadonlySet<string> = new Set([
  'limit',
  'page_size',
  'pagesize',
  'per_page',
  'items_per_page',
  'page_limit',
  'size',
  'pro_seite',
  'seitengroesse',
  'por_pagina',
  'per_pagina',
  'tamano_pagina',
  'tamanho_pagina',
  'par_page',
  'taille_page',
  'so_luong',
  'kich_thuoc_trang',
  // The size alone, as Spanish, Portuguese, German, Indonesian and Polish lists name it beside their page.
  'tamano',
  'tamaño',
  'tamanho',
  'groesse',
  'größe',
  'per_halaman',
  'rozmiar',
  // OData's `$top`, and `maxResults`.
  'dollar_top',
  'max_results',
]);

/**
 * The names of the count of rows a list skips (`offset`, PeerTube's `start`, Jira's `startAt`,
 * OData's `$skip`): read as one only where it is an integer, and the list takes no page number.
 */
export const OFFSET_PARAMETER_NAMES: ReadonlySet<string> = new Set(['offset', 'skip', 'start', 'start_at', 'start_index', 'first_result', 'dollar_skip']);

/** Names of a page's size only beside an offset (`start` and `count`, `skip` and `take`). */
export const OFFSET_LIMIT_NAMES: ReadonlySet<string> = new Set(['count', 'take']);

/** Names (snake_case) of a page wrapper's link to the next page (Azure's and OData's `nextLink`, `next`). */
export const NEXT_LINK_NAMES: ReadonlySet<string> = new Set(['next_link', 'next', 'next_url', 'next_page_url', 'next_page_link', 'odata_next_link']);

/** Names (snake_case) of a page's count of all the rows, in a page wrapper. */
export const TOTAL_NAMES: ReadonlySet<string> = new Set(['total', 'count', 'total_count', 'total_items', 'total_results']);

/** Names (snake_case) of a list's free-text search parameter, for the markdown reader that marks it and the derivation that maps it to a field. */
export const SEARCH_PARAMETER_NAMES = /^(?:keywords?|kw|search|q|query|search_?key(?:word)?|search_?text|search_?term|term|fuzzy)$/;

/** Segments naming a collection's list: `/category/list`, `/product/page`, `/users/all`, `/orders/listPage`. */
export const LIST_SEGMENT = /^(?:list|lists|page|pages|all|query|search|find|findAll|listAll|list-all|list_all|listPage|pageList|page-list|page_list|getList|queryList|queryPage|paging)$/i;
