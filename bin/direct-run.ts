/**
 * The bin's run without yeoman-environment (loading it costs about a second), for when
 * nothing has to be asked: the steps of `InfraStackGenerator` with the same settings, the same
 * `.yo-rc.json`, and the same output on stderr. When a question would be asked, or a
 * `.yo-rc.json` is one only Yeoman should judge, it does nothing and says so.
 */
import { mkdir } from 'node:fs/promises';
import { relative } from 'node:path';
import type { GenerateResult } from '../core/options.js';
import { generate } from '../lib/generate.js';
import {
  completeSettings,
  forgottenAnswers,
  generateOptionsFor,
  mergeSettings,
  missingQuestionKeys,
  settingsFromOptions,
  settingsFromStored,
  toStoredAnswers,
  type RunSettings,
} from '../generators/app/options.js';
import { checkFailure, diffText, paintFor, summaryLines } from '../generators/app/summary.js';
import { forcedFileLine } from './yeoman-lines.js';
import { readYoRc, recordAnswers, recordedAnswers, type YoRcFile } from './yo-rc-file.js';

export interface CommandContext {
  cwd: string;
  /** A person at a terminal could answer questions. */
  canPrompt: boolean;
  stderr: { write(text: string): unknown; isTTY?: boolean; hasColors?: () => boolean };
  /** Receives what can be piped: the unified diff of --diff. */
  stdout: { write(text: string): unknown };
}

export type DirectRunOutcome = 'done' | 'needs-yeoman';

/** Runs the generation from `values` (parsed flags); throws what the generator would throw. */
export async function runWithoutYeoman(values: Record<string, unknown>, context: CommandContext): Promise<DirectRunOutcome> {
  const { cwd, canPrompt } = context;

  // Yeoman reads this one as it creates the generator, before the flags are looked at.
  const here = await readYoRc(cwd);
  if (!here) return 'needs-yeoman';
  const given = settingsFromOptions(values, cwd);
  const answeredHere = recordedAnswers(here).api !== undefined;
  if (given.out === undefined && !answeredHere && canPrompt) return 'needs-yeoman';
  const outDir = given.out ?? cwd;

  const record = outDir === cwd ? here : await readYoRc(outDir);
  if (!record) return 'needs-yeoman';
  const settings = (() => {
    const known: Partial<RunSettings> = { ...mergeSettings(settingsFromStored(recordedAnswers(record), outDir), given), out: outDir };
    return missingQuestionKeys(known).length > 0 && canPrompt ? undefined : completeSettings(known, cwd);
  })();
  // A rebuilt manifest is confirmed first at a terminal: Yeoman asks.
  if (!settings || (settings.rebuildManifest && canPrompt)) return 'needs-yeoman';

  const result = await generateFor(settings, cwd);
  if (!settings.dryRun && !settings.check) await recordTheAnswers(record, settings, result, context);
  context.stderr.write(`${summaryLines(result, cwd, paintFor(context.stderr)).join('\n')}\n`);
  context.stdout.write(diffText(result));
  const outOfDate = checkFailure(result);
  if (outOfDate) throw outOfDate;
  if (settings.verify) {
    // Loaded only when asked: it brings the whole library with it.
    const { verifyIfAsked } = await import('../generators/app/verification.js');
    await verifyIfAsked(settings, cwd, (line) => context.stderr.write(`${line}\n`));
  }
  return 'done';
}

function generateFor(settings: RunSettings, cwd: string): Promise<GenerateResult> {
  return generate(generateOptionsFor(settings, cwd));
}

/** What Yeoman does after the generator's `writing`: the answers committed to `<out>/.yo-rc.json`. */
async function recordTheAnswers(record: YoRcFile, settings: RunSettings, { plugins: pluginsUsed, pluginSettings }: GenerateResult, context: CommandContext): Promise<void> {
  await mkdir(settings.out, { recursive: true });
  if (await recordAnswers(record, toStoredAnswers(settings, pluginsUsed, pluginSettings), forgottenAnswers(settings, pluginsUsed))) context.stderr.write(forcedFileLine(relative(context.cwd, record.path)));
}
