/**
 * `infra-stack model --api <file> [--api <file>...] [--json]`: prints the domain model the
 * generator would derive from the documents, and why, without generating anything.
 * Exit code 0 on success, 1 on a user error (one line, no stack trace), 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { isInfraStackError } from '../../core/errors.js';
import { modelToJson, withRelativeSources } from '../../core/model/model-json.js';
import { toPathList } from '../../generators/app/options.js';
import { deriveModel } from '../../lib/index.js';
import { formatModelTable } from './table.js';

const COMMAND = 'infra-stack model';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Relative `--api` paths resolve against it, and printed source paths are relative to it. */
  cwd: string;
}

const processIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
};

export function modelUsage(): string {
  return [
    `Usage: ${COMMAND} --api <file> [--api <file>...] [--json]`,
    '',
    'Prints the domain model derived from the API documents (entities, fields, keys, uniques, indexes,',
    'relations), each key, constraint and relation with the rule that inferred it and where in the',
    'documents it looked. Nothing is generated or written.',
    '',
    'Options:',
    '  --api <file>  API document to read (OpenAPI/Swagger, markdown API list, JSON class definitions); repeat for several',
    '  --json        Print the model as JSON (source paths relative to the current folder)',
    '  -h, --help    Print this help',
  ].join('\n');
}

/** Runs the command; resolves to its exit code. Errors that are not the user's are thrown. */
export async function runModelCommand(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  let values: { api?: string[]; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { api: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.stderr(`${COMMAND}: ${(error as Error).message}\nRun '${COMMAND} --help' for the options.\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${modelUsage()}\n`);
    return 0;
  }
  const apiFiles = toPathList(values.api);
  if (apiFiles.length === 0) {
    io.stderr(`${COMMAND}: missing required option --api <file>\nRun '${COMMAND} --help' for the options.\n`);
    return 2;
  }
  try {
    const model = withRelativeSources(await deriveModel({ apiFiles, cwd: io.cwd }), io.cwd);
    io.stdout(values.json ? modelToJson(model, { root: io.cwd }) : formatModelTable(model));
    return 0;
  } catch (error) {
    if (!isInfraStackError(error)) throw error;
    io.stderr(`infra-stack: ${error.describe()}\n`);
    return 1;
  }
}
