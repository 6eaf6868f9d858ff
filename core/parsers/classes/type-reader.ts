import { InfraStackError } from '../../errors.js';
import type { SchemaNode, TypedName } from '../../model/api-document.js';
import { describePointer } from '../openapi/pointer-lines.js';
import { parseTypeExpression, TypeSyntaxError } from './type-expression.js';
import { schemaOfType, type EntityLookup } from './type-schema.js';

const TYPED_NAME = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*?)\s*$/;

/** Reads the type texts of one file; a type that does not parse is an error naming its line and text. */
export class TypeReader {
  constructor(
    private readonly file: string,
    private readonly sourceText: string,
    private readonly isEntity: EntityLookup,
  ) {}

  /** `"customer_id: int"` at `pointer` → `{ name, schema, written }`. */
  typedName(text: string, pointer: string): TypedName {
    const match = TYPED_NAME.exec(text);
    if (!match) this.fail(`expected "name: type", found ${JSON.stringify(text)}`, pointer);
    const [, name, written] = match as unknown as [string, string, string];
    return { name, schema: this.schema(written, pointer), written };
  }

  /** A bare type text (a return type) → `{ name: 'return', ... }`. */
  returnType(text: string | undefined, pointer: string): TypedName {
    const written = (text ?? 'None').trim();
    return { name: 'return', schema: this.schema(written, pointer), written };
  }

  private schema(written: string, pointer: string): SchemaNode {
    try {
      return schemaOfType(parseTypeExpression(written), this.isEntity);
    } catch (error) {
      if (!(error instanceof TypeSyntaxError)) throw error;
      this.fail(`cannot read the type ${JSON.stringify(written)}: ${error.message}`, pointer);
    }
  }

  fail(message: string, pointer: string): never {
    throw new InfraStackError(message, { file: this.file, location: describePointer(this.sourceText, pointer) });
  }
}
