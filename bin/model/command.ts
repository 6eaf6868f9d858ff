/**
 * `infra-stack model --api <file> [--api <file>...] [--json] [--stack <name>] [--plugins <names>|--no-plugins] [--skip-checks]`:
 * prints the domain model the generator would derive from the documents with the same plugins,
 * and why, without generating anything.
 * Exit code 0 on success, 1 on a user error (one line, no stack trace), 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { isInfraStackError } from '../../core/errors.js';
import { modelToJson, withRelativeSources } from '../../core/model/model-json.js';
import { mergeSettings, settingsFromOptions, settingsFromStored, toPathList } from '../../generators/app/options.js';
import { readYoRc, recordedAnswers } from '../yo-rc-file.js';
import { deriveModel } from '../../lib/index.js';
import { errorReport } from '../error-report.js';
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
    `Usage: ${COMMAND} --api <file> [--api <file>...] [--json] [--stack <name>] [--plugins <names>|--no-plugins] [--skip-checks] [--set <plugin>.<name>=<value>...]`,
    '',
    'Prints the domain model derived from the API documents (entities, fields, keys, uniques, indexes,',
    'relations), each key, constraint and relation with the rule that inferred it and where in the',
    'documents it looked, as the plugins installed in the current folder refine it: the ones of',
    '--plugins, else those a run in this folder recorded in .yo-rc.json (with their settings), else',
    "every one found, as a run would; and the current folder's .infra-stack/plugins/.",
    'Nothing is generated or written.',
    '',
    'Options:',
    '  --api <file>        API document to read (OpenAPI/Swagger, markdown API list, JSON class definitions); repeat for several',
    '  --json              Print the model as JSON (source paths relative to the current folder)',
    '  --stack <name>      The stack the model is derived for: fastapi-sqlalchemy (default) or one an installed plugin adds',
    '  --plugins <names>   Installed plugins to apply, in this order (written <name> for infra-stack-plugin-<name>); default: the ones recorded in .yo-rc.json, else every one found',
    '  --no-plugins        Apply no installed plugin',
    '  --skip-checks       Apply installed plugins even when the generator-infra-stack versions they declare exclude this one',
    '  --set <plugin>.<name>=<value>  A setting of a plugin, as it declares it; repeat for several',
    "  --debug             On a plugin's failure, print its stack trace (also DEBUG=infra-stack)",
    '  -h, --help          Print this help',
  ].join('\n');
}

/** Runs the command; resolves to its exit code. Errors that are not the user's are thrown. */
export async function runModelCommand(argv: readonly string[], io: CommandIo = processIo, { debug = false }: { debug?: boolean } = {}): Promise<number> {
  let values: { api?: string[]; json?: boolean; help?: boolean; stack?: string; plugins?: (string | boolean)[]; 'no-plugins'?: boolean; 'skip-checks'?: boolean; set?: string[] };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        api: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        stack: { type: 'string' },
        plugins: { type: 'string', multiple: true },
        'no-plugins': { type: 'boolean' },
        'skip-checks': { type: 'boolean' },
        set: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: false,
      allowNegative: true,
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
    // The same reading of --stack, --plugins, --skip-checks and --set as a run's, over what a run in this folder recorded.
    const record = await readYoRc(io.cwd);
    const recorded = record ? settingsFromStored(recordedAnswers(record), io.cwd) : {};
    const { stack, plugins, skipChecks, pluginSettings } = mergeSettings(recorded, settingsFromOptions(values, io.cwd));
    const options = {
      apiFiles,
      cwd: io.cwd,
      ...(stack !== undefined ? { stack } : {}),
      ...(plugins !== undefined ? { pluginNames: plugins } : {}),
      ...(skipChecks !== undefined ? { skipChecks } : {}),
      ...(pluginSettings !== undefined ? { pluginSettings } : {}),
    };
    const model = withRelativeSources(await deriveModel(options), io.cwd);
    io.stdout(values.json ? modelToJson(model, { root: io.cwd }) : formatModelTable(model));
    return 0;
  } catch (error) {
    if (!isInfraStackError(error)) throw error;
    io.stderr(`${errorReport(error, 'infra-stack', debug)}\n`);
    return 1;
  }
}
