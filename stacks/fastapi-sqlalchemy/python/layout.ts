const LINE_LENGTH = 100;

/**
 * `callee(arg, arg)` on one line when it fits, else one argument per line with a trailing
 * comma — the shape ruff's formatter keeps.
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
