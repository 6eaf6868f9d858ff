import type { HttpMethod } from '../../model/api-document.js';
import { cleanPath, readEndpointText, type EndpointHeading } from './endpoint-heading.js';
import { cellTexts, lineOf, type MarkdownTable } from './markdown-tree.js';
import { readInlineQuery } from './endpoint-lines.js';

/** One row of an endpoint table, with its line. */
export interface EndpointRow extends EndpointHeading {
  line: number;
  /**
   * What else the row calls the endpoint, for a heading detailing it further down: its name
   * (`| API名 |`, `| 接口名称 |`) and its number (`| No |`: `4.1 会場一覧取得（No.1）`).
   */
  names?: string[];
  number?: string;
}

const METHODS = new Set<string>(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']);
const METHOD_HEADER = /^(?:(?:http\s+)?(?:method|verb)|方法|请求方式|请求方法|(?:método|metodo|méthode|methode|verbo)(?:\s+http)?|phương thức|メソッド|메서드|메소드|방식|요청\s*방식)$/iu;
const PATH_HEADER =
  /^(?:path|url|uri|route|endpoint|resource|路径|接口|接口地址|地址|请求路径|ruta|caminho|rota|endereço|percorso|chemin|pfad|đường dẫn|パス|エンドポイント|경로|엔드포인트|주소)$/iu;
const SUMMARY_HEADER =
  /^(?:description|summary|purpose|action|notes?|what|说明|描述|功能|接口说明|备注|descripción|resumen|descrição|descricao|resumo|finalidade|descrizione|description|beschreibung|zweck|mô tả|説明|概要|機能|설명|기능|비고)$/iu;

const NAME_HEADER =
  /^(?:(?:api|endpoint|interface|operation)\s*(?:name|名|名称|名稱|명)|name|title|接口名称|接口名|名称|名稱|機能名|処理名|기능명|처리명|nombre|nom|titel|tên(?:\s+api)?)$/iu;
const NUMBER_HEADER = /^(?:no\.?|#|n[º°o]\.?|番号|序号|编号|編號|번호)$/iu;

function columnOf(headers: readonly string[], pattern: RegExp): number | undefined {
  const index = headers.findIndex((header) => pattern.test(header.trim()));
  return index < 0 ? undefined : index;
}

/**
 * The endpoints of a table that lists them: `| Method | Path | Description |` (header words in
 * English, Chinese, Spanish, French, German, Vietnamese or Japanese), or any table whose rows each
 * hold `METHOD /path` in one cell. Undefined when the table is no such list.
 */
export function readEndpointTable(table: MarkdownTable, file: string): EndpointRow[] | undefined {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0) return undefined;
  const headers = cellTexts(header);
  const cellsOf = rows.map((row) => cellTexts(row));
  // Header words this reader does not know (`| No | Metode | Endpoint | Keterangan |`): the cells say which column is which.
  const methodColumn = columnOf(headers, METHOD_HEADER) ?? columnHolding(cellsOf, (cell) => METHODS.has(cell.toLowerCase()));
  const pathColumn = columnOf(headers, PATH_HEADER) ?? columnHolding(cellsOf, (cell) => /^(?:https?:\/\/[^/\s]+)?\/\S*$/.test(cell.split(/\s+/)[0] ?? ''));
  const summaryColumn = columnOf(headers, SUMMARY_HEADER) ?? (methodColumn !== undefined && pathColumn !== undefined ? wordiestColumn(cellsOf, [methodColumn, pathColumn]) : undefined);
  const nameColumn = columnOf(headers, NAME_HEADER);
  const numberColumn = columnOf(headers, NUMBER_HEADER);
  const endpoints: EndpointRow[] = [];
  for (const [index, row] of rows.entries()) {
    const cells = cellsOf[index]!;
    if (cells.every((cell) => cell === '')) continue;
    const line = lineOf(row);
    const found = fromColumns(cells, methodColumn, pathColumn) ?? fromAnyCell(cells, file, line);
    if (!found) return undefined;
    const written = summaryColumn !== undefined && summaryColumn !== pathColumn ? (cells[summaryColumn] ?? '').trim() : (found.summary ?? '');
    // `list vehicles, filter by fleet_id, status`: the description names query parameters in passing.
    const inline = written !== '' ? readInlineQuery(written) : undefined;
    const summary = inline ? inline.summary : written;
    const queryNames = [...new Set([...(found.queryNames ?? []), ...(inline?.names ?? [])])];
    const name = nameColumn !== undefined && nameColumn !== summaryColumn && nameColumn !== pathColumn ? (cells[nameColumn] ?? '').trim() : '';
    const number = numberColumn !== undefined ? (cells[numberColumn] ?? '').trim() : '';
    endpoints.push({
      method: found.method,
      path: found.path,
      ...(summary !== '' ? { summary } : {}),
      ...(queryNames.length > 0 ? { queryNames } : {}),
      line,
      ...(name !== '' ? { names: [name] } : {}),
      ...(/^\d+$/.test(number) ? { number } : {}),
    });
  }
  return endpoints.length > 0 ? endpoints : undefined;
}

/** The column whose every non-empty cell passes the test, in at least one row. */
function columnHolding(rows: readonly (readonly string[])[], test: (cell: string) => boolean): number | undefined {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  for (let index = 0; index < width; index += 1) {
    const cells = rows.map((row) => (row[index] ?? '').replace(/`/g, '').trim()).filter((cell) => cell !== '');
    if (cells.length > 0 && cells.every(test)) return index;
  }
  return undefined;
}

/** Of the other columns, the one with the most words: a description. */
function wordiestColumn(rows: readonly (readonly string[])[], taken: readonly number[]): number | undefined {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  let best: { index: number; words: number } | undefined;
  for (let index = 0; index < width; index += 1) {
    if (taken.includes(index)) continue;
    const words = rows.reduce((sum, row) => sum + ((row[index] ?? '').match(/\p{L}+/gu)?.length ?? 0), 0);
    if (words > 0 && (!best || words > best.words)) best = { index, words };
  }
  return best?.index;
}

function fromColumns(cells: readonly string[], methodColumn: number | undefined, pathColumn: number | undefined): EndpointHeading | undefined {
  if (methodColumn === undefined || pathColumn === undefined) return undefined;
  const method = (cells[methodColumn] ?? '').trim().toLowerCase();
  const path = (cells[pathColumn] ?? '').trim().split(/\s+/)[0] ?? '';
  if (!METHODS.has(method) || !/^(?:https?:\/\/[^/\s]+)?\//.test(path)) return undefined;
  return { method: method as HttpMethod, path: cleanPath(path) };
}

function fromAnyCell(cells: readonly string[], file: string, line: number): EndpointHeading | undefined {
  for (const cell of cells) {
    const found = readEndpointText(cell, file, line, 'opening');
    if (found) return found;
  }
  return undefined;
}
