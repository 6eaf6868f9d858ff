/** The pattern as JavaScript reads it (ECMA-262, the dialect JSON Schema names): in Unicode mode where it compiles so; undefined where it compiles in neither mode. */
export function ecmaRegex(pattern: string): RegExp | undefined {
  for (const flags of ['u', '']) if (compilesAs(pattern, flags)) return new RegExp(pattern, flags);
  return undefined;
}

function compilesAs(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}
