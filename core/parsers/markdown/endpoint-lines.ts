import type { HttpMethod } from '../../model/api-document.js';
import { markdownError } from './errors.js';
import type { FieldTable } from './field-table.js';
import { parseTypeExpression, EXPECTED_TYPES, type TypeExpression } from './type-expression.js';

/** What a `Response 200: page of User — id, email` line says. */
export interface ResponseLine {
  status: string;
  /** The body: a named type, an array of one, a page of one; absent for no body. */
  body?: { shape: 'single' | 'array' | 'page'; typeName: string };
  /** Field names listed after the dash. */
  fields: string[];
  /** A field table right below the line: the fields of the response type, with their types. */
  table?: FieldTable;
  line: number;
}

export interface QueryItem {
  name: string;
  /** The text in parentheses after the name (`filter`, `price, -price`). */
  note?: string;
  /** The type a query table gives it. */
  type?: TypeExpression;
  /** Its default and bounds as a query table writes them (`默认值` 10, "最大 50"). */
  defaultText?: string;
  maximum?: number;
  /** Typed `enum` with no values in its row: another table of the document lists them (enum-elsewhere.ts), on this line. */
  valuesElsewhere?: { line: number };
}

export interface QueryLine {
  items: QueryItem[];
  line: number;
}

const RESPONSE_WORDS = String.raw`(?:(?:example|sample)\s+responses?|exemplo\s+de\s+resposta|ejemplo\s+de\s+respuesta|exemple\s+de\s+réponse|responses?(?:\s+(?:example|sample))?|returns?|response\s+body|返回示例|响应示例|resposta|retorno|返回(?:参数|值|结果|数据|字段)?|响应(?:参数|体|结果|字段)?|出参|列表项(?:字段)?|列表字段|list\s+item\s+fields|each\s+list\s+item|respuesta|réponse|antwort|phản hồi|kết quả|レスポンス(?:ボディ|例|本文)?|応答(?:ボディ|例)?|戻り値|응답(?:\s*(?:바디|본문|예시|필드|데이터))?|리스폰스(?:\s*바디)?|반환\s*값)`;
const STATUS_TEXT = String.raw`(?:ok|created|accepted|no content|成功|已创建)`;
/** `Response 200: User`, `Response 201 Created → Doctor`, `Response (201)`, `レスポンス（201）`, `返回：Reader`, `Returns: page of User`, `Response:`. */
const RESPONSE = new RegExp(String.raw`^${RESPONSE_WORDS}\s*[(（[]?\s*(\d{3}|[1-5]xx)?\s*(?:${STATUS_TEXT}\b)?\s*[)）\]]?\s*(?:[:：→=>—–-]+\s*(.*?))?\s*(?:[(（][^)）\d][^)）]*[)）])?\s*[:：]?$`, 'iu');
const QUERY_WORDS = String.raw`(?:query(?:\s+(?:param(?:eter)?s?|string))?|params?|parameters|filters?|查询参数|查询条件|筛选(?:条件)?|参数|parámetros(?:\s+de\s+consulta)?|filtros|paramètres(?:\s+de\s+requête)?|filtres|abfrageparameter|parameter|filter|tham số(?:\s+truy vấn)?|クエリ(?:パラメータ)?|パラメータ|쿼리(?:\s*(?:파라미터|스트링))?|요청\s*파라미터|파라미터|검색\s*조건)`;
/** `Query: page, limit, email (filter)`, `Params: \`page\`, \`page_size\``, `查询参数：page、limit`. */
const QUERY = new RegExp(String.raw`^${QUERY_WORDS}\s*[:：]\s*(.+)$`, 'iu');
/** A label with nothing after it: the table below lists query parameters. */
const QUERY_LABEL = new RegExp(String.raw`^(?:path\s+)?${QUERY_WORDS}\s*[:：]?$`, 'iu');
/** A label with nothing after it: the table below is the request body. */
const BODY_LABEL =
  /^(?:(?:example|sample)\s+request(?:\s+body)?|request\s+(?:example|sample)|请求示例|exemplo\s+de\s+requisição|ejemplo\s+de\s+(?:petición|solicitud)|exemple\s+de\s+requête|corpo(?:\s+da\s+(?:requisição|solicitação))?|request(?:\s+(?:body|payload|params?|parameters|fields))?|(?:request\s+)?body|payload|input|请求(?:参数|体|字段|body)?|入参|body\s*参数|cuerpo(?:\s+de\s+la\s+(?:petición|solicitud))?|corps(?:\s+de\s+la\s+requête)?|requête|anfrage(?:körper)?|request-body|nội dung(?:\s+yêu cầu)?|yêu cầu|リクエスト(?:ボディ|パラメータ)?|요청(?:\s*(?:바디|본문|필드|데이터))?|리퀘스트(?:\s*바디)?|바디)\s*(?:\(json\))?\s*[:：]?$/iu;
const DASH = /\s+(?:—|–|-)\s+|\s*(?:—|–)\s*/;
const PAGE_OF = /^(?:page|paged\s+list|paginated\s+list|分页)\s*(?:of\s+)?(.+)$/i;

/** Splits at commas outside parentheses: `a, b (x, y)` → `a`, `b (x, y)`. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export function isBodyLabel(text: string): boolean {
  return BODY_LABEL.test(withoutMediaType(text).trim());
}

/** `Response 201 (application/json)`, `Request (application/json; charset=utf-8)` (API Blueprint): the label without its media type. */
function withoutMediaType(text: string): string {
  return text.replace(/\s*[(（]\s*(?:application|text|multipart|image|audio|video|font|\*)\/[\w.+*-]+(?:\s*;[^)）]*)?\s*[)）]/iu, '');
}

/** Methods named in a label's parentheses: `Request body (POST/PUT)`, `Corps de la requête (POST) :`. */
const LABEL_METHODS = /\s*[(（]\s*((?:GET|POST|PUT|PATCH|DELETE)(?:\s*(?:[/,、，&+]|and|et|y|und|và|和)\s*(?:GET|POST|PUT|PATCH|DELETE))*)\s*[)）]\s*/i;

/**
 * A request-body label, with the methods it names in parentheses (none named: undefined
 * methods). Undefined when the text is no body label.
 */
export function readBodyLabel(written: string): { methods?: HttpMethod[] } | undefined {
  const text = withoutMediaType(written);
  const named = LABEL_METHODS.exec(text);
  const label = named ? text.replace(named[0], ' ') : text;
  if (!isBodyLabel(label.replace(/\s+([:：])/, '$1'))) return undefined;
  if (!named) return {};
  return { methods: named[1]!.split(/[^A-Za-z]+/).filter((word) => /^(?:get|post|put|patch|delete)$/i.test(word)).map((word) => word.toLowerCase() as HttpMethod) };
}

export function isQueryLabel(text: string): boolean {
  return QUERY_LABEL.test(text.trim());
}

/**
 * A response line. Its status is the one written, else `default` (the method's); a type that does
 * not read as one (`返回：成功`) leaves the response without a body.
 */
export function readResponseLine(text: string, file: string, line: number, defaultStatus = '200'): ResponseLine | undefined {
  const match = RESPONSE.exec(withoutMediaType(text).trim());
  if (!match) return undefined;
  const status = (match[1] ?? defaultStatus).toUpperCase();
  const [typeText = '', fieldText = ''] = (match[2] ?? '').replace(/[.。]$/, '').split(DASH, 2).map((part) => part.trim());
  const fields = splitTopLevel(fieldText).map((field) => field.replace(/[.;]$/, ''));
  if (typeText === '') return { status, fields, line };
  const page = PAGE_OF.exec(typeText);
  const expression = parseTypeExpression(page ? page[1]! : typeText);
  const named = expression?.kind === 'named' ? expression.name : expression?.kind === 'array' && expression.items.kind === 'named' ? expression.items.name : undefined;
  if (!expression || named === undefined) {
    // Prose (`the created doctor`, `成功`) says nothing about a type; one word that is no type is a mistake.
    if (!/^[A-Za-z_][\w[\]<>]*$/.test(typeText.replace(/^(?:page|list|array)\s+of\s+/i, ''))) return { status, fields, line };
    throw markdownError(file, line, `cannot read the response type "${typeText}": expected a named type (User), \`page of User\`, \`list of User\` or \`User[]\`; field types are ${EXPECTED_TYPES}`);
  }
  const shape = page ? 'page' : expression.kind === 'array' ? 'array' : 'single';
  return { status, body: { shape, typeName: named }, fields, line };
}

/** `Query: page, limit, email (filter), sort (price, -price)`; also separated by `、` or `;`. */
export function readQueryLine(text: string, line: number): QueryLine | undefined {
  const match = QUERY.exec(text.replace(/`/g, '').trim());
  if (!match) return undefined;
  // `Query: ?status=open&priority=high&page=2`: a query string as a client sends it, values as examples.
  const queryString = /^\?\S+$|^[A-Za-z_][A-Za-z0-9_]*=\S*&\S+$/.exec(match[1]!.trim().replace(/[.。]$/, ''))?.[0];
  if (queryString !== undefined) {
    const named = queryString.replace(/^\?/, '').split('&').map((pair) => /^([A-Za-z_][A-Za-z0-9_]*)(?:=|$)/.exec(pair)?.[1]).filter((name): name is string => name !== undefined);
    return named.length > 0 ? { items: named.map((name) => ({ name })), line } : undefined;
  }
  const items = splitTopLevel(match[1]!.replace(/[.。]$/, '').replace(/[、，;；]/g, ',')).flatMap((item) => {
    const parts = /^([A-Za-z_][A-Za-z0-9_]*)\s*(?:[(（](.*)[)）])?/.exec(item);
    if (!parts) return [];
    const note = parts[2]?.trim();
    return [{ name: parts[1]!, ...(note ? { note } : {}) }];
  });
  return items.length > 0 ? { items, line } : undefined;
}

/**
 * One item of a list under a query label: `` `search` *(optional)* — filter by name or email ``,
 * `pageSize (optional, default: 20)`, `status: draft or live`: its name, the note after it, and
 * the default it states.
 */
export function readQueryItem(text: string): QueryItem | undefined {
  const match = /^[`*_]*([A-Za-z_][A-Za-z0-9_]*)[`*_]*\s*(.*)$/su.exec(text.trim());
  if (!match) return undefined;
  const rest = match[2]!.replace(/[*_]+/g, '').trim();
  if (rest !== '' && !/^[(（:：—–-]/u.test(rest)) return undefined;
  const defaultText = /\bdefault(?:s\s+to)?\s*[:：=]?\s*`?([^\s`,;)）]+)/iu.exec(rest)?.[1] ?? /默认(?:值)?\s*[:：为]?\s*`?([^\s`,;，；)）]+)/u.exec(rest)?.[1];
  // The bracketed marks (`(optional, default: 1)`) say no more than the default; the note is what follows them.
  const note = rest.replace(/^[(（][^)）]*[)）]\s*/u, '').replace(/^[:：—–-]+\s*/u, '').trim();
  const marks = /^[(（]([^)）]*)[)）]/u.exec(rest)?.[1]?.trim();
  const said = note !== '' ? note : marks !== undefined && !/^(?:optional|required|可选|必填|opcional|obligatorio)(?:\s*,.*)?$/iu.test(marks) ? marks : '';
  return { name: match[1]!, ...(said !== '' ? { note: said } : {}), ...(defaultText !== undefined ? { defaultText } : {}) };
}

/** `filter by status`, and as German, Spanish, Portuguese, French, Italian and Vietnamese write it (`filterbar nach`, `filtrar por`, `filtrer par`, `lọc theo`). */
const FILTER_BY = new RegExp(
  String.raw`(?:\b(?:filter(?:ed|able|s)?|search(?:ed|able)?|sort(?:ed|able)?)\s+by` +
    String.raw`|\b(?:filterbar|gefiltert|filtern|sortierbar|sortiert|suchbar|durchsuchbar)\s+nach` +
    String.raw`|\b(?:filtrable|filtrar|filtrado|filtrada|filtrável|ordenable|ordenável|ordenar|buscar)\s+por` +
    String.raw`|\b(?:filtrable|filtrer|filtré|filtrée|triable|trier|tri)\s+par` +
    String.raw`|\b(?:filtrabile|filtrare|filtrato|ordinabile)\s+per|\blọc\s+theo)\s+(.+)$`,
  'iu',
);
/** `按 status、category 筛选`: the names between the words. */
const FILTER_ZH = /(?:按|根据)\s*([`A-Za-z_][^按]*?)\s*(?:进行)?(?:筛选|过滤|查询|搜索|排序)/u;
/** `status、category で絞り込み`: the words after the names. */
const FILTER_JA = /\s*(?:で|により)(?:絞り込み|絞込み|検索|フィルタ|並べ替え)/u;

/** The Japanese form: the run of names (and their separators) right before `で絞り込み`, found without backtracking. */
function japaneseFilter(summary: string): { index: number; 0: string; 1: string } | undefined {
  const words = FILTER_JA.exec(summary);
  if (!words) return undefined;
  const before = summary.slice(0, words.index);
  const run = /(?:[`A-Za-z0-9_]|[、,，\s])*$/u.exec(before)!;
  const start = run.index + (/^[^`A-Za-z_]*/.exec(run[0])?.[0].length ?? 0);
  if (start >= words.index) return undefined;
  return { index: start, 0: summary.slice(start, words.index + words[0].length), 1: summary.slice(start, words.index) };
}
/** `(filter: sku, category)`, `(query: page, q)`, `(filters: a, b)`. */
/** (its closing parenthesis may be gone: a title's trailing punctuation is trimmed) */
const FILTER_NOTE = /[(（]\s*(?:filters?|query|params?|parameters)\s*[:：]\s*([^)）]+)(?:[)）]|$)/i;

/**
 * Query parameters an endpoint's title names in passing (`GET /posts — filter by status, author_id`,
 * `List products (filter: sku, category)`), with the title left without them; undefined when it names none.
 */
export function readInlineQuery(summary: string): { summary: string; names: string[] } | undefined {
  // `supports ?grade= and ?homeroom_id=`: query strings written in passing.
  const written = [...summary.matchAll(/(?:^|\s)[?&]([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$|[,.;)])/g)].map((found) => found[1]!);
  if (written.length > 0) return { summary, names: written };
  const match = FILTER_NOTE.exec(summary) ?? FILTER_BY.exec(summary) ?? FILTER_ZH.exec(summary) ?? japaneseFilter(summary);
  if (!match) return undefined;
  // The list ends with its sentence: `filter by category_id, status. sort=price or -price`.
  const names = match[1]!
    .split(/[.。;；](?:\s|$)/u)[0]!
    .replace(/`/g, '')
    .split(/\s*(?:,|、|，|;|\/|和|或|\band\b|\bor\b|\bund\b|\boder\b|\by\b|\bo\b|\bet\b|\bou\b|\be\b|\bva\b|\bhoặc\b)\s*/iu)
    .map((name) => name.trim().replace(/[.。]$/, ''))
    .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  if (names.length === 0) return undefined;
  const rest = (summary.slice(0, match.index) + summary.slice(match.index + match[0].length)).replace(/[(（]\s*[)）]/g, '').replace(/[\s—–\-:：,;]+$/, '').trim();
  return { summary: rest, names };
}

/** The names a path's query string gives (`/students?grade=&homeroom_id=`): parameters the document lists in passing. */
export function queryNamesOfPath(written: string): string[] {
  // A URI template's query (`/customers{?page,per_page}`, API Blueprint's): the names it lists.
  const template = /\{[?&]([A-Za-z0-9_,*]+)\}/.exec(written)?.[1];
  if (template !== undefined) return template.split(',').map((name) => name.replace(/\*$/, '')).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  const query = /\?([^\s#`]*)/.exec(written)?.[1];
  if (!query) return [];
  return query
    .split('&')
    .map((pair) => pair.split('=')[0]!.replace(/[{}<>:]/g, ''))
    .filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
}
