#!/usr/bin/env node
/**
 * `infra-stack`: runs the `yo infra-stack` generator through yeoman-environment, without `yo`.
 * Exit code 0 on success, 1 on a user error (one line, no stack trace), 2 on bad arguments.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createEnv } from 'yeoman-environment';
import { isInfraStackError } from '../core/errors.js';
import { parseArgsOptions, usage } from '../generators/app/options.js';
import { runModelCommand } from './model/command.js';

const BINARY = 'infra-stack';
const NAMESPACE = 'infra-stack:app';
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const generatorPath = fileURLToPath(new URL('../generators/app/index.js', import.meta.url));

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'model') return runModelCommand(argv.slice(1));
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: parseArgsOptions(), strict: true, allowPositionals: false }));
  } catch (error) {
    console.error(`${BINARY}: ${(error as Error).message}\nRun '${BINARY} --help' for the options.`);
    return 2;
  }
  if (values.help) {
    console.log(usage(BINARY));
    return 0;
  }
  if (values.version) {
    const { version } = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8')) as { version: string };
    console.log(version);
    return 0;
  }
  const env = createEnv();
  env.register(generatorPath, { namespace: NAMESPACE, packagePath: packageRoot });
  await env.run([NAMESPACE], values);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      isInfraStackError(error) ? `${BINARY}: ${error.describe()}` : `${BINARY}: internal error: ${(error as Error)?.stack ?? String(error)}`,
    );
    process.exitCode = 1;
  },
);
