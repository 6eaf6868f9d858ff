const LINE_LENGTH = 100;

/** Text cut into docstring lines at word boundaries, for a docstring indented by `indent`. */
export function wrapText(text: string, indent: number): string[] {
  const width = LINE_LENGTH - indent;
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/"""/g, "'''").split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A docstring's text at `indent`: one line, or a summary line, a blank line and the rest. */
export function pyDocstring(lines: readonly string[], indent: number): string {
  const pad = ' '.repeat(indent);
  const [first = '', ...rest] = lines;
  if (rest.length === 0) return `"""${first}"""`;
  return `"""${first}\n${rest.map((line) => (line === '' ? '' : `${pad}${line}`)).join('\n')}\n${pad}"""`;
}
