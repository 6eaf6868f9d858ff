/**
 * Tables naming things twice (an identifier and a name in words), read as a glossary: rules written
 * with the words (`参加者のメールアドレスは一意`) then find what they name.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdownText } from '../../core/parsers/markdown/index.js';

const glossary = (table: string) => (parseMarkdownText(`# Notes\n\n## Data\n\n${table}\n\n## GET /venues\n`, 'notes.md').glossary ?? []).map((entry) => [...entry.names, entry.source.line]);

describe('glossary tables', () => {
  it('pairs each identifier with its name in words, whichever column comes first', () => {
    expect(glossary('| エンティティ | 論理名 | 概要 |\n|---|---|---|\n| venue | 会場 | イベントを開催する会場のマスタ |\n| participant | 参加者 | チケットを購入・保持する人 |')).toEqual([
      ['会場', 'venue', 7],
      ['参加者', 'participant', 8],
    ]);
    expect(glossary('| 中文名 | 表名 |\n|---|---|\n| 订单 | `mall_order` |')).toEqual([['订单', 'mall_order', 7]]);
  });

  it('reads nothing from a table without a column of identifiers beside one of short names', () => {
    // Sentences, not names.
    expect(glossary('| table | purpose |\n|---|---|\n| venue | 会場を管理する。イベントの開催場所。 |')).toEqual([]);
    // No identifiers.
    expect(glossary('| 区分 | 採用技術 |\n|---|---|\n| 言語 | Python 3.12 |')).toEqual([]);
    // English words on both sides: nothing in another language to gloss.
    expect(glossary('| entity | label |\n|---|---|\n| venue | Venue |')).toEqual([]);
  });
});
