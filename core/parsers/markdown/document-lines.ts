/** Lines of prose that carry settings: `Base path: /api`, `Version: 1.2.0`, the paging sentence. */

export interface PagingDefaults {
  page: number;
  limit: number;
  maxLimit: number;
}

export const DEFAULT_PAGING: PagingDefaults = { page: 1, limit: 20, maxLimit: 100 };

const BASE_PATH = /^base\s*(?:path|url)\s*:\s*(\S+)/i;
const VERSION = /^(?:api\s+)?version\s*:\s*(\S+)/i;

function trimPunctuation(value: string): string {
  return value.replace(/[.,;]+$/, '');
}

/** `/api` from `Base path: /api.`; '' for `/`. */
export function readBasePath(line: string): string | undefined {
  const match = BASE_PATH.exec(line);
  if (!match) return undefined;
  const value = trimPunctuation(match[1]!).replace(/\/+$/, '');
  if (value === '') return '';
  return value.startsWith('/') ? value : `/${value}`;
}

export function readVersion(line: string): string | undefined {
  const match = VERSION.exec(line);
  return match ? trimPunctuation(match[1]!) : undefined;
}

/**
 * The paging sentence: a line naming `page` and `limit`, each followed by a parenthesis with
 * `default N` (and for limit `at most N`/`max N`/`up to N`). Missing numbers keep the defaults.
 */
export function readPagingDefaults(line: string): PagingDefaults | undefined {
  const page = /\bpage\b\s*\(([^)]*)\)/i.exec(line)?.[1];
  const limit = /\blimit\b\s*\(([^)]*)\)/i.exec(line)?.[1];
  if (page === undefined && limit === undefined) return undefined;
  const number = (text: string | undefined, pattern: RegExp): number | undefined => {
    const match = text === undefined ? null : pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const defaultOf = /\bdefault(?:s)?\s*(?:is|=|:)?\s*(\d+)/i;
  const maximumOf = /\b(?:at most|max(?:imum)?|up to|<=|≤)\s*(?:is|=|:|of)?\s*(\d+)/i;
  return {
    page: number(page, defaultOf) ?? DEFAULT_PAGING.page,
    limit: number(limit, defaultOf) ?? DEFAULT_PAGING.limit,
    maxLimit: number(limit, maximumOf) ?? DEFAULT_PAGING.maxLimit,
  };
}
