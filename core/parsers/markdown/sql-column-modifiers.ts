/**
 * A type cell written as a SQL column definition: `VARCHAR(255) NOT NULL UNIQUE`,
 * `INT DEFAULT 0`, `BIGINT REFERENCES users(id)`, `TEXT NULL`. The type is the text before the
 * first constraint keyword; the constraints say what the field's notes would.
 */
export interface SqlColumnModifiers {
  /** The type without its constraints (`VARCHAR(255)`). */
  typeText: string;
  /** `NOT NULL` (false) or `NULL` (true); absent when neither is written. */
  nullable?: boolean;
  unique?: true;
  primaryKey?: true;
  defaultText?: string;
  /** The table a `REFERENCES users(id)` names. */
  references?: string;
}

/** Where the constraints start: the first keyword a column definition may carry after its type. */
const FIRST_CONSTRAINT = /\s+(?=(?:not\s+null|null|unique|primary\s+key|default|references|auto_?increment|identity|check|comment|collate|generated)\b)/i;
/** A SQL type: a word or two, with a size (`VARCHAR(255)`, `DECIMAL(10,2)`, `double precision`). */
const SQL_TYPE = /^[a-z][a-z0-9_]*(?:\s+[a-z][a-z0-9_]*)?\s*(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?(?:\s+unsigned)?$/i;
const NOT_NULL = /\bnot\s+null\b/i;
const NULL = /(?<!not\s+)\bnull\b/i;
const UNIQUE = /\bunique\b/i;
const PRIMARY_KEY = /\bprimary\s+key\b/i;
const DEFAULT = /\bdefault\s+('(?:[^']*)'|"(?:[^"]*)"|[^\s,]+)/i;
const REFERENCES = /\breferences\s+[`"]?([A-Za-z_][A-Za-z0-9_]*)/i;

/** Splits a SQL column definition into its type and constraints; text without constraints is returned as its type. */
export function readSqlColumnModifiers(written: string): SqlColumnModifiers {
  const text = written.replace(/`/g, '').trim();
  const split = FIRST_CONSTRAINT.exec(text);
  const typeText = split ? text.slice(0, split.index).trim() : '';
  if (!split || !SQL_TYPE.test(typeText)) return { typeText: text };
  const constraints = text.slice(split.index).trim();
  const defaultValue = DEFAULT.exec(constraints)?.[1]?.replace(/^['"]|['"]$/g, '');
  const references = REFERENCES.exec(constraints)?.[1];
  return {
    typeText,
    ...(NOT_NULL.test(constraints) ? { nullable: false } : NULL.test(constraints) ? { nullable: true } : {}),
    ...(UNIQUE.test(constraints) ? { unique: true } : {}),
    ...(PRIMARY_KEY.test(constraints) ? { primaryKey: true } : {}),
    ...(defaultValue !== undefined && !/^null$/i.test(defaultValue) ? { defaultText: defaultValue } : {}),
    ...(references !== undefined ? { references } : {}),
  };
}
