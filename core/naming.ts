import { createHash } from 'node:crypto';
import { pascalCase, snakeCase } from 'change-case';
import pluralize from 'pluralize';
import { memoized } from './memo.js';

/**
 * A leading sign carries meaning: GitHub's reactions `+1` and `-1`, JSON-LD's `@id` beside `id`,
 * .NET's `$type` beside `type`. Spell it out so the names stay apart.
 */
function spelledSign(name: string): string {
  return asciiLetters(name).replace(/^\+(?=\d)/, 'plus ').replace(/^-(?=\d)/, 'minus ').replace(/^@(?=\w)/, 'at ').replace(/^\$(?=\w)/, 'dollar ');
}

/** Accented letters lose their accents (`café` → `cafe`, `Ü` → `U`); letters without an ASCII spelling stay, to be dropped. */
function asciiLetters(name: string): string {
  return /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
}

/** `photoUrls` → `photo_urls`, `+1` → `plus_1`; digits stay attached to the word before them. */
export const toSnake = memoized((name: string): string => {
  const snake = snakeCase(spelledSign(name).replace(/[^A-Za-z0-9]+/g, ' ').trim(), { separateNumbers: false });
  return snake === '' ? 'value' : snake;
});

/** `order-item` → `OrderItem`. */
export const toPascal = memoized((name: string): string => {
  const pascal = pascalCase(spelledSign(name).replace(/[^A-Za-z0-9]+/g, ' ').trim(), { mergeAmbiguousCharacters: true });
  return pascal === '' ? 'Value' : pascal;
});

/** `ProductModel` → `products`, `Category` → `categories`, `Person` → `people`. */
export function toTableName(entityName: string): string {
  const base = entityName.replace(/(?<=.)Model$/, '');
  const words = toSnake(base).split('_');
  const last = words.pop() ?? base;
  return [...words, plural(last)].join('_');
}

/**
 * Portuguese and Spanish words English rules misread (`avaliacoes` is no `avaliacoe`, `valoracion`
 * no `valoracions`): `-ção`/`-ções` and `-ción`/`-ciones`, written with or without accents.
 */
const ROMANCE_ENDINGS: [single: string, plural: string][] = [
  ['ção', 'ções'],
  ['cao', 'coes'],
  ['ción', 'ciones'],
  ['cion', 'ciones'],
];

/**
 * German endings whose plural no English word shares (`Bestellungen`, `Einheiten`, `Positionen`,
 * `Kundinnen`); plurals of the others (`Kunden`, `Rezepte`) are told by the words of the document
 * that holds them (markdown/resource-groups.ts).
 */
const GERMAN_ENDINGS: [single: string, plural: string][] = [
  ['ung', 'ungen'],
  ['heit', 'heiten'],
  ['keit', 'keiten'],
  ['schaft', 'schaften'],
  ['ion', 'ionen'],
  ['in', 'innen'],
];

/** Words this long at least end as German words do by their ending (`lung` is English). */
const MIN_GERMAN_WORD = 6;

/** The German ending pair whose `side` ends the word, when the word is long enough to be read so; plurals of `-ion` and `-in` are English. */
function germanEnding(word: string, side: 0 | 1): [string, string] | undefined {
  if (word.length < MIN_GERMAN_WORD) return undefined;
  const lower = word.toLowerCase();
  return GERMAN_ENDINGS.find((pair) => lower.endsWith(pair[side]) && (side === 1 || (pair[0] !== 'ion' && pair[0] !== 'in')));
}

/** A word's plural: English rules, and the Portuguese and German endings they misread (`avaliacoes`, `Bestellungen`). */
export function plural(word: string): string {
  const ending = ROMANCE_ENDINGS.find(([single]) => word.toLowerCase().endsWith(single)) ?? germanEnding(word, 0);
  return ending ? `${word.slice(0, -ending[0].length)}${matchCase(ending[1], word)}` : pluralize.plural(word);
}

/**
 * French plurals in `-aux` of words in `-al` (`animaux`, `chevaux`, `hôpitaux`), which English rules
 * keep as they are: of six letters or more (`taux`, `faux` are words of their own), not `-eaux`
 * (`bureaux`, which English rules read) nor `-yaux` (`tuyaux`, of `tuyau`).
 */
const FRENCH_AL_PLURAL = /^(.{3,}[^ey])aux$/i;

export function singular(word: string): string {
  const french = FRENCH_AL_PLURAL.exec(word);
  if (french) return `${french[1]}${matchCase('al', word)}`;
  // A word written without accents keeps to them (`valoraciones` → `valoracion`, not `valoración`).
  const ascii = /^[\x00-\x7f]*$/.test(word);
  const endings = ROMANCE_ENDINGS.filter(([, many]) => word.toLowerCase().endsWith(many));
  const ending = endings.find(([single]) => /^[\x00-\x7f]*$/.test(single) === ascii) ?? endings[0];
  if (ending) return `${word.slice(0, -ending[1].length)}${matchCase(ending[0], word)}`;
  const german = germanEnding(word, 1);
  return german ? `${word.slice(0, -german[1].length)}${matchCase(german[0], word)}` : pluralize.singular(word);
}

/** An ending in the case of the word it replaces the end of (`AVALIACOES` → `AVALIACAO`). */
function matchCase(ending: string, word: string): string {
  return word === word.toUpperCase() ? ending.toUpperCase() : ending;
}

/** Stems shorter than this (`tag`, `box`) would be found at the start of too many other words. */
const MIN_INFLECTED_STEM = 4;

/**
 * `word` is `stem` with an ending of one or two letters, ignoring case: the plurals and cases of
 * languages English rules do not know (`Kunden` of Kunde, `Bestellungen` of Bestellung).
 */
export function isInflectionOf(word: string, stem: string): boolean {
  const [w, s] = [word.toLowerCase(), stem.toLowerCase()];
  return s.length >= MIN_INFLECTED_STEM && w.startsWith(s) && w.length - s.length <= 2;
}

/**
 * The longest name of a table, column or constraint every supported database keeps whole:
 * PostgreSQL cuts a longer one at 63 bytes, so two long names could become one, and a name looked
 * up whole would not be found.
 */
export const MAX_IDENTIFIER_BYTES = 63;

/** `name`, or, when longer than `MAX_IDENTIFIER_BYTES`, its start and a hash of the whole: names that differed still differ. */
export function boundedIdentifier(name: string): string {
  if (Buffer.byteLength(name) <= MAX_IDENTIFIER_BYTES) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  let start = name.slice(0, MAX_IDENTIFIER_BYTES - 9);
  while (Buffer.byteLength(start) > MAX_IDENTIFIER_BYTES - 9) start = start.slice(0, -1);
  return `${start}_${hash}`;
}

/** Plural endings of German and Dutch that English rules leave on (`Rezepte`, `Kunden`, `Zutaten`, `Kinder`), shortest first. */
const PLURAL_ENDINGS = ['e', 'n', 'en', 'er'] as const;

/** The last umlaut of a German plural's stem, as written or spelled out (`Fahrräder`, `/fahrraeder`), and its vowel without it. */
const LAST_UMLAUT = /(ä|ae|ö|oe|ü|ue)(?!.*(?:ä|ae|ö|oe|ü|ue))/iu;
const PLAIN_VOWEL: Record<string, string> = { ä: 'a', ae: 'a', ö: 'o', oe: 'o', ü: 'u', ue: 'u' };

/**
 * The singulars a Portuguese, Spanish, French or Italian plural may have, less or with its ending
 * changed: `professores` of professor, `meses` of mes, `contratti` of contratto, `immobili` of
 * immobile, `proprietari` of proprietario, `zone` of zona.
 */
export function romanceSingulars(word: string): string[] {
  const cuts: [RegExp, string][] = [[/es$/i, ''], [/s$/i, ''], [/i$/i, 'o'], [/i$/i, 'e'], [/i$/i, 'io'], [/e$/i, 'a']];
  return cuts.filter(([ending]) => ending.test(word)).map(([ending, singular]) => word.replace(ending, singular));
}

/**
 * The singulars a German or Dutch plural may have: less a plural ending, the shortest cut first,
 * each also without the umlaut the plural puts on its stem (`Fahrräder` of Fahrrad, `Mäntel` of
 * Mantel, `Bücher` of Buch).
 */
/** The word with its last umlaut plain (`zahnaerzte` → `zahnarzte`): a plural marked by the umlaut alone (`Mütter`). */
export function withoutLastUmlaut(word: string): string {
  return word.replace(LAST_UMLAUT, (umlaut) => {
    const vowel = PLAIN_VOWEL[umlaut.toLowerCase()]!;
    return umlaut[0] === umlaut[0]!.toUpperCase() ? vowel.toUpperCase() : vowel;
  });
}

export function germanSingulars(word: string): string[] {
  const singulars: string[] = [];
  for (const ending of ['', ...PLURAL_ENDINGS]) {
    if (!word.toLowerCase().endsWith(ending)) continue;
    const stem = word.slice(0, word.length - ending.length);
    if (ending !== '') singulars.push(stem);
    const plain = withoutLastUmlaut(stem);
    if (plain !== stem) singulars.push(plain);
  }
  return singulars;
}

/** Names written in camelCase, none in snake_case (`userId`, `addressId`). */
export function namesCamelCase(names: readonly string[]): boolean {
  return names.some((name) => /[a-z][A-Z]/.test(name)) && !names.some((name) => name.includes('_'));
}

/** A snake_case name spelled as the document's other names are: `project_id` beside `userId` is `projectId`. */
export function spelledLike(names: readonly string[], snakeName: string): string {
  return namesCamelCase(names) ? toCamel(snakeName) : snakeName;
}

/** `order_no` → `orderNo`; a camelCase name stays as it is. */
export function toCamel(name: string): string {
  return name.replace(/_+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Latin letters without their accents (`adhérent` is `adherent`, `bệnh nhân` is `benh nhan`), as paths write them. */
export function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/(\p{Script=Latin})\p{M}+/gu, '$1').normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
