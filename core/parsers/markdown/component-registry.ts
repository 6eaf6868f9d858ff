import { SCHEMA_HINTS } from '../../model/hints.js';
import type { SchemaNode, SourceLocation } from '../../model/api-document.js';
import { toPascal } from '../../naming.js';
import { encodeSegment } from '../openapi/json-pointer.js';
import { markdownError } from './errors.js';
import type { TypeExpression } from './type-expression.js';

export const SOURCE_LINE = SCHEMA_HINTS.sourceLine;

export function componentRef(name: string): SchemaNode {
  return { $ref: `#/components/schemas/${encodeSegment(name)}` };
}

/**
 * The component schemas of one document, in the order they are added. Named types the document
 * defines are declared up front so fields can refer to them before they are built; inline enums
 * are hoisted into components named after their owner and field (`OrderStatus`).
 */
export class ComponentRegistry {
  readonly schemas = new Map<string, { schema: SchemaNode; source: SourceLocation }>();
  private readonly declared = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly enums = new Map<string, string>();

  constructor(private readonly file: string) {}

  /** A type the document defines by name (a `Name:` table, an entity). */
  declare(name: string): void {
    this.declared.add(name);
    this.taken.add(name);
  }

  isDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  /** A free name for a component the parser makes up (`OrderPatch`, else `OrderPatchBody`, `OrderPatch2`...). */
  invent(preferred: string): string {
    for (const candidate of [preferred, `${preferred}Body`]) {
      if (!this.taken.has(candidate)) return this.take(candidate);
    }
    for (let n = 2; ; n += 1) if (!this.taken.has(`${preferred}${n}`)) return this.take(`${preferred}${n}`);
  }

  add(name: string, schema: SchemaNode, line: number): void {
    this.taken.add(name);
    this.schemas.set(name, { schema, source: { file: this.file, pointer: `/components/schemas/${encodeSegment(name)}`, line } });
  }

  /** The schema node of a type expression; `owner` names hoisted enums. */
  schemaOf(expression: TypeExpression, owner: string, field: string, line: number): SchemaNode {
    const node = this.nodeOf(expression, owner, field, line);
    return expression.nullable ? { ...node, nullable: true } : node;
  }

  private nodeOf(expression: TypeExpression, owner: string, field: string, line: number): SchemaNode {
    switch (expression.kind) {
      case 'scalar':
        return { ...expression.schema, [SOURCE_LINE]: line };
      case 'named':
        if (!this.declared.has(expression.name)) {
          throw markdownError(this.file, line, `the type ${expression.name} is not defined: add a \`${expression.name}:\` paragraph followed by a field table, or a section for it`);
        }
        return { ...componentRef(expression.name), [SOURCE_LINE]: line };
      case 'array':
        return { type: 'array', items: this.schemaOf(expression.items, owner, field, line), [SOURCE_LINE]: line };
      case 'enum':
        return { ...componentRef(this.enumComponent(owner, field, expression.values, line)), [SOURCE_LINE]: line };
    }
  }

  /** One component per owner, field and values: the POST and PATCH of orders share `OrderStatus`. */
  private enumComponent(owner: string, field: string, values: string[], line: number): string {
    const key = JSON.stringify([owner, field, values]);
    const existing = this.enums.get(key);
    if (existing !== undefined) return existing;
    const name = this.invent(`${owner}${toPascal(field)}`);
    this.enums.set(key, name);
    this.add(name, { type: 'string', enum: values, [SOURCE_LINE]: line }, line);
    return name;
  }

  private take(name: string): string {
    this.taken.add(name);
    return name;
  }
}
