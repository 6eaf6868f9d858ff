import { readdirSync } from 'node:fs';
import path from 'node:path';
import type nunjucks from 'nunjucks';
import { compiledSource, loadPrecompiledTemplates, TEMPLATE_OPTIONS } from './precompiled-templates.js';

export type RenderTemplate = (name: string, data: object) => string;

/** `fastapi-sqlalchemy:backend/app/main.py.njk`: a template of that plugin's folders only. */
const OWNED_NAME = /^([^:/\\]+):(.+)$/;

/**
 * One nunjucks environment for the run, compiled templates cached. Later search paths win,
 * so a plugin applied after another can override one of its templates by name; the override
 * can still include or extend the original as `<plugin name>:<template name>`.
 */
export class TemplateRegistry {
  private readonly searchPaths: string[] = [];
  private readonly pathsByOwner = new Map<string, string[]>();
  private environment: nunjucks.Environment | undefined;

  addSearchPath(directory: string, owner?: string): void {
    this.searchPaths.unshift(directory);
    if (owner !== undefined) this.pathsByOwner.set(owner, [directory, ...(this.pathsByOwner.get(owner) ?? [])]);
    this.environment = undefined;
  }

  /**
   * One warning per template that two or more plugins override (a template of that name is in the
   * folders of three plugins or more: the first one's, and the overrides): the one applied last wins.
   */
  overrideWarnings(): string[] {
    if (this.pathsByOwner.size < 3) return [];
    const owners = new Map<string, string[]>();
    // Applied first, searched last: `pathsByOwner` keeps the order the plugins were applied in.
    for (const [owner, directories] of this.pathsByOwner) {
      for (const name of new Set(directories.flatMap(templateNames))) owners.set(name, [...(owners.get(name) ?? []), owner]);
    }
    return [...owners]
      .filter(([, by]) => by.length > 2)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, [original, ...overriders]]) => {
        const winner = overriders.at(-1)!;
        return `template ${name} of "${original}" is overridden by ${overriders.map((o) => `"${o}"`).join(' and ')}; the one applied last, "${winner}", wins`;
      });
  }

  /** Renders by template name; nunjucks is loaded here, once there is something to render. */
  async renderer(): Promise<RenderTemplate> {
    if (!this.environment) {
      const [{ default: engine }, precompiled] = await Promise.all([import('nunjucks'), loadPrecompiledTemplates()]);
      /** Serves a template compiled by the build when its source is the one it was compiled from. */
      class TemplateLoader extends engine.FileSystemLoader {
        override getSource(name: string): nunjucks.LoaderSource {
          const source = super.getSource(name) as nunjucks.LoaderSource | null;
          if (!source || typeof source.src !== 'string') return source as nunjucks.LoaderSource;
          const compiled = compiledSource(source.path, source.src, precompiled);
          return compiled ? ({ ...source, src: compiled } as unknown as nunjucks.LoaderSource) : source;
        }
      }
      const byOwner = new Map([...this.pathsByOwner].map(([owner, paths]) => [owner, new TemplateLoader([...paths], { noCache: false })]));
      class OwnedTemplateLoader extends engine.FileSystemLoader {
        override getSource(name: string): nunjucks.LoaderSource {
          const owned = OWNED_NAME.exec(name);
          const loader = owned?.[1] === undefined ? undefined : byOwner.get(owned[1]);
          // nunjucks moves on to the next loader when one answers null.
          return (loader && owned?.[2] !== undefined ? loader.getSource(owned[2]) : null) as nunjucks.LoaderSource;
        }
      }
      this.environment = new engine.Environment([new OwnedTemplateLoader([]), new TemplateLoader([...this.searchPaths], { noCache: false })], { ...TEMPLATE_OPTIONS });
      this.environment.addFilter('lines', indentedLines);
    }
    const environment = this.environment;
    return (name, data) => environment.render(name, data);
  }
}

/**
 * A nunjucks error in one line, as `file:line:column: message`: nunjucks writes its template's path
 * in brackets and the place on a line of their own (`(notes.md.njk) [Line 2, Column 7]\n  unexpected token`).
 */
export function templateErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const parts = /^(?:Template render error: )?\((.+?)\)(?: \[Line (\d+), Column (\d+)\])?\s*\n\s*(?:Error: )?([\s\S]*)$/.exec(message);
  if (!parts) return message.replace(/\s*\n\s*/g, ' ');
  const [, file, line, column, text] = parts;
  return `${file}${line !== undefined ? `:${line}:${column}` : ''}: ${text!.replace(/\s*\n\s*/g, ' ').trim()}`;
}

/** The template names under a folder (relative, `/`-separated); none when it cannot be read. */
function templateNames(directory: string): string[] {
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  } catch {
    return [];
  }
}

/**
 * `{{ body | lines(4) }}`: the items on lines of their own, each indented (blank ones left blank),
 * without a final newline. The same text as a `{% for %}` loop that prints one item per line, at
 * a fraction of its cost: nunjucks sets eight loop variables per iteration, and the largest files
 * are made of tens of thousands of such lines.
 */
function indentedLines(items: readonly string[], indent = 0): string {
  const margin = ' '.repeat(indent);
  return items.map((item) => (item === '' ? item : margin + item)).join('\n');
}
