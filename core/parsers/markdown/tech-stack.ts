import type { DatabaseChoice, DocumentSettings, TechnologyChoice, TechnologyTopic } from '../../model/api-document.js';
import type { OtherTable, Sentence } from './document-outline.js';
import { markdownError } from './errors.js';
import { cellTexts, lineOf } from './markdown-tree.js';
import { WORD_END as END, WORD_START as START } from './word-edges.js';

const STACK_HEADER = new RegExp(String.raw`${START}(?:choices?|technolog(?:y|ies)|tech|selection|stack|tools?|value|option|elección|tecnología|choix|technologie|wahl|công nghệ)${END}|选型|选择|技术|方案|技術|選定|기술|선택|스택|내용`, 'iu');
const STACK_HEADING = new RegExp(String.raw`${START}(?:tech(?:nology)?|stack|tecnología|technologie|công nghệ)${END}|技术|选型|技術`, 'iu');
const DATABASE_ROW = /\b(?:database|db|dbms|rdbms|base de datos|base de données|datenbank|banco de dados|base di dati|cơ sở dữ liệu|basis data|baza danych|bazy danych|veritaban\p{L}*)(?![\p{L}])|数据库|データベース|데이터베이스|база данных|субд/iu;

/** Row labels of the other choices a stack must honour (`Backend language`, `Web 框架`, `ORM`). */
const TOPIC_ROWS: [RegExp, TechnologyTopic][] = [
  [new RegExp(String.raw`${START}(?:language|lang|lenguaje|langage|sprache|programmiersprache|ngôn ngữ)${END}|语言|言語`, 'iu'), 'language'],
  [new RegExp(String.raw`${START}(?:framework|frameworks|marco|cadre|khung)${END}|框架|フレームワーク`, 'iu'), 'framework'],
  [new RegExp(String.raw`${START}(?:orm|orms|odm)${END}`, 'iu'), 'orm'],
];

/**
 * Technologies a tech stack may name, by topic, each with the name messages use. A value naming
 * none of them (`Language: English`, the product's language) is no choice of technology.
 */
const TECHNOLOGIES: Record<TechnologyTopic, [RegExp, string][]> = {
  language: [
    [/python/i, 'Python'], [/typescript|\bts\b/i, 'TypeScript'], [/javascript|\bjs\b|node(?:\.?js)?\b/i, 'JavaScript'],
    [/\bjava\b/i, 'Java'], [/kotlin/i, 'Kotlin'], [/\bgo(?:lang)?\b/i, 'Go'], [/\brust\b/i, 'Rust'],
    [/c#|csharp|\.net\b/i, 'C#'], [/\bphp\b/i, 'PHP'], [/\bruby\b/i, 'Ruby'], [/\bscala\b/i, 'Scala'],
    [/elixir/i, 'Elixir'], [/\bswift\b/i, 'Swift'], [/c\+\+/i, 'C++'],
  ],
  framework: [
    [/fastapi/i, 'FastAPI'], [/starlette/i, 'Starlette'], [/litestar/i, 'Litestar'], [/flask/i, 'Flask'], [/django/i, 'Django'],
    [/sanic/i, 'Sanic'], [/tornado/i, 'Tornado'], [/aiohttp/i, 'aiohttp'], [/pyramid/i, 'Pyramid'],
    [/express/i, 'Express'], [/nest\.?js|\bnest\b/i, 'NestJS'], [/\bkoa\b/i, 'Koa'], [/fastify/i, 'Fastify'], [/\bhapi\b/i, 'hapi'],
    [/next\.?js/i, 'Next.js'], [/spring/i, 'Spring'], [/quarkus/i, 'Quarkus'], [/micronaut/i, 'Micronaut'], [/\bktor\b/i, 'Ktor'],
    [/\bgin\b/i, 'Gin'], [/\becho\b/i, 'Echo'], [/\bfiber\b/i, 'Fiber'], [/laravel/i, 'Laravel'], [/symfony/i, 'Symfony'],
    [/rails/i, 'Rails'], [/sinatra/i, 'Sinatra'], [/asp\.?net/i, 'ASP.NET'], [/phoenix/i, 'Phoenix'], [/actix/i, 'Actix'], [/\baxum\b/i, 'Axum'],
  ],
  orm: [
    [/sqlalchemy/i, 'SQLAlchemy'], [/sqlmodel/i, 'SQLModel'], [/django/i, 'Django ORM'], [/peewee/i, 'Peewee'], [/tortoise/i, 'Tortoise ORM'],
    [/\bpony\b/i, 'Pony ORM'], [/prisma/i, 'Prisma'], [/typeorm/i, 'TypeORM'], [/sequelize/i, 'Sequelize'], [/drizzle/i, 'Drizzle'],
    [/mikro-?orm/i, 'MikroORM'], [/mongoose/i, 'Mongoose'], [/hibernate/i, 'Hibernate'], [/\bjpa\b/i, 'JPA'], [/mybatis/i, 'MyBatis'],
    [/\bgorm\b/i, 'GORM'], [/\bent\b/i, 'ent'], [/eloquent/i, 'Eloquent'], [/doctrine/i, 'Doctrine'], [/active ?record/i, 'Active Record'],
    [/entity ?framework|\bef core\b/i, 'Entity Framework'], [/dapper/i, 'Dapper'], [/diesel/i, 'Diesel'], [/sea-?orm/i, 'SeaORM'],
    [/exposed/i, 'Exposed'], [/\becto\b/i, 'Ecto'],
  ],
};

const DATABASES: [RegExp, DatabaseChoice][] = [
  [/\bpostgre(?:s|sql)?\b/i, 'postgresql'],
  [/\b(?:mysql|mariadb)\b/i, 'mysql'],
  [/\bsqlite\d*\b/i, 'sqlite'],
];

/**
 * A tech-stack table: its header or the heading above it speaks of technology choices, or, in
 * words this reader does not know (`| Компонент | Технология |`, `| what | pick |`), most of its
 * rows name a technology or a database after their label.
 */
export function isTechStackTable({ table, heading }: OtherTable): boolean {
  const [header, ...rows] = table.children;
  if (!header || header.children.length < 2) return false;
  if (cellTexts(header).some((cell) => STACK_HEADER.test(cell)) || (heading !== undefined && STACK_HEADING.test(heading))) return true;
  const naming = rows.filter((row) => cellTexts(row).slice(1).some((cell) => topicNamedBy(cell) !== undefined || databaseIn(cell) !== undefined)).length;
  return naming >= 2 && naming * 2 >= rows.length;
}

/** The topic of the technology a value names (`FastAPI` a framework), when it names one. */
function topicNamedBy(value: string): TechnologyTopic | undefined {
  return (Object.keys(TECHNOLOGIES) as TechnologyTopic[]).find((topic) => TECHNOLOGIES[topic].some(([pattern]) => pattern.test(value)));
}

/** The one database a short value names (`postgres 16`), if it names exactly one. */
function databaseIn(value: string): string | undefined {
  if (value.split(/\s+/).length > CHOICE_WORDS || NEGATION.test(value)) return undefined;
  const named = DATABASES.filter(([pattern]) => pattern.test(value));
  return named.length === 1 ? named[0]![0].exec(value)![0] : undefined;
}

/** `Database: PostgreSQL`, `- **DB** — MySQL 8`, `数据库：MySQL`, `Cơ sở dữ liệu: PostgreSQL`: a database chosen on a line of its own. */
const DATABASE_LINE = new RegExp(`^\\W*(?:${DATABASE_ROW.source})\\W*?\\s*[:：=\\-–—]\\s*(.+)$`, 'iu');
/** `Language: Python 3.12`, `- **Framework:** FastAPI`: another choice on a line of its own. */
const TOPIC_LINES: [RegExp, TechnologyTopic][] = TOPIC_ROWS.map(([row, topic]) => [new RegExp(`^\\W*(?:[\\p{L} ]*?\\s)?(?:${row.source})\\W*?\\s*[:：=\\-–—]\\s*(.+)$`, 'iu'), topic]);
/** Words that turn a sentence about the database around (`not MySQL`, `pas de SQLite`). */
const NEGATION = new RegExp(String.raw`${START}(?:not|no|never|instead|pas|jamais|nicht|kein|nunca|não|không)${END}|不|没|않|없|ない`, 'iu');
/** A sentence that long says more than which database. */
const DATABASE_SENTENCE_WORDS = 12;

/**
 * The database a short sentence names with the word for database, one database and no negation:
 * `La base de données est PostgreSQL.`, `We store everything in a PostgreSQL database.`
 */
function databaseNamedIn(text: string): string | undefined {
  if (!DATABASE_ROW.test(text)) return undefined;
  const named = DATABASES.filter(([pattern]) => pattern.test(text));
  if (named.length !== 1) return undefined;
  // A longer sentence names it in a clause of its own: `…, usando SQLAlchemy como ORM y PostgreSQL como base de datos.`,
  // `Banco de dados **MySQL 8** — a infra já tem … e não quer manter outro SGBD` (the negation is another clause's).
  const short = (clause: string) => DATABASE_ROW.test(clause) && named[0]![0].test(clause) && clause.split(/\s+/).length <= DATABASE_SENTENCE_WORDS && !NEGATION.test(clause);
  return short(text) || clausesOf(text).some(short) ? named[0]![0].exec(text)![0] : undefined;
}

function clausesOf(text: string): string[] {
  return text.split(/[,;，；。(（]|\.\s|\s[—–]\s/u);
}

/** The label of the row choosing the database (`Database`, `**DB**`, `数据库`), not of one about something of it (`数据库迁移`, `Database driver`). */
function isDatabaseLabel(label: string): boolean {
  const rest = label.replace(DATABASE_ROW, ' ').replace(/[\s*_`:：()（）/-]+/g, ' ').trim();
  return rest === '' || /^(?:main|primary|principal|principale|haupt|主|主要|chính)$/iu.test(rest);
}

/** `- PostgreSQL 15` under a `## Stack` heading: a short line naming one database and nothing against it. */
function databaseListed(text: string): string | undefined {
  if (NEGATION.test(text) || text.split(/\s+/).length > CHOICE_WORDS) return undefined;
  const named = DATABASES.filter(([pattern]) => pattern.test(text));
  return named.length === 1 ? named[0]![0].exec(text)![0] : undefined;
}

/** A value that short is a choice, not a sentence about the database. */
const CHOICE_WORDS = 4;

/**
 * The database a tech-stack table chooses (its row whose first cell mentions a database), or a
 * line naming it (`Database: PostgreSQL`).
 */
export function readTechStack(tables: readonly OtherTable[], sentences: readonly Sentence[], file: string): { settings: DocumentSettings; found: boolean } {
  let settings: DocumentSettings = {};
  let found = false;
  const choose = (written: string, line: number) => {
    const database = DATABASES.find(([pattern]) => pattern.test(written))?.[1];
    if (!database) throw markdownError(file, line, `unsupported database "${written}": expected PostgreSQL, MySQL (or MariaDB) or SQLite`);
    if (settings.database !== undefined && settings.database !== database) {
      throw markdownError(file, line, `database ${database} contradicts ${settings.database} chosen at line ${settings.source?.line ?? '?'}`);
    }
    settings = { database, source: { file, pointer: '/x-tech-stack/database', line } };
  };
  const technologies: TechnologyChoice[] = [];
  const note = (topic: TechnologyTopic, written: string, line: number) => {
    const value = written.replace(/[*_`]/g, '').trim();
    const name = TECHNOLOGIES[topic].find(([pattern]) => pattern.test(value))?.[1];
    if (!name) return;
    found = true;
    technologies.push({ topic, name, written: value, source: { file, pointer: `/x-tech-stack/${topic}`, line } });
  };
  for (const sentence of sentences) {
    const chosen = (pattern: RegExp) => {
      const value = pattern.exec(sentence.text)?.[1]?.replace(/[*_`]/g, '').trim();
      return value === undefined || value.split(/\s+/).length > CHOICE_WORDS ? undefined : value;
    };
    // `- **SQLite** for v1 — one branch, one box` under `## Stack`: the line's first clause names it.
    const listed = sentence.section !== undefined && STACK_HEADING.test(sentence.section) ? (databaseListed(sentence.text) ?? databaseListed(clausesOf(sentence.text)[0] ?? '')) : undefined;
    const database = chosen(DATABASE_LINE) ?? databaseNamedIn(sentence.text) ?? listed;
    if (database !== undefined) {
      found = true;
      choose(database, sentence.line);
      continue;
    }
    const labelled = TOPIC_LINES.find(([pattern]) => chosen(pattern) !== undefined);
    if (labelled) {
      note(labelled[1], chosen(labelled[0])!, sentence.line);
      continue;
    }
    // `- Node 20 + TypeScript`, `- Express` under a `## 🧱 Stack` heading: each technology the line names.
    if (sentence.section !== undefined && STACK_HEADING.test(sentence.section) && !NEGATION.test(sentence.text)) {
      for (const topic of Object.keys(TECHNOLOGIES) as TechnologyTopic[]) note(topic, sentence.text, sentence.line);
    }
  }
  for (const entry of tables) {
    if (!isTechStackTable(entry)) continue;
    found = true;
    const [header, ...rows] = entry.table.children;
    const headers = cellTexts(header!);
    const choiceColumn = Math.max(1, headers.findIndex((cell, index) => index > 0 && STACK_HEADER.test(cell)));
    // `数据库迁移 | Alembic`, `Test database | SQLite`: rows about something of the database choose it only when no row is the database itself.
    const qualified: { written: string; line: number }[] = [];
    let chosenByRow = false;
    for (const row of rows) {
      const cells = cellTexts(row);
      const label = cells[0] ?? '';
      if (DATABASE_ROW.test(label)) {
        if (isDatabaseLabel(label)) {
          chosenByRow = true;
          choose(cells[choiceColumn] ?? '', lineOf(row));
        } else qualified.push({ written: cells[choiceColumn] ?? '', line: lineOf(row) });
      } else {
        const value = cells[choiceColumn] ?? '';
        // A label in words this reader does not know (`web`, `СУБД`): what the value names says what it chooses.
        const topic = TOPIC_ROWS.find(([pattern]) => pattern.test(label))?.[1] ?? topicNamedBy(value);
        if (topic) note(topic, value, lineOf(row));
        else if (databaseIn(value) !== undefined) qualified.push({ written: value, line: lineOf(row) });
      }
    }
    const named = chosenByRow ? undefined : qualified.find(({ written }) => DATABASES.some(([pattern]) => pattern.test(written)));
    if (named) choose(named.written, named.line);
  }
  return { settings: technologies.length > 0 ? { ...settings, technologies } : settings, found };
}
