/**
 * The line Yeoman's terminal adapter prints when a run of `infra-stack:app` writes its
 * `.yo-rc.json`, for the run without Yeoman to print the same. Colors follow chalk, which
 * Yeoman prints statuses with.
 */
import process from 'node:process';

/** Yeoman right-aligns statuses to the longest one, `identical`. */
const STATUS_WIDTH = 'identical'.length;

/** `    force gen/.yo-rc.json`: Yeoman always overwrites `.yo-rc.json`, and says so. */
export function forcedFileLine(relativePath: string): string {
  const status = 'force'.padStart(STATUS_WIDTH);
  return `${statusColors() ? `\u001B[33m${status}\u001B[39m` : status} ${relativePath}\n`;
}

/** chalk's decision for stdout: FORCE_COLOR first, otherwise a terminal that has colors; NO_COLOR turns them off. */
function statusColors(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const forced = process.env.FORCE_COLOR;
  if (forced !== undefined) return forced === '' || forced === 'true' || Number.parseInt(forced, 10) > 0;
  return process.stdout.isTTY === true && process.stdout.hasColors();
}
