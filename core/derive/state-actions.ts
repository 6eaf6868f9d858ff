import type { EnumType, Field, StateChange } from '../model/domain-model.js';

/**
 * `POST /orders/{id}/cancel`: an action on a row whose verb names a state its fields show, the
 * value of an enum field the verb's participle is (`cancelled` of `status`; Spanish `cancelar`,
 * `cancelada`) or a flag it names (`archived`, `is_archived`), un-/de- undoing it (`unarchive`,
 * `deactivate`). Undefined unless exactly one field and value match.
 */
/**
 * The changes a verb makes: its state (one field) and the moment it names (`completed_at`,
 * `shipped_on`: set to the time of the request), either or both; undefined when neither, or when
 * several fields take the state.
 */
export function stateChangesOf(segment: string, fields: readonly Field[], enums: ReadonlyMap<string, EnumType>): StateChange[] | undefined {
  const verb = plain(segment);
  if (verb === '') return undefined;
  const states = participles(verb);
  const moments = fields.filter((f) => !f.system && f.type.kind === 'string' && (f.type.format === 'date-time' || f.type.format === 'date') && MOMENT.test(f.name) && states.has(plain(f.name.replace(MOMENT, ''))));
  const state = stateOf(verb, states, fields, enums);
  if (state === 'several' || moments.length > 1) return undefined;
  const changes: StateChange[] = [...(state ? [state] : []), ...moments.map((f) => ({ field: f.name, now: true as const }))];
  return changes.length > 0 ? changes : undefined;
}

/** `completed_at`, `shippedOn`, `approved_date`: a moment named after a state. */
const MOMENT = /[_]?(?:at|on|date|time|At|On|Date|Time)$/;

function stateOf(verb: string, states: ReadonlySet<string>, fields: readonly Field[], enums: ReadonlyMap<string, EnumType>): { field: string; value: string | boolean } | 'several' | undefined {
  const changes: { field: string; value: string | boolean }[] = [];
  for (const field of fields) {
    if (field.system || field.relation !== undefined) continue;
    if (field.type.kind === 'enum') {
      const values = enums.get(field.type.name)?.values ?? [];
      const matched = values.filter((value) => states.has(plain(value)));
      if (matched.length === 1) changes.push({ field: field.name, value: matched[0]! });
    } else if (field.type.kind === 'boolean') {
      const flag = plain(field.name).replace(/^(?:is|has)/, '');
      if (states.has(flag)) changes.push({ field: field.name, value: true });
      else {
        const undone = undoneVerb(verb);
        if (undone !== undefined && participles(undone).has(flag)) changes.push({ field: field.name, value: false });
      }
    }
  }
  return changes.length > 1 ? 'several' : changes[0];
}

/** Lower case letters only, accents off: `Check-In` is `checkin`, `cancelada` stays. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** `unarchive` undoes `archive`, `deactivate` `activate`, `disable` `enable`, `unlock` `lock`. */
function undoneVerb(verb: string): string | undefined {
  if (verb === 'disable') return 'enable';
  if (verb === 'hide') return 'show';
  const undone = /^(?:un|de|dis)(.{3,})$/.exec(verb)?.[1];
  return undone;
}

/** Irregular English participles, and the states some verbs put a row in under another word. */
const IRREGULAR: Record<string, string[]> = {
  pay: ['paid'],
  send: ['sent'],
  hold: ['held', 'onhold'],
  hide: ['hidden'],
  show: ['shown', 'visible'],
  open: ['open', 'opened'],
  reopen: ['open', 'reopened'],
  close: ['closed'],
  activate: ['active', 'activated'],
  deactivate: ['inactive', 'deactivated'],
  enable: ['enabled', 'active'],
  disable: ['disabled', 'inactive'],
  resume: ['resumed', 'active'],
  start: ['started', 'inprogress', 'running'],
  begin: ['begun', 'started', 'inprogress'],
  stop: ['stopped'],
  finish: ['finished', 'done'],
  complete: ['completed', 'complete', 'done'],
  checkin: ['checkedin'],
  checkout: ['checkedout'],
  void: ['voided', 'void'],
  draft: ['draft'],
  publish: ['published', 'public'],
  unpublish: ['unpublished', 'draft'],
  approve: ['approved'],
  reject: ['rejected'],
  lose: ['lost'],
  win: ['won'],
  read: ['read'],
  set: ['set'],
};

/** The states a verb puts a row in: its participles in English and in the Romance languages of the documents. */
function participles(verb: string): Set<string> {
  const found = new Set<string>(IRREGULAR[verb] ?? []);
  // English: `cancel` → `cancelled`/`canceled`, `ship` → `shipped`, `archive` → `archived`, `verify` → `verified`.
  if (verb.endsWith('e')) found.add(`${verb}d`);
  else if (/[^aeiou]y$/.test(verb)) found.add(`${verb.slice(0, -1)}ied`);
  else {
    found.add(`${verb}ed`);
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) found.add(`${verb}${verb.slice(-1)}ed`);
  }
  // Spanish and Portuguese `cancelar` → `cancelado`/`cancelada`, `atender` → `atendido`; Italian `annullare` → `annullato`; French `annuler` → `annulé` (plain: `annule`).
  const romance: [RegExp, string[]][] = [
    [/ar$/, ['ado', 'ada', 'ados', 'adas']],
    [/[ei]r$/, ['ido', 'ida', 'idos', 'idas']],
    [/are$/, ['ato', 'ata']],
    [/ere$/, ['uto', 'uta']],
    [/ire$/, ['ito', 'ita']],
    [/er$/, ['e', 'ee']],
  ];
  for (const [ending, participleEndings] of romance) {
    if (!ending.test(verb) || verb.length < 5) continue;
    const stem = verb.replace(ending, '');
    for (const participle of participleEndings) found.add(`${stem}${participle}`);
  }
  return found;
}
