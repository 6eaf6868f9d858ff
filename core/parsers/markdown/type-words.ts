import type { SchemaNode } from '../../model/api-document.js';

const TEXT: SchemaNode = { type: 'string' };
const INTEGER: SchemaNode = { type: 'integer' };
const LONG: SchemaNode = { type: 'integer', format: 'int64' };
const NUMBER: SchemaNode = { type: 'number' };
const DECIMAL: SchemaNode = { type: 'number', format: 'decimal' };
const BOOLEAN: SchemaNode = { type: 'boolean' };
const DATE: SchemaNode = { type: 'string', format: 'date' };
const DATE_TIME: SchemaNode = { type: 'string', format: 'date-time' };
const TIME: SchemaNode = { type: 'string', format: 'time' };
const EMAIL: SchemaNode = { type: 'string', format: 'email' };
const URL: SchemaNode = { type: 'string', format: 'uri' };
const BINARY: SchemaNode = { type: 'string', format: 'binary' };
const OBJECT: SchemaNode = { type: 'object', additionalProperties: true };

/**
 * Type words of the languages API lists come in, lower case, as people write them in a table's
 * type column: Chinese, Japanese, Korean, Spanish, Portuguese, French, Italian, German, Dutch,
 * Vietnamese. A word a language shares with another (`texto`, `data`) means the same in both.
 */
const WORDS_BY_TYPE: [SchemaNode, string[]][] = [
  [TEXT, ['字符串', '字符', '字符型', '文本', '短文本', '长文本', '字串', '文字列', 'テキスト', '文字', '문자열', '텍스트', 'cadena', 'cadena de texto', 'cadena de caracteres', 'texto', 'cadeia', 'cadeia de caracteres', 'chaîne', 'chaine', 'chaîne de caractères', 'texte', 'stringa', 'testo', 'zeichenkette', 'zeichenfolge', 'tekst', 'chuỗi', 'văn bản', 'chuỗi ký tự', 'testo lungo', 'texto largo', 'texto longo', 'texte long', 'langer text', 'văn bản dài', '長文', '긴 텍스트', '区分', 'コード', '区分値', '코드', '구분']],
  [INTEGER, ['整数', '整型', '整形', '整数型', '整数値', '정수', 'entero', 'número entero', 'inteiro', 'número inteiro', 'entier', 'nombre entier', 'intero', 'numero intero', 'ganzzahl', 'ganze zahl', 'geheel getal', 'số nguyên']],
  [LONG, ['长整型', '长整数', '長整数']],
  [NUMBER, ['数字', '数值', '数値', '浮点', '浮点数', '浮点型', '双精度', '浮動小数点', '숫자', '실수', 'número', 'numero', 'flotante', 'real', 'nombre', 'flottant', 'nombre réel', 'virgola mobile', 'zahl', 'gleitkommazahl', 'kommazahl', 'getal', 'số', 'số thực']],
  [DECIMAL, ['小数', '金额', '货币', '小数型', '金額', '通貨', '소수', '금액', 'decimal', 'moneda', 'importe', 'monto', 'moeda', 'dinheiro', 'valor monetário', 'monetário', 'dinero', 'monetario', 'denaro', 'argent', 'geld', 'geldbetrag', '화폐', '통화', 'décimal', 'monnaie', 'montant', 'decimale', 'importo', 'valuta', 'dezimalzahl', 'dezimal', 'betrag', 'währung', 'decimaal', 'bedrag', 'số thập phân', 'tiền']],
  [BOOLEAN, ['yes/no', 'yes / no', 'y/n', 'true/false', 'flag', 'toggle', '布尔', '布尔值', '布尔型', '真偽値', 'ブール', 'ブール値', '논리', '불리언', 'booleano', 'lógico', 'logico', 'verdadero/falso', 'sí/no', 'si/no', 'sim/não', 'booléen', 'booleen', 'vrai/faux', 'oui/non', 'boolesch', 'wahrheitswert', 'ja/nein', 'logisch', 'ja/nee', 'luận lý', 'logic', 'đúng/sai', 'có/không']],
  [DATE, ['日期', '日付', '年月日', '날짜', 'fecha', 'data', 'date', 'datum', 'ngày']],
  [DATE_TIME, ['日期时间', '时间日期', '时间戳', '日時', 'タイムスタンプ', '일시', '날짜시간', '타임스탬프', 'fecha y hora', 'fecha/hora', 'fecha-hora', 'marca de tiempo', 'data e hora', 'data/hora', 'carimbo de data/hora', 'date et heure', 'date/heure', 'date-heure', 'date heure', 'data-hora', 'data-ora', 'datum-uhrzeit', 'datum-tijd', 'horodatage', 'data e ora', 'data/ora', 'datum und uhrzeit', 'datum/uhrzeit', 'zeitstempel', 'datum/tijd', 'tijdstempel', 'ngày giờ', 'thời gian', 'thời điểm', 'dấu thời gian']],
  [TIME, ['时间', '時刻', '시간', 'hora', 'heure', 'ora', 'uhrzeit', 'tijd', 'giờ']],
  [EMAIL, ['邮箱', '电子邮件', '电子邮箱', 'メール', 'メールアドレス', '이메일', 'correo', 'correo electrónico', 'e-mail', 'courriel', 'adresse e-mail', 'adresse email', 'posta elettronica']],
  [URL, ['链接', '网址', 'リンク', 'enlace', 'lien', 'link']],
  [BINARY, ['文件', '二进制', 'ファイル', 'バイナリ', '파일', 'archivo', 'fichier', 'arquivo', 'datei', 'bestand', 'tệp']],
  [OBJECT, ['对象', 'json对象', 'オブジェクト', '객체', 'objeto', 'objet', 'oggetto', 'objekt', 'object', 'đối tượng']],
];

/**
 * A count's or an ordinal's name (`viewCount`, `total`, `sort`, `age`, `capacity`): a number there
 * is an integer, where the type written cannot say so (TypeScript's `number`, Japanese `数値`).
 */
export const WHOLE_NAME = /(?:^|_|[a-z])(?:count|Count|total|Total|num|Num|quantity|Quantity|qty|Qty|age|Age|sort|Sort|stock|Stock|level|Level|rank|Rank|year|Year|capacity|Capacity|floor|Floor|seats|Seats|attendees|Attendees)$/;

/** Words for a number of any kind, integer or not: `数値`, `数字`, `número`, `Zahl`. */
export const ANY_NUMBER_WORD = /^(?:number|numeric|数値|数字|数值|숫자|número|numero|nombre|zahl|getal|số)$/iu;

export const TYPE_WORDS: Record<string, SchemaNode> = Object.fromEntries(WORDS_BY_TYPE.flatMap(([schema, words]) => words.map((word) => [word, schema])));
