const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
]);

/** Attribute names that Pydantic's BaseModel or SQLAlchemy's declarative base already use. */
const RESERVED_ATTRIBUTES = new Set([
  'metadata', 'registry', 'json', 'dict', 'copy', 'schema', 'schema_json', 'validate', 'construct', 'parse_obj', 'parse_raw',
  'parse_file', 'from_orm', 'update_forward_refs', 'fields',
]);

/** A valid, non-shadowing Python identifier for a snake_case name. */
export function pyIdentifier(name: string): string {
  let identifier = /^[0-9]/.test(name) ? `n_${name}` : name;
  if (KEYWORDS.has(identifier) || RESERVED_ATTRIBUTES.has(identifier) || identifier.startsWith('model_')) identifier = `${identifier}_`;
  return identifier;
}

/** A class name that does not collide with the names the generated modules import. */
const IMPORTED_CLASS_NAMES = new Set([
  'BaseModel', 'ConfigDict', 'Field', 'Any', 'Annotated', 'Literal', 'Enum', 'StrEnum', 'Decimal', 'UUID', 'EmailStr', 'Base',
  'Settings', 'Page', 'Mapped', 'JSON', 'Date', 'DateTime', 'Time', 'Text', 'String', 'Integer', 'Float', 'Boolean', 'Numeric',
]);

export function pyClassName(name: string): string {
  const safe = /^[0-9]/.test(name) ? `N${name}` : name;
  return IMPORTED_CLASS_NAMES.has(safe) ? `${safe}Schema` : safe;
}

/**
 * `"text"` as a Python string literal, quoted as ruff's formatter quotes it: double quotes,
 * unless the text holds more double quotes than single ones (then single quotes, fewer escapes).
 */
export function pyString(text: string): string {
  const json = JSON.stringify(text);
  const count = (quote: string) => text.split(quote).length - 1;
  if (count('"') <= count("'")) return json;
  const body = json.slice(1, -1).replace(/\\(.)|'/g, (match, escaped: string | undefined) => (escaped === '"' ? '"' : escaped !== undefined ? match : "\\'"));
  return `'${body}'`;
}

/** A JSON value as a Python literal. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(', ')}}`;
}

/** An enum member name for a value: `in-stock` → `IN_STOCK`. */
export function pyEnumMember(value: string): string {
  const upper = value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  const member = upper === '' ? 'EMPTY' : /^[0-9]/.test(upper) ? `V_${upper}` : upper;
  return KEYWORDS.has(member) ? `${member}_` : member;
}

/** A one-line docstring body: no triple quotes, no trailing backslash, trimmed. */
export function pyDocLine(text: string | undefined, fallback: string, maxLength = 90): string {
  const line = (text ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? fallback;
  const clean = line.replace(/\\/g, '/').replace(/"""/g, "'''").replace(/"$/, "'");
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 3).trimEnd()}...` : clean;
}
