import { diffIds, LineIds } from './line-diff.js';

export interface MergeOutcome {
  text: string;
  /** Regions both sides changed differently, left between conflict markers. */
  conflicts: number;
}

export const CONFLICT_MARKERS = { ours: '<<<<<<< your edit', separator: '=======', theirs: '>>>>>>> generated now' } as const;

/** How many conflict regions (a `<<<<<<< your edit` line, later `=======`, then `>>>>>>> generated now`) the text holds. */
export function conflictRegionsIn(text: string): number {
  if (!text.includes(CONFLICT_MARKERS.ours)) return 0;
  let regions = 0;
  let state: 'outside' | 'ours' | 'theirs' = 'outside';
  for (const line of text.split('\n')) {
    const bare = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (bare === CONFLICT_MARKERS.ours) state = 'ours';
    else if (bare === CONFLICT_MARKERS.separator && state === 'ours') state = 'theirs';
    else if (bare === CONFLICT_MARKERS.theirs && state === 'theirs') {
      regions += 1;
      state = 'outside';
    }
  }
  return regions;
}

/** A stretch of the base one side changed: `base[baseStart, baseEnd)` became `side[sideStart, sideEnd)`. */
interface SideHunk {
  side: 'ours' | 'theirs';
  baseStart: number;
  baseEnd: number;
  sideStart: number;
  sideEnd: number;
}

/**
 * Merges line by line what the user made of `base` (`ours`) with what the generator makes of
 * it now (`theirs`), as diff3 does: the changes of each side against the base (see
 * `diffSequences`, near-linear on large files) are grouped where they overlap or touch; a group
 * with the changes of one side only takes them, a group where both sides made the same change
 * takes it once, and any other group stays in the text between git's conflict markers.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): MergeOutcome {
  const o = linesOf(base);
  const a = linesOf(ours);
  const b = linesOf(theirs);
  const ids = new LineIds();
  const [oIds, aIds, bIds] = [ids.of(o), ids.of(a), ids.of(b)];
  const hunks: SideHunk[] = [
    ...diffIds(oIds, aIds).map((h) => ({ side: 'ours' as const, baseStart: h.aStart, baseEnd: h.aStart + h.aLength, sideStart: h.bStart, sideEnd: h.bStart + h.bLength })),
    ...diffIds(oIds, bIds).map((h) => ({ side: 'theirs' as const, baseStart: h.aStart, baseEnd: h.aStart + h.aLength, sideStart: h.bStart, sideEnd: h.bStart + h.bLength })),
  ].sort((x, y) => x.baseStart - y.baseStart || (x.side === y.side ? 0 : x.side === 'ours' ? -1 : 1));

  const out: string[] = [];
  let conflicts = 0;
  let copied = 0;
  for (let next = 0; next < hunks.length; ) {
    const first = hunks[next]!;
    const region = [first];
    let regionEnd = first.baseEnd;
    for (next += 1; next < hunks.length && hunks[next]!.baseStart <= regionEnd; next++) {
      region.push(hunks[next]!);
      regionEnd = Math.max(regionEnd, hunks[next]!.baseEnd);
    }
    const regionStart = first.baseStart;
    pushRange(out, o, copied, regionStart);
    copied = regionEnd;
    const mine = sideOf(region, 'ours', a, regionStart, regionEnd);
    const generated = sideOf(region, 'theirs', b, regionStart, regionEnd);
    if (mine === undefined) out.push(...generated!);
    else if (generated === undefined || sameLines(mine, generated)) out.push(...mine);
    else {
      conflicts += 1;
      out.push(`${CONFLICT_MARKERS.ours}\n`, ...terminated(mine), `${CONFLICT_MARKERS.separator}\n`, ...terminated(generated), `${CONFLICT_MARKERS.theirs}\n`);
    }
  }
  pushRange(out, o, copied, o.length);
  return { text: out.join(''), conflicts };
}

/**
 * What one side made of `base[regionStart, regionEnd)`: its hunks in the region joined, widened by
 * the base lines it left alone at either end; undefined when it changed nothing there.
 */
function sideOf(region: SideHunk[], side: SideHunk['side'], lines: string[], regionStart: number, regionEnd: number): string[] | undefined {
  const own = region.filter((hunk) => hunk.side === side);
  if (own.length === 0) return undefined;
  const first = own[0]!;
  const last = own[own.length - 1]!;
  const start = first.sideStart - (first.baseStart - regionStart);
  const end = last.sideEnd + (regionEnd - last.baseEnd);
  return lines.slice(start, end);
}

function pushRange(out: string[], lines: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) out.push(lines[i]!);
}

function sameLines(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((line, index) => line === y[index]);
}

/** Lines with their line ends, so that a text without a final newline merges back as it was. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const next = end === -1 ? text.length : end + 1;
    lines.push(text.slice(start, next));
    start = next;
  }
  return lines;
}

/** A conflict side whose last line has no newline still ends before the marker that follows it. */
function terminated(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  return last === undefined || last.endsWith('\n') ? lines : [...lines.slice(0, -1), `${last}\n`];
}
