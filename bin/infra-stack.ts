#!/usr/bin/env node
/**
 * `infra-stack`: the `yo infra-stack` generator without `yo`. When flags and `<out>/.yo-rc.json`
 * settle every question, the engine runs directly; otherwise through yeoman-environment,
 * which asks. Either way the same files, `.yo-rc.json` and output.
 * Exit code 0 on success, 1 on a user error (one line, no stack trace), 2 on bad arguments.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { canPrompt, parseArgsOptions, usage } from '../generators/app/options.js';
import { debugRequested, errorReport, withoutDebugFlag } from './error-report.js';

const BINARY = 'infra-stack';
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const debug = debugRequested(process.argv.slice(2));

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'model') return (await import('./model/command.js')).runModelCommand(argv.slice(1), undefined, { debug });
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: parseArgsOptions(), strict: true, allowPositionals: false, allowNegative: true }));
  } catch (error) {
    console.error(`${BINARY}: ${(error as Error).message}\nRun '${BINARY} --help' for the options.`);
    return 2;
  }
  if (values.help) {
    const { pluginSettingsHelp } = await import('./plugin-help.js');
    const out = typeof values.out === 'string' ? resolve(values.out) : process.cwd();
    console.log([usage(BINARY), ...(await pluginSettingsHelp(out, process.cwd()))].join('\n'));
    return 0;
  }
  if (values.version) {
    const { version } = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string };
    console.log(version);
    return 0;
  }
  // Loaded once needed: --help and --version stay instant.
  const { runWithoutYeoman } = await import('./direct-run.js');
  const context = { cwd: process.cwd(), canPrompt: canPrompt({ stdin: process.stdin }), stderr: process.stderr, stdout: process.stdout };
  if ((await runWithoutYeoman(values, context)) === 'needs-yeoman') {
    const { runThroughYeoman } = await import('./yeoman-run.js');
    await runThroughYeoman(values);
  }
  return 0;
}

main(withoutDebugFlag(process.argv.slice(2))).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(errorReport(error, BINARY, debug));
    process.exitCode = 1;
  },
);
