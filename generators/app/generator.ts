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
  answersAlreadyRecorded,
  canPrompt,
  completeSettings,
  forgottenAnswers,
  generateOptionsFor,
  mergeSettings,
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
import { checkFailure, diffText, paintFor, summaryLines } from './summary.js';
import { verifyIfAsked } from './verification.js';
import { yoSwitchedFromRootProblem } from './yo-as-root.js';

/**
 * Yeoman announces a failing method with a line of its own ("An error occured while running
 * infra-stack:app#writing", colored whatever the stream) before the error itself: the error
 * already says what went wrong and where, in one line, so that announcement is dropped.
 */
function withoutMethodFailureLines<Log extends { error: (...args: never[]) => unknown }>(log: Log): Log {
  return new Proxy(log, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'error' || typeof value !== 'function') return value;
      return (...args: unknown[]) => (isMethodFailureLine(args[0]) ? target : Reflect.apply(value, target, args));
    },
  });
}

function isMethodFailureLine(message: unknown): boolean {
  return typeof message === 'string' && message.startsWith('An error occured while running ');
}

/** Inquirer's errors for Ctrl-C (or a closed terminal) at a prompt. */
function isPromptInterrupted(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

export default class InfraStackGenerator extends Generator<StoredAnswers> {
  #given: Partial<RunSettings> = {};
  #outDir = '';
  #settings: RunSettings | undefined;
  #result: GenerateResult | undefined;

  constructor(args: string[], options: BaseOptions) {
    // Yeoman's constructor already creates the working folder: check before it does.
    const blocked = yoSwitchedFromRootProblem([(options as { env?: { cwd?: string } }).env?.cwd ?? process.cwd()]);
    if (blocked) throw new InfraStackError(blocked.describe(), { cause: blocked });
    // The output is Python: never let Yeoman run `npm install` (or mention it).
    super(args, options, { customInstallTask: true });
    this.description = 'Generates a FastAPI + SQLAlchemy backend and its docs from OpenAPI documents.';
    this.option(yeomanOptions());
    // `log` is read-only in the types only: yeoman-generator assigns it in its constructor.
    (this as { log: InfraStackGenerator['log'] }).log = withoutMethodFailureLines(this.log);
  }

  /** Settles the output folder first: it holds the `.yo-rc.json` whose answers are reused. */
  async initializing(): Promise<void> {
    this.#given = settingsFromOptions(this.options, this.env.cwd);
    let out = this.#given.out;
    const answeredHere = this.config.get('api') !== undefined;
    if (out === undefined && !answeredHere && canPrompt(this.env.adapter)) {
      const answers = await this.#ask(questionsFor(['out'], this.env.cwd));
      out = settingsFromOptions(answers, this.env.cwd).out;
    }
    this.#outDir = out ?? this.env.cwd;
    const blocked = yoSwitchedFromRootProblem([this.#outDir]);
    if (blocked) throw new InfraStackError(blocked.describe(), { cause: blocked });
  }

  async prompting(): Promise<void> {
    const outDir = this.#outDir;
    // Read without making <out> the destination root yet: that would create the folder.
    const recorded = this.createStorage<StoredAnswers>(join(outDir, '.yo-rc.json'), this.rootGeneratorName());
    const known: Partial<RunSettings> = { ...mergeSettings(settingsFromStored(recorded.getAll(), outDir), this.#given), out: outDir };
    const missing = missingQuestionKeys(known);
    if (missing.length > 0 && canPrompt(this.env.adapter)) {
      const answers = await this.#ask(questionsFor(missing, this.env.cwd));
      Object.assign(known, settingsFromOptions(answers, this.env.cwd), { out: outDir });
    }
    const settings = completeSettings(known, this.env.cwd);
    if (settings.rebuildManifest && canPrompt(this.env.adapter)) {
      const { rebuildConfirmed } = (await this.prompt([REBUILD_CONFIRMATION])) as { rebuildConfirmed?: boolean };
      if (rebuildConfirmed !== true) throw rebuildDeclined();
    }
    this.#settings = settings;
  }

  /** The prompts; Ctrl-C at one ends the run quietly with the shell's code for an interrupt (130). */
  async #ask(questions: ReturnType<typeof questionsFor>): Promise<Record<string, unknown>> {
    try {
      return await this.prompt(questions);
    } catch (error) {
      if (isPromptInterrupted(error)) {
        process.stderr.write('\n');
        process.exit(130);
      }
      throw error;
    }
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
      const answers = toStoredAnswers(settings, this.#result.plugins, this.#result.pluginSettings);
      const forgotten = forgottenAnswers(settings, this.#result.plugins);
      // Set only when it changes something: Yeoman rewrites (and announces) a .yo-rc.json it was handed.
      if (!answersAlreadyRecorded(this.config.getAll(), answers, forgotten)) {
        this.config.set(answers);
        for (const key of forgotten) this.config.delete(key);
      }
    }
  }

  async end(): Promise<void> {
    if (!this.#result) return;
    this.log(summaryLines(this.#result, this.env.cwd, paintFor(process.stdout)).join('\n'));
    const diff = diffText(this.#result);
    if (diff) process.stdout.write(diff);
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
