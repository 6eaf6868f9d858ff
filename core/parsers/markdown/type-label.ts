/** The type a heading or a label line names, and the other names a heading writes beside it. */

import { singular, toPascal, withoutAccents } from '../../naming.js';

/** A heading naming a type: `Project`, `` `Project` model ``, `Model: Project`, `Project (entity)`. */
const TYPE_HEADING_WORDS = /\b(?:model|object|entity|schema|resource|data|dto|fields|attributes|properties|columns|structure)\b|^\s*type\b|模型|实体|对象|字段|[():`]/gi;
/** `Ticket type`, `Order item`: a name in two or three words, the first capitalized, as a heading writes it. */
const WORDS_NAME = /^[A-Z][a-z0-9]*(?:\s+[A-Za-z][a-z0-9]*){1,2}$/;

const TYPE_NAME = /^[A-Z][A-Za-z0-9_]*$/;
/** Headings over a document's parts, no type's name: `## Entities`, `## Overview`. */
const GENERIC_HEADING = /^(?:Entities|Models|Schemas|Types|Tables|Resources|Objects|Definitions|Structures|Overview|Glossary|Appendix|Introduction|Summary|Background|Rules|Endpoints|Errors|Notes|Changelog|Authentication|Pagination|Conventions|Requirements|Datamodel|Domain)$/;

/**
 * The type a heading or label names: `Project`, `` `Project` model ``, `2.1 Project`, and with a
 * name in another language beside it, `Course (Kurs)`, `Kurs (Course)`, `课程 Course`.
 */
export function typeNameIn(title: string, heading: boolean): string | undefined {
  return typeNamesIn(title, heading)?.name;
}

/** The type a heading names, and the other names it writes beside it. */
export function typeNamesIn(title: string, heading: boolean): { name: string; aliases: string[] } | undefined {
  const bare = title.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '');
  const outside = bare.replace(/[(（][^)）]*[)）]/g, ' ');
  const inside = [...bare.matchAll(/[(（]([^)）]*)[)）]/g)].map((match) => match[1]!);
  // A heading may give the name beside another (`Course (Kurs)`, `Kurs – Course`, `课程 Course`); a line
  // so written is a sentence (`DB — MySQL 8`, `Warning (beta)`).
  const beside = heading ? [outside, ...inside, ...outside.split(/\s+[-–—/|]\s+|[\u4e00-\u9fff\u3040-\u30ff]+/u)] : [];
  const candidates = [bare, ...beside];
  // `📝 Inscripción`: the name without the emoji before it, its letters without their accents, as paths write them.
  const stripped = candidates.map((text) => withoutAccents(text.replace(TYPE_HEADING_WORDS, ' ')).replace(/^[^\p{L}\p{N}]+/u, '').replace(/\s+/g, ' ').trim());
  const name = stripped.find((text) => TYPE_NAME.test(text)) ?? (heading ? (wordsName(stripped.find((text) => WORDS_NAME.test(text))) ?? bracketedName(inside)) : undefined);
  if (name === undefined || GENERIC_HEADING.test(name)) return undefined;
  const others = [...inside, ...outside.split(/\s+[-–—/|]\s+/), ...(outside.match(/[\u4e00-\u9fff\u3040-\u30ff]+/gu) ?? [])];
  const aliases = heading ? [...new Set(others.map((text) => text.replace(TYPE_HEADING_WORDS, ' ').trim()).filter((text) => /\p{L}/u.test(text) && text !== name && !text.includes(name)))] : [];
  return { name, aliases };
}

/** `部署（departments）`, `社員 (employee)`: the English name in brackets beside a name in another script, a table's plural or not. */
function bracketedName(inside: readonly string[]): string | undefined {
  const word = inside.map((text) => text.trim()).find((text) => /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(text));
  return word === undefined ? undefined : toPascal(singular(word));
}

function wordsName(text: string | undefined): string | undefined {
  return text?.split(/\s+/).map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

/** Words saying a heading names a table: `订单表`, `Table: orders`, `テーブル`, `tabla`. */
const TABLE_WORDS = /表|テーブル|테이블|(?<![\p{L}])(?:tables?|tablas?|tabelle[n]?|tabela)(?![\p{L}])/iu;
const TABLE_NAME = /^`?([a-z][a-z0-9]*(?:_[a-z0-9]+)*)`?$/;

/**
 * The table a heading names, as database designs title them: `mall_order 订单表`, `t_user（用户表）`,
 * `Table: orders`, `表 sys_dept`, `` `order_items` — order lines ``: a lower-case name with an
 * underscore, or any lower-case name where the heading says it is a table; with the words beside it
 * as its label.
 */
/** A label naming a table in so many words (`Campos do item do pedido (tabela \`itens_pedido\`)`), not a title that is a table's name alone. */
export function tableNameInLabel(text: string): { table: string; label?: string } | undefined {
  // The word for table right by the name (`tabela \`itens_pedido\``, `\`wms_stock\` 表`), not anywhere (`列表` is a list).
  const beside = /(?:表|テーブル|테이블|(?<![\p{L}])(?:tables?|tablas?|tabelle[n]?|tabela))\s*[:：]?\s*`?[a-z][a-z0-9]*_[a-z0-9_]*`?|`?[a-z][a-z0-9]*_[a-z0-9_]*`?\s*(?:表|テーブル|테이블|(?:table|tabla|tabelle|tabela)(?![\p{L}]))/iu;
  return beside.test(text) ? tableNameIn(text) : undefined;
}

export function tableNameIn(title: string): { table: string; label?: string } | undefined {
  const bare = title.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, '').trim();
  const words = bare.replace(/^(?:表|テーブル|table|tabla)\s*[:：]?\s*/iu, '').split(/[\s(（)）:：—–-]+/u).filter((word) => word !== '');
  const names = words.map((word) => TABLE_NAME.exec(word)?.[1]).filter((name): name is string => name !== undefined && !TABLE_WORDS.test(name));
  const snake = names.filter((name) => name.includes('_'));
  const table = snake.length === 1 ? snake[0]! : snake.length === 0 && names.length === 1 && TABLE_WORDS.test(bare) ? names[0]! : undefined;
  if (table === undefined) return undefined;
  const label = words
    .filter((word) => TABLE_NAME.exec(word)?.[1] !== table && !/^(?:表|テーブル|테이블|tables?|tablas?|tabelle[n]?|tabela)$/iu.test(word))
    .join(' ')
    .replace(/(?:表|テーブル|테이블)$/u, '')
    .trim();
  return label !== '' && /\p{L}/u.test(label) ? { table, label } : { table };
}
