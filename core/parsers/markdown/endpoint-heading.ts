import type { HttpMethod } from '../../model/api-document.js';
import { markdownError } from './errors.js';
import { queryNamesOfPath, readInlineQuery } from './endpoint-lines.js';

export interface EndpointHeading {
  method: HttpMethod;
  /** The path as written, base path included. */
  path: string;
  summary?: string;
  /** Query parameters named in passing: in the path's query string, or by the title (`filter by status`). */
  queryNames?: string[];
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const METHOD_WORDS = 'GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE';
/** A path or a URL: `/users/{id}`, `https://api.example.com/v1/users`. */
const TICK = '`';
/** CJK and fullwidth punctuation (`，`, `。`, `（`, `：`, `【`): it ends a path written in Chinese or Japanese prose. */
export const WIDE_PUNCTUATION = String.raw`\u3000-\u303F\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65`;
const PATH = String.raw`((?:https?:\/\/[^\s/]+)?\/[^\s${TICK}'"<>)\]${WIDE_PUNCTUATION}]*(?:<[^>\s]+>[^\s${TICK}'")\]${WIDE_PUNCTUATION}]*)*)`;
/** `METHOD /path` anywhere in a heading or a table cell; the method in capitals. */
// `### [GET] /api/recipes 取得食譜列表`, `【POST】/users`: the method in brackets.
const ANYWHERE = new RegExp(String.raw`(?:^|[^A-Za-z])(${METHOD_WORDS})(?:\s+|[\]】)]\s*)${PATH}`);
/** `method /path` opening a line (after a short label such as `Endpoint:` or `接口：`), any case. */
const OPENING = new RegExp(String.raw`^(?:[\p{L}\p{N} ]{1,24}[:：]\s*)?(${METHOD_WORDS})\s+${PATH}`, 'iu');
/**
 * A short title, a dash or a colon, then `METHOD /path` in capitals: a list item or line that names
 * its endpoint after its title (`**Lister les adhérents** — GET /adherents`, `Create a pet: POST /pets`).
 */
const TITLED = new RegExp(String.raw`^[^\n]{1,80}?(?:\s(?:[—–→|]|-{1,2})|[:：])\s*(${METHOD_WORDS})\s+${PATH}`, 'u');
/**
 * An all-capitals word before a path that is no method (`FETCH /users`): a mistake, not prose. A
 * slash between words (`TODO / later`, `FAQ / help`) is no path.
 */
const UNKNOWN_METHOD = /^([A-Z]{3,10})\s+\/[\w{:<]/;
/** Emoji, pictographs and what joins them; they decorate headings. */
// Emoji, and the arrows and triangles of exported toggles and callouts (`▸ POST /api/members`, `► GET /x`).
const DECORATION = /[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{20E3}\u{1F3FB}-\u{1F3FF}\u{25B6}-\u{25BB}\u{25B2}-\u{25B5}\u{25BC}-\u{25C1}\u{2023}\u{2043}\u{27A4}\u{2794}\u{279C}\u{27A1}]/gu;
/** `1.`, `1.2`, `(3)`, `①`, `一、`, `II.` opening a heading. */
const NUMBERING = /^(?:\(?\d+(?:\.\d+)*[.)、:]?|[①-⑳]|[一二三四五六七八九十]+[、.．]|[IVX]+\.)\s+|^[一二三四五六七八九十]+、\s*/u;
/** Words around an endpoint that only say "this is an endpoint". */
const ENDPOINT_LABELS = /^(?:endpoint|route|url|api|path|接口|地址|请求|路径|request|ruta|chemin|pfad|エンドポイント)$/i;
const SEPARATORS = /^[\s—–\-:：|·•→=>,()[\]]+|[\s—–\-:：|·•→=>,()[\]]+$/g;

/** A heading's text without emoji and leading numbering (`## 1. Doctors 👩‍⚕️` → `Doctors`). */
export function cleanHeadingText(text: string): string {
  return text.replace(DECORATION, ' ').replace(/\s+/g, ' ').trim().replace(NUMBERING, '').trim();
}

/**
 * A title of a few words, a space, then `METHOD /path` in capitals ending the line or set apart
 * from what follows (`- 注册 POST /users`, `- 改资料 PATCH /users/{id}   body 同上`); a sentence going on
 * after the path (`Use POST /users to register`) is prose.
 */
const SPACED = new RegExp(
  String.raw`^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{1,12}|[\p{L}\p{N}'’-]+(?:\s+[\p{L}\p{N}'’-]+){0,3})\s+(${METHOD_WORDS})\s+${PATH}(?=$|\s*(?:\/\/|[—–(（:：]|-\s))`,
  'u',
);

/**
 * Finds `METHOD /path` in a heading, a table cell or (with `opening`) at the start of a line, with
 * the title before or after it: `` `POST /v1/doctors` Create doctor ``, `Create doctor — POST /doctors`,
 * `1.1 新增读者 POST /readers`, `[GET /projects](#list)`. Returns undefined when there is none; an
 * all-capitals word before a path that is no HTTP method (`FETCH /users`) is a mistake.
 */
export function readEndpointText(written: string, file: string, line: number, where: 'anywhere' | 'opening' = 'anywhere'): EndpointHeading | undefined {
  let text = cleanHeadingText(written);
  let match = (where === 'opening' ? (OPENING.exec(text) ?? TITLED.exec(text)) : ANYWHERE.exec(text)) ?? (where === 'anywhere' ? OPENING.exec(text) : null);
  if (!match && where === 'opening') {
    // Spaces setting a note apart from the path (`PATCH /users/{id}   body 同上`) read as the dash they stand for.
    const spaced = cleanHeadingText(written.replace(/(\S)[ \t]{2,}(?=\S)/g, '$1 — '));
    match = SPACED.exec(spaced);
    if (match) text = spaced;
  }
  if (!match) {
    const unknown = UNKNOWN_METHOD.exec(text);
    if (unknown && !METHODS.includes(unknown[1]!.toLowerCase() as HttpMethod)) {
      throw markdownError(file, line, `unknown HTTP method ${unknown[1]!} in the endpoint heading: expected ${METHODS.map((m) => m.toUpperCase()).join(', ')}`);
    }
    return undefined;
  }
  const method = match[1]!.toLowerCase() as HttpMethod;
  const path = cleanPath(match[2]!);
  const start = match.index + match[0].indexOf(match[1]!);
  const before = text.slice(0, start).replace(SEPARATORS, '').trim();
  const after = text.slice(match.index + match[0].length).replace(SEPARATORS, '').trim();
  const summary = [before, after].filter((part) => part !== '' && !ENDPOINT_LABELS.test(part)).join(' — ');
  const inline = summary !== '' ? readInlineQuery(summary) : undefined;
  const title = inline ? inline.summary : summary;
  const query = [...new Set([...queryNamesOfPath(match[2]!), ...(inline?.names ?? [])])];
  return { method, path, ...(title !== '' ? { summary: title } : {}), ...(query.length > 0 ? { queryNames: query } : {}) };
}

/**
 * API Blueprint's headings: a resource's (`### Customers Collection [/customers{?page,per_page}]`),
 * whose actions name only their method (`#### List customers [GET]`), or an action's with its path
 * (`### Create a customer [POST /customers]`, read as any `METHOD /path` heading is).
 */
const BLUEPRINT_RESOURCE = /^(.*?)\s*\[\s*(\/[^\]\s]*)\s*\]\s*$/;
const BLUEPRINT_ACTION = new RegExp(String.raw`^(.*?)\s*\[\s*(${METHOD_WORDS})\s*\]\s*$`);

export function readBlueprintResource(heading: string): { name: string; path: string; queryNames: string[] } | undefined {
  const match = BLUEPRINT_RESOURCE.exec(cleanHeadingText(heading));
  return match ? { name: match[1]!.trim(), path: cleanPath(match[2]!), queryNames: queryNamesOfPath(match[2]!) } : undefined;
}

/** `#### List customers [GET]` under a resource's heading: the method and the action's name. */
export function readBlueprintAction(heading: string): { method: HttpMethod; summary: string } | undefined {
  const match = BLUEPRINT_ACTION.exec(cleanHeadingText(heading));
  return match ? { method: match[2]!.toLowerCase() as HttpMethod, summary: match[1]!.trim() } : undefined;
}

/**
 * The path of a route as written: a URL's path, no query string or trailing punctuation,
 * `:id` and `<id>` parameters written `{id}`.
 */
export function cleanPath(written: string): string {
  let path = written.replace(/^https?:\/\/[^/]+/, '').replace(/\{[?&][^}]*\}/g, '');
  path = path.replace(/[?#].*$/, '').replace(/[.,;:]+$/, '');
  path = path.replace(/<(?:[a-z]+:)?([A-Za-z_][A-Za-z0-9_]*)>/g, '{$1}').replace(/\/:([A-Za-z_][A-Za-z0-9_]*)/g, '/{$1}');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** `/api/users` → `/users` when the base path is `/api`; OpenAPI paths are relative to the server. */
export function stripBasePath(route: string, basePath: string): string {
  if (basePath === '' || !route.startsWith(basePath)) return route;
  const rest = route.slice(basePath.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : route;
}

/** Leading path segments that name a prefix rather than a resource (`/api`, `/v1`, `/api/v2`). */
const PREFIX_SEGMENT = /^(?:api|apis|rest|v\d+(?:\.\d+)?|api-v\d+)$/i;

/** The prefix every route shares when the document names none: `/api/v2` of `/api/v2/books`. */
export function sharedPrefix(routes: readonly string[]): string {
  if (routes.length === 0) return '';
  const split = routes.map((route) => route.split('/').filter(Boolean));
  const prefix: string[] = [];
  for (let index = 0; ; index += 1) {
    const segment = split[0]![index];
    if (segment === undefined || !PREFIX_SEGMENT.test(segment)) break;
    // A route that is only the prefix (`GET /api`) leaves nothing to route.
    if (split.some((parts) => parts[index] !== segment || parts.length <= index + 1)) break;
    prefix.push(segment);
  }
  return prefix.length === 0 ? '' : `/${prefix.join('/')}`;
}
