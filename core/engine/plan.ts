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
  /** The content is final: no `renderFile` post-processing (a text kept as an earlier run generated it). */
  verbatim?: boolean;
  /**
   * The input item the file was generated for, when the input is made of named items
   * (JSON class definitions): `item` is the class name as the input spells it.
   */
  origin?: { item: string; role: 'code' | 'test' };
}

export interface FilePlan {
  files: PlannedFile[];
}
