/**
 * A line diff that stays near-linear on large files: the common prefix and suffix are trimmed,
 * lines that occur once on each side anchor the rest (patience diff), and only the stretches
 * between anchors go through Myers' O(ND) algorithm. A stretch whose difference exceeds
 * `MAX_EDIT_DISTANCE` is taken as replaced as a whole: a valid diff, not a minimal one.
 */

/** A stretch where `b` differs from `a`: `a[aStart, aStart + aLength)` became `b[bStart, bStart + bLength)`. */
export interface Hunk {
  aStart: number;
  aLength: number;
  bStart: number;
  bLength: number;
}

/** Beyond this many insertions and deletions inside one stretch without anchors, Myers gives up on a minimal diff. */
const MAX_EDIT_DISTANCE = 2000;

/** The hunks that turn `a` into `b`, in order. */
export function diffSequences(a: readonly string[], b: readonly string[]): Hunk[] {
  const interned = new LineIds();
  return diffIds(interned.of(a), interned.of(b));
}

/** The hunks that turn `a` into `b`, lines given as ids (equal lines, equal ids: see `LineIds`). */
export function diffIds(a: Int32Array, b: Int32Array): Hunk[] {
  const matches: number[] = [];
  matchRange(a, 0, a.length, b, 0, b.length, matches);
  return hunksOf(matches, a.length, b.length);
}

/** Numbers lines so that equal lines get equal numbers: the diff compares numbers. */
export class LineIds {
  private readonly ids = new Map<string, number>();

  of(lines: readonly string[]): Int32Array {
    const out = new Int32Array(lines.length);
    const { ids } = this;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  }
}

/**
 * Appends to `matches` (as pairs `i, j`, in increasing order) lines of `a[aLo, aHi)` matched with
 * lines of `b[bLo, bHi)`.
 */
function matchRange(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, matches: number[]): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    matches.push(aLo++, bLo++);
  }
  const suffix: number[] = [];
  while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) suffix.push(--aHi, --bHi);
  if (aLo < aHi && bLo < bHi) {
    const anchors = uniqueAnchors(a, aLo, aHi, b, bLo, bHi);
    if (anchors.length > 0) {
      let i = aLo;
      let j = bLo;
      for (let k = 0; k < anchors.length; k += 2) {
        const ai = anchors[k]!;
        const bj = anchors[k + 1]!;
        matchRange(a, i, ai, b, j, bj, matches);
        matches.push(ai, bj);
        i = ai + 1;
        j = bj + 1;
      }
      matchRange(a, i, aHi, b, j, bHi, matches);
    } else {
      myers(a, aLo, aHi, b, bLo, bHi, matches);
    }
  }
  for (let k = suffix.length - 2; k >= 0; k -= 2) matches.push(suffix[k]!, suffix[k + 1]!);
}

/**
 * Lines that occur exactly once in each range, as pairs `i, j`: the longest run of them in the
 * same order on both sides (patience sorting).
 */
function uniqueAnchors(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): number[] {
  // Per line id: its position in a (or -2 when repeated), then in b.
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) {
    const id = a[i]!;
    inA.set(id, inA.has(id) ? -2 : i);
  }
  const inB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) {
    const id = b[j]!;
    if (!inA.has(id) || inA.get(id) === -2) continue;
    inB.set(id, inB.has(id) ? -2 : j);
  }
  // Candidates in the order of a, with their position in b.
  const pairs: number[] = [];
  for (let i = aLo; i < aHi; i++) {
    const j = inB.get(a[i]!);
    if (j !== undefined && j >= 0 && inA.get(a[i]!) === i) pairs.push(i, j);
  }
  if (pairs.length === 0) return [];
  // Longest increasing subsequence of the b positions: pile tops and back links.
  const count = pairs.length / 2;
  const tops: number[] = [];
  const previous = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const j = pairs[2 * k + 1]!;
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[2 * tops[mid]! + 1]! < j) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tops[lo - 1]! : -1;
    tops[lo] = k;
  }
  const chain: number[] = [];
  for (let k = tops[tops.length - 1]!; k >= 0; k = previous[k]!) chain.push(k);
  const anchors: number[] = [];
  for (let n = chain.length - 1; n >= 0; n--) anchors.push(pairs[2 * chain[n]!]!, pairs[2 * chain[n]! + 1]!);
  return anchors;
}

/** Myers' greedy O(ND) diff of the two ranges, its matches appended; none when the distance exceeds the limit. */
function myers(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, matches: number[]): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  // The furthest x reached on each diagonal k (at offset + k); round d writes only diagonals of d's parity.
  const v = new Int32Array(2 * max + 3);
  // Before each round d, the diagonals -d - 1 .. d + 1 as they were: enough to walk back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        backtrack(trace, x, y, aLo, bLo, matches);
        return;
      }
    }
  }
}

/** Walks the trace back from the end `(x, y)`, collecting the diagonal moves (the matches) in order. */
function backtrack(trace: Int32Array[], x: number, y: number, aLo: number, bLo: number, matches: number[]): void {
  const found: number[] = [];
  for (let d = trace.length - 1; d > 0; d--) {
    const saved = trace[d]!;
    // Diagonal k of round d - 1 is at saved[k + d + 1].
    const at = (k: number) => saved[k + d + 1]!;
    const k = x - y;
    const fromK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const startX = fromK === k + 1 ? at(fromK) : at(fromK) + 1;
    const startY = startX - k;
    while (x > startX && y > startY) {
      x--;
      y--;
      found.push(aLo + x, bLo + y);
    }
    x = at(fromK);
    y = x - fromK;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    found.push(aLo + x, bLo + y);
  }
  for (let i = found.length - 2; i >= 0; i -= 2) matches.push(found[i]!, found[i + 1]!);
}

function hunksOf(matches: number[], aLength: number, bLength: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  const close = (ai: number, bj: number) => {
    if (ai > i || bj > j) hunks.push({ aStart: i, aLength: ai - i, bStart: j, bLength: bj - j });
  };
  for (let k = 0; k < matches.length; k += 2) {
    const ai = matches[k]!;
    const bj = matches[k + 1]!;
    close(ai, bj);
    i = ai + 1;
    j = bj + 1;
  }
  close(aLength, bLength);
  return hunks;
}
