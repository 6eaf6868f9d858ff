import type { SchemaNode } from '../../model/api-document.js';
import { readOnDeleteRule, SCHEMA_HINTS } from '../../model/hints.js';
import { toPascal } from '../../naming.js';
import type { TypeExpression } from './type-expression.js';
import { numberedCodes } from './numbered-codes.js';
import { uniqueScopeOf } from './unique-scope.js';
import { WORD_END as END, WORD_START as START } from './word-edges.js';

/** What a field's notes say in plain words (`unique code`, `默认 normal`, `references doctors`). */
export interface FieldNotes {
  hints: SchemaNode;
  required?: boolean;
  defaultText?: string;
  /** `one of a, b, c` on a string: an enum. */
  type?: TypeExpression;
}

const NEGATED_UNIQUE = /\b(?:not|non)[\s-]+unique\b|不唯一|非唯一|(?<![不])可重复|(?<![不])可以重复/i;
const UNIQUE = /(?<![\p{L}\p{N}_])(?:uniq(?:ue)?|unik|benzersiz|tekil|unikaln\p{L}*|únic[oa]|eindeutig|duy nhất)(?![\p{L}\p{N}_])|\bno\s+(?:puede|debe)\s+repetirse\b|\bno\s+se\s+(?:puede|debe)\s+repetir\b|\bne\s+(?:peut|doit)\s+pas\s+être\s+(?:répété|dupliqué)e?\b|唯一|不可重复|不能重复|不允许重复|一意|ユニーク|重複(?:不可|禁止|なし|できない|してはならない|しない|は(?:不可|できない|禁止))|중복\s*(?:불가능?|금지|허용\s*(?:안\s*됨|불가|하지\s*않음)|될\s*수\s*없)|유일|고유|유니크|(?<![\p{L}])(?:univoc[oa]|unic[oa]|única|único|уникальн\p{L}*)(?![\p{L}])|không\s+(?:được\s+)?trùng/iu;
const INDEXED = /\b(?:indexed|index(?:ed)?\s+on|has\s+an\s+index|indexé|indiziert|indexado)\b|^index$|索引|インデックス/iu;
const DEFAULT = /(?:\bdefaults?(?:\s+(?:to|is|value)\b)?|(?:默认|预设)(?:值)?(?:为|是)?|\bpor\s+defecto|\bpredeterminado|\bpar\s+défaut|\bstandardmäßig|\bstandardwert|\bstandard(?=\s*[:：=])|(?<=(?:^|[;,；，])\s*)standard(?=\s+[^\s,;]+\s*(?:$|[;,；，]))|\bmặc định|デフォルト(?:値)?|既定値|初期値(?:は)?|省略時(?:は)?|기본값|기본\s*값|\bpredefinito|\bpor\s+padrão|\bpadrão|по\s+умолчанию)\s*[:：=]?\s*[`"'“]?([^`"'”,;，；。\s)）]+)/iu;
const REFERENCES = /(?:\breferences|\brefers\s+to|\bfk\s*(?:to\b|of\b|→|->|=>|:)|^(?:→|->|=>)|\bref(?:erence)?\s*(?:to\b|→|->|:)|\bforeign\s+key\s+(?:to|of)|\bpoints\s+to|\blinks\s+to|关联(?!查询|查出|带出|获取|展示|显示)|外键(?:到|指向)?|引用|参照|\breferencias?(?:\s+a)?|\bréférences?(?:\s+(?:à|aux?|vers|sur))?|\bverweist\s+auf|\breferenziert|tham\s+chiếu(?:\s+(?:đến|tới))?)\s*[:：]?\s*(?:(?:the|an?|another|other|its|their|some|one|l[ae]s?|une?|el|los|las|der|die|das|den|einen?|einem|outr[oa]|otr[oa]|un\s+autre|une\s+autre|einen?\s+anderen?)\s+|[ld]['’]|的)*[`"']?([\p{L}_][\p{L}\p{N}_.]*)/iu;
/** `references Guest`, `FK → guests.id`: a note naming the row a key points at, written where the type goes. */
export function readsAsReference(text: string): boolean {
  return referencedName(text) !== undefined;
}

/**
 * The row a reference written where the type goes names (`references Guest`, `FK → guests.id`),
 * in one word: `reference to Ticket type` names `TicketType`. Undefined when the text says more.
 */
export function referencedName(text: string): string | undefined {
  const match = REFERENCES.exec(text.trim());
  if (match === null || match.index !== 0) return undefined;
  const rest = text.trim().slice(match[0].length).replace(/^[.(]\s*\w+\s*\)?/, '').trim();
  if (rest === '') return match[1];
  // `Ticket type`: a name in two or three words.
  return /^\p{L}+(?:\s+\p{L}+)?$/u.test(rest) ? toPascal(`${match[1]} ${rest}`) : undefined;
}

const ON_DELETE_NOTE = /\bon\s+delete\s*[:=]?\s*(cascade|restrict|set[\s_-]+null|no[\s_-]+action)\b/i;

/** Korean names the row before the key (`다른 회원의 ID`, `회원 ID`, `지점 참조`): a Hangul noun, `다른` (another) left off. */
// `회원 참조`, `회원을 가리킴`, `다른 회원의 ID`: said outright. `생성한 사용자 ID` only glosses the key, which may be an outside system's (derive/note-keys.ts reads it).
const KOREAN_REFERENCE = /다른\s*([\uac00-\ud7a3]+?)의?\s*(?:ID|id|아이디)(?![\p{L}])|([\uac00-\ud7a3]+?)(?:의|을|를)?\s*(?:참조|가리킴)(?![\p{L}])/u;
const READ_ONLY = /\bread[\s-]?only\b|\boutput[\s-]only\b|\bserver[\s-](?:generated|set|side|assigned)\b|^(?:set\s+by\s+(?:the\s+)?)?server$|\bset\s+by\s+(?:the\s+)?(?:server|system|app|database|backend)\b|\b(?:server|system|backend|database|app)\s+(?:sets|fills|assigns|generates)\s+(?:it|this|them)\b|\bassigned\s+by\s+(?:the\s+)?(?:server|system)\b|\b(?:asignad[oa]|generad[oa]|establecid[oa])\s+por\s+el\s+(?:servidor|sistema)\b|\b(?:défini|généré|attribué)e?\s+par\s+le\s+(?:serveur|système)\b|\bvom\s+(?:server|system)\s+(?:gesetzt|vergeben|erzeugt)\b|サーバー(?:側)?で(?:設定|生成|採番)|服务端设置|系统设置|\bauto[\s-]?generated\b|只读|自动生成|系统生成|服务端生成|\bsolo\s+lectura\b|\blecture\s+seule\b|schreibgeschützt|読み取り専用/iu;
/** `主键`, `primary key`, `PK`, `clave primaria`, `Primärschlüssel`, `technischer Schlüssel`, `主キー`: the row's key. */
const PRIMARY_KEY = /(?<![\p{L}])(?:primary[\s-]key|pk|clave\s+primaria|chave\s+prim[áa]ria|cl[ée]\s+primaire|chiave\s+primaria|prim[äa]rschl[üu]ssel|technischer\s+schl[üu]ssel|kh[óo]a\s+ch[íi]nh)(?![\p{L}])|主键|主キー|기본\s*키|기본키/iu;
/** A primary key said not to be: `not the primary key`, `不是主键`. */
const NOT_PRIMARY_KEY = /\b(?:not|no)\s+(?:the\s+|a\s+)?(?:primary[\s-]key|pk)\b|不是主键|非主键/iu;
const WRITE_ONLY = /\bwrite[\s-]?only\b|只写/iu;
const OPTIONAL = /\boptional\b|可选|选填|非必填|\bopcional\b|\bfacultatif\b/iu;
/**
 * Codes listed with slashes or bars, in brackets or before `のいずれか`/`之一` or a remark in brackets:
 * `(active / retired)`, `male / female / other のいずれか`, `` `todo` | `done` (default `todo`) ``.
 */
const SLASHED_CODES = /(?:^|[(（:：]\s*)(`?[a-z][a-z0-9_-]*`?(?:(?:\s+\/\s+|\s*\|\s*)`?[a-z][a-z0-9_-]*`?)+|`?[A-Z][A-Z0-9_]*`?(?:(?:\s+\/\s+|\s*\|\s*)`?[A-Z][A-Z0-9_]*`?)+|[A-Z][A-Z0-9_]+(?:\/[A-Z][A-Z0-9_]+)+)\s*(?:[)）。，；;,(（]|\.(?:\s|$)|のいずれか|のどれか|之一|中的一个|$)/u;
const ONE_OF = /(?:\bone\s+of|\ballowed\s+values?|\bvalues?|可选值|取值(?:范围)?|枚举值?|\buno\s+de|\bum[a]?\s+de|\bvalores?(?:\s+(?:possíveis|posibles|permitidos))?|\buno\s+tra|\bvalori|\bvaleurs?|허용\s*값|가능한\s*값|\bmột\s+trong(?:\s+(?:các|những))?(?:\s+giá\s+trị)?|\bgiá\s+trị|\beine[rs]?\s+(?:von|aus)|\bwerte?|\bparmi|\bl['’]un\s+des?)\s*[:：]\s*([^;；]+)|\bone\s+of\s+([^;；]+)|(?:可选(?:值)?|取值(?:范围)?|枚举值?)\s*([A-Za-z0-9_-]+(?:\s*[/|、]\s*[A-Za-z0-9_-]+)+)/iu;
/** Where a list of values ends and a remark begins: `low, medium, high — default medium`, `a, b (see below)`. */
const LIST_END = /\s+[—–-]\s+|\s*[(（]|\.(?:\s|$)|。/u;
/** A code with the gloss in brackets some writers put after each value: `pending（仮予約）`, `` `draft` (brouillon) ``. */
const GLOSSED_CODE = String.raw`\x60?([A-Za-z][A-Za-z0-9_-]*)\x60?\s*[(（][^)）]*[)）]`;
/** Between two glossed codes: a comma or slash, or the word for "or" (`M (macho) o H (hembra)`). */
const GLOSS_SEPARATOR = String.raw`(?:\s*[,，、/|]\s*|\s+(?:or|o|ou|oder|of|hoặc|atau|lub|veya|или)\s+|\s*(?:或者|或)\s*)`;
/** Two glossed codes or more, and nothing else but a label: `pending（仮予約）、confirmed（確定）、cancelled（キャンセル）`. */
const GLOSSED_CODES = new RegExp(String.raw`^(?:[^:：;；]{0,40}(?:[:：;；]|\s[—–-])\s*)?((?:${GLOSSED_CODE}${GLOSS_SEPARATOR})+${GLOSSED_CODE})\s*[.。]?$`, 'u');

/**
 * A code and, after a space, what it means: `PROBATION 试用`, `0 启用`, `A active`, `active 启用`.
 * A code in lower case takes a meaning in another script, or English prose (`Two-letter code`) would read as codes.
 */
const GLOSS = String.raw`[^\s,，、;；()（）:：=＝]*\p{L}[^\s,，、;；()（）:：=＝]*`;
const SPACED_GLOSS = String.raw`(?:[A-Z0-9][A-Z0-9_]*\s*[=＝]?\s+${GLOSS}|[a-z][a-z0-9_]*\s*[=＝]?\s+[^\s,，、;；()（）:：=＝\x00-\x7F]+)`;
/**
 * Two codes or more, each with its meaning after it, after a label or in brackets: `员工状态：PROBATION 试用，REGULAR 正式，RESIGNED 离职`,
 * `部门状态（0 启用，1 停用）`.
 */
const SPACED_GLOSSES = new RegExp(String.raw`(?:^|[:：(（]\s*)((?:${SPACED_GLOSS}\s*[,，、;；]\s*)+${SPACED_GLOSS})\s*(?:[)）]|[.。]?\s*$)`, 'u');

/** The word before a list's last item: `a, b or c`, `a, b ou c`, `a, b oder c`... */
const LAST_OF_LIST = String.raw`(?:,\s*|\s+)(?:or|ou|o|oder|of|oppure|hoặc|или|또는)\s+|\s*(?:或|或者|または)\s*`;
/** Codes in code spans, listed: `` `prevu`, `confirme`, `annule` ou `termine` ``. */
const CODE_LIST = new RegExp(String.raw`^(?:[^\x60]*[:：]\s*)?((?:\x60[^\x60\s]+\x60\s*[,，、]\s*)*\x60[^\x60\s]+\x60(?:${LAST_OF_LIST})\x60[^\x60\s]+\x60)`, 'iu');
/** Three codes or more in code spans, commas alone between them: `` `todo`, `doing`, `review`, `done`. Default `todo` ``. */
const CODE_COMMA_LIST = /^(?:[^\x60]*[:：]\s*)?((?:\x60[^\x60\s]+\x60\s*[,，、]\s*){2,}\x60[^\x60\s]+\x60)/u;
/** Words saying codes are examples of a value, not its only values: `e.g. `KB-001`, `KB-002``. */
const EXAMPLE_WORDS = /(?<![\p{L}])(?:e\.?g|for\s+example|example|examples|such\s+as|like|contoh|misal(?:nya)?|ejemplo|por\s+ejemplo|exemple|par\s+exemple|beispiel|z\.\s?b|esempio|exemplo|ví\s+dụ|пример|например|örnek|örneğin|przykład|np)(?![\p{L}])|例|示例|比如|如/iu;
/**
 * A note that is a list of lowercase words and nothing else but a label before it or a remark in
 * brackets after it: `Espèce : chien, chat, lapin, furet ou autre`, `prevu, confirme, annule ou
 * termine (par défaut : prevu)`. Without a label, three words at least: `email or phone` is prose.
 */
const LISTED_WORDS = String.raw`[\p{Ll}\p{N}_-]+`;
const LABELLED_LIST = new RegExp(String.raw`^[^:：,]{1,40}[:：]\s*((?:${LISTED_WORDS}\s*,\s*)+${LISTED_WORDS}(?:${LAST_OF_LIST})${LISTED_WORDS})\s*[.。]?\s*(?:[(（].*)?$`, 'u');
/** Codes in capitals after a label, with or without a last `or`: `회원권 종류: MONTHLY, QUARTERLY, YEARLY`, `Gender: M / F` is SLASHED_CODES'. */
const UPPER_CODE = String.raw`[\p{Lu}][\p{Lu}\p{N}_]*`;
const LABELLED_CODES = new RegExp(String.raw`^[^:：,]{1,40}[:：]\s*((?:${UPPER_CODE}\s*,\s*)+${UPPER_CODE}(?:(?:${LAST_OF_LIST})${UPPER_CODE})?)\s*[.。]?\s*(?:[(（].*)?$`, 'u');
const BARE_LIST = new RegExp(String.raw`^((?:${LISTED_WORDS}\s*,\s*){2,}${LISTED_WORDS}(?:${LAST_OF_LIST})${LISTED_WORDS})\s*[.。]?\s*(?:[(（].*)?$`, 'u');
/** Three words or more after a label, commas alone between them: `Peran di tim: admin, manajer, developer, tester`. */
const LABELLED_COMMA_LIST = new RegExp(String.raw`^[^:：,]{1,40}[:：]\s*((?:${LISTED_WORDS}\s*,\s*){2,}${LISTED_WORDS})\s*(?:[.。;；]\s*(?:.*)|[(（].*)?$`, 'u');
/** Three words or more, commas alone between them, then the default one of them: `todo, doing, done. Default todo`. */
const DEFAULTED_LIST = new RegExp(String.raw`^((?:${LISTED_WORDS}\s*,\s*){2,}${LISTED_WORDS})(?!${LAST_OF_LIST})\s*[.。;；,]?\s*(?=\S)`, 'iu');

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
/** Both bounds at once, inclusive: `between 1 and 500`, `entre 1 y 500`, `zwischen 1 und 5`, `từ 1 đến 500`, `介于1和500之间`, `1〜500`. */
const RANGE = new RegExp(
  String.raw`(?:${START}(?:between|from|entre|zwischen|von|từ)${END}|介于|在)\s*${NUMBER}\s*(?:${START}(?:and|to|y|a|et|à|und|bis|đến|và)${END}|和|与|至|到|-|–|~|～|〜)\s*${NUMBER}|${NUMBER}\s*(?:〜|～|~)\s*${NUMBER}`,
  'iu',
);
/**
 * A comparison said not to hold (`cannot be less than 0` is at least 0): English `not`, `never`,
 * `cannot`, `must not`...; Chinese `不`, `不能`, `不可`, `不得`, `不应`, `不允许`.
 */
const ENGLISH_NOT = String.raw`\b(?:not|never|cannot|can['’]t|mustn['’]t|shouldn['’]t|isn['’]t|no)\s+(?:be\s+|go\s+|fall\s+|drop\s+)?`;
const CHINESE_NOT = '不(?:能|可以?|得|应该?|允许|要|会|能够)?(?:为|是)?';
/** What a text's length is counted in, in the languages documents are written in. */
const LENGTH_UNITS = String.raw`(?:characters?|chars?|letters?|caract[èe]res?|caracteres|zeichen|caratteri|ký\s+tự|文字|字符|个字|字|자|글자)`;
/** Both bounds of a length or count, by its unit: `3–120 chars`, `1-200 characters`, `2 to 10 letters`, `5~20字`. */
const COUNTED_RANGE = new RegExp(String.raw`${START}${NUMBER}\s*(?:-|–|—|~|～|〜|${START}(?:to|a|à|bis|đến)${END}|到|至)\s*${NUMBER}\s*${LENGTH_UNITS}`, 'iu');

/** Bounds in words, each with the JSON Schema keyword it states: `must be greater than 0`, `> 0`, `大于0`, `at most 100`, `不超过100`. */
const BOUNDS: [RegExp, 'exclusiveMinimum' | 'minimum' | 'exclusiveMaximum' | 'maximum'][] = [
  [new RegExp(String.raw`(?:\bat\s+least|${ENGLISH_NOT}(?:less|lower|fewer|smaller)\s+than|${ENGLISH_NOT}below|\bgreater\s+than\s+or\s+equal\s+to|\bminimum(?:\s+of)?|\bm[ií]n\.?|>=|≥|大于等于|${CHINESE_NOT}(?:小于|少于|低于)|至少|最少|最小|${START}(?:mínimo|minimal|minimale?|al\s+menos|como\s+mínimo|au\s+moins|mindestens|tối\s+thiểu|ít\s+nhất|mayor\s+o\s+igual\s+(?:que|a)|maior\s+ou\s+igual\s+a|sup[ée]rieure?s?\s+ou\s+[ée]gale?s?\s+[àa]|gr[öo](?:ß|ss)er\s+oder\s+gleich|lớn\s+hơn\s+hoặc\s+bằng)${END})\s*[:：]?\s*${NUMBER}`, 'iu'), 'minimum'],
  [new RegExp(String.raw`(?:\bat\s+most|${ENGLISH_NOT}(?:more|greater|higher|larger)\s+than|\b(?:not|never|cannot|can['’]t|mustn['’]t|shouldn['’]t)\s+exceed|${ENGLISH_NOT}above|\bless\s+than\s+or\s+equal\s+to|\bup\s+to|\bmaximum(?:\s+of)?|\bm[aá]x\.?|<=|≤|小于等于|${CHINESE_NOT}(?:超过|大于|多于|高于)|最多|最大|${START}(?:máximo|maximal|maximale?|como\s+máximo|no\s+más\s+de|hasta|au\s+plus|pas\s+plus\s+de|höchstens|tối\s+đa|không\s+quá|nhiều\s+nhất|menor\s+o\s+igual\s+(?:que|a)|menor\s+ou\s+igual\s+a|inf[ée]rieure?s?\s+ou\s+[ée]gale?s?\s+[àa]|kleiner\s+oder\s+gleich|nhỏ\s+hơn\s+hoặc\s+bằng)${END})\s*[:：]?\s*${NUMBER}`, 'iu'), 'maximum'],
  // The word after the number: `100 caractères max.`, `50 chars maximum`, `3 minimum` (never a bare `min`: `30 min` is minutes).
  [new RegExp(String.raw`${NUMBER}\s*(?:${LENGTH_UNITS}\s*)?(?:max\.?|maxi|maximum|au\s+maximum|maximal)(?![\p{L}\p{N}])`, 'iu'), 'maximum'],
  [new RegExp(String.raw`${NUMBER}\s*(?:${LENGTH_UNITS}\s*)?(?:mini|minimum|au\s+minimum|minimal)(?![\p{L}\p{N}])`, 'iu'), 'minimum'],
  // Japanese and Chinese put the word after the number: 1以上, 500以下, 100未満.
  [new RegExp(String.raw`${NUMBER}\s*以上`, 'u'), 'minimum'],
  [new RegExp(String.raw`${NUMBER}\s*以下`, 'u'), 'maximum'],
  [new RegExp(String.raw`${NUMBER}\s*未満`, 'u'), 'exclusiveMaximum'],
  [new RegExp(String.raw`(?:(?<!${ENGLISH_NOT})\b(?:greater|more|higher|larger)\s+than|(?<!${ENGLISH_NOT})\babove|(?<![<=])>(?!=)|(?<!${CHINESE_NOT})(?:大于|超过|高于|多于))\s*${NUMBER}`, 'iu'), 'exclusiveMinimum'],
  [new RegExp(String.raw`(?:(?<!${ENGLISH_NOT})\b(?:less|lower|fewer|smaller)\s+than|(?<!${ENGLISH_NOT})\bbelow|(?<![>=])<(?!=)|(?<!${CHINESE_NOT})(?:小于|低于|少于))\s*${NUMBER}`, 'iu'), 'exclusiveMaximum'],
  // Strict comparisons in Spanish, Portuguese, French, German and Vietnamese: `mayor que 0`, `superior a 1450`, `supérieure à 1450`, `größer als 0`, `lớn hơn 0`.
  [new RegExp(String.raw`${START}(?:mayor\s+que|superior\s+a|maior\s+(?:que|do\s+que)|sup[ée]rieure?s?\s+[àa]|plus\s+grande?s?\s+que|gr[öo](?:ß|ss)er\s+als|über|lớn\s+hơn|trên)${END}\s*${NUMBER}`, 'iu'), 'exclusiveMinimum'],
  [new RegExp(String.raw`${START}(?:menor\s+que|inferior\s+a|inf[ée]rieure?s?\s+[àa]|plus\s+petite?s?\s+que|kleiner\s+als|unter|nhỏ\s+hơn|dưới)${END}\s*${NUMBER}`, 'iu'), 'exclusiveMaximum'],
];
/** `non-negative`, `cannot be negative`, `不能为负`, `非负`, `no puede ser negativo`: at least 0. */
const NOT_NEGATIVE = new RegExp(String.raw`\bnon-?negative\b|${ENGLISH_NOT}negative\b|${CHINESE_NOT}负|非负|${START}(?:no\s+(?:puede|debe)\s+ser\s+negativ[oa]s?|ne\s+peut\s+pas\s+être\s+négati(?:f|ve)|nicht\s+negativ|không\s+(?:được\s+)?âm)${END}|負(?:の値)?(?:に|は)?(?:でき|不可|禁止)`, 'iu');
/** `a positive amount`: greater than 0. */
const POSITIVE = /(?<![\p{L}])(?:positive|positif|positiv[oa]s?|positiv)(?![\p{L}])|正数|必须为正|양수/iu;

/**
 * The bounds a field's notes state, as JSON Schema keywords for its type: a number's as written, an
 * integer's exclusive ones as the next integer, a text's as its length in characters.
 */
function boundsOf(notes: string, type: TypeExpression): SchemaNode {
  if (type.kind !== 'scalar') return {};
  const kind = type.schema.type;
  const bounds: SchemaNode = {};
  const found: [string, number][] = BOUNDS.flatMap(([pattern, keyword]) => {
    const written = pattern.exec(notes)?.[1];
    return written === undefined ? [] : [[keyword, Number(written)] as [string, number]];
  });
  const range = RANGE.exec(notes) ?? COUNTED_RANGE.exec(notes);
  if (range) {
    const [low, high] = (range[1] !== undefined ? [range[1], range[2]] : [range[3], range[4]]).map(Number) as [number, number];
    if (low <= high) found.push(['minimum', low], ['maximum', high]);
  }
  if (POSITIVE.test(notes)) found.push(['exclusiveMinimum', 0]);
  else if (NOT_NEGATIVE.test(notes) && !found.some(([keyword]) => keyword === 'minimum' || keyword === 'exclusiveMinimum')) found.push(['minimum', 0]);
  for (const [keyword, value] of found) {
    if (kind === 'number') bounds[keyword] = value;
    else if (kind === 'integer') bounds[keyword.replace(/^exclusiveM(\w)/, (_, c: string) => `m${c}`)] = keyword === 'exclusiveMinimum' ? Math.floor(value) + 1 : keyword === 'exclusiveMaximum' ? Math.ceil(value) - 1 : value;
    else if (kind === 'string' && type.schema.format === undefined && Number.isInteger(value)) {
      const lower = keyword === 'minimum' || keyword === 'exclusiveMinimum';
      bounds[lower ? 'minLength' : 'maxLength'] = keyword === 'exclusiveMinimum' ? value + 1 : keyword === 'exclusiveMaximum' ? value - 1 : value;
    }
  }
  return bounds;
}

/** `(project_id, number) unique` in the notes of `number`: the other field of the pair. */
function uniquePartner(notes: string, fieldName: string | undefined): string | undefined {
  const listed = /\(\s*(`?[A-Za-z_]\w*`?(?:\s*,\s*`?[A-Za-z_]\w*`?)+)\s*\)\s*(?:(?:is|are|must\s+be|should\s+be)\s+)?(?:unique|唯一)/iu.exec(notes);
  if (!listed || fieldName === undefined) return undefined;
  const names = listed[1]!.split(/\s*,\s*/).map((name) => name.replace(/`/g, ''));
  const others = names.filter((name) => name !== fieldName);
  return names.length === 2 && others.length === 1 ? others[0] : undefined;
}

/** Reads the rules a field's notes state; what they do not say stays description only. */
/**
 * `valuesInNotes`: the type says `enum` and no more; every code span of the notes is one of its
 * values (`` Một trong: `a`, `b`, `c`; mặc định `a` ``) when no list says otherwise.
 */
export function readFieldNotes(notes: string, type: TypeExpression, file: string, line: number, valuesInNotes = false, fieldName?: string): FieldNotes {
  const result: FieldNotes = { hints: {} };
  if (notes.trim() === '') return result;
  const why: Record<string, { rule: string; file: string; line: number }> = {};
  const because = (hint: string) => (why[hint] = { rule: `the field's note "${notes.trim()}"`, file, line });
  if (UNIQUE.test(notes) && !NEGATED_UNIQUE.test(notes)) {
    // `unique within the hotel`: among the hotel's rooms only, not in the whole table; `(project_id, number) unique` on number: among the project's.
    const scope = uniqueScopeOf(notes) ?? uniquePartner(notes, fieldName);
    const hint = scope === undefined ? SCHEMA_HINTS.unique : SCHEMA_HINTS.uniqueWithin;
    result.hints[hint] = scope ?? true;
    because(hint);
  }
  if (INDEXED.test(notes)) {
    result.hints[SCHEMA_HINTS.index] = true;
    because(SCHEMA_HINTS.index);
  }
  const korean = KOREAN_REFERENCE.exec(notes);
  const reference = REFERENCES.exec(notes)?.[1] ?? korean?.[1] ?? korean?.[2];
  if (reference !== undefined) {
    result.hints[SCHEMA_HINTS.references] = reference.replace(/\.\w+$/, '');
    because(SCHEMA_HINTS.references);
  }
  // `-> copies.id (on delete restrict)`, `ON DELETE CASCADE`: what deleting the row pointed at does here.
  const onDelete = readOnDeleteRule(ON_DELETE_NOTE.exec(notes)?.[1]);
  if (onDelete !== undefined) {
    result.hints[SCHEMA_HINTS.onDelete] = onDelete;
    because(SCHEMA_HINTS.onDelete);
  }
  if (PRIMARY_KEY.test(notes) && !NOT_PRIMARY_KEY.test(notes)) {
    result.hints[SCHEMA_HINTS.primaryKey] = true;
    because(SCHEMA_HINTS.primaryKey);
  }
  if (READ_ONLY.test(notes)) result.hints.readOnly = true;
  else if (WRITE_ONLY.test(notes)) result.hints.writeOnly = true;
  if (OPTIONAL.test(notes)) result.required = false;
  // `| isbn | string | * unique, 13 digits |`: the star that marks a required field, opening its notes.
  else if (/^\*(?:\s|$)/.test(notes.trim())) result.required = true;
  const defaultText = literalDefault(notes);
  if (defaultText !== undefined) result.defaultText = defaultText;
  const values = ONE_OF.exec(notes);
  if (values && type.kind === 'scalar' && type.schema.type === 'string' && type.schema.format === undefined) {
    const list = (values[1] ?? values[2] ?? values[3] ?? '').split(LIST_END)[0]!;
    const members = list.split(/\s*(?:,|，|、|\/|\||\bor\b|\bhoặc\b|\boder\b|\bou\b|\bo\b)\s*/).map((v) => v.replace(/[`"'.。]/g, '').trim()).filter((v) => /^[\p{L}\p{N}_-]+$/u.test(v));
    if (members.length >= 2) result.type = { kind: 'enum', values: [...new Set(members)] };
  } else if (type.kind === 'scalar' && type.schema.type === 'string' && type.schema.format === undefined) {
    const codes = SLASHED_CODES.exec(notes.trim())?.[1]?.replace(/`/g, '').split(/\s*[/|]\s*/) ?? listedValues(notes.trim()) ?? glossedCodes(notes.trim()) ?? spacedCodes(notes.trim()) ?? numberedCodes(notes.trim())?.map(String);
    if (codes && new Set(codes).size >= 2) result.type = { kind: 'enum', values: [...new Set(codes)] };
  } else if (type.kind === 'scalar' && (type.schema.type === 'integer' || (type.schema.type === 'number' && type.schema.format === undefined))) {
    // `0-待支付 1-已支付`: the number is stored, the meanings are documentation (TypeScript's `number` is an integer here).
    const codes = numberedCodes(notes.trim());
    if (codes) {
      result.hints.enum = codes;
      if (type.schema.type === 'number') result.hints.type = 'integer';
    }
  }
  if (valuesInNotes && result.type?.kind !== 'enum') {
    const listed = looseList(notes);
    // `` `M` (macho) o `H` (hembra) ``: the code spans, each glossed.
    const values = listed.length >= 2 ? listed : codeSpans(notes);
    if (values.length >= 2) result.type = { kind: 'enum', values };
  }
  const bounds = boundsOf(notes, type);
  for (const [keyword, value] of Object.entries(bounds)) {
    // A length or bound the field's own type already states more strictly (`varchar(50)`, "max 100") keeps the stricter.
    const current = type.kind === 'scalar' ? type.schema[keyword] : undefined;
    const lower = /^(?:min|exclusiveMin)/.test(keyword);
    result.hints[keyword] = typeof current === 'number' && typeof value === 'number' ? (lower ? Math.max(current, value) : Math.min(current, value)) : value;
  }
  // A note's bound over the type's looser one of the other kind (`numeric(10,2)` and "greater than 0"): the note's alone.
  for (const [noted, typed, lower] of LOOSER_BOUNDS) {
    const note = bounds[noted];
    const own = type.kind === 'scalar' ? type.schema[typed] : undefined;
    if (typeof note === 'number' && typeof own === 'number' && bounds[typed] === undefined && (lower ? own <= note : own >= note)) result.hints[typed] = undefined;
  }
  if (Object.keys(why).length > 0) result.hints[SCHEMA_HINTS.why] = why;
  return result;
}

const LOOSER_BOUNDS: readonly (readonly ['minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum', 'minimum' | 'exclusiveMinimum' | 'maximum' | 'exclusiveMaximum', boolean])[] = [
  ['exclusiveMinimum', 'minimum', true],
  ['minimum', 'exclusiveMinimum', true],
  ['exclusiveMaximum', 'maximum', false],
  ['maximum', 'exclusiveMaximum', false],
];

/**
 * The default a note writes as a value: `default 25`, `默认 draft，可选…`, `` default `#cccccc` ``; not
 * one said in words (`Defaults to product name when empty`, `defaults to the customer's country`),
 * whose first word is no value: an unquoted word with more English words after it is prose.
 */
function literalDefault(notes: string): string | undefined {
  const match = DEFAULT.exec(notes);
  if (!match) return undefined;
  const value = match[1]!;
  const quoted = /[`"'“]\s*$/u.test(match[0].slice(0, match[0].length - value.length));
  const rest = notes.slice(match.index + match[0].length);
  // `default true if omitted`: a value, then when it applies.
  const prose = !quoted && !/^[+-]?\d/.test(value) && /^\s+[A-Za-z]{2,}/.test(rest) && !/^\s+(?:if|unless|when|for|on|per|in|otherwise)\b/i.test(rest);
  return prose ? undefined : value;
}

function labelledCommaList(notes: string): string | undefined {
  const match = LABELLED_COMMA_LIST.exec(notes);
  return match && !EXAMPLE_WORDS.test(notes.slice(0, match.index + match[0].indexOf(match[1]!))) ? match[1] : undefined;
}

/** A comma list followed by a default that is one of its words: the values, not prose (`street, city, zip`). */
function defaultedList(notes: string): string | undefined {
  const match = DEFAULTED_LIST.exec(notes);
  const chosen = match ? literalDefault(notes.slice(match[0].length)) : undefined;
  return match && chosen !== undefined && match[1]!.split(/\s*,\s*/).includes(chosen) ? match[1] : undefined;
}

/** The codes of a note that lists two or more, each glossed in brackets. */
function glossedCodes(notes: string): string[] | undefined {
  const list = GLOSSED_CODES.exec(notes)?.[1];
  return list === undefined ? undefined : [...list.matchAll(new RegExp(GLOSSED_CODE, 'gu'))].map((code) => code[1]!);
}

/** The codes of a note listing each with its meaning after a space (`0 启用，1 停用`). */
function spacedCodes(notes: string): string[] | undefined {
  const list = SPACED_GLOSSES.exec(notes)?.[1];
  return list === undefined ? undefined : list.split(/\s*[,，、;；]\s*/u).map((item) => /^[A-Za-z0-9_-]+/.exec(item)![0]);
}

/**
 * For a field typed `enum` and no more: the codes its notes list, after a label if any, up to
 * where the list ends (`Một trong: dang_muon, da_tra, qua_han; mặc định dang_muon`).
 */
/** The distinct values of a note's code spans, when each is one word (`` `M` ``, `` `in_stock` ``). */
function codeSpans(notes: string): string[] {
  const spans = [...notes.matchAll(/`([^`]+)`/gu)].map((match) => match[1]!.trim());
  return spans.every((span) => /^[\p{L}\p{N}_-]+$/u.test(span)) ? [...new Set(spans)] : [];
}

function looseList(notes: string): string[] {
  const afterLabel = notes.replace(/^[^:：]{0,40}[:：]\s*/u, '');
  const list = afterLabel.split(/[;；]/u)[0]!.split(LIST_END)[0]!;
  const items = list.split(new RegExp(String.raw`\s*[,，、/|]\s*|${LAST_OF_LIST}`, 'iu')).map((item) => item.replace(/[`"'“”]/g, '').trim());
  return items.every((item) => /^[\p{L}\p{N}_-]+$/u.test(item)) ? [...new Set(items)] : [];
}

/** The values of a list of codes in code spans, or of a note that is only a label and a list of words, in the order written. */
function listedValues(notes: string): string[] | undefined {
  const commaCodes = CODE_COMMA_LIST.exec(notes);
  const codes = commaCodes && !EXAMPLE_WORDS.test(notes.slice(0, commaCodes.index + commaCodes[0].length)) ? commaCodes[1] : undefined;
  const list = CODE_LIST.exec(notes)?.[1] ?? LABELLED_LIST.exec(notes)?.[1] ?? LABELLED_CODES.exec(notes)?.[1] ?? BARE_LIST.exec(notes)?.[1] ?? codes ?? labelledCommaList(notes) ?? defaultedList(notes);
  if (list === undefined) return undefined;
  return list.split(new RegExp(String.raw`\s*[,，、]\s*|${LAST_OF_LIST}`, 'iu')).map((item) => item.replace(/`/g, '').trim()).filter((item) => item !== '');
}
