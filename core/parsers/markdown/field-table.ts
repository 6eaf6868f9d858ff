import type { SchemaNode } from '../../model/api-document.js';
import { markdownError } from './errors.js';
import { extractHintTokens, fieldHints } from './hint-tokens.js';
import { cellTexts, lineOf, type MarkdownTable } from './markdown-tree.js';
import { readFieldNotes, referencedName } from './field-notes.js';
import { readSqlColumnModifiers, type SqlColumnModifiers } from './sql-column-modifiers.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { toSnake } from '../../naming.js';
import { EXPECTED_TYPES, parseTypeExpression, type TypeExpression } from './type-expression.js';
import { ANY_NUMBER_WORD, WHOLE_NAME } from './type-words.js';
import { ENUM_ELSEWHERE } from './enum-elsewhere.js';

/** One row of a field table. */
export interface FieldRow {
  name: string;
  type: TypeExpression;
  required: boolean;
  description?: string;
  /** The default as written (a default column, or `default X` in the notes). */
  defaultText?: string;
  /** `x-` hints, readOnly and writeOnly the row's hint tokens ask for. */
  hints: SchemaNode;
  line: number;
}

export interface FieldTable {
  rows: FieldRow[];
  line: number;
  /** Read from an example JSON body: its types are guesses from values, which a table's words overrule. */
  fromExample?: true;
  /** An example's fields the lines after it say are required (the others are then optional). */
  statedRequired?: string[];
  /** The name column's header says it lists parameters (`参数`, `Param`, `Parámetro`), not fields. */
  namesParameters?: true;  /** The fields of a field's items or object, written in its rows (`items[].productId`, `└ productId`). */
  nested?: NestedFields[];
}

export interface NestedFields {
  parent: string;
  table: FieldTable;
}

type Column = 'name' | 'type' | 'required' | 'optional' | 'nullable' | 'description' | 'hints' | 'default' | 'example';

/**
 * Header words per column: Latin words match whole words of the lower-cased header, other
 * scripts anywhere in it. The first column listed that a header names wins (`是否必填` is
 * required before it is anything else; `字段说明` a description before a name).
 */
const COLUMN_WORDS: [Column, string[]][] = [
  ['nullable', ['nullable', 'null', 'allow null', 'null allowed', '允许空', '允许为空', '可为空', '可空', '是否为空', '是否可空', '是否允许为空', '空值', 'null許可', 'null可', 'null 허용', 'nulo', 'permite nulo', 'nullable?']],
  ['optional', ['optional', 'opcional', 'facultatif', 'facultativo', 'tùy chọn', '可选', '任意', '선택', 'opzionale', 'facoltativo', 'необязательный', 'opsional', 'opcjonalne', 'opcjonalny', 'isteğe bağlı']],
  ['required', ['required', 'req', 'mandatory', 'requerido', 'obligatorio', 'obligatoire', 'requis', 'pflicht', 'pflichtfeld', 'erforderlich', 'bắt buộc', '必填', '必须', '必需', '必选', '必須', '필수', 'obbligatorio', 'obrigatório', 'obrigatorio', 'обязательный', 'обязательно', 'обязательное', 'обяз', 'wajib', 'zorunlu', 'wymagane', 'wymagany', 'wymagana', 'obowiązkowe', 'obowiązkowy']],
  ['default', ['default', 'defaults', 'predeterminado', 'défaut', 'standardwert', 'vorgabe', 'mặc định', '默认', '默认值', 'デフォルト', '既定値', '初期値', '기본값', '기본 값', 'predefinito', 'padrão', 'по умолчанию', 'varsayılan', 'domyślnie', 'domyślna', 'domyślny', 'bawaan']],
  ['example', ['example', 'examples', 'sample', 'ejemplo', 'exemple', 'beispiel', 'ví dụ', '示例', '例子', '样例', '举例', '例', '예시', '예제', 'esempio', 'exemplo', 'пример', 'contoh', 'örnek', 'przykład']],
  ['hints', ['hints', 'hint', 'flags', 'constraints', 'constraint', 'rules', 'restricciones', 'contraintes', 'einschränkungen', 'ràng buộc', '约束', '规则', '限制', '制約', '제약', 'vincoli', 'restrições', 'ограничения']],
  ['type', ['type', 'datatype', 'kind', 'tipo', 'typ', 'datentyp', 'kiểu', 'loại', '类型', '数据类型', '型', 'タイプ', 'データ型', '타입', '유형', '자료형', '형식', 'тип', 'tipe', 'tür', 'tip']],
  ['description', ['description', 'desc', 'notes', 'note', 'comment', 'comments', 'details', 'remarks', 'meaning', 'descripción', 'notas', 'comentario', 'remarque', 'commentaire', 'beschreibung', 'bemerkung', 'hinweis', 'mô tả', 'ghi chú', '说明', '描述', '备注', '含义', '注释', '説明', '備考', '概要', '설명', '비고', 'descrizione', 'descrição', 'observação', 'observações', 'описание', 'примечание', 'комментарий', 'keterangan', 'deskripsi', 'catatan', 'açıklama', 'aciklama', 'notlar', 'opis', 'uwagi']],
  ['name', ['field', 'name', 'property', 'column', 'attribute', 'param', 'parameter', 'key', 'campo', 'nombre', 'parámetro', 'champ', 'nom', 'paramètre', 'feld', 'spalte', 'attribut', 'trường', 'tên', 'tham số', '字段', '名称', '参数', '属性', '键', 'フィールド', '項目', '名前', 'パラメータ', 'キー', '필드', '이름', '파라미터', '항목', '컬럼', '속성', 'nome', 'имя', 'поле', 'параметр', 'nama', 'kolom', 'alan', 'pole', 'nazwa']],
];

/** Compared without accents and case: `sì`, `Sí`, `obrigatório`, `Có` as written, or not. */
const foldWord = (word: string) => word.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC').toLowerCase();
const YES_WORDS = ['yes', 'y', 'true', '✓', '✔', '✔️', '✅', 'x', '*', 'required', 'req', 'mandatory', '1', 'sí', 'si', 'oui', 'ja', 'có', 'はい', '○', '◯', '是', '必填', '必须', '必需', '必選', '必須', 'obligatorio', 'obligatoire', 'pflicht', '예', '네', '필수', 'o', 'sim', 'да', 'obbligatorio', 'obbligatoria', 'obrigatório', 'obrigatória', 'requis', 'requise', 'erforderlich', 'bắt buộc', '必要', '+', 'ya', 'wajib', 'evet', 'zorunlu', 'tak', 'обязательное', 'обязательно', 'обязательный', 'обяз'];
const NO_WORDS = ['', 'no', 'n', 'false', 'optional', 'opt', '-', '—', '–', '0', '✗', '✘', '❌', '×', 'non', 'nein', 'không', 'いいえ', '否', '可选', '非必填', '选填', '任意', 'opcional', 'facultatif', 'optionnel', '아니오', '아니요', '선택', 'não', 'nao', 'нет', 'opzionale', 'facoltativo', 'facoltativa', 'opcionales', 'facultative', 'tùy chọn', 'không bắt buộc', 'tidak', 'opsional', 'hayır', 'hayir', 'nie', 'необязательное', 'необязательно', 'необязательный', 'опционально'];
const YES = new Set(YES_WORDS.map(foldWord));
const NO = new Set(NO_WORDS.map(foldWord));
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function headerWords(header: string): { words: string[]; text: string } {
  const text = header.toLowerCase().replace(/data\s+type/g, 'datatype').replace(/[*`]/g, '').trim();
  return { words: text.split(/[^\p{L}\p{N}]+/u).filter(Boolean), text };
}

function columnOf(header: string): Column | undefined {
  const { words, text } = headerWords(header);
  const names = (word: string) => (/^[\p{Script=Latin}\s]+$/u.test(word) ? (word.includes(' ') ? text.includes(word) : words.includes(word)) : text.includes(word));
  return COLUMN_WORDS.find(([, synonyms]) => synonyms.some(names))?.[0];
}

/** Where each column is; the first header naming a column wins. Without a field column, the first unnamed column is it. */
export function columnsOf(headers: readonly string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  headers.forEach((header, index) => {
    const column = columnOf(header);
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  if (columns.name === undefined && columns.type !== undefined) {
    const taken = new Set(Object.values(columns));
    const first = headers.findIndex((_, index) => !taken.has(index));
    if (first >= 0 && first < columns.type) columns.name = first;
  }
  return columns;
}

/**
 * Where each column is, by its header's words, else by what its cells hold: in words this reader
 * does not know (`| Nama Field | Tipe Data | Wajib |`), the column of types is the one whose cells
 * read as types, the names' the first other one of identifiers, whether a field is required the one
 * of yes/no words, and the notes the one of the longest texts.
 */
export function columnsOfTable(headers: readonly string[], rows: readonly (readonly string[])[]): Partial<Record<Column, number>> {
  const columns = columnsOf(headers);
  if (columns.name !== undefined && columns.type !== undefined) return columns;
  const taken = () => new Set(Object.values(columns));
  const cellsOf = (index: number) => rows.map((cells) => (cells[index] ?? '').replace(/`/g, '').trim()).filter((cell) => cell !== '');
  const mostly = (index: number, test: (cell: string) => boolean, least = 2) => {
    const cells = cellsOf(index);
    const passing = cells.filter(test).length;
    return passing >= Math.min(least, rows.length) && passing * 5 >= cells.length * 4;
  };
  const free = headers.map((_, index) => index).filter((index) => !taken().has(index));
  columns.type ??= free.find((index) => mostly(index, (cell) => readsAsType(cell)));
  if (columns.type === undefined) return columns;
  columns.name ??= free.find((index) => index !== columns.type && mostly(index, (cell) => FIELD_NAME.test(nameOf(cell).name)));
  if (columns.name === undefined) return columns;
  columns.required ??= free.find((index) => !taken().has(index) && cellsOf(index).length > 0 && cellsOf(index).every((cell) => readsAsFlag(cell)));
  const words = (index: number) => cellsOf(index).reduce((sum, cell) => sum + cell.split(/\s+/).length, 0);
  const rest = free.filter((index) => !taken().has(index)).sort((a, b) => words(b) - words(a));
  if (columns.description === undefined && rest[0] !== undefined && words(rest[0]) > 0) columns.description = rest[0];
  return columns;
}

/** A cell naming a type this reader knows (`int`, `Optional[str]`, `VARCHAR(50)`), not just a capitalized word. */
function readsAsType(cell: string): boolean {
  const type = parseTypeExpression(cell);
  return type !== undefined && type.kind !== 'named';
}

function readsAsFlag(cell: string): boolean {
  return flagOf(cell) !== undefined;
}

/** A field table names its fields and their types; other tables (tech stack, priorities) do not. */
export function isFieldTable(table: MarkdownTable): boolean {
  const [header, ...rows] = table.children;
  if (!header) return false;
  const columns = columnsOfTable(cellTexts(header), rows.map((row) => cellTexts(row)));
  return columns.name !== undefined && columns.type !== undefined;
}

/** What a required cell says (`yes`, `否`, `Ya (default)`), or undefined when it is no yes/no word. */
/** `server`, `auto`, `系统生成`, `from URL` in a required column: the server sets the field (from the path, for the last), no client sends it. */
/** `from URL`, `path`: the path gives the value; every row has one. */
const SET_BY_PATH = /^(?:from\s+(?:the\s+)?(?:url|path)|(?:url|path)(?:\s+param(?:eter)?)?)$/iu;
const SET_BY_SERVER = /^(?:server|system|from\s+(?:the\s+)?(?:url|path)|(?:url|path)(?:\s+param(?:eter)?)?|auto(?:matic)?|generated|computed|read[\s-]?only|server[\s-]?(?:set|side|generated)|automático|automatico|automatique|automatisch|serveur|servidor|系统|系统生成|自动|自动生成|自動|自動採番|サーバー|서버|자동)$/iu;

function flagOf(value: string): boolean | undefined {
  // `nein*` with a footnote (`*Pflicht wenn …`): the word says it; the footnote a condition.
  const normalized = foldWord(value.trim()).replace(/[()（）]/g, '').replace(/(?<=\p{L})[*¹²³†‡]+$/u, '');
  if (SET_BY_PATH.test(normalized)) return true;
  // `depende`, `conditional`, `视情况`: required only sometimes, so not always.
  if (/^(?:depende|depends|it\s+depends|conditional(?:ly)?|condicional|conditionnel|bedingt|sometimes|a\s+veces|視情況|视情况|条件必填|場合による|조건부)$/iu.test(normalized)) return false;
  if (SET_BY_SERVER.test(normalized)) return false;
  const first = normalized.split(/[\s,，(（]/)[0] ?? '';
  if (YES.has(normalized) || YES.has(first)) return true;
  if (NO.has(normalized) || NO.has(first)) return false;
  return undefined;
}

function flag(value: string, file: string, line: number): boolean {
  const said = flagOf(value);
  if (said !== undefined) return said;
  throw markdownError(file, line, `cannot read "${value}" as required or not: expected yes/no, true/false, y/n, ✓/✗, 是/否, required/optional, \`*\` or an empty cell`);
}

/** An empty cell means not required, in a `required` column and in an `optional` one alike. */
function requiredOf(requiredCell: string, optionalCell: string, columns: Partial<Record<Column, number>>, file: string, line: number): boolean {
  if (columns.required !== undefined) return flag(requiredCell, file, line);
  if (columns.optional === undefined || optionalCell.trim() === '') return false;
  return !flag(optionalCell, file, line);
}

/** `email *` (required), `nickname?` (optional), `` `id` `` → the name and what its marks say. */
function nameOf(written: string): { name: string; required?: boolean; label?: string } {
  const text = written.replace(/`/g, '').trim();
  const mark = /^(.*?)\s*([*?])$/.exec(text);
  const named = labelled(mark ? mark[1]! : text);
  return { ...named, ...(mark ? { required: mark[2] === '*' } : {}) };
}

/**
 * A name given with a label in the document's language, either way round: `商品コード(product_code)`,
 * `product_code（商品コード）`, `Tên (name)`: the identifier names the field, the label is a note.
 */
function labelled(text: string): { name: string; label?: string } {
  if (FIELD_NAME.test(text)) return { name: text };
  const after = /^(.+?)\s*[(（]\s*([A-Za-z_][A-Za-z0-9_]*)\s*[)）]$/.exec(text);
  if (after && !FIELD_NAME.test(after[1]!)) return { name: after[2]!, label: after[1]!.trim() };
  const before = /^([A-Za-z_][A-Za-z0-9_]*)\s*[(（]\s*([^)）]+?)\s*[)）]$/.exec(text);
  return before ? { name: before[1]!, label: before[2]! } : { name: text };
}

/** Reads a field table: columns in any order, header wording, language and case forgiven. */
export function readFieldTable(table: MarkdownTable, file: string): FieldTable {
  const [header, ...body] = table.children;
  const line = lineOf(table);
  const headers = header ? cellTexts(header) : [];
  const bodyCells = body.map((row) => cellTexts(row));
  const columns = columnsOfTable(headers, bodyCells);
  if (columns.name === undefined || columns.type === undefined) {
    const missing = [columns.name === undefined ? 'a field column (field, name, 字段, campo, champ, Feld, 필드...)' : '', columns.type === undefined ? 'a type column (type, data type, 类型, tipo, Typ, 타입...)' : '']
      .filter(Boolean)
      .join(' and ');
    throw markdownError(file, line, `a field table needs ${missing}; its header is | ${headers.join(' | ')} |`);
  }
  const labelColumn = withIdentifierNames(columns, headers, bodyCells);
  const entries = body.map((row, index) => ({ cells: bodyCells[index]!, line: lineOf(row) }));
  const read = readEntries(entries, columns, labelColumn, file, line);
  return PARAMETER_HEADER.test(headers[columns.name] ?? '') ? { ...read, namesParameters: true } : read;
}

interface TableEntry {
  cells: string[];
  line: number;
}

/**
 * A field nested in another, as tables write it: `items[].productId`, `items.productId`,
 * `items[0].productId` (the field, then the rest of the path), or `└ productId`, `├─ productId`,
 * `- productId`, `» productId` (a field of the row above).
 */
const DOTTED = /^`?([A-Za-z_][A-Za-z0-9_]*)(\[\d*\])?\.(.+?)`?$/;
const TREE = /^(?:[└├∟»]+[─—–-]*|[-–—]{1,2}(?=\s)|\u3000+)\s*(.+)$/u;

/** The last name of a nested field's path: `productId` of `items[].productId` or `└ productId`. */
function leafOf(written: string): string {
  const text = written.trim();
  const tree = TREE.exec(text);
  return (tree ? tree[1]! : text).split('.').pop()!;
}

/** The rows of a table, those nested in a field gathered as that field's own table. */
function readEntries(entries: readonly TableEntry[], columns: Partial<Record<Column, number>>, labelColumn: number | undefined, file: string, line: number): FieldTable {
  const seen = new Map<string, number>();
  const rows: FieldRow[] = [];
  const nested = new Map<string, { entries: TableEntry[]; listed: boolean }>();
  let lastTop: string | undefined;
  for (const entry of entries) {
    const { cells } = entry;
    const rowLine = entry.line;
    const cell = (column: Column): string => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? ''));
    if (cell('name') === '' && cells.every((c) => c === '')) continue;
    // `| （リクエスト項目すべて） | | | |`: a remark in the label's column, no field's row.
    if (cell('name').trim() === '' && cell('type').trim() === '' && labelColumn !== undefined) continue;
    const written = cell('name').trim();
    const dotted = DOTTED.exec(written);
    const tree = dotted ? undefined : TREE.exec(written);
    if (dotted || tree) {
      const parent = dotted ? dotted[1]! : lastTop;
      if (parent === undefined) throw markdownError(file, rowLine, `"${written}" is nested in no field: write the field it belongs to in the row above, or as items[].name`);
      const rest = cells.map((text, index) => (index === columns.name ? (dotted ? dotted[3]! : tree![1]!) : text));
      const group = nested.get(parent) ?? { entries: [], listed: false };
      group.entries.push({ cells: rest, line: rowLine });
      group.listed ||= dotted?.[2] !== undefined;
      nested.set(parent, group);
      continue;
    }
    const stated = columns.required !== undefined || columns.optional !== undefined ? requiredOf(cell('required'), cell('optional'), columns, file, rowLine) : undefined;
    // `| 允许空 |`, `| Nullable |`: a column taking NULL, which no one need send; one that does not, a value every row has.
    const nullable = columns.nullable !== undefined && cell('nullable').trim() !== '' ? flag(cell('nullable'), file, rowLine) : undefined;
    const label = labelColumn === undefined ? '' : (cells[labelColumn] ?? '').trim();
    // `pagina / por_pagina`, `page, size`: one row for fields of the same type and notes.
    for (const name of SHARED_ROW.test(written) ? written.split(/\s*[/,，、]\s*/u) : [cell('name')]) {
      const setByServer = SET_BY_SERVER.test(foldWord(cell('required').trim()));
      const field = readFieldRow({ name, ...(label !== '' ? { label } : {}), type: cell('type'), description: cell('description'), hints: cell('hints'), defaultText: cell('default'), ...(stated !== undefined ? { required: stated } : nullable !== undefined ? { required: !nullable && !hasDefault(cell('default')) } : {}), ...(nullable ? { nullable } : {}), ...(setByServer ? { setByServer } : {}) }, file, rowLine);
      const previous = seen.get(field.name);
      if (previous !== undefined) throw markdownError(file, rowLine, `field ${field.name} is listed twice in this table (first at line ${previous})`);
      seen.set(field.name, rowLine);
      rows.push(field);
      lastTop = field.name;
    }
  }
  if (nested.size === 0) return { rows, line };
  const fields: NestedFields[] = [];
  for (const [parent, group] of nested) {
    const table = readEntries(group.entries, columns, labelColumn, file, group.entries[0]!.line);
    // `items[].productId` with no `items` row: the list is the rows' own.
    if (!rows.some((row) => row.name === parent)) {
      const object: TypeExpression = { kind: 'scalar', schema: { type: 'object' } };
      rows.push({ name: parent, type: group.listed ? { kind: 'array', items: object } : object, required: false, hints: {}, line: group.entries[0]!.line });
    }
    fields.push({ parent, table });
  }
  return { rows, line, nested: fields };
}

/** A name column headed as a parameter's: `参数`, `参数名`, `Param`, `Query parameter`, `Parámetro`, `パラメータ`. */
const PARAMETER_HEADER = /(?<![\p{L}])(?:param(?:eter|s)?|par[áa]metros?|param[èe]tres?|parametro|tham số)(?![\p{L}])|参数|パラメータ|파라미터|параметр/iu;

/**
 * Japanese and Chinese designs name each field twice, `| 項目名 | 物理名 |`, `| 字段名 | 英文名 |`: the
 * field is named by the column whose names are all identifiers (the table's name column when they
 * are, else another name column or one no header word claims), and the other name is its label.
 * Moves `columns.name` there and answers the label's column.
 */
function withIdentifierNames(columns: Partial<Record<Column, number>>, headers: readonly string[], rows: readonly string[][]): number | undefined {
  const named = columns.name!;
  const identifiers = (index: number) => rows.every((cells) => (cells[index] ?? '').trim() === '' || FIELD_NAME.test(nameOf(leafOf(cells[index]!)).name)) && rows.some((cells) => (cells[index] ?? '').trim() !== '');
  if (identifiers(named)) return undefined;
  const taken = new Set(Object.values(columns));
  const other = headers.findIndex((header, index) => index !== named && (columnOf(header) === 'name' || !taken.has(index)) && identifiers(index));
  if (other < 0) return undefined;
  columns.name = other;
  return named;
}

/** One field as written, in a table's cells or a line of a field list. */
export interface WrittenField {
  /** With its marks: `email *`, `nickname?`. */
  name: string;
  /** What a second name column calls it in the document's language (`| 項目名 | 物理名 |`): no note of its rules. */
  label?: string;
  type: string;
  description: string;
  hints?: string;
  defaultText?: string;
  /** What a required column says. */
  required?: boolean;
  /** What a nullable column says, when it says yes. */
  nullable?: true;
  /** The required column says the server sets it (`server`, `auto`): read only. */
  setByServer?: boolean;
}

/** A name cell naming several fields: identifiers split by slashes or commas (`pagina / por_pagina`). */
const SHARED_ROW = /^`?[A-Za-z_][A-Za-z0-9_]*`?(?:\s*[/,，、]\s*`?[A-Za-z_][A-Za-z0-9_]*`?)+$/u;

/** `(default draft)`, `（默认 1）` closing a type as written. */
const TRAILING_DEFAULT = /\s*[(（]\s*((?:defaults?\b|默认|por defecto|par défaut|standard)[^()（）]*)[)）]\s*$/iu;

/** Reads one field: its name and marks, its type as written, and what its notes say. */
export function readFieldRow(written: WrittenField, file: string, rowLine: number): FieldRow {
  const marked = nameOf(written.name);
  const label = [written.label, marked.label].filter((part) => part !== undefined && part !== '').join(' ') || undefined;
  // `ticket type`, `First Name`: a name written in words is the identifier of those words.
  const name = /^[A-Za-z][A-Za-z0-9]*(?:[\s-]+[A-Za-z0-9]+)+$/.test(marked.name) ? toSnake(marked.name) : marked.name;
  if (!FIELD_NAME.test(name)) throw markdownError(file, rowLine, `"${name}" is no field name: expected letters, digits and underscores`);
  // `enum: draft, published, cancelled (default draft)`: a default written after the type is a note.
  const trailing = TRAILING_DEFAULT.exec(written.type);
  const typeText = trailing ? written.type.slice(0, trailing.index) : written.type;
  if (trailing) written = { ...written, description: [trailing[1], written.description].filter((part) => part !== undefined && part !== '').join('; ') };
  const column = readSqlColumnModifiers(typeText);
  // `references Guest` where the type goes: the key's type is the other's key's, known once every type is read (derive gives it).
  const referenced = referencedName(column.typeText);
  const keyOfOther = referenced !== undefined;
  // `reference to Ticket type` is read as `references TicketType`; `FK → guests.id` stays as written.
  const referenceNote = referenced !== undefined && !column.typeText.includes(referenced) ? `references ${referenced}` : column.typeText;
  if (keyOfOther) written = { ...written, description: [referenceNote, written.description].filter((part) => part !== undefined && part !== '').join('; ') };
  const parsed = keyOfOther ? { kind: 'scalar' as const, schema: {} } : withNullability(parseTypeExpression(column.typeText), written.nullable ? { ...column, nullable: true } : column);
  if (!parsed) {
    const what = typeText === '' ? 'has no type' : `has the unknown type "${typeText}"`;
    throw markdownError(file, rowLine, `field ${name} ${what}: expected ${EXPECTED_TYPES}`);
  }
  // `enum` alone: the notes list the values, read as a string's would be.
  const valuesInNotes = parsed.kind === 'enum' && parsed.values.length === 0;
  const text: TypeExpression = { kind: 'scalar', schema: { type: 'string' }, ...(parsed.nullable ? { nullable: true as const } : {}) };
  const type = valuesInNotes ? text : dayOrInstant(name, column.typeText, wholeByName(name, column.typeText, keyTyped(name, parsed)));
  const described = extractHintTokens(written.description);
  const hinted = extractHintTokens(written.hints ?? '');
  const notes = readFieldNotes([described.text, hinted.text].filter(Boolean).join('; '), type, file, rowLine, valuesInNotes, name);
  // `enum` and `Ver valores arriba`: another table of the document lists the values (resolved once all are read).
  const valuesElsewhere = valuesInNotes && notes.type?.kind !== 'enum' ? { [ENUM_ELSEWHERE]: true } : {};
  const defaultCell = (written.defaultText ?? '').replace(/`/g, '').trim();
  const required = notes.required ?? marked.required ?? written.required ?? (column.nullable === false && column.defaultText === undefined);
  const writtenDefault = defaultCell !== '' ? defaultCell : (notes.defaultText ?? column.defaultText);
  // `当前时间`, `CURRENT_TIMESTAMP`: a moment the database stamps, which no client sends.
  const stamped = writtenDefault !== undefined && NOW_DEFAULT.test(writtenDefault) && isMoment(notes.type ?? type);
  const defaultText = stamped ? undefined : writtenDefault;
  return {
    name,
    type: notes.type ?? type,
    required,
    ...(described.text !== '' || label !== undefined ? { description: [label, described.text].filter((part) => part !== undefined && part !== '').join(' — ') } : {}),
    ...(defaultText !== undefined ? { defaultText } : {}),
    hints: mergedHints(
      columnHints(column, typeText, file, rowLine),
      stamped ? { readOnly: true } : serverStamp(name, notes.type ?? type),
      notes.hints,
      fieldHints([...described.tokens, ...hinted.tokens], file, rowLine),
      valuesElsewhere,
      // `| 会場コード | venue_code |`: rules may name the field by its label (`会場コードは一意とする`).
      label !== undefined && label !== name ? { [SCHEMA_HINTS.aliases]: [label] } : {},
      written.setByServer === true ? { readOnly: true } : {},
    ),
    line: rowLine,
  };
}

/**
 * `Date` is TypeScript's and Java's instant, yet people listing fields mean a day by it
 * (`purchased_on Date`, `geburtsdatum Date`): a day, unless the name says a moment (`created_at`, `startTime`,
 * `lastModified`, Alibaba's `gmt_create`).
 */
function dayOrInstant(name: string, typeText: string, type: TypeExpression): TypeExpression {
  if (typeText.replace(/`/g, '').replace(/\s*\|\s*(?:null|undefined)\b/g, '').trim() !== 'Date' || type.kind !== 'scalar') return type;
  const moment = /(?:_at|At|time|Time|stamp|Stamp|[Cc]reated|[Uu]pdated|[Mm]odified)$|^gmt(?:_|[A-Z])/.test(name);
  return { ...type, schema: { ...type.schema, format: moment ? 'date-time' : 'date' } };
}

/** Defaults saying "the moment of the insert": `当前时间`, `CURRENT_TIMESTAMP`, `now()`, `現在日時`. */
const NOW_DEFAULT = /^(?:当前时间|当前日期|系统时间|現在日時|現在時刻|current_timestamp(?:\(\d*\))?(?:\s+on\s+update\s+current_timestamp(?:\(\d*\))?)?|now\(\)|now|getdate\(\)|sysdate(?:\(\))?|localtimestamp)$/iu;

/** A NOT NULL column with a default (`0`, not the insert's moment) is one clients need not send. */
function hasDefault(cell: string): boolean {
  const text = cell.replace(/`/g, '').trim();
  return text !== '' && !NOW_DEFAULT.test(text) && !/^(?:自增|自动递增|auto_?increment|identity|serial)$/iu.test(text);
}

function isMoment(type: TypeExpression): boolean {
  return type.kind === 'scalar' && type.schema.type === 'string' && (type.schema.format === 'date-time' || type.schema.format === 'date');
}

/** `createdAt: Date`, `updated_at | datetime`, `deletedAt: Date | null`: the moments the server stamps a row with, which no client sends. */
function serverStamp(name: string, type: TypeExpression): Record<string, unknown> {
  const moment = type.kind === 'scalar' && type.schema.type === 'string' && type.schema.format === 'date-time';
  return moment && /^(?:created|updated|deleted)(?:_at|At)$/.test(name) ? { readOnly: true } : {};
}

/** `capacity | 数値`: a number of any kind named as a count is an integer (`8`, never `8.0`). */
function wholeByName(name: string, typeText: string, type: TypeExpression): TypeExpression {
  const generic = type.kind === 'scalar' && type.schema.type === 'number' && type.schema.format === undefined && ANY_NUMBER_WORD.test(typeText.replace(/`/g, '').trim());
  return generic && WHOLE_NAME.test(name) ? { ...type, schema: { ...type.schema, type: 'integer' } } : type;
}

/** TypeScript has no integers: `id: number`, `user_id: number`, `tag_ids: number[]` are keys, integers. */
function keyTyped(name: string, type: TypeExpression): TypeExpression {
  const isNumber = (t: TypeExpression) => t.kind === 'scalar' && t.schema.type === 'number' && t.schema.format === undefined;
  if (/^(?:id|.+_id|.+Id)$/.test(name) && isNumber(type)) return { kind: 'scalar', schema: { type: 'integer' } };
  if (/^(?:.+_ids|.+Ids)$/.test(name) && type.kind === 'array' && isNumber(type.items)) return { kind: 'array', items: { kind: 'scalar', schema: { type: 'integer' } } };
  return type;
}

/** `TEXT NULL` makes the type nullable; `NOT NULL` leaves it as it is. */
function withNullability(type: TypeExpression | undefined, column: SqlColumnModifiers): TypeExpression | undefined {
  return type && column.nullable === true ? { ...type, nullable: true } : type;
}

/** The hints a SQL column definition's `UNIQUE` and `REFERENCES t(id)` ask for, with why. */
function columnHints(column: SqlColumnModifiers, written: string, file: string, line: number): SchemaNode {
  const hints: SchemaNode = {};
  const why: Record<string, { rule: string; file: string; line: number }> = {};
  const rule = `the column definition "${written.replace(/`/g, '').trim()}"`;
  if (column.unique) {
    hints[SCHEMA_HINTS.unique] = true;
    why[SCHEMA_HINTS.unique] = { rule, file, line };
  }
  if (column.references !== undefined) {
    hints[SCHEMA_HINTS.references] = column.references;
    why[SCHEMA_HINTS.references] = { rule, file, line };
  }
  return Object.keys(why).length > 0 ? { ...hints, [SCHEMA_HINTS.why]: why } : hints;
}

/** Hints from several readings of one row, later ones winning, their reasons kept together. */
function mergedHints(...all: SchemaNode[]): SchemaNode {
  const merged: SchemaNode = Object.assign({}, ...all);
  const reasons = all.map((hints) => hints[SCHEMA_HINTS.why] as Record<string, unknown> | undefined).filter((why) => why !== undefined);
  if (reasons.length > 0) merged[SCHEMA_HINTS.why] = Object.assign({}, ...reasons);
  return merged;
}
