/**
 * `yo infra-stack`: collects the options (flags, then `<out>/.yo-rc.json`, then prompts when
 * a terminal is attached) and hands them to the engine, which writes the files itself.
 * Only `.yo-rc.json` goes through Yeoman's file system: after a successful, non-dry run the
 * destination root becomes `<out>` and the answers are recorded there (Yeoman's conflicter
 * always overwrites `.yo-rc.json` without asking). A failed run leaves no trace.
 */
import { join } from 'node:path';
import Generator, { type BaseOptions } from 'yeoman-generator';
import { generate, InfraStackError, isInfraStackError, type GenerateResult } from '../../lib/index.js';
import {
  canPrompt,
  completeSettings,
  generateOptionsFor,
  missingQuestionKeys,
  questionsFor,
  REBUILD_CONFIRMATION,
  rebuildDeclined,
  settingsFromOptions,
  settingsFromStored,
  toStoredAnswers,
  yeomanOptions,
  type RunSettings,
  type StoredAnswers,
} from './options.js';
import { checkFailure, paintFor, summaryLines } from './summary.js';
import { verifyIfAsked } from './verification.js';

export default class InfraStackGenerator extends Generator<StoredAnswers> {
  #given: Partial<RunSettings> = {};
  #outDir = '';
  #settings: RunSettings | undefined;
  #result: GenerateResult | undefined;

  constructor(args: string[], options: BaseOptions) {
    // The output is Python: never let Yeoman run `npm install` (or mention it).
    super(args, options, { customInstallTask: true });
    this.description = 'Generates a FastAPI + SQLAlchemy backend and its docs from OpenAPI documents.';
    this.option(yeomanOptions());
  }

  /** Settles the output folder first: it holds the `.yo-rc.json` whose answers are reused. */
  async initializing(): Promise<void> {
    this.#given = settingsFromOptions(this.options, this.env.cwd);
    let out = this.#given.out;
    const answeredHere = this.config.get('api') !== undefined;
    if (out === undefined && !answeredHere && canPrompt(this.env.adapter)) {
      const answers = await this.prompt(questionsFor(['out']));
      out = settingsFromOptions(answers, this.env.cwd).out;
    }
    this.#outDir = out ?? this.env.cwd;
  }

  async prompting(): Promise<void> {
    const outDir = this.#outDir;
    // Read without making <out> the destination root yet: that would create the folder.
    const recorded = this.createStorage<StoredAnswers>(join(outDir, '.yo-rc.json'), this.rootGeneratorName());
    const known: Partial<RunSettings> = { ...settingsFromStored(recorded.getAll(), outDir), ...this.#given, out: outDir };
    const missing = missingQuestionKeys(known);
    if (missing.length > 0 && canPrompt(this.env.adapter)) {
      const answers = await this.prompt(questionsFor(missing));
      Object.assign(known, settingsFromOptions(answers, this.env.cwd), { out: outDir });
    }
    const settings = completeSettings(known, this.env.cwd);
    if (settings.rebuildManifest && canPrompt(this.env.adapter)) {
      const { rebuildConfirmed } = (await this.prompt([REBUILD_CONFIRMATION])) as { rebuildConfirmed?: boolean };
      if (rebuildConfirmed !== true) throw rebuildDeclined();
    }
    this.#settings = settings;
  }

  async writing(): Promise<void> {
    const settings = this.#settings;
    if (!settings) throw new Error('writing() ran before prompting()');
    try {
      this.#result = await generate(generateOptionsFor(settings, this.env.cwd));
    } catch (error) {
      // yo prints only `error.message`: make it the full `file:location: message` line.
      if (isInfraStackError(error)) throw new InfraStackError(error.describe(), { cause: error });
      throw error;
    }
    if (!settings.dryRun && !settings.check) {
      this.destinationRoot(settings.out);
      this.config.set(toStoredAnswers(settings, this.#result.plugins));
    }
  }

  async end(): Promise<void> {
    if (!this.#result) return;
    this.log(summaryLines(this.#result, this.env.cwd, paintFor(process.stdout)).join('\n'));
    try {
      const outOfDate = checkFailure(this.#result);
      if (outOfDate) throw new InfraStackError(outOfDate.describe(), { cause: outOfDate });
      if (this.#settings) await verifyIfAsked(this.#settings, this.env.cwd, (line) => this.log(line));
    } finally {
      // Yeoman queues log lines and drops the queued ones when a method fails: the report goes out first.
      await (this.env.adapter as { onIdle?: () => Promise<void> }).onIdle?.();
    }
  }
}
