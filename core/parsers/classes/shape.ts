import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { InfraStackError } from '../../errors.js';
import { ON_DELETE_RULES } from '../../model/hints.js';
import { describePointer } from '../openapi/pointer-lines.js';
import { DOCUMENTED_LAYERS, WRITTEN_BACK_KEYS, type RawClassItem } from './items.js';

const IDENTIFIER = '^[A-Za-z_][A-Za-z0-9_]*$';
const TYPED_NAME = '^\\s*[A-Za-z_][A-Za-z0-9_]*\\s*:\\s*\\S';

const text = (expected: string) => ({ type: 'string', minLength: 1, expected });
const textList = (expected: string) => ({ type: 'array', items: text(expected), expected: `a list of ${expected}` });
const typedNames = (expected: string) => ({
  type: 'array',
  items: { type: 'string', pattern: TYPED_NAME, expected: `"name: type" (${expected})` },
  expected: `a list of "name: type" strings (${expected})`,
});
const columnSets = (what: string) => ({
  type: 'array',
  items: {
    anyOf: [text('a column name'), { type: 'array', items: text('a column name'), minItems: 1 }],
    expected: `a column name or a list of column names (a composite ${what})`,
  },
  expected: `a list of ${what}s: column names, or lists of column names for composites`,
});

/**
 * The JSON Schema of a class definitions file (source documents 000 and 001). `expected` is
 * this project's own keyword: the phrase an error shows when the node does not match.
 * Items keep unknown keys; the nested objects the tool reads (methods, constraints) do not.
 */
const CLASS_DEFINITIONS_SCHEMA = {
  type: 'array',
  expected: 'a JSON array of class definitions ({ "class_name": ..., "layer": ... })',
  items: {
    type: 'object',
    expected: 'a class definition: an object with "class_name" and "layer"',
    required: ['class_name', 'layer'],
    properties: {
      class_name: { type: 'string', pattern: IDENTIFIER, expected: 'a Python class name (letters, digits, _)' },
      layer: { type: 'string', enum: [...DOCUMENTED_LAYERS], expected: `one of ${DOCUMENTED_LAYERS.join(', ')}` },
      description: { type: 'string', expected: 'a text' },
      table_name: { type: 'string', pattern: IDENTIFIER, expected: 'a table name (letters, digits, _)' },
      attributes: typedNames('an attribute and its type'),
      columns: typedNames('a column and its SQLAlchemy type, e.g. "name: String(100) nullable=False"'),
      imports: textList('Python import lines'),
      methods: {
        type: 'array',
        expected: 'a list of methods',
        items: {
          type: 'object',
          expected: 'a method: { "method_name", "parameters", "return_type" }',
          required: ['method_name'],
          additionalProperties: false,
          properties: {
            method_name: { type: 'string', pattern: IDENTIFIER, expected: 'a Python method name' },
            description: { type: 'string', expected: 'a text' },
            parameters: typedNames('a parameter and its type'),
            return_type: text('a return type'),
          },
        },
      },
      dependencies: textList('class or port names'),
      constraints: {
        type: 'object',
        expected: 'constraints: { "on_delete", "unique", "index" }',
        additionalProperties: false,
        properties: {
          on_delete: { type: 'string', enum: [...ON_DELETE_RULES], expected: `one of ${ON_DELETE_RULES.join(', ')}` },
          unique: columnSets('unique constraint'),
          index: columnSets('index'),
        },
      },
      implements: text('the port it implements (a name or a dotted import path)'),
      config: textList('setting names'),
      ...Object.fromEntries(WRITTEN_BACK_KEYS.map((key) => [key, text('a path or URL (written by the tool)')])),
    },
  },
} as const;

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
    ajv.addVocabulary(['expected']);
    validator = ajv.compile(CLASS_DEFINITIONS_SCHEMA);
  }
  return validator;
}

/** Checks the shape of the data; the first mismatch is one error naming the line and what was expected. */
export function assertClassDefinitions(file: string, sourceText: string, data: unknown): asserts data is RawClassItem[] {
  const check = validate();
  if (check(data)) return;
  const [error] = check.errors ?? [];
  if (!error) throw new InfraStackError('the class definitions do not match the expected shape', { file });
  throw new InfraStackError(explain(error, data), { file, location: describePointer(sourceText, error.instancePath) });
}

function explain(error: ErrorObject, data: unknown): string {
  const parent = (error.parentSchema ?? {}) as { expected?: string; properties?: Record<string, { expected?: string }> };
  const where = `${itemName(error.instancePath, data)}${keyName(error.instancePath)}`;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const expected = parent.properties?.[missing]?.expected;
      return `${where}missing "${missing}"${expected ? `: expected ${expected}` : ''}`;
    }
    case 'additionalProperties':
      return `${where}unexpected key "${String(error.params.additionalProperty)}": expected ${parent.expected ?? 'no other keys'}`;
    default:
      return `${where}expected ${parent.expected ?? error.message ?? 'another value'}, found ${JSON.stringify(error.data)}`;
  }
}

/** `in CustomerModel: ` when the error is inside an item that has a class name. */
function itemName(pointer: string, data: unknown): string {
  const index = Number(pointer.split('/')[1]);
  const item = Array.isArray(data) && Number.isInteger(index) ? (data[index] as { class_name?: unknown } | undefined) : undefined;
  return typeof item?.class_name === 'string' && item.class_name !== '' ? `in ${item.class_name}: ` : '';
}

/** `attributes[1]: `, `methods[0].return_type: ` — the path inside the item. */
function keyName(pointer: string): string {
  const inside = pointer.split('/').slice(2);
  if (inside.length === 0) return '';
  const path = inside.map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : `${i === 0 ? '' : '.'}${segment}`)).join('');
  return `${path}: `;
}
