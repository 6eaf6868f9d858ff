/**
 * Numbered codes a note lists, each with its meaning: `0-待支付 1-已支付 2-已取消`, `状态（0正常 1停用）`,
 * `1:普通 2:高级`, `0 未知，1 男，2 女`, `0 = inactive, 1 = active`, `(1 card, 2 cash)`. The field
 * stores the number; the meanings are documentation.
 */

/** A meaning after a mark (`-`, `:`, `=`, `→`): words, up to the next code or separator. */
const MARKED = String.raw`\s*(?:->|[-:：=＝→])\s*(\p{L}[^,，、;；|()（）\s]*(?:[ \t]+(?![-\d])[^,，、;；|()（）\s]+)*)`;
/** A meaning in a script other than Latin, right after the code or a space: `0正常`, `0 未知`. */
const WRITTEN_ON = String.raw`\s*([^\x00-\x7F\s\d,，、;；|()（）:：=＝\p{P}][^\x00-\x7F\s,，、;；|()（）:：=＝]*)`;
/** A meaning in one Latin word after a space (`0 inactive`): only inside brackets or after a label. */
const SPACED_WORD = String.raw`\s+([A-Za-z][\w-]*)`;
const ITEM = new RegExp(String.raw`(?<![\p{L}\p{N}_.\-])(-?\d+)(?:${MARKED}|${WRITTEN_ON}|${SPACED_WORD})`, 'gu');
/** What may stand between two items of one list. */
const BETWEEN = /^\s*[,，、;；/|]?\s*$/u;
/** Words that join two numbers into a range or a count, not meanings: `1 到 20`, `3 个`. */
const NOT_A_MEANING = /^(?:到|至|和|与|或|及|~|个|位|次|天|元|秒|分钟?|小时|字|字符|条|项|件|人|岁|年|月|日|号)$/u;

interface Item {
  code: number;
  start: number;
  end: number;
  /** The meaning was one Latin word after a space (SPACED_WORD). */
  loose: boolean;
}

/**
 * The numbered codes of a note, when it lists two or more, each with its meaning and nothing but
 * separators between them; the longest such list. A list whose meanings are bare Latin words after
 * a space (`3 times, 5 seconds`) counts only in brackets or after a label, up to the list's end.
 */
export function numberedCodes(notes: string): number[] | undefined {
  const items: Item[] = [];
  for (const match of notes.matchAll(ITEM)) {
    const meaning = match[2] ?? match[3] ?? match[4]!;
    if (NOT_A_MEANING.test(meaning)) continue;
    const code = Number(match[1]);
    if (!Number.isSafeInteger(code)) continue;
    items.push({ code, start: match.index, end: match.index + match[0].length, loose: match[4] !== undefined });
  }
  let best: number[] | undefined;
  let run: Item[] = [];
  const close = () => {
    const codes = run.map((item) => item.code);
    if (run.length >= 2 && new Set(codes).size === codes.length && (!run.some((item) => item.loose) || framed(notes, run)) && codes.length > (best?.length ?? 0)) best = codes;
  };
  for (const item of items) {
    const previous = run.at(-1);
    const gap = previous === undefined ? '' : notes.slice(previous.end, item.start);
    // Meanings in one Latin word stand apart by a separator: `3 to 120 chars` is a range, not codes 3 and 120.
    const apart = gap !== '' && BETWEEN.test(gap) && (!(item.loose || previous?.loose) || /[,，、;；/|]/u.test(gap));
    if (previous !== undefined && !apart) {
      close();
      run = [];
    }
    run.push(item);
  }
  close();
  return best;
}

/** The list opens the note, a label's colon or a bracket, and ends the note or its bracket. */
function framed(notes: string, run: readonly Item[]): boolean {
  const before = notes.slice(0, run[0]!.start);
  const after = notes.slice(run.at(-1)!.end);
  return /(?:^|[:：(（])\s*$/u.test(before) && /^\s*(?:[)）]|[.。]?\s*$)/u.test(after);
}
