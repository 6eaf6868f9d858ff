import { open, readFile, type FileHandle } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import path from 'node:path';
import { InfraStackError, PluginError, unreadableDocumentError } from '../errors.js';
import type { ApiDocument } from '../model/api-document.js';
import type { DomainModel } from '../model/domain-model.js';
import { modelSnapshot, relativePath } from '../model/model-json.js';
import { fileOutcomesOf } from './outcomes.js';
import { outputFolderError } from './output-errors.js';
import { outputFolder, type OutputReads } from './output-folder.js';
import { mergeApiDocuments } from '../parsers/merge.js';
import { PendingChecks } from './checks.js';
import { guardTap, type WrappableTap } from './guard.js';
import { checkRefinement } from './refinement-check.js';
import { createHooks, type EngineConfig, type ParseRequest } from './hooks.js';
import { PhaseClock, type PhaseListener } from './phases.js';
import type { FilePlan, PlannedFile } from './plan.js';
import { pluginApiFor, type InfraStackPlugin, type PluginHost } from './plugin.js';
import { checkDeclaredOptions, resolvePluginSettings, type PluginOption, type PluginSettingValue, type ResolvedPluginSettings } from './plugin-settings.js';
import { Diagnostics, type RunReport } from './report.js';
import { TemplateRegistry, templateErrorText } from './templates.js';
import { previousRunOf } from './previous-run.js';
import { planContext } from './plan-context.js';
import { schemaSnapshot } from '../schema/snapshot.js';
import type { StackDescriptor } from '../stack/descriptor.js';
import { recordRenderKeys, renderKeysOf, reusableTexts, type ReusableText } from './render-reuse.js';
import { loadManifest, WriteSession, type PreparedWrite, type RenderedFile, type WriteOutcome } from './writer.js';

/** How long rendering goes on before it lets the writes already started make progress. */
const YIELD_EVERY_MS = 10;
/** Files rendered ahead of the one `renderFile` is finishing (see `render`). */
const RENDER_AHEAD = 32;

export interface EngineOptions {
  /** Receives the duration of each lifecycle phase of a run (for benchmarks). */
  onPhase?: PhaseListener;
  /**
   * The identity of the run (`RunIdentity.key`: the code of the generator and its plugins, the
   * options that change output). Given, each file whose view is the one the last run recorded
   * takes the text that run generated instead of being rendered (see `render-reuse.ts`).
   */
  runKey?: string;
}

/** What the engine read and derived, before anything is planned. */
export interface DerivedModel {
  config: EngineConfig;
  model: DomainModel;
}

export interface RunOutcome extends WriteOutcome {
  config: EngineConfig;
  model: DomainModel;
  report: RunReport;
  /** What the plugins read of the output folder while they planned. */
  outputReads: OutputReads;
  /** The documents read other files too (`$ref`s to other files or URLs). */
  readsOtherFiles: boolean;
  /** Templates two plugins or more override (the last applied wins), settings of plugins not applied. */
  warnings: string[];
  /** The plugin settings given (`--set`, `.yo-rc.json`), typed, by full plugin name: what `.yo-rc.json` records. */
  pluginSettings: Record<string, Record<string, PluginSettingValue>>;
}

/** Owns the lifecycle: configure, parse, derive, validate, plan, render, write, report. */
export class Engine {
  private readonly hooks = createHooks();
  private readonly plugins: string[] = [];
  private readonly host: PluginHost = { hooks: this.hooks, templates: new TemplateRegistry(), stacks: new Map(), exposedHooks: new Map(), applying: undefined, settings: undefined };
  /** The settings each applied plugin declares. */
  private readonly declaredOptions = new Map<string, PluginOption[]>();

  constructor(private readonly options: EngineOptions = {}) {
    for (const [name, hook] of Object.entries(this.hooks)) {
      if (name === 'parse' || name === 'deriveModel') continue;
      (hook as { intercept(i: object): void }).intercept({ register: (tap: WrappableTap) => guardTap(name, tap, this.host.applying) });
    }
    // A refinement of the model is checked as soon as it returns: the problems it made are blamed on its plugin.
    this.hooks.deriveModel.intercept({ register: (tap) => guardTap('deriveModel', checkRefinement(tap, this.host.applying), this.host.applying) });
    this.hooks.parse.intercept({
      factory: (key, hook) => {
        hook.intercept({ register: (tap) => guardTap(`parse:${String(key)}`, tap, this.host.applying) });
        return hook;
      },
    });
  }

  use(plugin: InfraStackPlugin): this {
    if (this.plugins.includes(plugin.name)) throw new InfraStackError(`plugin "${plugin.name}" is applied twice`);
    this.plugins.push(plugin.name);
    this.declaredOptions.set(plugin.name, checkDeclaredOptions(plugin.name, plugin.options));
    this.host.applying = plugin.name;
    try {
      plugin.apply(pluginApiFor(plugin, this.host));
    } catch (error) {
      if (error instanceof InfraStackError) throw error;
      throw new PluginError(plugin.name, `plugin "${plugin.name}" failed while being applied: ${(error as Error).message}`, { cause: error });
    } finally {
      this.host.applying = undefined;
    }
    return this;
  }

  /** The descriptor of a stack some applied plugin declared. */
  declaredStack(name: string): StackDescriptor | undefined {
    return this.host.stacks.get(name);
  }

  async run(initial: EngineConfig): Promise<RunOutcome> {
    const clock = new PhaseClock(this.options.onPhase);
    const { config, model, checks, notices, readsOtherFiles, settings } = await this.deriveTimed(initial, clock);
    try {
      // Hashed while the files are planned and rendered.
      const inputs = inputHashes(config);
      inputs.catch(() => undefined);
      const report: RunReport = { notes: [...notices], toImplement: [], nextSteps: [], regeneration: [] };
      const loaded = await loadManifest(config.outDir, { rebuild: config.rebuildManifest === true, dryRun: config.dryRun });
      const output = outputFolder(config.outDir);
      const stack = this.host.stacks.get(config.stack);
      const context = planContext({ model, config, report, previous: previousRunOf(loaded.manifest), output }, stack);
      const plan = await this.hooks.planFiles.promise({ files: [] }, context);
      clock.end('plan');
      const planned = checkPlan(plan, config.outDir);
      // The plan's views go as each file renders (see `render`); what the summary tells of each file stays.
      const emitted = planned.map(({ data: _data, content: _content, ...file }) => file);
      // Written under temporary names as they are rendered, while the checks may still run; put in place once they passed.
      const session = new WriteSession(config.outDir, { force: config.force, dryRun: config.dryRun, previous: loaded });
      session.expect(planned.map((file) => file.path));
      let prepared: PreparedWrite;
      try {
        await this.render(planned.splice(0), await reusableTexts(config.outDir, loaded), (file) => session.add(file));
        clock.end('render');
        const record = { inputs: await inputs, model: modelSnapshot(model), ...(stack?.naming ? { schema: schemaSnapshot(context.schema) } : {}), notes: report.regeneration };
        prepared = await session.prepare({ diff: config.diff === true, record });
      } catch (error) {
        await session.discard();
        throw error;
      }
      clock.end('write');
      try {
        const failedCheck = await checks.firstFailure();
        if (failedCheck !== undefined) throw failedCheck;
        clock.end('checks');
        await prepared.commit();
        if (prepared.renderKeys) await recordRenderKeys(config.outDir, prepared.renderKeys);
      } catch (error) {
        await prepared.discard();
        throw error;
      }
      const { outcome } = prepared;
      await this.hooks.afterEmit.promise({
        config,
        model,
        ...fileOutcomesOf(outcome),
        report,
        files: emitted,
      });
      clock.end('commit');
      return {
        ...outcome,
        config,
        model,
        report,
        outputReads: output.reads(),
        readsOtherFiles,
        warnings: [...settings.warnings, ...this.host.templates.overrideWarnings()],
        pluginSettings: settings.given,
      };
    } catch (error) {
      throw (await checks.firstFailure()) ?? outputFolderError(error, config.outDir);
    }
  }

  /** The first half of a run: configure, parse, derive and validate the model; plans and writes nothing. */
  async derive(initial: EngineConfig): Promise<DerivedModel> {
    const { config, model, checks } = await this.deriveTimed(initial, new PhaseClock(this.options.onPhase));
    const failedCheck = await checks.firstFailure();
    if (failedCheck !== undefined) throw failedCheck;
    return { config, model };
  }

  /** Derives the model while the documents' deferred checks may still be running; they are returned to be awaited. */
  private async deriveTimed(
    initial: EngineConfig,
    clock: PhaseClock,
  ): Promise<DerivedModel & { checks: PendingChecks; notices: string[]; readsOtherFiles: boolean; settings: ResolvedPluginSettings }> {
    const settings = resolvePluginSettings(this.declaredOptions, initial.pluginSettings);
    this.host.settings = settings.values;
    const config = await this.hooks.configure.promise(initial);
    checkStack(config, this.host.stacks);
    clock.end('configure');
    const checks = new PendingChecks();
    const documents = await this.parseAll(config, checks);
    try {
      const api = mergeApiDocuments(documents);
      clock.end('parse');
      const model = this.hooks.deriveModel.call(emptyModel(api), { api, config });
      const diagnostics = new Diagnostics();
      this.hooks.validateModel.call(model, diagnostics);
      const [firstError] = diagnostics.errors;
      if (firstError) throw new InfraStackError(firstError.message, { ...(firstError.file ? { file: firstError.file } : {}), ...(firstError.location ? { location: firstError.location } : {}) });
      clock.end('derive');
      return { config, model, checks, notices: api.notices ?? [], readsOtherFiles: api.readsOtherFiles === true, settings };
    } catch (error) {
      throw (await checks.firstFailure()) ?? error;
    }
  }

  /**
   * Every document parsed. A document that cannot be read fails the run ahead of the checks
   * others left running (it fails sooner); those are waited for, so that nothing outlives the run.
   */
  private async parseAll(config: EngineConfig, checks: PendingChecks): Promise<ApiDocument[]> {
    const parsed = await Promise.allSettled(config.apiFiles.map((file, index) => this.parse(file, config, (check) => checks.add(index, check))));
    const failed = parsed.find((outcome) => outcome.status === 'rejected');
    if (failed) {
      await checks.finished();
      throw failed.reason;
    }
    return parsed.map((outcome) => (outcome as PromiseFulfilledResult<ApiDocument>).value);
  }

  private async parse(file: string, config: EngineConfig, defer: ParseRequest['defer']): Promise<ApiDocument> {
    const format = formatOf(file, await readHead(file));
    const hook = this.hooks.parse.get(format);
    const document = hook ? await hook.promise({ file, config, defer }) : undefined;
    if (!document) throw new InfraStackError(`no installed parser reads ${format} documents`, { file });
    return document;
  }

  /**
   * Renders the files in plan order and hands each on in that order. Up to RENDER_AHEAD files are
   * rendered before the first of them has passed `renderFile`: a tap that waits (on a thread
   * formatting code, say) lets the next templates render meanwhile. Each entry of `files` is
   * emptied as its file renders.
   */
  private async render(files: (PlannedFile | undefined)[], reusable: ReusableText, rendered: (file: RenderedFile) => void): Promise<void> {
    const renderTemplate = await this.host.templates.renderer();
    const { runKey } = this.options;
    const renderKeys = runKey === undefined ? [] : renderKeysOf(runKey, files as PlannedFile[]);
    const ahead: Promise<RenderedFile>[] = [];
    let yielded = performance.now();
    for (let index = 0; index < files.length; index += 1) {
      const file = files[index]!;
      // Its view is let go once it rendered: on a large document the views of every file weigh more than their texts.
      files[index] = undefined;
      // Rendering never waits on its own: let the writes of the files already rendered move on.
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
      const renderKey = renderKeys[index];
      const kept = renderKey === undefined ? undefined : reusable(file.path, renderKey);
      if (kept !== undefined) {
        const reused = Promise.resolve({ path: file.path, owner: file.owner, content: kept, renderKey: renderKey! });
        ahead.push(reused);
        if (ahead.length >= RENDER_AHEAD) rendered(await ahead.shift()!);
        continue;
      }
      let content: string;
      try {
        content = file.template !== undefined ? renderTemplate(file.template, file.data ?? {}) : (file.content ?? '');
      } catch (error) {
        // A file planned earlier that failed in `renderFile` is reported first, as it would have been one file at a time.
        for (const next of ahead) await next;
        throw new PluginError(file.owner, `plugin "${file.owner}" failed to render ${file.path} from ${file.template}: ${templateErrorText(error)}`, { cause: error });
      }
      const done = file.verbatim ? Promise.resolve(content) : this.hooks.renderFile.promise(content, file);
      const next = done.then((text) => ({ path: file.path, owner: file.owner, content: text, ...(renderKey !== undefined ? { renderKey } : {}) }));
      // Awaited in turn below; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      ahead.push(next);
      if (ahead.length >= RENDER_AHEAD) rendered(await ahead.shift()!);
    }
    for (const next of ahead) rendered(await next);
  }
}

/**
 * Input formats by file extension, and for JSON by its first character: an array is a list of
 * class definitions, an object an OpenAPI document. A plugin may register parsers for more.
 */
export function formatOf(file: string, head = ''): string {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json' && head.trimStart().startsWith('[')) return 'classes';
  if (['.yaml', '.yml', '.json'].includes(extension)) return 'openapi';
  if (['.md', '.markdown'].includes(extension)) return 'markdown';
  return extension.slice(1) || 'unknown';
}

async function readHead(file: string): Promise<string> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (error) {
    throw unreadableDocumentError(file, error);
  } finally {
    await handle?.close();
  }
}

/** Per document, relative to the output folder, the hash of its content: the manifest records what it was generated from. */
/** The SHA-256 of each input document's bytes, computed on the thread pool. */
async function inputHashes(config: EngineConfig): Promise<Record<string, string>> {
  const hashes = await Promise.all(
    config.apiFiles.map(async (file) => Buffer.from(await webcrypto.subtle.digest('SHA-256', await readFile(file))).toString('hex')),
  );
  return Object.fromEntries(config.apiFiles.map((file, index) => [relativePath(config.outDir, file), hashes[index]!]));
}

function emptyModel(api: ApiDocument): DomainModel {
  return {
    title: api.title,
    version: api.version,
    ...(api.description ? { description: api.description } : {}),
    basePath: api.basePath,
    entities: [],
    objectTypes: [],
    enums: [],
    relations: [],
    operations: [],
  };
}

/** Every planned path stays inside the output folder, is planned once, and says what to write. */
function checkPlan(plan: FilePlan, outDir: string): PlannedFile[] {
  const owners = new Map<string, string>();
  for (const file of plan.files) {
    const target = path.resolve(outDir, file.path);
    if (path.isAbsolute(file.path) || !target.startsWith(path.resolve(outDir) + path.sep)) {
      throw new InfraStackError(`plugin "${file.owner}" planned ${file.path}, which is outside the output folder`, { file: outDir });
    }
    if (file.template === undefined && file.content === undefined) {
      throw new InfraStackError(`plugin "${file.owner}" planned ${file.path} with neither a template nor content`);
    }
    const previous = owners.get(file.path);
    if (previous !== undefined) throw new InfraStackError(`plugins "${previous}" and "${file.owner}" both planned ${file.path}`);
    owners.set(file.path, file.owner);
  }
  return plan.files;
}

/**
 * The stack a run asks for is one a plugin declared, and the database it asks for (`--db`) one the
 * stack runs on; an engine without stacks (core only) checks nothing.
 */
function checkStack(config: EngineConfig, declared: ReadonlyMap<string, StackDescriptor>): void {
  if (declared.size === 0) return;
  const stack = declared.get(config.stack);
  if (!stack) throw new InfraStackError(`unknown stack "${config.stack}" (--stack): the installed plugins provide ${[...declared.keys()].sort().join(', ')}`);
  if (config.db === undefined || stack.databases.length === 0 || stack.databases.includes(config.db)) return;
  throw new InfraStackError(`the stack "${stack.name}" does not run on ${config.db} (--db): it runs on ${stack.databases.join(', ')}`);
}
