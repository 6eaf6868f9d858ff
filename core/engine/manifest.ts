import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { constants, createGzip, gunzipSync } from 'node:zlib';

export const MANIFEST_PATH = '.infra-stack/manifest.json';
/**
 * Version 3 keeps the texts in a content-addressed store and the model beside the files, each
 * as gzipped JSON in base64: inline, GitHub's model and texts made a 31 MB manifest.
 */
const MANIFEST_VERSION = 3;

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
  /** The relational schema of the stack the files were generated for (see `schemaSnapshot`); absent from older manifests. */
  schema?: unknown;
  files: Record<string, ManifestFile>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest cannot be trusted: what is wrong with it, in words a user can check. */
export class DamagedManifestError extends Error {}

/**
 * The manifest in `text`, or undefined when there is none. A manifest that cannot be read whole
 * (truncated, not JSON, a store that does not decode, a file without its text) throws a
 * `DamagedManifestError` saying what is wrong: taken as absent, the files it lists would count
 * as never generated and the migrations would start over.
 */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DamagedManifestError(`is not valid JSON (${text.trim() === '' ? 'the file is empty' : `${(error as Error).message}; truncated?`})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new DamagedManifestError('is not a JSON object');
  const candidate = parsed as Partial<Manifest> & { texts?: unknown };
  if (!candidate.files || typeof candidate.files !== 'object' || Array.isArray(candidate.files)) throw new DamagedManifestError('has no "files" object');
  const version = Number(candidate.version ?? 1);
  if (!Number.isInteger(version) || version < 1) throw new DamagedManifestError(`has an invalid "version": ${JSON.stringify(candidate.version)}`);
  if (version > MANIFEST_VERSION) throw new DamagedManifestError(`was written by a newer generator-infra-stack (manifest version ${version}; this one reads up to ${MANIFEST_VERSION})`);
  let store: Record<string, string> = {};
  let model = candidate.model;
  let schema: unknown;
  if (version >= 3) {
    if (typeof candidate.texts !== 'string') throw new DamagedManifestError('has no "texts" store');
    store = decodeField(candidate.texts, 'texts') as Record<string, string>;
    if (!store || typeof store !== 'object') throw new DamagedManifestError('has a "texts" store that is not an object');
    model = candidate.model === undefined ? undefined : typeof candidate.model === 'string' ? decodeField(candidate.model, 'model') : fail('has a "model" that is not an encoded string');
    schema = candidate.schema === undefined ? undefined : typeof candidate.schema === 'string' ? decodeField(candidate.schema, 'schema') : fail('has a "schema" that is not an encoded string');
  }
  const files: Record<string, ManifestFile> = {};
  for (const [path, entry] of Object.entries(candidate.files as Record<string, unknown>)) {
    // Version 1 kept only the hash of each file; version 2 its text inline.
    if (typeof entry === 'string' && version === 1) {
      files[path] = { owner: '', hash: entry };
      continue;
    }
    const file = entry as Partial<ManifestFile> | null;
    if (!file || typeof file !== 'object' || typeof file.hash !== 'string') throw new DamagedManifestError(`has an entry without a hash for ${path}`);
    const text = typeof file.text === 'string' ? file.text : store[file.hash];
    if (version >= 3 && text === undefined) throw new DamagedManifestError(`lacks the generated text of ${path} (hash ${file.hash.slice(0, 12)}… not in "texts")`);
    files[path] = { owner: typeof file.owner === 'string' ? file.owner : '', hash: file.hash, ...(text !== undefined ? { text } : {}) };
  }
  return {
    generator: String(candidate.generator ?? 'generator-infra-stack'),
    version,
    inputs: candidate.inputs && typeof candidate.inputs === 'object' ? candidate.inputs : {},
    ...(model !== undefined ? { model } : {}),
    ...(schema !== undefined ? { schema } : {}),
    files,
  };
}

function decodeField(text: string, field: string): unknown {
  try {
    return decode(text);
  } catch (error) {
    throw new DamagedManifestError(`has a "${field}" field that does not decode (${(error as Error).message})`);
  }
}

function fail(message: string): never {
  throw new DamagedManifestError(message);
}

export interface ManifestContent {
  inputs: Record<string, string>;
  /** JSON text. */
  model: string | undefined;
  /** JSON text. */
  schema?: string;
  files: Map<string, { owner: string; text: string }>;
}

/**
 * Deterministic text: paths sorted, two-space indent, a final newline; the texts (by hash) and
 * the model compressed on the thread pool.
 */
export async function serializeManifest(content: ManifestContent): Promise<string> {
  const entries = [...content.files.entries()].sort(([a], [b]) => compare(a, b)).map(([path, file]) => ({ path, owner: file.owner, hash: hashText(file.text), text: file.text }));
  const store = new Map(entries.map(({ hash, text }) => [hash, text]));
  const inputs = Object.fromEntries(Object.entries(content.inputs).sort(([a], [b]) => compare(a, b)));
  const [texts, model, schema] = await Promise.all([
    encodePieces(storePieces([...store.entries()].sort(([a], [b]) => compare(a, b)))),
    content.model === undefined ? undefined : encode(content.model),
    content.schema === undefined ? undefined : encode(content.schema),
  ]);
  const manifest = {
    generator: 'generator-infra-stack',
    version: MANIFEST_VERSION,
    inputs,
    files: Object.fromEntries(entries.map(({ path, owner, hash }) => [path, { owner, hash }])),
    texts,
    ...(model !== undefined ? { model } : {}),
    ...(schema !== undefined ? { schema } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function encode(json: string): Promise<string> {
  return encodePieces([json]);
}

/**
 * The JSON text of the store, `{"<hash>":"<text>",...}`, one entry at a time: whole, the texts of
 * a large document (Microsoft Graph's 95 MB) made a string and a buffer of that size at once.
 */
function* storePieces(entries: Iterable<[string, string]>): Generator<string> {
  let separator = '{';
  for (const [hash, text] of entries) {
    yield `${separator}${JSON.stringify(hash)}:${JSON.stringify(text)}`;
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}

/** Gzipped on the thread pool, in base64: the same bytes as the whole text compressed at once (deflate does not depend on how its input is cut). */
async function encodePieces(pieces: Iterable<string>): Promise<string> {
  // The fastest level: a third of the time of the default, for a manifest a third larger.
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, 'end');
  // Awaited below; a stream that fails while a write waits for 'drain' must not count as unhandled meanwhile.
  ended.catch(() => undefined);
  for (const piece of pieces) if (!gzip.write(piece)) await once(gzip, 'drain');
  gzip.end();
  await ended;
  return Buffer.concat(chunks).toString('base64');
}

function decode(text: string): unknown {
  return JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8'));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
