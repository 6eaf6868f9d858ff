import { Converter } from 'opencc-js/t2cn';

/**
 * Characters Traditional Chinese writes and Japanese does not (it writes 会, 説, 体, 来, 対, 関, 削除 …):
 * a document of kanji alone (a Japanese table without kana) is not taken for Chinese.
 */
const TRADITIONAL_ONLY = /[們這說體會來對關應點當傳樣邊覽刪據數號錄與麼嗎裡將從顯條戶單價讓產發處實畫變舊歷總權檔聯]/gu;

let characters: ((text: string) => string) | undefined;
let phrases: ((text: string) => string) | undefined;

/**
 * A document in Traditional Chinese (`刪除`, `預設`, `欄位`) as the reader's vocabulary spells it, in
 * Simplified characters and mainland words (`删除`, `默认`, `字段`); any other text as it is (one in
 * Simplified characters holds none to change). Japanese writes kanji too: a document with kana is left alone.
 */
export function asSimplifiedChinese(text: string): string {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text) || (text.match(TRADITIONAL_ONLY)?.length ?? 0) < 2) return text;
  const traditional = (characters ??= Converter({ from: 'tw', to: 'cn' }));
  if (traditional(text) === text) return text;
  const words = (phrases ??= Converter({ from: 'twp', to: 'cn' }));
  return words(text);
}
