import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip } from 'node:zlib';

export const MANIFEST_PATH = '.infra-stack/manifest.json';
/**
 * Version 3 keeps the texts in a content-addressed store and the model beside the files, each
 * as gzipped JSON in base64: inline, GitHub's model and texts made a 31 MB manifest.
 */
const MANIFEST_VERSION = 3;
const gzipAsync = promisify(gzip);

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
  const stored = parsed as { texts?: unknown; model?: unknown };
  let store: Record<string, string> = {};
  let model = candidate.model;
  if (Number(candidate.version) >= 3) {
    try {
      store = typeof stored.texts === 'string' ? (decode(stored.texts) as Record<string, string>) : {};
      model = typeof stored.model === 'string' ? decode(stored.model) : undefined;
    } catch {
      return undefined;
    }
  }
  const files: Record<string, ManifestFile> = {};
  for (const [path, entry] of Object.entries(candidate.files as Record<string, unknown>)) {
    // Version 1 kept only the hash of each file; version 2 its text inline.
    if (typeof entry === 'string') files[path] = { owner: '', hash: entry };
    else if (entry && typeof entry === 'object' && typeof (entry as ManifestFile).hash === 'string') {
      const file = entry as ManifestFile;
      const text = file.text ?? store[file.hash];
      files[path] = { owner: file.owner, hash: file.hash, ...(text !== undefined ? { text } : {}) };
    }
  }
  return {
    generator: String(candidate.generator ?? 'generator-infra-stack'),
    version: Number(candidate.version ?? 1),
    inputs: candidate.inputs && typeof candidate.inputs === 'object' ? candidate.inputs : {},
    ...(model !== undefined ? { model } : {}),
    files,
  };
}

export interface ManifestContent {
  inputs: Record<string, string>;
  /** JSON text. */
  model: string | undefined;
  files: Map<string, { owner: string; text: string }>;
}

/**
 * Deterministic text: paths sorted, two-space indent, a final newline; the texts (by hash) and
 * the model compressed on the thread pool.
 */
export async function serializeManifest(content: ManifestContent): Promise<string> {
  const entries = [...content.files.entries()].sort(([a], [b]) => compare(a, b)).map(([path, file]) => ({ path, owner: file.owner, hash: hashText(file.text), text: file.text }));
  const store = Object.fromEntries(entries.map(({ hash, text }) => [hash, text]).sort(([a], [b]) => compare(a!, b!)));
  const inputs = Object.fromEntries(Object.entries(content.inputs).sort(([a], [b]) => compare(a, b)));
  const [texts, model] = await Promise.all([encode(JSON.stringify(store)), content.model === undefined ? undefined : encode(content.model)]);
  const manifest = {
    generator: 'generator-infra-stack',
    version: MANIFEST_VERSION,
    inputs,
    files: Object.fromEntries(entries.map(({ path, owner, hash }) => [path, { owner, hash }])),
    texts,
    ...(model !== undefined ? { model } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function encode(json: string): Promise<string> {
  // The fastest level: a third of the time of the default, for a manifest a third larger.
  return (await gzipAsync(json, { level: constants.Z_BEST_SPEED })).toString('base64');
}

function decode(text: string): unknown {
  return JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8'));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
