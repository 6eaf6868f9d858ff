/**
 * Seeded choices, so a sample can be drawn again: the same seed over the same list gives the
 * same documents, in the same order.
 */

/** A fresh seed: a 32-bit unsigned integer from the clock and Math.random. */
export function freshSeed(): number {
  return (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
}

/** mulberry32: a small, fast 32-bit generator, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** The items in the order of a Fisher-Yates shuffle driven by `seed` (the input is not changed). */
export function seededOrder<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const order = [...items];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Reads a seed given on the command line: a non-negative integer below 2^32. */
export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed) || seed >= 0x1_0000_0000) {
    throw new Error(`--seed wants an integer from 0 to 4294967295, not "${text}"`);
  }
  return seed;
}
