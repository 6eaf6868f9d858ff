const MEMO_LIMIT = 50_000;

/**
 * `convert` remembered by its argument, for names and references that recur many times in a
 * document; everything is forgotten at a bound, so a long-lived process does not grow without end.
 */
export function memoized<T>(convert: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    if (cache.size >= MEMO_LIMIT) cache.clear();
    const converted = convert(key);
    cache.set(key, converted);
    return converted;
  };
}
