/**
 * The tech stack a requirements document asks for: the language, framework and ORM rows (and lines)
 * are read in the words and languages people write them, and a choice the stack does not write
 * stops the run at its line, with nothing written.
 */
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfraStackError } from '../../core/index.js';
import { parseMarkdownText } from '../../core/parsers/markdown/index.js';
import { generate } from '../../lib/index.js';

const file = '/docs/requirements.md';
const choices = (text: string) => (parseMarkdownText(text, file).settings.technologies ?? []).map((c) => [c.topic, c.name, c.source.line]);

describe('technology choices', () => {
  it('reads a table whatever its words and language, and lines of their own', () => {
    expect(choices('## Tech stack\n\n| item | choice |\n| --- | --- |\n| Backend language | Python 3.12 |\n| Web framework | FastAPI |\n| Database | PostgreSQL |\n| ORM | SQLAlchemy 2.x |\n')).toEqual([
      ['language', 'Python', 5],
      ['framework', 'FastAPI', 6],
      ['orm', 'SQLAlchemy', 8],
    ]);
    expect(choices('## 技术选型\n\n| 类别 | 选型 | 备注 |\n| --- | --- | --- |\n| 后端语言 | Node.js | 18 |\n| Web 框架 | Express | |\n| ORM | Prisma | |\n')).toEqual([
      ['language', 'JavaScript', 5],
      ['framework', 'Express', 6],
      ['orm', 'Prisma', 7],
    ]);
    expect(choices('# Requirements\n\n- **Language:** TypeScript\n- **Framework:** NestJS\n- Lenguaje: Java\n- Framework — Spring Boot 3\n')).toEqual([
      ['language', 'TypeScript', 3],
      ['framework', 'NestJS', 4],
      ['language', 'Java', 5],
      ['framework', 'Spring', 6],
    ]);
  });

  it('takes no choice from what names no technology', () => {
    const table = '\n\n| item | choice |\n| --- | --- |\n| Database | SQLite |\n| ORM | - |\n| Language | Vietnamese and English |\n';
    expect(choices(`# Requirements\n\n- Language: English\n- Framework: TBD${table}`)).toEqual([]);
    // A sentence about the language is no choice.
    expect(choices(`# Requirements\n\nLanguage: the API answers in the language the client asks for, Python or not.${table}`)).toEqual([]);
  });
});

describe('the database a sentence names', () => {
  const database = (text: string) => parseMarkdownText(`${text}\n- GET /items — list the items\n`, file).settings.database;

  it('reads it in a clause of a longer sentence, and not where the sentence turns it down', () => {
    expect(database('# Req\n\n## Stack tecnológico\n\nEl backend se va a desarrollar en Python con FastAPI, usando SQLAlchemy como ORM y PostgreSQL como base de datos. Las migraciones se manejan con Alembic.\n')).toBe('postgresql');
    expect(database('# Req\n\nWe considered many options for the long-term storage layer, and in the end the database is MySQL 8.\n')).toBe('mysql');
    expect(database('# Req\n\nThe team knows MySQL well, yet the database for this service is not MySQL but something managed by the platform team.\n')).toBeUndefined();
    expect(database('# Req\n\nThe reporting job copies rows from PostgreSQL into a SQLite file, the database of the analysts.\n')).toBeUndefined();
  });
});

describe('a stack other than the one that writes the backend', () => {
  async function projectWith(requirements: string): Promise<{ dir: string; files: string[] }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-tech-'));
    await copyFile(path.resolve('examples/shop/api-list.md'), path.join(dir, 'api-list.md'));
    await writeFile(path.join(dir, 'requirements.md'), requirements);
    return { dir, files: [path.join(dir, 'api-list.md'), path.join(dir, 'requirements.md')] };
  }

  it.each([
    ['a framework', '| Web framework | Express 4 |', /requirements\.md:8: the tech stack chooses Express as the framework \("Express 4"\), but the fastapi-sqlalchemy stack writes FastAPI on Python with SQLAlchemy/],
    ['a language', '| 后端语言 | Go |', /requirements\.md:8: the tech stack chooses Go as the language/],
    ['an ORM', '| ORM | SQLModel |', /requirements\.md:8: the tech stack chooses SQLModel as the ORM/],
  ])('stops at %s it does not write, naming its line, and writes nothing', async (_what, row, message) => {
    const { dir, files } = await projectWith(`# Shop\n\n## Tech stack\n\n| item | choice |\n| --- | --- |\n| Database | SQLite |\n${row}\n`);
    const out = path.join(dir, 'out');
    const error = await generate({ apiFiles: files, outDir: out }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InfraStackError);
    expect((error as InfraStackError).describe()).toMatch(message);
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });
});
