/**
 * What the command prints when it fails. A user's mistake (`InfraStackError`) is one line; with
 * `--debug` (or `DEBUG=infra-stack`) the stack traces of what caused it follow, so a bug inside a
 * plugin's tap shows its file and line. Anything else is an internal error with its stack.
 */
import { isInfraStackError, PluginError } from '../core/errors.js';

const DEBUG_FLAG = '--debug';
const DEBUG_NAME = 'infra-stack';

/** `--debug` anywhere in the arguments, or `DEBUG` naming `infra-stack` (or `*`) among its comma- or space-separated names. */
export function debugRequested(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (argv.includes(DEBUG_FLAG)) return true;
  return (env.DEBUG ?? '').split(/[\s,]+/).some((name) => name === DEBUG_NAME || name === '*' || name === `${DEBUG_NAME}:*`);
}

/** The arguments without `--debug`, for the option parsers. */
export function withoutDebugFlag(argv: readonly string[]): string[] {
  return argv.filter((arg) => arg !== DEBUG_FLAG);
}

/** The text printed for `error` by the command named `binary`. */
export function errorReport(error: unknown, binary: string, debug: boolean): string {
  if (!isInfraStackError(error)) return `${binary}: internal error: ${(error as Error | undefined)?.stack ?? String(error)}`;
  const line = `${binary}: ${error.describe()}`;
  const traces = causeTraces(error);
  if (traces.length === 0) return line;
  if (!debug) return `${line}\n${binary}: run again with ${DEBUG_FLAG} (or DEBUG=${DEBUG_NAME}) for the stack trace`;
  return [line, ...traces.map((trace) => `Caused by: ${trace}`)].join('\n');
}

/** The stack traces of what made a plugin fail (its own errors, not the user's mistakes), along the error's causes, outermost first. */
function causeTraces(error: Error): string[] {
  const traces: string[] = [];
  const seen = new Set<unknown>();
  let blamed = false;
  for (let current: unknown = error; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    if (current instanceof PluginError) blamed = true;
    else if (blamed && !isInfraStackError(current) && current.stack) traces.push(current.stack);
  }
  return traces;
}
