import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedManifest } from './writer.js';
import type { PlannedFile } from './plan.js';
import { ViewDigests } from './view-digest.js';

/**
 * What the text of each planned file is rendered from, as one hash: the run's identity (the
 * generator's and the plugins' code, the options that change output: `RunIdentity.key`), the
 * file's owner and template, and its view (or literal content). A file whose key is the one the
 * last run recorded (`RENDER_KEYS_PATH`) would render to the text that run generated: it is taken
 * from the manifest instead of rendered again. Undefined for a file whose view cannot be digested (see
 * `ViewDigests`): it is rendered.
 *
 * All are computed before any file renders, while no view can have changed. `renderFile` taps
 * take part in the text, so this holds only as long as each is a function of the text and the
 * planned file it is given, as the hook's contract says.
 */
export function renderKeysOf(runKey: string, files: readonly PlannedFile[]): (string | undefined)[] {
  const views = new ViewDigests();
  return files.map((file) => {
    const view = file.template !== undefined ? views.of(file.data ?? {}) : createHash('sha256').update(file.content ?? '').digest('hex');
    if (view === undefined) return undefined;
    const head = JSON.stringify([runKey, file.owner, file.template ?? null, file.verbatim === true]);
    return createHash('sha256').update(head).update('\0').update(view).digest('hex');
  });
}

/** The text a file renders to when the last run recorded the same key for it; undefined when it must be rendered. */
export type ReusableText = (path: string, key: string) => string | undefined;

/** What a generated text was rendered from, and that text's hash. */
export interface RenderKey {
  key: string;
  hash: string;
}

/**
 * Where the keys are kept: beside the manifest, not in it. A key holds the run's identity, which
 * names this machine's copy of the code (its paths and modification times), so the keys are a
 * cache of this folder on this machine: the manifest, which users commit, stays the same wherever
 * it is generated.
 */
export const RENDER_KEYS_PATH = '.infra-stack/render-keys.json';

/**
 * The texts the last run recorded a key for: the manifest's text of a path, when the key recorded
 * for it is the one asked for and the text still hashes as it did then. None without a manifest (a
 * first run, `--rebuild-manifest`) or a readable record of keys.
 */
export async function reusableTexts(outDir: string, loaded: LoadedManifest): Promise<ReusableText> {
  const files = loaded.manifest?.files ?? {};
  const keys = loaded.manifest ? await readRenderKeys(outDir) : new Map<string, RenderKey>();
  return (path, key) => {
    const recorded = keys.get(path);
    const entry = Object.hasOwn(files, path) ? files[path] : undefined;
    return recorded?.key === key && entry?.hash === recorded.hash ? entry.text : undefined;
  };
}

async function readRenderKeys(outDir: string): Promise<Map<string, RenderKey>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(outDir, RENDER_KEYS_PATH), 'utf8'));
    if (!parsed || typeof parsed !== 'object') return new Map();
    return new Map(Object.entries(parsed as Record<string, unknown>).filter((entry): entry is [string, RenderKey] => isRenderKey(entry[1])));
  } catch {
    // Missing or unreadable: nothing is reused, every file is rendered.
    return new Map();
  }
}

function isRenderKey(value: unknown): value is RenderKey {
  return typeof value === 'object' && value !== null && typeof (value as RenderKey).key === 'string' && typeof (value as RenderKey).hash === 'string';
}

/**
 * Records the keys of a run whose files are in place, replacing the last run's; a run without keys
 * (no identity) leaves none. A failure only costs the next run its reuse.
 */
export async function recordRenderKeys(outDir: string, keys: ReadonlyMap<string, RenderKey>): Promise<void> {
  const file = path.join(outDir, RENDER_KEYS_PATH);
  try {
    if (keys.size === 0) {
      await rm(file, { force: true });
      return;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(Object.fromEntries(keys))}\n`);
  } catch {
    await rm(file, { force: true }).catch(() => undefined);
  }
}
