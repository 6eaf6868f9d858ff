import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** What plugins may read of the output folder while they plan: the files as they are now, the user's included. */
export interface OutputFolder {
  /**
   * The files directly in `folder` (relative to the output folder, posix separators), keyed by
   * their path relative to the output folder, with their text; empty when there is no such folder.
   */
  readFolder(folder: string): Promise<ReadonlyMap<string, string>>;
  /** The text of one file (relative to the output folder, posix separators); undefined when there is none. */
  readText(file: string): string | undefined;
}

/** What a run read of its output folder: the next run is up to date only while these are as they are after it. */
export interface OutputReads {
  /** Files read (relative, posix), those found missing included. */
  files: ReadonlySet<string>;
  /** Folders listed (relative, posix). */
  folders: ReadonlySet<string>;
}

export interface RecordedOutputFolder extends OutputFolder {
  reads(): OutputReads;
}

export function outputFolder(outDir: string): RecordedOutputFolder {
  const files = new Set<string>();
  const folders = new Set<string>();
  const absolute = (relative: string) => path.join(outDir, ...relative.split('/'));
  return {
    async readFolder(folder) {
      folders.add(folder);
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(absolute(folder), { withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return new Map();
        throw error;
      }
      const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
      for (const name of names) files.add(`${folder}/${name}`);
      const texts = await Promise.all(names.map((name) => readFile(path.join(absolute(folder), name), 'utf8')));
      return new Map(names.map((name, index) => [`${folder}/${name}`, texts[index]!]));
    },
    readText(file) {
      files.add(file);
      try {
        return readFileSync(absolute(file), 'utf8');
      } catch (error) {
        if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return undefined;
        throw error;
      }
    },
    reads: () => ({ files, folders }),
  };
}

/** The names of the files directly in `folder` (absolute), sorted; empty when there is no such folder. */
export async function fileNamesIn(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
