import { createHash } from 'node:crypto';

export const MANIFEST_PATH = '.infra-stack/manifest.json';

/** What the last run wrote: per generated file, the hash of the text it wrote. */
export interface Manifest {
  generator: string;
  files: Record<string, string>;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Manifest;
    return parsed && typeof parsed.files === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function serializeManifest(files: Map<string, string>): string {
  const sorted = Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ generator: 'generator-infra-stack', files: sorted } satisfies Manifest, null, 2)}\n`;
}
