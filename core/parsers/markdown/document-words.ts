import type { DocumentOutline } from './document-outline.js';
import { germanSingulars, romanceSingulars, withoutLastUmlaut } from '../../naming.js';
import type { FieldTable } from './field-table.js';

/**
 * The words a document uses, lowercased: those of its prose (titles, summaries, sentences,
 * headings) and of its field names, so with the row a key names (`kategorie` of `kategorie_id`,
 * `zutat` of `zutatIds`). A plural English rules do not know is told by the singular the document
 * uses beside it (`singularInDocument`).
 */
export function documentWords(outline: DocumentOutline): ReadonlySet<string> {
  const words = new Set<string>();
  const addText = (text: string | undefined) => {
    for (const word of text?.toLowerCase().split(/[^\p{L}]+/u) ?? []) if (word !== '') words.add(word);
  };
  // A field name's words, camelCase ones apart too: `kategorie` of `kategorie_id`, `zutat` of `zutatIds`.
  const addTable = (table: FieldTable | undefined) => {
    for (const row of table?.rows ?? []) addText(row.name.replace(/([a-z])([A-Z])/g, '$1 $2'));
  };
  addText(outline.title);
  addText(outline.description);
  for (const endpoint of outline.endpoints) {
    addText(endpoint.summary);
    addText(endpoint.description);
    addText(endpoint.section?.title);
    addTable(endpoint.body);
    for (const response of endpoint.responses) addTable(response.table);
  }
  for (const named of outline.namedTables) {
    addText(named.name);
    addTable(named.table);
  }
  for (const sentence of outline.sentences) addText(sentence.text);
  return words;
}

/** A singular this short (`tag`, `box`) would be found in too many documents by chance. */
const MIN_SINGULAR = 4;

/**
 * `word` less a plural ending, when the document uses that singular (`Kategorie` of `Kategorien`
 * beside `kategorie_id`; `Zutat` of `Zutaten` beside "eine Zutat"; `professor` of `professores`
 * beside `professor_id`): German cuts first, the shortest first.
 * Undefined when none is used.
 */
export function singularInDocument(word: string, words: ReadonlySet<string>): string | undefined {
  // A plural marked by its umlaut alone (`Mütter`) last: `Zahnarzte`, the heading's `Zahnärzte` spelled plain, is in the words too.
  const german = germanSingulars(word);
  const umlautOnly = german.filter((stem) => stem === withoutLastUmlaut(word));
  const candidates = [...german.filter((stem) => !umlautOnly.includes(stem)), ...romanceSingulars(word), ...withoutOtherPluralEndings(word), ...umlautOnly];
  for (const stem of candidates) if (stem.length >= MIN_SINGULAR && words.has(stem.toLowerCase())) return stem;
  return undefined;
}

/** Plural endings of other languages German's and the Romance languages' rules do not cut: Polish, Czech, Turkish, Hungarian, Scandinavian. */
const OTHER_PLURAL_ENDINGS = ['y', 'i', 'zy', 'ie', 'owie', 'lar', 'ler', 'ok', 'ek', 'ak', 'ar', 'or', 'ene'];

/** `word` less each such ending it has, the longest stem first (`lektorzy` → `lektor`, `restoranlar` → `restoran`). */
function withoutOtherPluralEndings(word: string): string[] {
  return OTHER_PLURAL_ENDINGS.filter((ending) => word.length > ending.length && word.toLowerCase().endsWith(ending))
    .sort((a, b) => a.length - b.length)
    .map((ending) => word.slice(0, -ending.length));
}
