import type { DocumentRule, RuleSource } from '../../model/api-document.js';
import { readFieldNotes } from './field-notes.js';
import { CHINESE_SCOPE_CLOSERS, CHINESE_SCOPE_OPENERS } from './scope-words.js';

/**
 * Sentences stating a field's rule: `Customer email must be unique`, `Product status is one of
 * draft, published, archived`, `Users must have a unique email`, `用户名唯一，邮箱唯一`. What the
 * rule says is read by the field notes' own vocabulary, so a sentence and a note say the same.
 */

/** `must be`, `should be`, `is`, `cannot`: between the field and what it must be. */
const ENGLISH = /^(.+?)\s+(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|is|are|can(?:not|'t)|may\s+not)\s+(.+)$/i;
/**
 * The same verbs in French, Spanish, Italian, Portuguese, German and Vietnamese (`Le courriel doit
 * être unique`, `Il codice fiscale è obbligatorio e univoco`, `Số điện thoại là duy nhất`).
 */
const OTHER_LANGUAGES =
  /^(.+?)\s+(?:doit\s+être|doivent\s+être|est|sont|debe\s+ser|deben\s+ser|debe\s+estar|deben\s+estar|tiene\s+que\s+ser|tiene\s+que\s+estar|es|son|deve\s+essere|devono\s+essere|è|sono|deve\s+ser|devem\s+ser|é|são|muss|müssen|ist|sind|phải\s+là|phải|là)\s+(.+)$/iu;
/** `license_no unique`, `email indexed`: a field's name and its rule, no verb between (terse notes). */
const TERSE = /^([A-Za-z_][\w]*(?:\s+[A-Za-z_]\w*)?)\s+(uniq(?:ue)?(?:\s+(?:within|per|in|for)\s+.+)?|indexed|read[\s-]?only|write[\s-]?only|optional)$/i;
/** `Users must have a unique email`. */
const HAVE_UNIQUE = /^(.+?)\s+(?:must|should|shall)\s+have\s+(?:a|an)\s+unique\s+(.+)$/i;
/** Where a Chinese rule's predicate starts: `用户名唯一`, `价格必须大于0`, `状态只能是…`. */
const CHINESE_PREDICATE = /唯一|不可重复|不能重复|不允许重复|一意|ユニーク|重複|大于|小于|不超过|不少于|不低于|至少|最多|最大|最小|最长|长度|取值|只能是|只能为|可选值|枚举|默认/u;
/** The words between a subject and its predicate: Chinese modals, Japanese topic particles (`電話番号は一意`). */
const CHINESE_MODAL = /(?:必须|必需|应当|应该|应|需要|需|要|的|是|为|は|が|も)+$/u;
/** Where a rule holds, said before it: `邮箱全局唯一`, `编码在系统内唯一`. */
const CHINESE_SCOPE = /(?:在)?(?:全局|全系统|系统内|系统中|整个系统|全表|表内|システム(?:全体|内)?|全体)(?:内|中)?(?:で|において)?$/u;
/** `在同一酒店中`, `每个部门内`: only the rows a rule holds among, the fields following after a comma. */
const CHINESE_SCOPE_ALONE = new RegExp(String.raw`^(?:在)?(?:${CHINESE_SCOPE_OPENERS})\p{Script=Han}{1,8}?(?:${CHINESE_SCOPE_CLOSERS})$`, 'u');

const TEXT = { kind: 'scalar', schema: { type: 'string' } } as const;
const NUMBER = { kind: 'scalar', schema: { type: 'number' } } as const;

/** The note says something the field notes' vocabulary knows, for a text or a number field. */
function understood(note: string): boolean {
  return [TEXT, NUMBER].some((type) => {
    const notes = readFieldNotes(note, type, '', 0);
    return notes.type !== undefined || notes.defaultText !== undefined || Object.keys(notes.hints).length > 0;
  });
}

function fieldNote(subject: string, note: string, source: RuleSource): DocumentRule[] | undefined {
  const cleaned = subject.trim();
  return cleaned !== '' && understood(note) ? [{ kind: 'field-note', subject: cleaned, note: note.trim(), source }] : undefined;
}

/** A field's rule in a clause written with spaces (English, French, Spanish, German, Vietnamese), or undefined. */
export function readSpacedFieldRule(clause: string, source: RuleSource): DocumentRule[] | undefined {
  const listed = valuesAfterColon(clause, source.text);
  if (listed) return fieldNote(listed.subject, listed.note, source);
  const have = HAVE_UNIQUE.exec(clause);
  if (have) return fieldNote(`${have[1]!} ${have[2]!}`, 'unique', source);
  // A verb first (`plates are unique` is no field `plates are`), then the terse form.
  const match = ENGLISH.exec(clause) ?? OTHER_LANGUAGES.exec(clause);
  const withVerb = match ? fieldNote(match[1]!, match[2]!, source) : undefined;
  if (withVerb) return withVerb;
  const terse = TERSE.exec(clause);
  return terse ? fieldNote(terse[1]!, terse[2]!, source) : undefined;
}

/**
 * `Subscription status: active (default on creation), paused, cancelled`: a field, a colon, and
 * two values or more, one of them perhaps said to be the default.
 */
function valuesAfterColon(clause: string, written: string): { subject: string; note: string } | undefined {
  const match = /^((?:[A-Za-z_][\w]*\s+)?[A-Za-z_][\w]*)\s*[:：]\s*(.+?)\.?$/u.exec(clause.trim());
  if (!match) return undefined;
  const items = match[2]!.split(/\s*,\s*(?![^(]*\))|\s+(?:or|and)\s+/).map((item) => /^[`"']?([\p{L}\p{N}_-]+)[`"']?\s*(?:\(([^)]*)\))?$/u.exec(item.trim()));
  if (items.length < 2 || items.some((item) => item === null)) return undefined;
  const values = items.map((item) => item![1]!);
  // The sentence as written keeps the brackets its clause lost: `` `active` (default on creation) ``.
  const glossed = [...written.matchAll(/[`"']?([\p{L}\p{N}_-]+)[`"']?\s*[(（]([^)）]*)[)）]/gu)].map((m) => ({ value: m[1]!, gloss: m[2]! }));
  const byDefault = [...items.map((item) => ({ value: item![1]!, gloss: item![2] ?? '' })), ...glossed].find(({ value, gloss }) => values.includes(value) && /\bdefault\b|por\s+defecto|par\s+défaut|默认/iu.test(gloss))?.value;
  return { subject: match[1]!, note: `one of: ${values.join(', ')}${byDefault !== undefined ? `; default ${byDefault}` : ''}` };
}

/** Field rules in a Chinese clause, each part of `用户名唯一，邮箱唯一` one; undefined unless every part is one. */
export function readChineseFieldRules(clause: string, source: RuleSource): DocumentRule[] | undefined {
  const rules: DocumentRule[] = [];
  // `员工工号、邮箱全局唯一`: fields listed before one predicate share it.
  let sharing: string[] = [];
  // `在同一酒店中，房间编码唯一`: the rows the rule holds among, said first, go with each field after them.
  let scope = '';
  for (const part of clause.split(/[，,、]\s*(?=[^，,、]*(?:唯一|不可重复|不能重复|不允许重复|大于|小于|不超过|不少于|不低于|至少|最多|最大|最小|最长|长度|取值|只能是|只能为|默认))/u)) {
    const start = CHINESE_PREDICATE.exec(part);
    if (!start && CHINESE_SCOPE_ALONE.test(part.trim()) && sharing.length === 0) {
      scope = part.trim();
      continue;
    }
    if (!start) {
      sharing.push(part);
      continue;
    }
    if (start.index === 0) return undefined;
    const predicate = part.slice(start.index);
    for (const subject of [...sharing, part.slice(0, start.index)]) {
      // `会場コードはシステム全体で一意`: the scope after the topic particle, the particle before it.
      const read = fieldNote(`${scope}${subject.trim().replace(CHINESE_MODAL, '').replace(CHINESE_SCOPE, '').replace(CHINESE_MODAL, '')}`, predicate, source);
      if (!read) return undefined;
      rules.push(...read);
    }
    sharing = [];
  }
  return rules.length > 0 && sharing.length === 0 ? rules : undefined;
}
