import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What plugins may read of the output folder while they plan: the files as they are now, the user's included. */
export interface OutputFolder {
  /**
   * The files directly in `folder` (relative to the output folder, posix separators), keyed by
   * their path relative to the output folder, with their text; empty when there is no such folder.
   */
  readFolder(folder: string): Promise<ReadonlyMap<string, string>>;
}

export function outputFolder(outDir: string): OutputFolder {
  return {
    async readFolder(folder) {
      const absolute = path.join(outDir, ...folder.split('/'));
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(absolute, { withFileTypes: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return new Map();
        throw error;
      }
      const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
      const texts = await Promise.all(names.map((name) => readFile(path.join(absolute, name), 'utf8')));
      return new Map(names.map((name, index) => [`${folder}/${name}`, texts[index]!]));
    },
  };
}
