import path from 'node:path';
import { InfraStackError } from '../errors.js';

/** What the system says when the output folder cannot be written, in words. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands where a file is needed',
};

/**
 * A failure to read or write the output folder (read-only, no permission, full disk, a file
 * in the way) as one line naming the folder and the path inside it; other errors unchanged.
 */
export function outputFolderError(error: unknown, outDir: string): unknown {
  if (error instanceof InfraStackError) return error;
  const failure = error as NodeJS.ErrnoException | undefined;
  // mkdir of a path where a file stands says EEXIST.
  const code = failure?.code === 'EEXIST' && failure.syscall === 'mkdir' ? 'ENOTDIR' : failure?.code;
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason === undefined) return error;
  const inside = failure!.path === undefined ? '' : path.relative(outDir, failure!.path);
  // A file outside the output folder (a document) is not the output folder's failure.
  if (inside.startsWith('..') || path.isAbsolute(inside)) return error;
  const where = inside === '' ? '' : ` (at ${inside.split(path.sep).join('/')})`;
  return new InfraStackError(`cannot write to the output folder: ${reason}${where}; make it writable and run again`, { file: outDir, cause: error });
}
