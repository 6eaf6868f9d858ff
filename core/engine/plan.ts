/** One file the run will produce, relative to the output folder (posix separators). */
export interface PlannedFile {
  path: string;
  /** The plugin that contributed the file. */
  owner: string;
  /** A template name on the engine's template search path... */
  template?: string;
  /** ...rendered with this data; */
  data?: object;
  /** ...or literal content. */
  content?: string;
}

export interface FilePlan {
  files: PlannedFile[];
}
