import type { Field, SoftDeleteFlag } from '../model/domain-model.js';

const VALUE = String.raw`([0-9]{1,3}|[A-Za-z])`;
const SAYS = String.raw`\s*(?:[=:：→\-–]|代表|表示|为|是|means|meaning|indicates|für|para)?\s*`;
// Beside a deletion flag's values, yes and no (`0-否 1-是`) say deleted or not too.
const DELETED = String.raw`(?:(?:已)?(?:删除|刪除|deleted|removed|gelöscht|eliminado|supprimé|削除済み|削除|삭제)|是|yes|true)`;
const LIVE = String.raw`(?:存在|正常|未删除|有效|not\s+deleted|live|active|normal|exists|kept|vorhanden|activo|actif|有効|정상|否|no|false)`;
const DELETED_VALUE = [new RegExp(`(?<![\\p{L}\\p{N}])${VALUE}${SAYS}${DELETED}`, 'iu'), new RegExp(`${DELETED}\\s*[=:：]\\s*${VALUE}(?![\\p{L}\\p{N}])`, 'iu')];
const LIVE_VALUE = [new RegExp(`(?<![\\p{L}\\p{N}])${VALUE}${SAYS}${LIVE}`, 'iu'), new RegExp(`${LIVE}\\s*[=:：]\\s*${VALUE}(?![\\p{L}\\p{N}])`, 'iu')];

/** The values a flag's description gives it while live and once deleted (`0代表存在 2代表删除`, `1 = deleted, 0 = active`). */
export function flagValuesIn(text: string | undefined): { live?: string; deleted?: string } {
  if (text === undefined) return {};
  const deleted = DELETED_VALUE.map((pattern) => pattern.exec(text)?.[1]).find((value) => value !== undefined);
  const live = LIVE_VALUE.map((pattern) => pattern.exec(text)?.[1]).find((value) => value !== undefined && value !== deleted);
  return { ...(live !== undefined ? { live } : {}), ...(deleted !== undefined ? { deleted } : {}) };
}

/**
 * The value a soft delete's sentence sets a field it names to (`del_flag 置为 2`, `set
 * \`is_deleted\` to 1`, `deleted = 'Y'`); undefined when it names no value right after the field.
 */
export function valueSetIn(sentence: string, wireName: string): string | undefined {
  const escaped = wireName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}[\`'"]?\\s*(?:(?:置为|设为|设置为|改为|更新为|标记为|=|to|auf|a|à|en)\\s*)[\`'"]?([0-9]{1,3}|[A-Za-z])(?![\\p{L}\\p{N}])`, 'iu');
  return pattern.exec(sentence)?.[1];
}

/**
 * A text or integer field as a deletion flag: the value deleting sets (the rule's, else what a
 * description says, its own or `described`'s: another table's field of the same name, else `1`
 * where `guess`: a field named as a flag, whose deleted rows no client sees), and the value of live
 * rows (described, else the field's default, else 0 beside a digit). Undefined when no deleted
 * value is known, or the values do not fit the field.
 */
export function deletionFlagOf(field: Field, ruled: string | undefined, described: readonly (string | undefined)[], guess: boolean): SoftDeleteFlag | undefined {
  if (field.type.kind !== 'integer' && !(field.type.kind === 'string' && field.type.format === undefined)) return undefined;
  const said = [field.description, ...described].map(flagValuesIn);
  const deleted = ruled ?? said.find((values) => values.deleted !== undefined)?.deleted ?? (guess ? '1' : undefined);
  if (deleted === undefined) return undefined;
  const describedLive = said.find((values) => values.live !== undefined && values.live !== deleted)?.live;
  const live = describedLive ?? (field.default !== undefined && field.default !== null ? String(field.default) : /^[0-9]+$/.test(deleted) && deleted !== '0' ? '0' : undefined);
  if (live === undefined || live === deleted) return undefined;
  if (field.type.kind === 'integer') {
    if (!/^[0-9]+$/.test(deleted) || !/^[0-9]+$/.test(live)) return undefined;
    return { live: Number(live), deleted: Number(deleted) };
  }
  return { live, deleted };
}
