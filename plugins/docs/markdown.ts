/** Text for a markdown table cell: `|` escaped, line breaks as `<br>`, so one row stays one row. */
export function cell(text: string | undefined): string {
  if (text === undefined) return '';
  return text
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** An inline code span that holds any text, backticks included (CommonMark: a longer fence, padded). */
export function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** The first line of a description, for a one-line cell or a sentence. */
export function firstLine(text: string | undefined): string | undefined {
  const line = text?.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
  return line === undefined || line === '' ? undefined : line;
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
