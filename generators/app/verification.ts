/**
 * `--verify`, after the files are written and the answers recorded: the stack's validation gate
 * on the generated backend, reported line by line. A failure is an error naming the failed
 * steps and the log; the generation itself stays as it is.
 */
import { join } from 'node:path';
import { InfraStackError, verifyBackend, WORKFLOW_LOG_PATH } from '../../lib/index.js';
import type { RunSettings } from './options.js';
import { colorsFor, failureLines, stepLine, verdict, verificationHeading } from './verification-lines.js';

export async function verifyIfAsked(settings: RunSettings, cwd: string, print: (line: string) => void): Promise<void> {
  if (!settings.verify) return;
  if (settings.dryRun) {
    print('Not verified: a dry run writes nothing.');
    return;
  }
  const colors = colorsFor();
  print(verificationHeading(settings.out, join(settings.out, WORKFLOW_LOG_PATH), cwd));
  const report = await verifyBackend({ outDir: settings.out, onStep: (outcome) => print(stepLine(outcome, colors)) });
  for (const line of failureLines(report)) print(line);
  if (!report.ok) throw new InfraStackError(verdict(report, cwd));
  print(verdict(report, cwd));
}
