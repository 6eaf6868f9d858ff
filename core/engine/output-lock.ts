/**
 * One run at a time per output folder. Two runs writing one folder at once would each take
 * the other's files for the user's edits; the second run instead waits a few seconds for the
 * first, then stops with one line naming it.
 *
 * The lock is a folder `<out>/.infra-stack.lock` made atomically by proper-lockfile, whose
 * mtime the holder refreshes while it runs; `owner.json` inside it names the holder. A lock
 * whose holder died is reclaimed: at once when the holder ran on this host and its pid is
 * gone, otherwise once its mtime is older than STALE_MS.
 */
import { mkdir, readFile, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { InfraStackError } from '../errors.js';

export const LOCK_NAME = '.infra-stack.lock';
const OWNER_FILE = 'owner.json';
/** A lock not refreshed for this long belongs to a run that died. */
const STALE_MS = 10_000;
const RETRY_EVERY_MS = 200;
const DEFAULT_WAIT_MS = 5_000;

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface OutputLock {
  /** Releases the lock; throws if another run took it over meanwhile. */
  release(): Promise<void>;
}

export interface LockOptions {
  /** Create the folder when it is missing (a run that writes); otherwise a missing folder needs no lock. */
  create: boolean;
  /** How long to wait for another run to finish. */
  waitMs?: number;
}

const NO_LOCK: OutputLock = { release: async () => {} };

export async function lockOutputFolder(outDir: string, options: LockOptions): Promise<OutputLock> {
  let created: string | undefined;
  const makeFolder = async () => {
    const made = await mkdir(outDir, { recursive: true }).catch((error: unknown) => {
      throw new InfraStackError(`cannot create the output folder: ${(error as Error).message}`, { file: outDir });
    });
    created ??= made;
  };
  if (options.create) await makeFolder();
  const lockPath = path.join(outDir, LOCK_NAME);
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  let compromised: Error | undefined;
  for (;;) {
    try {
      const release = await lockfile.lock(outDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: STALE_MS,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
      // proper-lockfile takes the lock for compromised when the folder's mtime is not the one it set:
      // writing the owner file into it must leave that mtime as it was.
      const { atime, mtime } = await stat(lockPath);
      await writeFile(path.join(lockPath, OWNER_FILE), `${JSON.stringify(owner)}\n`);
      await utimes(lockPath, atime, mtime);
      return {
        release: async () => {
          await rm(path.join(lockPath, OWNER_FILE), { force: true });
          if (!compromised) await release();
          // A run that failed before writing anything leaves no folder it created behind.
          if (created) await removeEmptyFolders(outDir, created);
          if (compromised) throw new InfraStackError(`another run took over the lock on this folder while this one was writing (${compromised.message}); run again`, { file: outDir });
        },
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        if (!options.create) return NO_LOCK;
        // A run that failed before us removed the folder it had made: make it again.
        await makeFolder();
        continue;
      }
      // proper-lockfile found the lock stale but could not remove it: it holds the owner file.
      if (code === 'ENOTEMPTY') {
        await removeLockOf(lockPath, await readOwner(lockPath));
        continue;
      }
      if (code !== 'ELOCKED') throw error;
      const owner = await readOwner(lockPath);
      if (owner && !isAlive(owner)) {
        await removeLockOf(lockPath, owner);
        continue;
      }
      if (Date.now() >= deadline) {
        if (created) await removeEmptyFolders(outDir, created);
        throw new InfraStackError(`another infra-stack run ${describeOwner(owner)} is writing this folder; run again once it has finished`, { file: outDir });
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}

/** Removes `folder` and its parents up to `top` while they are empty (what `mkdir -p` made for a run that wrote nothing). */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; current.startsWith(top); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    if (current === top) return;
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path.join(lockPath, OWNER_FILE), 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since ?? '') } : undefined;
  } catch {
    // Not written yet (the holder just took the lock) or unreadable: judged by its age alone.
    return undefined;
  }
}

/** Removes a dead holder's lock, unless another run has reclaimed it since it was read. */
async function removeLockOf(lockPath: string, owner: LockOwner | undefined): Promise<void> {
  const current = await readOwner(lockPath);
  if (current && owner && current.since !== owner.since) return;
  await rm(lockPath, { recursive: true, force: true });
}

/** Alive unless it ran on this host and its pid is gone; another host's run is judged by the lock's age. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function describeOwner(owner: LockOwner | undefined): string {
  if (!owner) return '(just starting)';
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  return `(pid ${owner.pid}${where}, since ${owner.since})`;
}
