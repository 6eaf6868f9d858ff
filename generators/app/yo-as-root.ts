/**
 * yo does not run generators as root: started as root, it switches to uid $SUDO_UID (else
 * 1000) before loading them, while HOME and the working folder stay root's. That user usually
 * cannot write there, and the run would end in a raw EACCES (which yo then fails to report).
 * This names the problem and the way out instead.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { InfraStackError } from '../../core/errors.js';

/** The error to stop with when yo switched away from root and a folder the run writes is not writable; else undefined. */
export function yoSwitchedFromRootProblem(folders: readonly string[]): InfraStackError | undefined {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0 || !homeBelongsToRoot()) return undefined;
  for (const folder of folders) {
    const existing = nearestExisting(folder);
    try {
      accessSync(existing, constants.W_OK | constants.X_OK);
    } catch {
      return new InfraStackError(
        `yo runs generators as uid ${uid}, not as root (it switches users when started as root), and uid ${uid} cannot write here; ` +
          'run `infra-stack` instead (the same generator, installed beside yo, which runs as root), or run yo as a user who owns this folder',
        { file: existing },
      );
    }
  }
  return undefined;
}

function homeBelongsToRoot(): boolean {
  try {
    return statSync(homedir()).uid === 0;
  } catch {
    return false;
  }
}

function nearestExisting(folder: string): string {
  let current = folder;
  for (;;) {
    try {
      statSync(current);
      return current;
    } catch (error) {
      const parent = dirname(current);
      // A folder that cannot even be looked at is the one to name.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) return current;
      current = parent;
    }
  }
}
