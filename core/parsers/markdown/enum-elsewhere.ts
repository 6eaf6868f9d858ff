import type { ApiDocument, SchemaNode } from '../../model/api-document.js';
import { toSnake } from '../../naming.js';
import { SOURCE_LINE } from './component-registry.js';
import { markdownError } from './errors.js';

/**
 * On a property typed `enum` whose notes list no values (`Ver valores arriba`, "see above"):
 * another table's field of the same name gives them. Read by `resolveEnumsElsewhere` only.
 */
export const ENUM_ELSEWHERE = 'x-enum-values-elsewhere';

/**
 * Gives each property typed `enum` without values the values a field of the same name has
 * elsewhere in the document: in its own schema's other tables first, else in any. One such field
 * that no table gives values is an error at its line, as it was when read.
 */
export function resolveEnumsElsewhere(document: Pick<ApiDocument, 'schemas' | 'operations'>, file: string): void {
  const marked: { node: SchemaNode; name: string; owner?: SchemaNode }[] = [];
  const valued = new Map<string, { node: SchemaNode; owner?: SchemaNode }[]>();
  const visit = (name: string, node: SchemaNode, owner?: SchemaNode) => {
    if (node[ENUM_ELSEWHERE] === true) marked.push({ node, name, ...(owner ? { owner } : {}) });
    else if (listsValues(node, document.schemas)) {
      const key = toSnake(name);
      (valued.get(key) ?? valued.set(key, []).get(key)!).push({ node, ...(owner ? { owner } : {}) });
    }
  };
  for (const { schema } of document.schemas.values()) {
    for (const [name, property] of Object.entries((schema.properties as Record<string, SchemaNode> | undefined) ?? {})) visit(name, property, schema);
  }
  for (const operation of document.operations) for (const parameter of operation.parameters) visit(parameter.name, parameter.schema);
  for (const { node, name, owner } of marked) {
    const candidates = valued.get(toSnake(name)) ?? [];
    const source = candidates.find((candidate) => candidate.owner === owner) ?? candidates[0];
    if (!source) {
      throw markdownError(file, Number(node[SOURCE_LINE] ?? 1), `field ${name} is an enum, but neither its type nor its notes list the values: write enum(a, b, c), or list them in its notes (\`a\`, \`b\`, \`c\`)`);
    }
    delete node[ENUM_ELSEWHERE];
    delete node.type;
    for (const key of ['$ref', 'enum', 'type'] as const) if (source.node[key] !== undefined) node[key] = source.node[key];
  }
}

function listsValues(node: SchemaNode, schemas: ApiDocument['schemas']): boolean {
  if (Array.isArray(node.enum)) return true;
  const target = typeof node.$ref === 'string' ? schemas.get(node.$ref.replace(/^#\/components\/schemas\//, ''))?.schema : undefined;
  return Array.isArray(target?.enum);
}
