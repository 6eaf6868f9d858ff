import { createHash } from 'node:crypto';
import type { LoadedManifest } from './writer.js';
import type { PlannedFile } from './plan.js';
import { ViewDigests } from './view-digest.js';

/**
 * What the text of each planned file is rendered from, as one hash: the run's identity (the
 * generator's and the plugins' code, the options that change output: `RunIdentity.key`), the
 * file's owner and template, and its view (or literal content). A file whose key is the one the
 * last run recorded would render to the text that run generated: it is taken from the manifest
 * instead of rendered again. Undefined for a file whose view cannot be digested (see
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

/** The texts the last run recorded a render key for; none when the manifest was not read (a first run, `--rebuild-manifest`). */
export function reusableTextOf(loaded: LoadedManifest): ReusableText {
  const files = loaded.manifest?.files ?? {};
  return (path, key) => {
    const entry = Object.hasOwn(files, path) ? files[path] : undefined;
    return entry?.render === key ? entry.text : undefined;
  };
}
