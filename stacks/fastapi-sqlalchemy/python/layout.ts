import { pyString } from './names.js';

const LINE_LENGTH = 100;

/**
 * A Python expression the layout may split: text that stays whole, a call, a collection literal,
 * or a `key: value` / `name=value` pair inside one of those.
 */
export type PyExpr = string | PyCallExpr | PyCollectionExpr | PyPairExpr;

interface PyCallExpr {
  kind: 'call';
  callee: string;
  args: PyExpr[];
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
    case 'call':
      return `${expr.callee}(${expr.args.map(pyFlat).join(', ')})`;
    case 'collection':
      return `${expr.open}${expr.items.map(pyFlat).join(', ')}${CLOSING[expr.open]}`;
    case 'pair':
      return `${expr.key}${expr.separator}${pyFlat(expr.value)}`;
  }
}

/**
 * `prefix + expr + suffix` laid out as ruff's formatter lays it out, for a statement starting at
 * column `indent` (the first line carries no indentation; the following lines do): on one line
 * when it fits; else a call keeps its arguments together on one indented line when they fit
 * there, a collection literal puts one item per line with a trailing comma, and so on inwards.
 */
export function pyFormat(expr: PyExpr, indent: number, prefix = '', suffix = ''): string {
  const flat = `${prefix}${pyFlat(expr)}${suffix}`;
  if (indent + flat.length <= LINE_LENGTH || typeof expr === 'string') return flat;
  const pad = ' '.repeat(indent);
  const inner = ' '.repeat(indent + 4);
  switch (expr.kind) {
    case 'pair':
      return pyFormat(expr.value, indent, `${prefix}${expr.key}${expr.separator}`, suffix);
    case 'call': {
      if (expr.args.length === 0) return flat;
      const head = `${prefix}${expr.callee}(`;
      const together = expr.args.map(pyFlat).join(', ');
      const lone = expr.definition === true && expr.args.length === 1;
      if (!lone && indent + 4 + together.length <= LINE_LENGTH) return `${head}\n${inner}${together}\n${pad})${suffix}`;
      if (expr.args.length === 1 && !lone) return `${head}\n${inner}${pyFormat(expr.args[0]!, indent + 4)}\n${pad})${suffix}`;
      return `${head}\n${expr.args.map((arg) => `${inner}${pyFormat(arg, indent + 4, '', ',')}`).join('\n')}\n${pad})${suffix}`;
    }
    case 'collection': {
      if (expr.items.length === 0) return flat;
      const items = expr.items.map((item) => `${inner}${pyFormat(item, indent + 4, '', ',')}`).join('\n');
      return `${prefix}${expr.open}\n${items}\n${pad}${CLOSING[expr.open]}${suffix}`;
    }
  }
}

/**
 * `callee(arg, arg)` on one line when it fits, else one argument per line with a trailing
 * comma — the shape ruff's formatter keeps for calls whose arguments do not fit together.
 */
export function pyCall(callee: string, args: string[], indent: number, prefix = ''): string {
  const flat = `${prefix}${callee}(${args.join(', ')})`;
  if (indent + flat.length <= LINE_LENGTH || args.length === 0) return flat;
  const pad = ' '.repeat(indent + 4);
  return `${prefix}${callee}(\n${args.map((a) => `${pad}${a},`).join('\n')}\n${' '.repeat(indent)})`;
}

/** Indents every line after the first. */
export function indentRest(text: string, spaces: number): string {
  return text.split('\n').join(`\n${' '.repeat(spaces)}`);
}
