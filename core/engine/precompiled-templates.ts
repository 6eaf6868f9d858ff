import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The options every template is compiled and rendered with: the build compiles with the same. */
export const TEMPLATE_OPTIONS = { autoescape: false, trimBlocks: true, lstripBlocks: true, throwOnUndefined: true } as const;

/** A template compiled when the package was built: the hash of its source, and its compiled functions. */
export interface PrecompiledTemplate {
  hash: string;
  compiled: () => object;
}

// The package's root. This module runs from `dist/core/engine` once built, from `core/engine` under the tests.
const CORE_PARENT = fileURLToPath(new URL('../../', import.meta.url));
export const PACKAGE_ROOT = path.basename(CORE_PARENT) === 'dist' ? path.dirname(CORE_PARENT) : CORE_PARENT;

/** Where the build writes the compiled templates; their keys are relative to the package root. */
export const PRECOMPILED_MODULE = path.join(PACKAGE_ROOT, 'dist', 'templates', 'precompiled.js');

export function templateHash(source: string): string {
  return createHash('sha1').update(source).digest('hex');
}

/** The key a template file has in the precompiled table: its path from the package root, `/`-separated. */
export function precompiledKey(file: string): string {
  return path.relative(PACKAGE_ROOT, file).split(path.sep).join('/');
}

/**
 * What nunjucks takes for a compiled template (`{ type: 'code', obj }`, as its own precompiled
 * loader answers) when the build compiled this very source; undefined when it did not, or when
 * the template was edited since.
 */
export function compiledSource(file: string, source: string, table: ReadonlyMap<string, PrecompiledTemplate>): { type: 'code'; obj: object } | undefined {
  const compiled = table.get(precompiledKey(file));
  return compiled && compiled.hash === templateHash(source) ? { type: 'code', obj: compiled.compiled() } : undefined;
}

/**
 * The templates compiled by the build (`scripts/precompile-templates.ts`), by key. Empty when
 * the build did not write them (a plain `tsc`): then every template compiles as it is first used.
 */
export async function loadPrecompiledTemplates(): Promise<ReadonlyMap<string, PrecompiledTemplate>> {
  try {
    const { templates } = (await import(pathToFileURL(PRECOMPILED_MODULE).href)) as { templates: Record<string, PrecompiledTemplate> };
    return new Map(Object.entries(templates));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return new Map();
    throw error;
  }
}
