import { readOnDeleteRule, SCHEMA_HINTS } from '../../model/hints.js';
import type { SchemaNode } from '../../model/api-document.js';
import { markdownError } from './errors.js';

/** Text with its bracketed hint tokens (`[unique]`) taken out. */
export interface HintedText {
  text: string;
  tokens: string[];
}

const TOKEN = /\[([^\[\]]+)\]/g;

/** Splits `unique login [unique] [index]` into the text and the tokens. */
export function extractHintTokens(written: string): HintedText {
  const tokens = [...written.matchAll(TOKEN)].map((match) => match[1]!.trim());
  const text = written.replace(TOKEN, ' ').replace(/\s+/g, ' ').trim();
  return { text, tokens };
}

const FIELD_HINTS = '[unique], [index], [on delete: cascade|set null|restrict|no action], [references: Name], [renamed from: old_name], [read only], [write only]';
const RESOURCE_HINTS = '[soft delete], [tenant], [tenant: column], [table: name], [renamed from: OldName], [on delete: rule], [unique: a, b], [index: a, b]';

interface Token {
  key: string;
  value: string | undefined;
}

function splitToken(token: string): Token {
  const colon = token.indexOf(':');
  const key = (colon < 0 ? token : token.slice(0, colon)).trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const value = colon < 0 ? undefined : token.slice(colon + 1).trim();
  return { key, value: value === '' ? undefined : value };
}

function onDeleteRule(value: string | undefined, file: string, line: number): string {
  const rule = readOnDeleteRule(value);
  if (!rule) throw markdownError(file, line, `unknown on-delete rule "${value ?? ''}": expected cascade, set null, restrict or no action`);
  return rule;
}

function requireValue(token: Token, file: string, line: number): string {
  if (token.value === undefined) throw markdownError(file, line, `the hint [${token.key}] needs a value: [${token.key}: ...]`);
  return token.value;
}

function columnList(value: string): string[] {
  return value.split(',').map((name) => name.trim()).filter((name) => name !== '');
}

/** The `x-` hints (and readOnly/writeOnly) a field's tokens ask for. */
export function fieldHints(tokens: readonly string[], file: string, line: number): SchemaNode {
  const hints: SchemaNode = {};
  for (const raw of tokens) {
    const token = splitToken(raw);
    switch (token.key) {
      case 'unique':
        hints[SCHEMA_HINTS.unique] = true;
        break;
      case 'index':
      case 'indexed':
        hints[SCHEMA_HINTS.index] = true;
        break;
      case 'on delete':
        hints[SCHEMA_HINTS.onDelete] = onDeleteRule(token.value, file, line);
        break;
      case 'references':
      case 'refs':
        hints[SCHEMA_HINTS.references] = requireValue(token, file, line);
        break;
      case 'renamed from':
        hints[SCHEMA_HINTS.renamedFrom] = requireValue(token, file, line);
        break;
      case 'read only':
      case 'readonly':
        hints.readOnly = true;
        break;
      case 'write only':
      case 'writeonly':
        hints.writeOnly = true;
        break;
      default:
        throw markdownError(file, line, `unknown hint [${raw}]: expected one of ${FIELD_HINTS}`);
    }
  }
  return hints;
}

/** The `x-` hints a resource's tokens (its heading or its `Hints:` line) ask for. */
export function resourceHints(tokens: readonly string[], file: string, line: number): SchemaNode {
  const hints: SchemaNode = {};
  const pushList = (key: string, columns: string[]) => {
    hints[key] = [...((hints[key] as string[][] | undefined) ?? []), columns];
  };
  for (const raw of tokens) {
    const token = splitToken(raw);
    switch (token.key) {
      case 'soft delete':
      case 'soft deleted':
        hints[SCHEMA_HINTS.softDelete] = true;
        break;
      case 'tenant':
        hints[SCHEMA_HINTS.tenant] = token.value ?? true;
        break;
      case 'table':
      case 'table name':
        hints[SCHEMA_HINTS.tableName] = requireValue(token, file, line);
        break;
      case 'renamed from':
        hints[SCHEMA_HINTS.renamedFrom] = requireValue(token, file, line);
        break;
      case 'on delete':
        hints[SCHEMA_HINTS.onDelete] = onDeleteRule(token.value, file, line);
        break;
      case 'unique':
        pushList(SCHEMA_HINTS.unique, columnList(requireValue(token, file, line)));
        break;
      case 'index':
        pushList(SCHEMA_HINTS.index, columnList(requireValue(token, file, line)));
        break;
      default:
        throw markdownError(file, line, `unknown resource hint [${raw}]: expected one of ${RESOURCE_HINTS}`);
    }
  }
  return hints;
}
