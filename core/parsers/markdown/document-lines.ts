/** Lines of prose that carry settings: `Base path: /api`, `Version: 1.2.0`, the paging sentence. */

import { servedPathOf } from '../../model/served-path.js';
import { LIMIT_PARAMETER_NAMES, PAGE_PARAMETER_NAMES } from '../../model/paging-names.js';
import { toSnake } from '../../naming.js';
import { WIDE_PUNCTUATION } from './endpoint-heading.js';

export interface PagingDefaults {
  page: number;
  limit: number;
  maxLimit: number;
  /** The names the document gives the page and its size (`seite`, `pro_seite`), when not `page` and `limit`. */
  pageName?: string;
  limitName?: string;
}

export const DEFAULT_PAGING: PagingDefaults = { page: 1, limit: 20, maxLimit: 100 };

const TICK = '`';
/** `Base path: /api`, `Base URL: https://host/v1`, `Prefix: /api`, `接口前缀：/api`, `Prefijo: /api`, anywhere in the line. */
const BASE_PATH = new RegExp(
  String.raw`(?:^HOST(?=\s*:)|\bbase[\s-]*(?:path|url|uri)|\b(?:api\s+|url\s+|path\s+)?prefix|接口前缀|路径前缀|前缀|基础路径|基础\s*url|根路径|\bprefijo|\bruta\s+base|\burl\s+base|\bpréfixe|\bchemin\s+de\s+base|\burl\s+de\s+base|\bbasis-?(?:url|pfad)|\bpräfix|tiền tố|đường dẫn gốc|ベース\s*(?:url|パス)|プレフィックス)\s*(?:is|=|:|：)?\s*[${TICK}"']?((?:https?:\/\/[^\s/${TICK}"']+)?\/[^\s${TICK}"'${WIDE_PUNCTUATION}]*)`,
  'iu',
);
/** `Version: 1.2`, and as other languages write it (`Versión`, `Versão`, `Phiên bản`, `バージョン`, `版本`, `버전`); `ver 0.2`, `v: 2` when a number follows. */
const VERSION = /^(?:api\s*)?(?:(?:version|versión|versão|versione|phiên\s+bản|バージョン|版本|버전)\s*[:：]\s*(\S+)|(?:version|ver\.?|v)\s*[:：]?\s*(v?\d[\w.+-]*)$)/iu;

function trimPunctuation(value: string): string {
  return value.replace(/[.,;]+$/, '');
}

/** `/api` from `Base path: /api.`; '' for `/`. */
export function readBasePath(line: string): string | undefined {
  const match = BASE_PATH.exec(line);
  if (!match) return undefined;
  return servedPathOf(trimPunctuation(match[1]!));
}

/** A clause of a longer line that is a dotted version alone: `Stand: März 2024, Version 0.4.0`, `Rev. 3 · versión 1.2`. */
const VERSION_CLAUSE = /(?:^|[,;|·]\s*|\s[–—-]\s)(?:version|versión|versão|versione|phiên\s+bản|バージョン|版本|버전|ver\.?)\s*[:：]?\s*(v?\d+(?:\.\d+)+[\w+-]*)\s*[.,;]?\s*(?=$|[,;|·])/iu;

export function readVersion(line: string): string | undefined {
  const match = VERSION.exec(line.trim()) ?? VERSION_CLAUSE.exec(line.trim());
  return match ? trimPunctuation(match[1] ?? match[2]!) : undefined;
}

/**
 * The paging sentence: a line naming `page` and `limit`, each followed by a parenthesis with
 * `default N` (and for limit `at most N`/`max N`/`up to N`). Missing numbers keep the defaults.
 */
export function readPagingDefaults(line: string): PagingDefaults | undefined {
  const named = readNamedPaging(line);
  if (named) return named;
  const page = /\bpage\b`?\s*[(（]([^)）]*)[)）]/i.exec(line)?.[1];
  const limit = /\b(?:limit|page_size|pagesize|per_page|size)\b`?\s*[(（]([^)）]*)[)）]/i.exec(line)?.[1];
  if (page === undefined && limit === undefined) return undefined;
  const number = (text: string | undefined, pattern: RegExp): number | undefined => {
    const match = text === undefined ? null : pattern.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  const defaultOf = /(?:\bdefaults?|默认(?:值)?|por defecto|par défaut|standard)\s*(?:is|=|:|：|为|是)?\s*(\d+)/i;
  const maximumOf = /(?:\bat most|\bmax(?:imum)?|\bup to|<=|≤|最大(?:值)?|最多|máximo|au plus)\s*(?:is|=|:|：|of|为|是)?\s*(\d+)/i;
  return {
    page: number(page, defaultOf) ?? DEFAULT_PAGING.page,
    limit: number(limit, defaultOf) ?? DEFAULT_PAGING.limit,
    maxLimit: number(limit, maximumOf) ?? DEFAULT_PAGING.maxLimit,
  };
}

/** A word saying lists come in pages: `paginated`, `paginiert`, `paginadas`, `paginación`, `paginées`, `phân trang`, `分页`, `ページ`. */
const PAGED = /\bpaginat|\bpaged\b|\bpaginier|\bpagina[dnt]|\bseitenweise|\bpaginasi|\bpaginaci[óo]n|\bpaginação|\bpaginé|phân trang|分页|ページ|페이지네이션|페이징|페이지\s*단위/iu;
const DEFAULT_WORD = /(?:\bdefaults?|\bstandard|por defecto|par défaut|predeterminad|predefinit|padrão|mặc định|默认|既定|デフォルト|기본값?)\D{0,12}?(\d+)(?:\D{1,12}?(\d+))?/iu;
const MAXIMUM_WORD = /(?:\bat most|\bmax(?:imum)?|\bup to|\bcap(?:ped\s+at)?|máximo|massimo|maximal|höchstens|au plus|tối đa|최대|最大|最多)\D{0,6}?(\d+)/iu;
/** `page + per_page (default 1 / 30)`: two names joined before the parenthesis, as a hurried line gives them. */
const JOINED_NAMES = /([A-Za-z_][A-Za-z0-9_]*)`?\s*(?:\+|&|,|\/|\band\b|\by\b|\be\b|\bund\b|\bet\b)\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s*[(（]/iu;

/** The defaults a paging sentence gives, named: the page's and the size's, the size's bound. */
function pagingOf(pageName: string, limitName: string, page: number | undefined, limit: number | undefined, maxLimit: number | undefined): PagingDefaults {
  return {
    page: page ?? DEFAULT_PAGING.page,
    limit: limit ?? DEFAULT_PAGING.limit,
    maxLimit: maxLimit ?? DEFAULT_PAGING.maxLimit,
    ...(pageName !== 'page' ? { pageName } : {}),
    ...(limitName !== 'limit' ? { limitName } : {}),
  };
}

/**
 * `分页请求参数统一为 current（当前页，默认 1）和 size（每页条数，默认 10）`: the page and its size each
 * named with a parenthesis of its own, names people give them.
 */
function readEachNamed(text: string): PagingDefaults | undefined {
  const named = [...text.matchAll(/([A-Za-z_][A-Za-z0-9_]*)`?\s*[(（]([^)）]*)[)）]/g)].map((m) => ({ name: m[1]!, inside: m[2]! }));
  const page = named.find(({ name }) => PAGE_PARAMETER_NAMES.has(toSnake(name)));
  const limit = named.find(({ name }) => LIMIT_PARAMETER_NAMES.has(toSnake(name)));
  if (!page || !limit) return undefined;
  const first = (pattern: RegExp, inside: string) => {
    const match = pattern.exec(inside);
    return match ? Number(match[1]) : undefined;
  };
  return pagingOf(page.name, limit.name, first(DEFAULT_WORD, page.inside), first(DEFAULT_WORD, limit.inside), first(MAXIMUM_WORD, limit.inside));
}

/** `aceptan ?pagina= y ?por_pagina= (por defecto 20, máximo 50)`: the two named as sent, the numbers the size's. */
function readQueryPaging(line: string): PagingDefaults | undefined {
  const sent = [...line.matchAll(/\?([A-Za-z_][A-Za-z0-9_]*)=/g)].map((m) => m[1]!);
  const pageName = sent.find((name) => PAGE_PARAMETER_NAMES.has(toSnake(name)));
  const limitName = sent.find((name) => LIMIT_PARAMETER_NAMES.has(toSnake(name)));
  if (pageName === undefined || limitName === undefined) return undefined;
  const defaults = DEFAULT_WORD.exec(line);
  const maximum = MAXIMUM_WORD.exec(line);
  return pagingOf(pageName, limitName, undefined, defaults ? Number(defaults[1]) : undefined, maximum ? Number(maximum[1]) : undefined);
}

/**
 * A paging sentence naming the page and its size in a parenthesis, in that order, in any language:
 * "Listen-Endpunkte sind paginiert (`seite`, `pro_seite`; Standard 1 bzw. 25)". The numbers after
 * a default word are the page's and the size's defaults.
 */
function readNamedPaging(line: string): PagingDefaults | undefined {
  const paged = PAGED.exec(line);
  // `pagina` (empieza en 1) y `tamano` (por defecto 20, máximo 50): names known as a page's and its size's say it alone.
  if (!paged) return readEachNamed(line) ?? readQueryPaging(line);
  const each = readEachNamed(line.slice(paged.index));
  if (each) return each;
  // The parenthesis after the word (code spans are plain text by now): its parts that are one name each.
  const inside = /[(（]([^)）]*)[)）]/.exec(line.slice(paged.index))?.[1] ?? '';
  const inParenthesis = inside.split(/[,;，；、]/).map((part) => part.trim()).filter((part) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(part));
  const joined = JOINED_NAMES.exec(line.slice(paged.index));
  const names = inParenthesis.length === 2 ? inParenthesis : joined ? [joined[1]!, joined[2]!] : [];
  if (names.length !== 2) return undefined;
  const defaults = DEFAULT_WORD.exec(line);
  const maximum = MAXIMUM_WORD.exec(line);
  const [pageName, limitName] = names as [string, string];
  return {
    page: defaults?.[2] !== undefined ? Number(defaults[1]) : DEFAULT_PAGING.page,
    limit: defaults ? Number(defaults[2] ?? defaults[1]) : DEFAULT_PAGING.limit,
    maxLimit: maximum ? Number(maximum[1]) : DEFAULT_PAGING.maxLimit,
    ...(pageName !== 'page' ? { pageName } : {}),
    ...(limitName !== 'limit' ? { limitName } : {}),
  };
}
