import nunjucks from 'nunjucks';

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

  render(name: string, data: object): string {
    this.environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader([...this.searchPaths], { noCache: false }), {
      autoescape: false,
      trimBlocks: true,
      lstripBlocks: true,
      throwOnUndefined: true,
    });
    return this.environment.render(name, data);
  }
}
