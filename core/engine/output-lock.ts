/**
 * One run at a time per output folder. Two runs writing one folder at once would each take
 * the other's files for the user's edits; the second run instead waits a few seconds for the
 * first, then stops with one line naming it.
 *
 * The lock is a folder `<out>/.infra-stack.lock` made atomically by proper-lockfile, whose
 * mtime the holder refreshes while it runs; `owner.json` inside it names the holder. A lock
 * whose holder died is reclaimed: at once when the holder ran on this host and its pid is
 * gone (a live pid keeps it, however late its refreshes), otherwise once its mtime is older
 * than STALE_MS.
 */
import { mkdir, readFile, rm, rmdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { InfraStackError } from '../errors.js';
import { LOCK_NAME } from './lock-name.js';

export { LOCK_NAME } from './lock-name.js';
const OWNER_FILE = 'owner.json';
/**
 * A lock not refreshed for this long belongs to a run that died (for holders on another host:
 * one on this host is judged by its pid). Generous: a run keeps its event loop busy for seconds.
 */
const STALE_MS = 60_000;
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
  /** Age after which a lock of another host's run counts as abandoned (at least 2 s). */
  staleMs?: number;
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
  for (;;) {
    let lateRefresh = false;
    try {
      const release = await lockfile.lock(outDir, {
        lockfilePath: lockPath,
        realpath: false,
        stale: options.staleMs ?? STALE_MS,
        // A refresh comes late when the run keeps the event loop busy: the lock is still ours
        // unless another run wrote its own owner file meanwhile (checked on release).
        onCompromised: () => {
          lateRefresh = true;
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
          const holder = await readOwner(lockPath);
          const stillOurs = holder?.pid === owner.pid && holder.since === owner.since;
          if (stillOurs) {
            await rm(path.join(lockPath, OWNER_FILE), { force: true });
            if (lateRefresh) await rm(lockPath, { recursive: true, force: true });
            else await release();
          }
          // A run that failed before writing anything leaves no folder it created behind.
          if (created) await removeEmptyFolders(outDir, created);
          if (!stillOurs) throw new InfraStackError(`another run ${describeOwner(holder)} took over the lock on this folder while this one was writing; run again`, { file: outDir });
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
      // ELOCKED: a lock refreshed lately. ENOTEMPTY: proper-lockfile judged it stale by its age
      // but could not remove it, since it holds an owner file. Either way the owner decides.
      if (code !== 'ELOCKED' && code !== 'ENOTEMPTY') throw error;
      const owner = await readOwner(lockPath);
      if (!holderLives(owner, code === 'ENOTEMPTY')) {
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

/**
 * A holder on this host lives while its pid does, however busy it is; one on another host (or
 * one that has not written its owner file yet) while it keeps the lock fresh.
 */
function holderLives(owner: LockOwner | undefined, lockIsOld: boolean): boolean {
  if (owner && owner.host === hostname()) return pidLives(owner.pid);
  return !lockIsOld;
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

function pidLives(pid: number): boolean {
  try {
    process.kill(pid, 0);
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
