import { createHash } from 'node:crypto';

export const MANIFEST_PATH = '.infra-stack/manifest.json';
const MANIFEST_VERSION = 2;

/** One generated file as the last run wrote it: the text is the base of the next run's three-way merge. */
export interface ManifestFile {
  owner: string;
  hash: string;
  /** Absent only in manifests of older versions, which kept the hash alone. */
  text?: string;
}

/** What the last run generated, from which inputs and model. */
export interface Manifest {
  generator: string;
  version: number;
  /** Per input document (path relative to the output folder), the hash of its content. */
  inputs: Record<string, string>;
  /** The domain model the files were generated from (plain JSON, sources relative to the output folder). */
  model?: unknown;
  files: Record<string, ManifestFile>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest in `text`, or undefined when there is none or it cannot be read (then every file on disk counts as not generated). */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const candidate = parsed as Partial<Manifest> | null;
  if (!candidate || typeof candidate !== 'object' || !candidate.files || typeof candidate.files !== 'object') return undefined;
  const files: Record<string, ManifestFile> = {};
  for (const [path, entry] of Object.entries(candidate.files as Record<string, unknown>)) {
    // Version 1 kept only the hash of each file.
    if (typeof entry === 'string') files[path] = { owner: '', hash: entry };
    else if (entry && typeof entry === 'object' && typeof (entry as ManifestFile).hash === 'string') files[path] = entry as ManifestFile;
  }
  return {
    generator: String(candidate.generator ?? 'generator-infra-stack'),
    version: Number(candidate.version ?? 1),
    inputs: candidate.inputs && typeof candidate.inputs === 'object' ? candidate.inputs : {},
    ...(candidate.model !== undefined ? { model: candidate.model } : {}),
    files,
  };
}

export interface ManifestContent {
  inputs: Record<string, string>;
  model: unknown;
  files: Map<string, { owner: string; text: string }>;
}

/** Deterministic text: paths sorted, two-space indent, a final newline. */
export function serializeManifest(content: ManifestContent): string {
  const files = Object.fromEntries(
    [...content.files.entries()].sort(([a], [b]) => compare(a, b)).map(([path, file]) => [path, { owner: file.owner, hash: hashText(file.text), text: file.text }]),
  );
  const inputs = Object.fromEntries(Object.entries(content.inputs).sort(([a], [b]) => compare(a, b)));
  const manifest: Manifest = { generator: 'generator-infra-stack', version: MANIFEST_VERSION, inputs, model: content.model, files };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
