import type { SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { singular, toSnake } from '../../naming.js';
import type { ResourceGroup } from './resource-groups.js';

/** Letters only Vietnamese writes (`ơ`, `ư`, `đ`, tones on vowels): a section in the language, whose nouns take no plural. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
/**
 * Words of a section written in German, where a noun's plural is often the noun itself
 * (`Benutzer`, `Artikel`, `Zimmer`): the verbs of its endpoints' titles, articles, and the letters.
 */
const GERMAN =
  /[äöüß]|(?<![\p{L}])(?:anlegen|erstellen|erfassen|auflisten|abrufen|anzeigen|holen|lesen|loeschen|entfernen|aktualisieren|aendern|bearbeiten|alle[nrs]?|eine[nrs]?|neue[nrs]?|der|das|und|einzeln(?:e[nrs]?)?)(?![\p{L}])/iu;

/**
 * A table named as the collection path names its rows where the section is written in a language
 * whose nouns take no plural (`/giao-vien` under `Danh sách giáo viên`: `giao_vien`, not
 * `giao_viens`) or often the singular's form (`/benutzer` under `Benutzer anlegen`: `benutzer`);
 * none where the document names the table itself.
 */
export function uninflectedTable(group: ResourceGroup, name: string, schema: SchemaNode, file: string, line: number): SchemaNode {
  const segment = group.collectionPath?.split('/').pop() ?? '';
  // A segment English reads as a plural (`/readers`) is named by the English rules already.
  if (schema[SCHEMA_HINTS.tableName] !== undefined || !/^[a-z][a-z0-9_-]*$/.test(segment) || singular(segment) !== segment) return {};
  const words = [group.title ?? '', ...group.sections.map((section) => section.title), ...group.entityEndpoints.map(({ endpoint }) => endpoint.summary ?? '')].join(' ');
  // A German plural other than the noun itself (`/kunden` of Kunde) is the core's to read (nameTableAfterPath).
  const sameAsNoun = toSnake(segment) === toSnake(name);
  const language = VIETNAMESE.test(words) ? 'a Vietnamese noun, which takes no plural' : sameAsNoun && GERMAN.test(words) ? 'a German plural, the same word as its singular' : undefined;
  if (language === undefined) return {};
  const why = (schema[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {};
  return {
    [SCHEMA_HINTS.tableName]: toSnake(segment),
    [SCHEMA_HINTS.why]: { ...why, [SCHEMA_HINTS.tableName]: { rule: `table name: the collection path's segment ${segment}, as ${language}`, file, line } },
  };
}
