/**
 * The lines Yeoman's terminal adapter prints around a run of `infra-stack:app`, for the run
 * without Yeoman to print the same: the status line of the `.yo-rc.json` it writes, and the
 * line that names the generator method an error came from. Colors and symbols follow the
 * libraries Yeoman prints them with (chalk for statuses, log-symbols for the error mark).
 */
import process from 'node:process';
import tty from 'node:tty';

const NAMESPACE = 'infra-stack:app';
/** Yeoman right-aligns statuses to the longest one, `identical`. */
const STATUS_WIDTH = 'identical'.length;

/** `    force gen/.yo-rc.json`: Yeoman always overwrites `.yo-rc.json`, and says so. */
export function forcedFileLine(relativePath: string): string {
  const status = 'force'.padStart(STATUS_WIDTH);
  return `${statusColors() ? `\u001B[33m${status}\u001B[39m` : status} ${relativePath}\n`;
}

/** `✖ An error occured while running infra-stack:app#writing` (Yeoman's wording). */
export function failedMethodLine(method: string): string {
  const mark = unicodeTerminal() ? '✖' : '×';
  // log-symbols decides from the environment alone, not from the stream it writes to.
  const colored = tty.WriteStream.prototype.hasColors?.() ?? false;
  return `${colored ? `\u001B[31m${mark}\u001B[39m` : mark} An error occured while running ${NAMESPACE}#${method}\n`;
}

/** chalk's decision for stdout: FORCE_COLOR first, otherwise a terminal that has colors. */
function statusColors(): boolean {
  const forced = process.env.FORCE_COLOR;
  if (forced !== undefined) return forced === '' || forced === 'true' || Number.parseInt(forced, 10) > 0;
  return process.stdout.isTTY === true && process.stdout.hasColors();
}

function unicodeTerminal(): boolean {
  const { TERM, TERM_PROGRAM, WT_SESSION } = process.env;
  if (process.platform !== 'win32') return TERM !== 'linux';
  return Boolean(WT_SESSION) || TERM_PROGRAM === 'vscode' || TERM === 'xterm-256color';
}
