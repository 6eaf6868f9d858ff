import { pyString } from './names.js';

const LINE_LENGTH = 100;

/**
 * A Python expression the layout may split: text that stays whole, a call, a collection literal,
 * or a `key: value` / `name=value` pair inside one of those.
 */
export type PyExpr = string | PyCallExpr | PyCollectionExpr | PyPairExpr | PyComprehensionExpr;

/** `[element for x in xs if x]`: split, the element and each clause take a line of their own. */
interface PyComprehensionExpr {
  kind: 'comprehension';
  open: '[' | '{' | '(';
  element: string;
  clauses: string[];
}

interface PyCallExpr {
  kind: 'call';
  callee: string;
  args: PyExpr[];
  /** `[` for a subscript (`Annotated[T, Depends(f)]`), split like a call. */
  bracket?: '(' | '[';
  /** A `def`/`class` header: a lone parameter split off gets a trailing comma, so stands on its own line. */
  definition?: boolean;
}

interface PyCollectionExpr {
  kind: 'collection';
  open: '[' | '{' | '(';
  items: PyExpr[];
}

interface PyPairExpr {
  kind: 'pair';
  key: string;
  separator: ': ' | '=';
  value: PyExpr;
}

const CLOSING = { '[': ']', '{': '}', '(': ')' } as const;

export const call = (callee: string, args: PyExpr[]): PyCallExpr => ({ kind: 'call', callee, args });
/** `def name(params)` / `class Name(bases)` without the trailing `:` or return annotation. */
export const definition = (head: string, params: PyExpr[]): PyCallExpr => ({ kind: 'call', callee: head, args: params, definition: true });
export const collection = (open: PyCollectionExpr['open'], items: PyExpr[]): PyCollectionExpr => ({ kind: 'collection', open, items });
export const keyword = (name: string, value: PyExpr): PyPairExpr => ({ kind: 'pair', key: name, separator: '=', value });
export const entry = (key: string, value: PyExpr): PyPairExpr => ({ kind: 'pair', key, separator: ': ', value });

/**
 * The value holds an empty list or dict somewhere (`{"properties": {}}`): mypy infers no type for
 * a variable assigned such a literal, so its assignment needs an annotation.
 */
export function holdsEmptyContainer(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some(holdsEmptyContainer);
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 || Object.values(value).some(holdsEmptyContainer);
  return false;
}

/** A JSON value as a Python expression: dicts, lists, strings, numbers, booleans, None. */
export function pyValue(value: unknown): PyExpr {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) return collection('[', value.map(pyValue));
  return collection('{', Object.entries(value as Record<string, unknown>).map(([key, item]) => entry(pyString(key), pyValue(item))));
}

/** The expression on one line. */
export function pyFlat(expr: PyExpr): string {
  if (typeof expr === 'string') return expr;
  switch (expr.kind) {
    case 'call': {
      const [open, close] = expr.bracket === '[' ? ['[', ']'] : ['(', ')'];
      return `${expr.callee}${open}${expr.args.map(pyFlat).join(', ')}${close}`;
    }
    case 'collection':
      return `${expr.open}${expr.items.map(pyFlat).join(', ')}${CLOSING[expr.open]}`;
    case 'pair':
      return `${expr.key}${expr.separator}${pyFlat(expr.value)}`;
    case 'comprehension':
      return `${expr.open}${[expr.element, ...expr.clauses].join(' ')}${CLOSING[expr.open]}`;
  }
}

/**
 * `prefix + expr + suffix` laid out as ruff's formatter lays it out, for a statement starting at
 * column `indent` (the first line carries no indentation; the following lines do): on one line
 * when it fits; else a call keeps its arguments together on one indented line when they fit
 * there, a collection literal puts one item per line with a trailing comma, and so on inwards.
 */
export function pyFormat(expr: PyExpr, indent: number, prefix = '', suffix = ''): string {
  const value = pyFlat(expr);
  const flat = `${prefix}${value}${suffix}`;
  if (indent + flat.length <= LINE_LENGTH) return flat;
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 4);
  // The value of an assignment or return that cannot split within the line goes in parentheses when it then fits.
  const headTooLong = typeof expr === 'string' || (expr.kind === 'call' && indent + prefix.length + expr.callee.length + 1 > LINE_LENGTH);
  if (headTooLong && /(?:^| )(?:=|return) $/.test(prefix) && suffix === '') {
    if (indent + 4 + value.length <= LINE_LENGTH) return `${prefix}(\n${inner}${value}\n${pad})`;
    // Still too long: split inside the parentheses when that lets the call's opening fit and
    // every line then fits; else ruff splits the call's own brackets, its first line overlong.
    if (typeof expr !== 'string' && expr.kind === 'call' && indent + 4 + expr.callee.length + 1 <= LINE_LENGTH) {
      const parenthesized = `${prefix}(\n${inner}${pyFormat(expr, indent + 4)}\n${pad})`;
      if (parenthesized.split('\n').every((line, index) => (index === 0 ? indent : 0) + line.length <= LINE_LENGTH)) return parenthesized;
    }
  }
  if (typeof expr === 'string') return flat;
  switch (expr.kind) {
    case 'pair':
      return pyFormat(expr.value, indent, `${prefix}${expr.key}${expr.separator}`, suffix);
    case 'call': {
      if (expr.args.length === 0) return flat;
      const [open, close] = expr.bracket === '[' ? ['[', ']'] : ['(', ')'];
      const head = `${prefix}${expr.callee}${open}`;
      const together = expr.args.map(pyFlat).join(', ');
      const lone = expr.definition === true && expr.args.length === 1;
      if (!lone && indent + 4 + together.length <= LINE_LENGTH) return `${head}\n${inner}${together}\n${pad}${close}${suffix}`;
      if (expr.args.length === 1 && !lone) return `${head}\n${inner}${pyFormat(expr.args[0]!, indent + 4)}\n${pad}${close}${suffix}`;
      return `${head}\n${expr.args.map((arg) => `${inner}${pyFormat(arg, indent + 4, '', ',')}`).join('\n')}\n${pad}${close}${suffix}`;
    }
    case 'comprehension': {
      const together = [expr.element, ...expr.clauses].join(' ');
      const body = indent + 4 + together.length <= LINE_LENGTH ? [together] : [expr.element, ...expr.clauses];
      return `${prefix}${expr.open}\n${body.map((part) => `${inner}${part}`).join('\n')}\n${pad}${CLOSING[expr.open]}${suffix}`;
    }
    case 'collection': {
      if (expr.items.length === 0) return flat;
      const items = expr.items.map((item) => `${inner}${pyFormat(item, indent + 4, '', ',')}`).join('\n');
      return `${prefix}${expr.open}\n${items}\n${pad}${CLOSING[expr.open]}${suffix}`;
    }
  }
}

/**
 * `callee(arg, arg)` laid out by `pyFormat`; arguments written as text are read back into calls,
 * lists and keywords only when the call does not fit on its line (the views write their
 * arguments as `pyFlat` would, so the line is the same either way).
 */
export function pyCall(callee: string, args: string[], indent: number, prefix = ''): string {
  const flat = flatCall(callee, args, prefix);
  if (flat !== undefined && indent + flat.length <= LINE_LENGTH) return flat;
  return pyFormat(call(callee, args.map(pyParse)), indent, prefix);
}

/** A call that is an item of an exploded list (the caller writes its comma), laid out counting that comma. */
export function pyCallItem(callee: string, args: string[], indent: number): string {
  const flat = flatCall(callee, args, '');
  if (flat !== undefined && indent + flat.length + 1 <= LINE_LENGTH) return flat;
  return pyFormat(call(callee, args.map(pyParse)), indent, '', ',').slice(0, -1);
}

/** The call on one line, when its arguments are each on one line already. */
function flatCall(callee: string, args: readonly string[], prefix: string): string | undefined {
  if (args.some((arg) => arg.includes('\n'))) return undefined;
  return `${prefix}${pyFlat(call(callee, args.map((arg) => arg.trim())))}`;
}

/**
 * Reads the expression shapes the views write as text (`Enum(Kind, native_enum=False)`,
 * `[m.to_value(c) for c in rows]`, `name=value`) into a splittable expression; anything else
 * stays text, written as it is.
 */
export function pyParse(text: string): PyExpr {
  const source = text.trim();
  const keywordMatch = /^(\w+)=(?!=)(.+)$/s.exec(source);
  if (keywordMatch && topLevelParts(keywordMatch[2]!, ',').length === 1) return keyword(keywordMatch[1]!, pyParse(keywordMatch[2]!));
  const last = source.at(-1);
  if (last !== ')' && last !== ']' && last !== '}') return source;
  const open = matchingOpen(source);
  if (open === undefined) return source;
  const head = source.slice(0, open);
  const inner = source.slice(open + 1, -1);
  const bracket = source[open] as '(' | '[' | '{';
  if (head === '') {
    const clauses = topLevelParts(inner, ' for ');
    if (clauses.length > 1) {
      const [element, ...rest] = clauses;
      return { kind: 'comprehension', open: bracket, element: element!, clauses: rest.flatMap((clause) => topLevelParts(`for ${clause}`, ' if ').map((part, index) => (index === 0 ? part : `if ${part}`))) };
    }
    const items = inner.trim() === '' ? [] : topLevelParts(inner, ',').map(pyParse);
    return bracket === '(' && items.length === 1 ? source : collection(bracket, items);
  }
  if (bracket === '[' && /^[\w.]+$/.test(head)) return { kind: 'call', callee: head, args: topLevelParts(inner, ',').map(pyParse), bracket: '[' };
  if (bracket !== '(' || !/^[\w.]+(?:\[[^()]*\])?$/.test(head)) return source;
  return call(head, inner.trim() === '' ? [] : topLevelParts(inner, ',').map(pyParse));
}

/**
 * Calls `visit` with the position of each character of the text outside string literals (one-line,
 * `"` or `'` quoted), until it returns true.
 */
function forEachCodePosition(text: string, visit: (at: number, char: string) => boolean | void): void {
  let quote: string | undefined;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quote !== undefined) {
      if (char === '\\') at += 1;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (visit(at, char) === true) return;
  }
}

function isOpening(char: string): boolean {
  return char === '(' || char === '[' || char === '{';
}

function isClosing(char: string): boolean {
  return char === ')' || char === ']' || char === '}';
}

/** Index of the bracket that the text's last character closes, when quotes and nesting allow. */
function matchingOpen(text: string): number | undefined {
  const opens: number[] = [];
  let found: number | undefined;
  forEachCodePosition(text, (at, char) => {
    if (isOpening(char)) opens.push(at);
    else if (isClosing(char)) {
      const start = opens.pop();
      if (start === undefined) return true;
      if (at === text.length - 1) {
        if (opens.length === 0) found = start;
        return true;
      }
    }
    return false;
  });
  return found;
}

/** The text cut at each top-level `separator` (outside brackets and strings), parts trimmed. */
function topLevelParts(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  forEachCodePosition(text, (at, char) => {
    if (at < start) return;
    if (isOpening(char)) depth += 1;
    else if (isClosing(char)) depth -= 1;
    else if (depth === 0 && text.startsWith(separator, at)) {
      parts.push(text.slice(start, at).trim());
      start = at + separator.length;
    }
  });
  parts.push(text.slice(start).trim());
  return parts.filter((part, index) => part !== '' || index < parts.length - 1);
}

/** Indents every line after the first. */
export function indentRest(text: string, spaces: number): string {
  return text.split('\n').join(`\n${' '.repeat(spaces)}`);
}

/**
 * `name: Annotation = default` in a class body at `indent`, as ruff writes it: the default in
 * parentheses when that leaves the first line short enough, else the annotation on lines of its
 * own, split at its top-level `|` when it is longer still.
 */
export function pyAnnotated(name: string, annotation: string, defaultValue: string | undefined, indent: number): string {
  const tail = defaultValue === undefined ? '' : ` = ${defaultValue}`;
  const flat = `${name}: ${annotation}${tail}`;
  // Without a default, ruff parenthesizes a lone long name (when it then fits) but splits a subscript or union its own way.
  const loneName = /^[\w.]+$/.test(annotation);
  if (indent + flat.length <= LINE_LENGTH || (defaultValue === undefined && (!loneName || indent + 4 + annotation.length > LINE_LENGTH))) return flat;
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 4);
  // The value goes in parentheses when the annotation then still fits on the first line.
  if (defaultValue !== undefined && indent + `${name}: ${annotation} = (`.length <= LINE_LENGTH) return `${name}: ${annotation} = (\n${inner}${defaultValue}\n${pad})`;
  const parts = topLevelParts(annotation, ' | ');
  // A lone subscript (`MayOmit[...]`) is split inside its own brackets rather than parenthesized.
  if (parts.length === 1 && isLoneSubscript(annotation)) return `${name}: ${splitSubscript(annotation, indent)}${tail}`;
  const body = indent + 4 + annotation.length <= LINE_LENGTH || parts.length === 1 ? [annotation] : parts.map((part, index) => (index === 0 ? part : `| ${part}`));
  return `${name}: (\n${body.map((line) => `${inner}${line}`).join('\n')}\n${pad})${tail}`;
}

/** `Name[...]` whose first bracket closes at the very end. */
function isLoneSubscript(text: string): boolean {
  const open = text.indexOf('[');
  if (open <= 0 || !text.endsWith(']') || !/^[\w.]+$/.test(text.slice(0, open))) return false;
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '[') depth += 1;
    else if (text[i] === ']' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

/** `Name[\n    inner\n]`, the inner subscript split again while it does not fit. */
function splitSubscript(text: string, indent: number): string {
  const open = text.indexOf('[');
  const inner = text.slice(open + 1, -1);
  const innerIndent = indent + 4;
  const innerText = innerIndent + inner.length > LINE_LENGTH && isLoneSubscript(inner) ? splitSubscript(inner, innerIndent) : inner;
  return `${text.slice(0, open + 1)}\n${' '.repeat(innerIndent)}${innerText}\n${' '.repeat(indent)}]`;
}

/**
 * `NAME: TypeAdapter[T] = TypeAdapter(T)` at module level, as ruff writes it: the call split when
 * its opening fits the first line, else the value in parentheses, else the annotation split.
 */
export function pyTypeAdapter(name: string, type: string): string {
  const flat = `${name}: TypeAdapter[${type}] = TypeAdapter(${type})`;
  if (flat.length <= LINE_LENGTH) return flat;
  const call = `${name}: TypeAdapter[${type}] = TypeAdapter(`;
  if (call.length <= LINE_LENGTH && 4 + type.length <= LINE_LENGTH) return `${call}\n    ${type}\n)`;
  const head = `${name}: TypeAdapter[${type}] = (`;
  if (head.length <= LINE_LENGTH && 4 + `TypeAdapter(${type})`.length <= LINE_LENGTH) return `${head}\n    TypeAdapter(${type})\n)`;
  const tail = `] = TypeAdapter(${type})`;
  return `${name}: TypeAdapter[\n    ${type}\n${tail.length <= LINE_LENGTH ? tail : `] = TypeAdapter(\n    ${type}\n)`}`;
}

/** `target = lambda: value` in a function body, its value in parentheses when the line is too long. */
export function pyLambdaAssignment(target: string, value: string, indent: number): string {
  const flat = `${target} = lambda: ${value}`;
  if (indent + flat.length <= LINE_LENGTH) return flat;
  return `${target} = lambda: (\n${' '.repeat(indent + 4)}${value}\n${' '.repeat(indent)})`;
}

/**
 * A parameter line of an exploded signature (`name: Annotated[T, Query()] = default`, its comma
 * added by the caller) as ruff writes it when too long: the `Annotated[...]` subscript split.
 */
export function pyParameter(line: string, indent: number): string {
  if (indent + line.length + 1 <= LINE_LENGTH) return line;
  const match = /^(\w+): Annotated\[(.*)\]( = .+)?$/s.exec(line);
  if (!match) return line;
  const [, name, inner, tail = ''] = match;
  const pad = ' '.repeat(indent);
  const innerPad = ' '.repeat(indent + 4);
  const body = indent + 4 + inner!.length <= LINE_LENGTH ? [inner!] : topLevelParts(inner!, ',').map((part) => `${part},`);
  return `${name}: Annotated[\n${body.map((part) => `${innerPad}${part}`).join('\n')}\n${pad}]${tail}`;
}
