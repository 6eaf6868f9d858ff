import type { DomainModel, EngineConfig } from '../../core/index.js';
// From the modules themselves, not the core's index: the command's --help reads these choices.
import { InfraStackError } from '../../core/errors.js';
import { DDL_AUTO, DDL_DIALECTS, type DdlDialect } from '../../core/options.js';

export type DdlChoice = DdlDialect | typeof DDL_AUTO;

/** `--ddl none` (or an empty value): no SQL schema. */
export const DDL_NONE = 'none';

const CHOICES: readonly DdlChoice[] = [DDL_AUTO, ...DDL_DIALECTS];

/**
 * `postgresql,sqlite`, `['auto', 'mysql']`, `none` or `''` → the choices, in a fixed order without
 * repeats; anything else is an error naming where the value came from.
 */
export function parseDdlChoices(value: unknown, where: string): DdlChoice[] {
  const items = (Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]));
  const words = items.map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : item)).filter((item) => item !== '');
  if (words.length === 1 && words[0] === DDL_NONE) return [];
  const unknown = words.find((word) => !CHOICES.includes(word as DdlChoice));
  if (unknown !== undefined) {
    throw new InfraStackError(`${where} takes a comma-separated list of ${CHOICES.join(', ')}, or ${DDL_NONE}; got ${JSON.stringify(unknown)}`);
  }
  return CHOICES.filter((choice) => words.includes(choice));
}

/** How `.yo-rc.json` records the choices: the text `--ddl` takes. */
export function ddlChoicesText(choices: readonly DdlChoice[]): string {
  return choices.length === 0 ? DDL_NONE : choices.join(',');
}

/** The dialects a run writes: `auto` is the backend's database (`--db`, else the documents' choice, else SQLite). */
export function ddlDialects(config: EngineConfig, model: DomainModel): DdlDialect[] {
  const choices = config.ddl === undefined ? [DDL_AUTO] : parseDdlChoices(config.ddl, 'ddl');
  const wanted = new Set(choices.map((choice) => (choice === DDL_AUTO ? backendDatabase(config, model) : choice)));
  return DDL_DIALECTS.filter((dialect) => wanted.has(dialect));
}

export function backendDatabase(config: EngineConfig, model: DomainModel): DdlDialect {
  return config.db ?? model.database ?? 'sqlite';
}
