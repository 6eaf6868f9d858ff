/**
 * Class definitions write Python types (`Optional[list[Customer]]`, `dict or None`); the model
 * keeps their meaning as TypeRefs but not which of `dict`, `list` or `Any` an untyped JSON value
 * was, nor a class's module. These read that back from the text.
 */

/** `Optional[X]`, `X | None`, `X or None` → `X`. */
export function withoutOptional(written: string): string {
  const text = written.trim();
  const optional = /^(?:typing\.)?Optional\[(.*)\]$/s.exec(text);
  if (optional) return optional[1]!.trim();
  return text.replace(/\s*(?:\|\s*None|\bor\s+None)$/, '').replace(/^None\s*\|\s*/, '').trim();
}

/** The `index`-th type argument of `list[X]` / `dict[str, X]`, without Optional; '' when there is none. */
export function genericArgument(written: string, index: number): string {
  const open = written.indexOf('[');
  if (open < 0 || !written.endsWith(']')) return '';
  const parts: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let at = start; at < written.length - 1; at += 1) {
    const char = written[at]!;
    if (char === '[') depth += 1;
    else if (char === ']') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(written.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(written.slice(start, -1));
  const part = parts.length === 1 ? parts[0] : parts[index];
  return part === undefined ? '' : withoutOptional(part);
}
