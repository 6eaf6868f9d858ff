import type { SchemaNode } from '../../model/api-document.js';
import { SCHEMA_HINTS } from '../../model/hints.js';
import { singular, toSnake } from '../../naming.js';
import type { ResourceGroup } from './resource-groups.js';

/** Letters only Vietnamese writes (`ơ`, `ư`, `đ`, tones on vowels): a section in the language, whose nouns take no plural. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/**
 * A table named as the collection path names its rows where the section is written in a language
 * whose nouns take no plural (`/giao-vien` under `Danh sách giáo viên`: `giao_vien`, not
 * `giao_viens`); none where the document names the table itself.
 */
export function uninflectedTable(group: ResourceGroup, schema: SchemaNode, file: string, line: number): SchemaNode {
  const segment = group.collectionPath?.split('/').pop() ?? '';
  // A segment English reads as a plural (`/readers`) is named by the English rules already.
  if (schema[SCHEMA_HINTS.tableName] !== undefined || !/^[a-z][a-z0-9_-]*$/.test(segment) || singular(segment) !== segment) return {};
  const words = [group.title ?? '', ...group.sections.map((section) => section.title), ...group.entityEndpoints.map(({ endpoint }) => endpoint.summary ?? '')].join(' ');
  if (!VIETNAMESE.test(words)) return {};
  const why = (schema[SCHEMA_HINTS.why] as Record<string, unknown> | undefined) ?? {};
  return {
    [SCHEMA_HINTS.tableName]: toSnake(segment),
    [SCHEMA_HINTS.why]: { ...why, [SCHEMA_HINTS.tableName]: { rule: `table name: the collection path's segment ${segment}, as a Vietnamese noun, which takes no plural`, file, line } },
  };
}
