/**
 * `--verify`, after the files are written and the answers recorded: the validation gate of the
 * run's stack (its descriptor's `verify`) on the generated code, reported line by line. A failure
 * is an error naming the failed steps and the log; the generation itself stays as it is.
 */
import { join } from 'node:path';
import { DEFAULT_STACK, InfraStackError, stackOf } from '../../lib/index.js';
import { generateOptionsFor, type RunSettings } from './options.js';
import { colorsFor, failureLines, stepLine, verdict, verificationHeading } from './verification-lines.js';

export async function verifyIfAsked(settings: RunSettings, cwd: string, print: (line: string) => void): Promise<void> {
  if (!settings.verify) return;
  if (settings.dryRun) {
    print('Not verified: a dry run writes nothing.');
    return;
  }
  const options = generateOptionsFor(settings, cwd);
  const stack = await stackOf(options);
  const gate = stack?.verify;
  if (!gate) throw new InfraStackError(`--verify: the stack "${options.stack ?? DEFAULT_STACK}" has no verification gate; run its own checks on ${settings.out}`);
  const colors = colorsFor();
  print(verificationHeading(settings.out, join(settings.out, gate.logPath), cwd));
  const report = await gate.run({ outDir: settings.out, onStep: (outcome) => print(stepLine(outcome, colors)) });
  for (const line of failureLines(report)) print(line);
  if (!report.ok) throw new InfraStackError(verdict(report, cwd));
  print(verdict(report, cwd));
}
