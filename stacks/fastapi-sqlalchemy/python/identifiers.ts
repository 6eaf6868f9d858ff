/**
 * The one place that turns a name from the documents into a Python identifier, for every kind of
 * name the stack writes: modules and packages, classes, functions and methods, parameters and
 * attributes (which are also keyword arguments), enum members. The document's spelling stays on
 * the wire: the views write an alias (`Field(alias=...)`, `Query(alias=...)`) wherever the
 * identifier differs from it.
 *
 * A name is first spelled in the identifier's alphabet (ASCII letters, digits and `_`; accents
 * dropped, other letters replaced), then moved off what would break or change the module using it:
 * - empty: a stand-in of its kind (`value`, `Unnamed`);
 * - digit-leading: a prefix (`2fa` → `n_2fa`, `2Factor` → `N2Factor`, `2nd` → `V_2ND`);
 * - a keyword or soft keyword (`class`, `match`, `type`, `None`): a suffix (`class_`, `NoneSchema`);
 * - `l`, `O` or `I`, which read as digits (pycodestyle refuses them): a suffix (`I_`);
 * - a name the generated code uses itself, which the identifier would shadow in the module or the
 *   class body that defines it: builtins the code calls or annotates with (`list`, `str`, `type`),
 *   library names it imports (`date`, `UUID`, `Field`, `mapped_column`; ./symbols.ts), the stack's
 *   own module-level names (`router`, `entities`), and for attributes the names Pydantic models and
 *   SQLAlchemy models already have (`json`, `metadata`, `model_*`): a suffix (`date_`);
 * - taken in its scope after all that (`fooBar` and `foo_bar`, `class` and `class_`): numbered, by
 *   the scope (NameScope) the caller keeps per module, class or signature.
 */
import { AMBIGUOUS_NAMES, LIBRARY_SYMBOLS, STACK_NAMES, UNSHADOWED_NAMES } from './symbols.js';

export type IdentifierKind = 'module' | 'class' | 'function' | 'parameter' | 'attribute' | 'member';

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/** Valid identifiers, but keywords where they start a statement; kept off to keep the code plain. */
export const SOFT_KEYWORDS: ReadonlySet<string> = new Set(['match', 'case', 'type', '_']);

/**
 * Builtins the generated code refers to by name (a unit test checks the generated code refers to
 * no other), and every builtin class (the exceptions the code raises and catches). `id`, `format`,
 * `filter`, `hash`... are never referred to, and stay free for the document's fields.
 */
export const USED_BUILTINS: ReadonlySet<string> = new Set([
  'all', 'any', 'bool', 'bytes', 'callable', 'classmethod', 'dict', 'enumerate', 'float', 'frozenset', 'getattr', 'hasattr',
  'int', 'isinstance', 'issubclass', 'iter', 'len', 'list', 'max', 'min', 'next', 'object', 'print', 'property', 'range',
  'repr', 'set', 'setattr', 'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'zip',
]);

const BUILTIN_CLASSES: ReadonlySet<string> = new Set([
  'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException', 'BaseExceptionGroup', 'BlockingIOError', 'BrokenPipeError',
  'BufferError', 'BytesWarning', 'ChildProcessError', 'ConnectionAbortedError', 'ConnectionError', 'ConnectionRefusedError',
  'ConnectionResetError', 'DeprecationWarning', 'EOFError', 'Ellipsis', 'EncodingWarning', 'EnvironmentError', 'Exception',
  'ExceptionGroup', 'FileExistsError', 'FileNotFoundError', 'FloatingPointError', 'FutureWarning', 'GeneratorExit', 'IOError',
  'ImportError', 'ImportWarning', 'IndentationError', 'IndexError', 'InterruptedError', 'IsADirectoryError', 'KeyError',
  'KeyboardInterrupt', 'LookupError', 'MemoryError', 'ModuleNotFoundError', 'NameError', 'NotADirectoryError', 'NotImplemented',
  'NotImplementedError', 'OSError', 'OverflowError', 'PendingDeprecationWarning', 'PermissionError', 'ProcessLookupError',
  'RecursionError', 'ReferenceError', 'ResourceWarning', 'RuntimeError', 'RuntimeWarning', 'StopAsyncIteration', 'StopIteration',
  'SyntaxError', 'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TimeoutError', 'TypeError', 'UnboundLocalError',
  'UnicodeDecodeError', 'UnicodeEncodeError', 'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning', 'UserWarning',
  'ValueError', 'Warning', 'ZeroDivisionError',
]);

/**
 * What Pydantic's BaseModel and SQLAlchemy's declarative classes already define on every model;
 * and `kwargs`, the rest of the `__init__` Pydantic's mypy plugin gives a model taking its fields
 * by alias (airflow's `Trigger.kwargs`: "Name kwargs already defined").
 */
const MODEL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'metadata', 'registry', 'json', 'dict', 'copy', 'schema', 'schema_json', 'validate', 'construct', 'parse_obj', 'parse_raw',
  'parse_file', 'from_orm', 'update_forward_refs', 'fields', 'changes', 'kwargs',
]);

/** Every name a module of the generated code may use besides its own: the document's names stay off them. */
const USED_NAMES: ReadonlySet<string> = new Set([
  ...KEYWORDS,
  ...SOFT_KEYWORDS,
  ...USED_BUILTINS,
  ...BUILTIN_CLASSES,
  ...[...LIBRARY_SYMBOLS.keys()].filter((name) => !UNSHADOWED_NAMES.has(name)),
  ...AMBIGUOUS_NAMES,
  ...STACK_NAMES,
]);

/** Whether a name as it stands is not one the kind may take. */
export function isReserved(name: string, kind: IdentifierKind): boolean {
  if (USED_NAMES.has(name)) return true;
  return kind === 'attribute' && (MODEL_ATTRIBUTES.has(name) || name.startsWith('model_'));
}

const LOOKALIKE_NAMES: ReadonlySet<string> = new Set(['l', 'O', 'I']);

const STAND_INS: Record<IdentifierKind, string> = { module: 'module', class: 'Unnamed', function: 'operation', parameter: 'value', attribute: 'value', member: 'EMPTY' };

/** `café` → `cafe`; letters with no ASCII spelling become `_`. */
function asciiSpelling(name: string): string {
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
  return plain.replace(/[^A-Za-z0-9_]+/g, '_');
}

/**
 * A valid identifier of the kind for a name, off every name the generated code uses; not yet
 * unique in its scope (NameScope numbers it). Names already valid and free come back unchanged.
 */
export function pyName(name: string, kind: IdentifierKind): string {
  let spelled = asciiSpelling(name);
  // Leading underscores make a name private (Pydantic ignores such fields); trailing ones are ours to add.
  if (kind !== 'class') spelled = spelled.replace(/^_+|_+$/g, '');
  if (kind === 'member') spelled = spelled.toUpperCase();
  if (spelled === '' || /^_+$/.test(spelled)) return STAND_INS[kind];
  if (/^[0-9]/.test(spelled)) spelled = kind === 'class' ? `N${spelled}` : kind === 'member' ? `V_${spelled}` : `n_${spelled}`;
  if (kind !== 'member' && isReserved(spelled, kind)) return kind === 'class' ? `${spelled}Schema` : `${spelled}_`;
  // `l`, `O` and `I` read as `1` and `0`: pycodestyle (ruff E741-E743) refuses them as any name.
  if (LOOKALIKE_NAMES.has(spelled)) return kind === 'class' ? `${spelled}Schema` : `${spelled}_`;
  return spelled;
}

/**
 * The identifiers of one scope (a module, a class body, a signature): each name spelled by
 * `pyName`, numbered when the scope holds it already. `taken` holds what the scope defines besides
 * (a handler's own `repository` and `payload`). Asking again for the same key gives the same name.
 */
export class NameScope {
  private readonly used = new Set<string>();
  private readonly byKey = new Map<unknown, string>();

  constructor(
    private readonly kind: IdentifierKind,
    taken: Iterable<string> = [],
  ) {
    for (const name of taken) this.used.add(name);
  }

  /** The identifier of `name`, remembered under `key` (default: the name), none of `avoid` either. */
  name(name: string, key: unknown = name, avoid: ReadonlySet<string> = new Set()): string {
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = pyName(name, this.kind);
    let identifier = base;
    const glue = this.kind === 'class' ? '' : '_';
    for (let n = 2; this.used.has(identifier) || avoid.has(identifier); n += 1) identifier = `${base}${glue}${n}`;
    this.used.add(identifier);
    this.byKey.set(key, identifier);
    return identifier;
  }
}

const attributesByOwner = new WeakMap<object, Map<string, string>>();

/** An entity or object type: fields with their names and, on the wire, their wire names. */
type FieldOwner = { readonly fields: readonly { readonly name: string; readonly wireName?: string }[] };

/**
 * The attribute of each field of an entity or object type, by field name: one scope per owner, so
 * the domain class, the SQLAlchemy model, the schemas and the mapper all use the same attribute.
 */
export function fieldAttributes(owner: FieldOwner): ReadonlyMap<string, string> {
  let attributes = attributesByOwner.get(owner);
  if (!attributes) {
    const scope = new NameScope('attribute');
    // Pydantic reads a field by its alias first, from input and from attributes: an attribute spelled
    // like another field's wire name (`class_` for `class` beside a property `class_`) would be read for it.
    const wireNames = new Set(owner.fields.map((field) => field.wireName ?? field.name));
    attributes = new Map(
      owner.fields.map((field) => {
        const others = new Set(wireNames);
        others.delete(field.wireName ?? field.name);
        return [field.name, scope.name(field.name, field.name, others)];
      }),
    );
    attributesByOwner.set(owner, attributes);
  }
  return attributes;
}

/** The attribute of one field of an owner (see fieldAttributes); a name the owner lacks is spelled alone. */
export function fieldAttribute(owner: FieldOwner, fieldName: string): string {
  return fieldAttributes(owner).get(fieldName) ?? pyName(fieldName, 'attribute');
}
