import type nunjucks from 'nunjucks';

export type RenderTemplate = (name: string, data: object) => string;

/**
 * One nunjucks environment for the run, compiled templates cached. Later search paths win,
 * so a plugin applied after another can override one of its templates by name.
 */
export class TemplateRegistry {
  private readonly searchPaths: string[] = [];
  private environment: nunjucks.Environment | undefined;

  addSearchPath(directory: string): void {
    this.searchPaths.unshift(directory);
    this.environment = undefined;
  }

  /** Renders by template name; nunjucks is loaded here, once there is something to render. */
  async renderer(): Promise<RenderTemplate> {
    if (!this.environment) {
      const { default: engine } = await import('nunjucks');
      this.environment = new engine.Environment(new engine.FileSystemLoader([...this.searchPaths], { noCache: false }), {
        autoescape: false,
        trimBlocks: true,
        lstripBlocks: true,
        throwOnUndefined: true,
      });
    }
    const environment = this.environment;
    return (name, data) => environment.render(name, data);
  }
}
