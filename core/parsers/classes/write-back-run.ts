import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatOf } from '../../engine/engine.js';
import type { EmitSummary } from '../../engine/hooks.js';
import { InfraStackError } from '../../errors.js';
import type { ItemPaths } from './write-back.js';

/**
 * After a successful, non-dry run: writes into each class definitions file the paths of the
 * files generated for its items (relative to the output folder, the one holding `backend/`,
 * posix separators, as source document 001's sample writes them), and their raw URLs when
 * `rawUrlBase` is set. Items no file was generated for are left alone; `writeBack: false` writes nothing.
 */
export async function writeBackGeneratedPaths(summary: EmitSummary): Promise<void> {
  const { config, files } = summary;
  if (config.dryRun || config.writeBack === false) return;
  for (const jsonFile of config.apiFiles) {
    const text = await readFile(jsonFile, 'utf8');
    if (formatOf(jsonFile, text) !== 'classes') continue;
    const pathsByItem = new Map<string, ItemPaths>();
    for (const file of files) {
      if (!file.origin) continue;
      const paths = pathsByItem.get(file.origin.item) ?? {};
      const [pathKey, urlKey] = file.origin.role === 'code' ? (['code_path', 'code_raw_url'] as const) : (['test_path', 'test_raw_url'] as const);
      if (paths[pathKey] !== undefined) continue;
      paths[pathKey] = file.path.split(path.sep).join('/');
      if (config.rawUrlBase) paths[urlKey] = `${config.rawUrlBase}/${file.path}`;
      pathsByItem.set(file.origin.item, paths);
    }
    const { withWrittenBackPaths } = await import('./write-back.js');
    const updated = withWrittenBackPaths(text, pathsByItem);
    if (updated === text) continue;
    try {
      await writeFile(jsonFile, updated);
    } catch (cause) {
      throw new InfraStackError(`cannot write the generated paths back (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { file: jsonFile, cause });
    }
  }
}
