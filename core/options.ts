import type { FileOutcomes } from './engine/outcomes.js';

export type DatabaseKind = 'sqlite' | 'postgresql' | 'mysql';

export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgresql', 'mysql'];

/** Other names `--db` accepts for a database kind (MariaDB runs the MySQL backend). */
export const DATABASE_ALIASES: Readonly<Record<string, DatabaseKind>> = { mariadb: 'mysql' };

/** `--db auto`: the database the documents choose (a requirements tech-stack table), else SQLite. */
export const DATABASE_AUTO = 'auto';

/** SQL dialects the DDL plugin writes a schema for (`backend/db/schema.<dialect>.sql`). */
export type DdlDialect = 'postgresql' | 'mysql' | 'sqlite';

export const DDL_DIALECTS: readonly DdlDialect[] = ['postgresql', 'mysql', 'sqlite'];

/** In `ddl`: the database the backend runs on (`db`, else the documents' choice, else SQLite). */
export const DDL_AUTO = 'auto';

/** The stack used when none is asked for. */
export const DEFAULT_STACK = 'fastapi-sqlalchemy';

/** What a caller asks for when it wants only the derived model (`infra-stack model`). */
export type DeriveOptions = Pick<GenerateOptions, 'apiFiles' | 'db' | 'cwd' | 'onPhase' | 'plugins' | 'stack' | 'pluginNames' | 'skipChecks' | 'discoverPlugins' | 'pluginSettings'>;

/** What a caller (the bin, `yo infra-stack`, or a program) asks the engine to do. */
export interface GenerateOptions {
  /** API documents to read; at least one. Relative paths resolve against `cwd`. */
  apiFiles: string[];
  /** Target folder that receives `backend/` and `output/`. */
  outDir: string;
  /** Database the generated backend defaults to; when absent, the documents' choice, else SQLite. */
  db?: DatabaseKind;
  /**
   * SQL schemas (and seed scripts) to write, one per dialect; `auto` stands for the backend's
   * database. Absent: `['auto']`; empty: none.
   */
  ddl?: readonly (DdlDialect | typeof DDL_AUTO)[];
  /** Overwrite files the user edited since they were generated. */
  force?: boolean;
  /**
   * Do not read `.infra-stack/manifest.json` (damaged, or lost): the files on disk where the run
   * generates one count as generated, and follow the new generation (their text backed up).
   */
  rebuildManifest?: boolean;
  /**
   * Write a migration that may destroy data (drops a table or a column, narrows a type, removes
   * an enum value, makes a column required); without it such a run stops before writing anything.
   */
  acceptDataLoss?: boolean;
  /** Compute and report the plan; write nothing. */
  dryRun?: boolean;
  /** Write nothing; the result's `outOfDate` lists what a run would change (for CI). */
  check?: boolean;
  /** Unified diffs of every change in the result (`diffs`). */
  diff?: boolean;
  /** Write the documents of `output/` (the docs plugin); on unless false. */
  docs?: boolean;
  /** Base folder for relative paths; defaults to `process.cwd()`. */
  cwd?: string;
  /**
   * URL under which the output folder is published (`https://raw.githubusercontent.com/o/r/main/gen`):
   * class definitions then get `code_raw_url`/`test_raw_url` = this URL + the file's path in the output folder.
   */
  rawUrlBase?: string;
  /** Write `code_path`/`test_path` (and raw URLs) into class definitions files after a run; on unless false (`--no-write-back`). */
  writeBack?: boolean;
  /** Receives the duration of each phase of the run (configure, parse, derive, plan, render, write). */
  onPhase?: import('./engine/phases.js').PhaseListener;
  /** Extra plugins, applied after the first-party and the installed ones. */
  plugins?: import('./engine/plugin.js').InfraStackPlugin[];
  /** The stack that generates the code (`--stack`); default `fastapi-sqlalchemy`. */
  stack?: string;
  /** Installed plugins to use, in order (`--plugins`): `cache`, `@acme/audit` or full package names; default: all found. */
  pluginNames?: string[];
  /** Use installed plugins whose declared engine range excludes this version (`--skip-checks`). */
  skipChecks?: boolean;
  /** Look for installed plugins (`infra-stack-plugin-*` packages, `.infra-stack/plugins/`); on unless false. */
  discoverPlugins?: boolean;
  /** Plugin settings (`--set audit.userField=created_by`), by plugin name (short or full) then setting; checked against each plugin's `options`. */
  pluginSettings?: Record<string, Record<string, unknown>>;
}

export interface GenerateResult extends FileOutcomes {
  outDir: string;
  /**
   * The documents, options, code and generated files are those the last run recorded: nothing
   * was read or written, and `unchanged` lists the files that run generated.
   */
  upToDate?: true;
  dryRun: boolean;
  /** `check`: the run only looked, and these files are out of date with the documents. */
  check: boolean;
  outOfDate: string[];
  /** Unified diffs of the changes, when asked for (`diff`). */
  diffs: string[];
  /** What changed beyond the files (a new migration, renames to confirm). */
  regeneration: string[];
  /** Choices the run made that the user should know of (the database and where it was chosen). */
  notes: string[];
  /** Operations the user still has to implement (non-CRUD endpoints answering 501). */
  toImplement: string[];
  /** Short hints from the stacks on what to do next (how to install and start the backend). */
  nextSteps: string[];
  /** The installed plugin packages used, in order (recorded as `plugins` in `.yo-rc.json`). */
  plugins: string[];
  /** The project's own plugins used (`.infra-stack/plugins/`), each `<name> (<file>)`. */
  localPlugins?: string[];
  /** What the user should look at although the run went on: a plugin used despite its declared range (--skip-checks), a template two plugins override. */
  warnings: string[];
  /** The plugin settings given, typed, by full plugin name (recorded as `pluginSettings` in `.yo-rc.json`). */
  pluginSettings?: Record<string, Record<string, string | number | boolean>>;
}
