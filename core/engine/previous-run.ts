import type { DomainModel } from '../model/domain-model.js';
import { snapshotTables } from '../schema/snapshot.js';
import type { PreviousRun } from './hooks.js';
import type { Manifest } from './manifest.js';

/** The last run as plugins see it: its model and schema snapshots and the files it generated. */
export function previousRunOf(manifest: Manifest | undefined): PreviousRun {
  const files = new Map(Object.entries(manifest?.files ?? {}).map(([path, file]) => [path, { owner: file.owner, ...(file.text !== undefined ? { text: file.text } : {}) }]));
  const model = manifest?.model as DomainModel | undefined;
  const schema = snapshotTables(manifest?.schema);
  return { ...(model && typeof model === 'object' ? { model } : {}), ...(schema ? { schema } : {}), files };
}
