/**
 * Part of `npm run build`: compiles the package's own nunjucks templates (the stacks' and the
 * plugins') into `dist/templates/precompiled.js`, so that a run loads compiled functions instead
 * of lexing, parsing and compiling some fifty templates. Each is keyed by its path from the
 * package root with the hash of its source; a template edited since the build compiles at run
 * time as before (see core/engine/templates.ts).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT, precompiledKey, PRECOMPILED_MODULE, templateHash, TEMPLATE_OPTIONS } from '../core/engine/precompiled-templates.js';

const TEMPLATE_ROOTS = ['stacks', 'plugins'];

interface NunjucksCompiler {
  compile(source: string, asyncFilters: string[], extensions: unknown[], name: string, options: object): string;
}
const { compile } = createRequire(import.meta.url)('nunjucks/src/compiler.js') as NunjucksCompiler;

async function templateFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.njk') && entry.parentPath.split(path.sep).includes('templates'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function main(): Promise<void> {
  const files = (await Promise.all(TEMPLATE_ROOTS.map((root) => templateFiles(path.join(PACKAGE_ROOT, root))))).flat();
  const entries: string[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const code = compile(source, [], [], precompiledKey(file), TEMPLATE_OPTIONS);
    entries.push(`  ${JSON.stringify(precompiledKey(file))}: {\n    hash: ${JSON.stringify(templateHash(source))},\n    compiled: function () {\n${code}\n    },\n  },`);
  }
  await mkdir(path.dirname(PRECOMPILED_MODULE), { recursive: true });
  await writeFile(PRECOMPILED_MODULE, `// Written by scripts/precompile-templates.ts (npm run build): the package's templates, compiled.\nexport const templates = {\n${entries.join('\n')}\n};\n`);
  console.log(`precompiled ${files.length} templates into ${path.relative(PACKAGE_ROOT, PRECOMPILED_MODULE)}`);
}

await main();
