import { diff3Merge } from 'node-diff3';

export interface MergeOutcome {
  text: string;
  /** Regions both sides changed differently, left between conflict markers. */
  conflicts: number;
}

export const CONFLICT_MARKERS = { ours: '<<<<<<< your edit', separator: '=======', theirs: '>>>>>>> generated now' } as const;

/**
 * Merges line by line what the user made of `base` (`ours`) with what the generator makes of
 * it now (`theirs`). Where both changed the same lines differently, both versions stay in the
 * text between git's conflict markers; the same change made on both sides is no conflict.
 */
export function mergeThreeWay(base: string, ours: string, theirs: string): MergeOutcome {
  const regions = diff3Merge(linesOf(ours), linesOf(base), linesOf(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  let conflicts = 0;
  for (const region of regions) {
    if (region.ok) {
      out.push(...region.ok);
      continue;
    }
    if (!region.conflict) continue;
    conflicts += 1;
    out.push(`${CONFLICT_MARKERS.ours}\n`, ...terminated(region.conflict.a), `${CONFLICT_MARKERS.separator}\n`, ...terminated(region.conflict.b), `${CONFLICT_MARKERS.theirs}\n`);
  }
  return { text: out.join(''), conflicts };
}

/** Lines with their line ends, so that a text without a final newline merges back as it was. */
function linesOf(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

/** A conflict side whose last line has no newline still ends before the marker that follows it. */
function terminated(lines: string[]): string[] {
  const last = lines[lines.length - 1];
  return last === undefined || last.endsWith('\n') ? lines : [...lines.slice(0, -1), `${last}\n`];
}
