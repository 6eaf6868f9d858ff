/** One run at a time per output folder: waiting, failing with the holder's pid, reclaiming dead holders' locks. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_NAME, lockOutputFolder } from '../../core/engine/output-lock.js';
import { InfraStackError } from '../../core/errors.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'infra-stack-lock-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A lock left by someone else, as proper-lockfile and the owner file leave it. */
async function foreignLock(out: string, owner: { pid: number; host: string; since: string }, ageMs = 0): Promise<string> {
  const lockPath = join(out, LOCK_NAME);
  await mkdir(lockPath, { recursive: true });
  await writeFile(join(lockPath, 'owner.json'), JSON.stringify(owner));
  const when = new Date(Date.now() - ageMs);
  await utimes(lockPath, when, when);
  return lockPath;
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the output folder lock', () => {
  it('is taken and released, leaving nothing behind', async () => {
    const out = join(root, 'out');
    await mkdir(out);
    const lock = await lockOutputFolder(out, { create: true });
    expect(existsSync(join(out, LOCK_NAME, 'owner.json'))).toBe(true);
    await lock.release();
    expect(await readdir(out)).toEqual([]);
  });

  it('makes a missing folder for a run that writes, and removes it (and the parents it made) when the run wrote nothing', async () => {
    const out = join(root, 'a', 'b', 'out');
    const lock = await lockOutputFolder(out, { create: true });
    expect(existsSync(out)).toBe(true);
    await lock.release();
    expect(existsSync(join(root, 'a'))).toBe(false);
  });

  it('keeps the folder once the run wrote into it', async () => {
    const out = join(root, 'out');
    const lock = await lockOutputFolder(out, { create: true });
    await writeFile(join(out, 'file.txt'), 'x');
    await lock.release();
    expect(await readdir(out)).toEqual(['file.txt']);
  });

  it('needs no folder for a dry run into a missing one', async () => {
    const lock = await lockOutputFolder(join(root, 'missing'), { create: false });
    await lock.release();
    expect(existsSync(join(root, 'missing'))).toBe(false);
  });

  it('makes a second run wait for the first', async () => {
    const out = join(root, 'out');
    const first = await lockOutputFolder(out, { create: true });
    const order: string[] = [];
    const second = lockOutputFolder(out, { create: true, waitMs: 5_000 }).then((lock) => {
      order.push('second took it');
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    order.push('first releases');
    await first.release();
    await (await second).release();
    expect(order).toEqual(['first releases', 'second took it']);
  });

  it("fails after waiting, in one line naming the holder's pid, while the holder lives", async () => {
    const out = join(root, 'out');
    await foreignLock(out, { pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    const started = Date.now();
    const failure = await lockOutputFolder(out, { create: true, waitMs: 600 }).catch((error: unknown) => error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(failure).toBeInstanceOf(InfraStackError);
    expect((failure as InfraStackError).describe()).toBe(
      `${out}: another infra-stack run (pid ${process.pid}, since 2026-01-01T00:00:00.000Z) is writing this folder; run again once it has finished`,
    );
    expect(existsSync(join(out, LOCK_NAME, 'owner.json'))).toBe(true);
  });

  it('reclaims at once the lock of a run on this host whose process is gone', async () => {
    const out = join(root, 'out');
    await foreignLock(out, { pid: deadPid(), host: hostname(), since: '2026-01-01T00:00:00.000Z' });
    const lock = await lockOutputFolder(out, { create: true, waitMs: 0 });
    await lock.release();
    expect(await readdir(out)).toEqual([]);
  });

  it("waits for another host's run while its lock is fresh, and reclaims it once stale", async () => {
    const out = join(root, 'out');
    const owner = { pid: 1, host: `not-${hostname()}`, since: '2026-01-01T00:00:00.000Z' };
    await foreignLock(out, owner);
    await expect(lockOutputFolder(out, { create: true, waitMs: 300 })).rejects.toThrow(/pid 1 on not-/);
    await foreignLock(out, owner, 120_000);
    const lock = await lockOutputFolder(out, { create: true, waitMs: 0 });
    await lock.release();
  });

  it('keeps the lock of a live run on this host however old its last refresh, and names it', async () => {
    const out = join(root, 'out');
    await foreignLock(out, { pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }, 3_600_000);
    await expect(lockOutputFolder(out, { create: true, waitMs: 300 })).rejects.toThrow(`pid ${process.pid}, since`);
    expect(existsSync(join(out, LOCK_NAME, 'owner.json'))).toBe(true);
  });

  it('stays held by a run that kept its event loop busy past the refresh', async () => {
    const out = join(root, 'out');
    const lock = await lockOutputFolder(out, { create: true, staleMs: 2_000 });
    const until = Date.now() + 3_500;
    while (Date.now() < until) {
      // A long synchronous phase (deriving a large model): no refresh can run.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(join(out, 'written.txt'), 'x');
    await lock.release();
    expect(await readdir(out)).toEqual(['written.txt']);
  });

  it('tells a run whose lock another run took over', async () => {
    const out = join(root, 'out');
    const lock = await lockOutputFolder(out, { create: true });
    await writeFile(join(out, LOCK_NAME, 'owner.json'), JSON.stringify({ pid: 4242, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    await expect(lock.release()).rejects.toThrow(/another run \(pid 4242, since 2026-01-01T00:00:00.000Z\) took over the lock/);
    expect(existsSync(join(out, LOCK_NAME, 'owner.json'))).toBe(true);
  });
});
