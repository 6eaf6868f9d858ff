/** Reading schemathesis' reports: which operation failed which check. */

/**
 * `METHOD /path STxxx` for each failure of schemathesis' report (`Stateful STxxx` in the stateful
 * phase). A failure's heading is its operation between rules of underscores, or bare where the
 * label is wider than the report (AWS's `POST /#X-Amz-Target=…`); a failure under no heading is
 * reported as `unattributed`, so that no failure can go unread.
 */
export function failuresIn(stdout: string): string[] {
  const failures = new Set<string>();
  let operation: string | undefined;
  let inFailures = false;
  for (const line of stdout.split('\n')) {
    if (/^=+ FAILURES =+$/.test(line)) inFailures = true;
    if (/^=+ SUMMARY =+$/.test(line)) break;
    const heading = inFailures ? /^_* ?((?:[A-Z]+ \/\S*)|Stateful tests) ?_*$/.exec(line) : null;
    if (heading) {
      operation = heading[1] === 'Stateful tests' ? 'Stateful' : heading[1];
      continue;
    }
    const failure = /^- (ST\d+) /.exec(line);
    if (failure) failures.add(`${operation ?? 'unattributed'} ${failure[1]}`);
  }
  return [...failures];
}

/**
 * `METHOD /path STxxx` for each failure the backend's contract test reports (`test_operation_conforms[POST /pet]`,
 * then `| - ST202 …`); one under no heading is `unattributed`.
 */
export function contractFailuresIn(stdout: string): string[] {
  const failures = new Set<string>();
  let operation: string | undefined;
  for (const line of stdout.split('\n')) {
    // The summary repeats each failure without its operation (whole messages where CI is set).
    if (/^=+ short test summary info =+$/.test(line)) break;
    const heading = /^_+ test_operation_conforms\[(.+)\] _+$/.exec(line);
    if (heading) operation = heading[1];
    const failure = /^\s*\| - (ST\d+) /.exec(line);
    if (failure) failures.add(`${operation ?? 'unattributed'} ${failure[1]}`);
  }
  return [...failures];
}
