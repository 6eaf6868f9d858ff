import { describe, expect, it } from 'vitest';
import { diffSequences } from '../../core/engine/line-diff.js';
import { mergeThreeWay } from '../../core/engine/three-way-merge.js';

/** A deterministic pseudo-random generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The lines of `a` the hunks keep, followed by the hunks' lines of `b`, give back `b`. */
function apply(a: string[], b: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const hunk of diffSequences(a, b)) {
    out.push(...a.slice(i, hunk.aStart), ...b.slice(hunk.bStart, hunk.bStart + hunk.bLength));
    i = hunk.aStart + hunk.aLength;
  }
  return [...out, ...a.slice(i)];
}

/** Something shaped like a large generated Python module: classes with repeated lines (blank lines, `model_config`, `pass`). */
function largeModule(lines: number): string[] {
  const out: string[] = [];
  for (let n = 0; out.length < lines; n++) {
    out.push(`class Schema${n}(BaseModel):\n`, '    model_config = ConfigDict(extra="forbid")\n', '\n', `    id: int\n`, `    name_${n % 7}: str | None = None\n`, '\n', '\n');
  }
  return out.slice(0, lines);
}

describe('line diff', () => {
  it('turns one sequence into the other, on random edits of repetitive text', () => {
    const next = random(7);
    const alphabet = ['a\n', 'b\n', 'c\n', '\n', 'pass\n'];
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]!);
      const b = a.flatMap((line) => {
        const roll = next();
        if (roll < 0.1) return [];
        if (roll < 0.2) return [line, alphabet[Math.floor(next() * alphabet.length)]!];
        if (roll < 0.3) return [`changed ${round}\n`];
        return [line];
      });
      expect(apply(a, b)).toEqual(b);
    }
  });

  it('finds the single changed line of a long file as a single one-line hunk', () => {
    const a = largeModule(20_000);
    const b = [...a];
    b[12_345] = '    edited: bool\n';
    expect(diffSequences(a, b)).toEqual([{ aStart: 12_345, aLength: 1, bStart: 12_345, bLength: 1 }]);
  });
});

describe('three-way merge', () => {
  it('takes either side whole when the other did not change, and keeps a change made on both sides once', () => {
    const next = random(11);
    for (let round = 0; round < 200; round++) {
      const base = Array.from({ length: 1 + Math.floor(next() * 30) }, (_, index) => (next() < 0.3 ? '\n' : `line ${index % 9}\n`)).join('');
      const changed = base.replace(/line 3\n/g, 'line three\n').replace(/\n\n/, '\nadded\n\n');
      expect(mergeThreeWay(base, base, changed)).toEqual({ text: changed, conflicts: 0 });
      expect(mergeThreeWay(base, changed, base)).toEqual({ text: changed, conflicts: 0 });
      expect(mergeThreeWay(base, changed, changed)).toEqual({ text: changed, conflicts: 0 });
    }
  });

  it('merges changes to different parts cleanly, and marks changes of the same line', () => {
    expect(mergeThreeWay('a\nb\nc\nd\ne\n', 'a\nB\nc\nd\ne\n', 'a\nb\nc\nd\nE\n')).toEqual({ text: 'a\nB\nc\nd\nE\n', conflicts: 0 });
    expect(mergeThreeWay('a\nb\nc\n', 'a\nmine\nc\n', 'a\ntheirs\nc\n')).toEqual({
      text: 'a\n<<<<<<< your edit\nmine\n=======\ntheirs\n>>>>>>> generated now\nc\n',
      conflicts: 1,
    });
    // Both sides adding different lines at the same place is a conflict; the same line, none.
    expect(mergeThreeWay('a\nc\n', 'a\nb1\nc\n', 'a\nb2\nc\n').conflicts).toBe(1);
    expect(mergeThreeWay('a\nc\n', 'a\nb\nc\n', 'a\nb\nc\n')).toEqual({ text: 'a\nb\nc\n', conflicts: 0 });
  });

  it('merges a one-line edit into a 56,000-line module whose generation changed elsewhere, correctly and at once', () => {
    const base = largeModule(56_000);
    const ours = [...base];
    ours[100] = '    name_2: str | None = None  # mine\n';
    ours.splice(30_000, 0, '    extra: int = 0  # mine too\n');
    const theirs = [...base];
    theirs[40_001] = '    renamed: str\n';
    theirs.splice(55_000, 7);
    const started = performance.now();
    const merged = mergeThreeWay(base.join(''), ours.join(''), theirs.join(''));
    const elapsed = performance.now() - started;
    const expected = [...ours];
    expected[40_002] = '    renamed: str\n';
    expected.splice(55_001, 7);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(expected.join(''));
    console.info(`three-way merge of a 56,000-line module: ${elapsed.toFixed(0)} ms`);
  });

  it('merges a large module whose generation changed everywhere (no common anchors) without hanging', () => {
    const base = Array.from({ length: 30_000 }, (_, index) => (index % 2 === 0 ? '\n' : 'pass\n'));
    const ours = ['# mine\n', ...base];
    const theirs = base.map((line) => (line === 'pass\n' ? '...\n' : line));
    const merged = mergeThreeWay(base.join(''), ours.join(''), theirs.join(''));
    expect(merged.text).toBe(['# mine\n', ...theirs].join(''));
    expect(merged.conflicts).toBe(0);
  });
});
