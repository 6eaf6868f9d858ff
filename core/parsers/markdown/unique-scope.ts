import type { DocumentRule, RuleSource } from '../../model/api-document.js';
import { WORD_END as END, WORD_START as START } from './word-edges.js';
import { CHINESE_SCOPE_CLOSERS, CHINESE_SCOPE_OPENERS } from './scope-words.js';

/**
 * Uniqueness that holds among some rows only, as people write it: `unique within the hotel`,
 * `pro Kurs eindeutig`, `único por cliente`, `unique par magasin`, `duy nhất trong mỗi lớp`,
 * `同一酒店内唯一`; and several fields unique together: `(unique course_id + student_id)`,
 * `UNIQUE (order_id, product_id)`, `course_id、student_id 联合唯一`.
 */

/** Up to three words naming what the rows share, ended by punctuation, the text's end or a word that starts another thought. */
const WORDS = String.raw`([\p{L}_][\p{L}\p{N}_-]*(?:\s+[\p{L}_][\p{L}\p{N}_-]*){0,2}?)`;
const PHRASE = String.raw`${WORDS}(?=\s*(?:$|[,;:.)(（）,，；。—–]|-\s|\s(?:not|but|and|only|instead|nicht|aber|und|no|pero|y|pas|mais|et|không|nhưng)${END}))`;
const ENGLISH_ARTICLES = String.raw`(?:(?:the|a|an|each|every|its|their|one|that|same|given|its\s+own)\s+)*`;

const SCOPED: RegExp[] = [
  // `unique across the fleet` is unique everywhere: only these words narrow it.
  new RegExp(String.raw`${START}uniq(?:ue)?\s+(?:together\s+with|within|per|in|for|inside|among|with)\s+${ENGLISH_ARTICLES}${PHRASE}`, 'iu'),
  new RegExp(String.raw`${START}(?:pro|je|innerhalb|in|für)\s+(?:(?:eine[mnrs]?|de[mnrs]|die|das|jede[mnrs]?|eine?)\s+)?${WORDS}\s+eindeutig`, 'iu'),
  new RegExp(String.raw`${START}eindeutig\s+(?:pro|je|innerhalb|in|für)\s+(?:(?:eine[mnrs]?|de[mnrs]|die|das|jede[mnrs]?)\s+)?${PHRASE}`, 'iu'),
  new RegExp(String.raw`${START}únic[oa]s?\s+(?:por|en|dentro\s+del?|para)\s+(?:(?:cada|el|la|los|las|un|una|su|mismo|misma)\s+)*${PHRASE}`, 'iu'),
  new RegExp(String.raw`${START}uniques?\s+(?:par|dans|pour|au\s+sein\s+d[eu]|au\s+sein\s+de\s+la)\s+(?:(?:chaque|le|la|les|un|une|son|sa|même)\s+|l['’])*${PHRASE}`, 'iu'),
  new RegExp(String.raw`${START}únic[oa]s?\s+(?:por|em|dentro\s+d[aoe]s?|na|no|para)\s+(?:(?:cada|o|a|os|as|um|uma|seu|sua|mesm[oa])\s+)*${PHRASE}`, 'iu'),
  // `같은 워크스페이스 안에서 중복 불가`, `프로젝트 내에서 유일`.
  /(?:같은|동일한|각)?\s*([\p{Script=Hangul}A-Za-z_]+)\s*(?:안에서|내에서|내|별로|마다)\s*(?:중복\s*(?:불가|금지|안\s*됨)|유일|고유)/u,
  new RegExp(String.raw`${START}duy\s+nhất\s+(?:trong|theo|cho)\s+(?:(?:mỗi|một|từng|cùng)\s+)*${PHRASE}`, 'iu'),
  new RegExp(String.raw`(?:在)?(?:${CHINESE_SCOPE_OPENERS}|该|本)?(\p{Script=Han}{1,8}?)(?:${CHINESE_SCOPE_CLOSERS})(?:必须|应当?|需要?)?唯一`, 'u'),
  /(\p{Script=Han}{1,8}?)(?:内|ごと)で一意/u,
];

/** Scopes that are everything: `unique within the system`, `全局唯一`. */
const EVERYWHERE =
  /^(?:(?:the|tod[oa](?:\s+(?:el|la|o|a))?|tout\s+le|toute\s+la)\s+)?(?:(?:whole|entire)\s+)?(?:system(?:weit)?|platform|database|db|table|app|application|world|globe|sistema|système|hệ\s+thống)$|^(?:globally|global|everywhere|all|全局|全系统|系统|整个系统|全表|表|数据库|平台|システム|全体)$/iu;

/** What rows a unique note says the value is unique among (`hotel`), or undefined for a unique that holds everywhere. */
export function uniqueScopeOf(note: string): string | undefined {
  for (const pattern of SCOPED) {
    const phrase = pattern.exec(note)?.[1]?.trim();
    if (phrase && !EVERYWHERE.test(phrase)) return phrase;
  }
  return undefined;
}

/** A key written as its entity's name and `ID` (`仓库 ID`, `商品ID`): the key to that entity (unique-rules.ts). */
const LABELLED_KEY = String.raw`[\u4e00-\u9fff\u3040-\u30ff]{1,8}\s*(?:ID|Id|id|编号)(?![A-Za-z0-9_])`;
const ID = `\`?([A-Za-z_][A-Za-z0-9_]*|${LABELLED_KEY})\`?`;
/** Two or more identifiers joined by `+`/`&`, or listed in brackets: one combination. */
const JOINED = String.raw`${ID}(?:\s*[+&]\s*${ID})+`;
const BRACKETED = String.raw`[(（]\s*${ID}(?:\s*(?:[,，、+&/]|\band\b)\s*${ID})+\s*[)）]`;
const UNIQUE_WORD = String.raw`(?:uniq(?:ue)?|eindeutig|únic[oa]s?|uniques?|duy\s+nhất|联合唯一|组合唯一|唯一|一意)`;
const TOGETHER = String.raw`(?:together|jointly|combined|zusammen|gemeinsam|juntos|ensemble|cùng\s+nhau)`;
const COMPOSITES: RegExp[] = [
  // `unique course_id + student_id`, `UNIQUE (order_id, product_id)`, `unique constraint on (a, b)`.
  new RegExp(String.raw`${START}unique\s*(?:(?:constraint|key|index)\s*)?(?:(?:on|over|of)\s*)?(?:${BRACKETED}|${JOINED})`, 'iu'),
  // `one sub per (showId, listenerEmail)`, `at most one vote per (user_id, post_id)`.
  new RegExp(String.raw`${START}(?:one|a\s+single|only\s+one|at\s+most\s+one|max(?:imum)?\s+one)\s+[\p{L}_]+\s+(?:per|for\s+each|for\s+every)\s+${BRACKETED}`, 'iu'),
  // `course_id + student_id unique`, `(a, b) must be unique`, `course_id、student_id 联合唯一`.
  new RegExp(String.raw`(?:${BRACKETED}|${JOINED}|${ID}(?:\s*[、和与]\s*${ID})+(?=\s*(?:联合|组合)))\s*(?:(?:is|are|must\s+be|should\s+be|ist|sind|es|son|est|sont)\s+)?(?:${TOGETHER}\s+)?${UNIQUE_WORD}`, 'iu'),
  // `the combination of course_id and student_id is unique`, `a and b are unique together`.
  new RegExp(String.raw`${ID}\s+(?:and|und|y|et|và)\s+${ID}\s+(?:are|must\s+be|sind|son|sont|phải)\s+(?:${TOGETHER}\s+${UNIQUE_WORD}|${UNIQUE_WORD}\s+${TOGETHER})`, 'iu'),
  new RegExp(String.raw`(?:combination|pair|Kombination|combinación|combinaison|tổ\s+hợp)\s+(?:of|aus|von|de|du|des)?\s*${ID}\s+(?:and|und|y|et|và)\s+${ID}\s+(?:(?:is|must\s+be|should\s+be|ist|muss|es|debe\s+ser|est|doit\s+être|phải\s+là|là)\s+)?${UNIQUE_WORD}`, 'iu'),
];

/** Combinations of fields a sentence says are unique together, each a rule naming its fields as written. */
export function readCompositeUniques(text: string, source: RuleSource): DocumentRule[] {
  const rules: DocumentRule[] = [];
  for (const pattern of COMPOSITES) {
    const match = pattern.exec(text);
    if (!match) continue;
    // Bracketed, the combination is what the brackets hold (`one sub per (showId, listenerEmail)`).
    const bracketed = /[(（]([^)）]*)[)）]/.exec(match[0]);
    const fields = [...new Set(idsIn(bracketed?.[1] ?? match[0]))];
    if (fields.length >= 2) rules.push({ kind: 'unique-together', fields, source });
    break;
  }
  return rules;
}

/** The identifiers a matched phrase names, without the words of the pattern itself. */
function idsIn(phrase: string): string[] {
  const words = /^(?:uniq|unique|constraint|key|index|on|over|of|and|und|y|et|và|is|are|must|should|be|ist|sind|es|son|est|sont|phải|là|muss|debe|ser|doit|être|together|jointly|combined|zusammen|gemeinsam|juntos|ensemble|combination|pair|kombination|combinación|combinaison|aus|von|de|du|des|eindeutig|único|única|únicos|únicas|uniques|duy|nhất|cùng|nhau|tổ|hợp)$/i;
  // Words whole in any script: `única` is a word of the pattern, not `nica`; a labelled key (`仓库 ID`) one word.
  const labelled = new RegExp(`^${LABELLED_KEY}$`, 'u');
  return [...phrase.matchAll(new RegExp(String.raw`${LABELLED_KEY}|[\p{L}_][\p{L}\p{N}_]*`, 'gu'))]
    .map((m) => m[0].replace(/\s+/g, ' '))
    .filter((word) => labelled.test(word) || (!words.test(word) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word)));
}
