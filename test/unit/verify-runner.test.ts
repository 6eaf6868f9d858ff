/** The real command runner, with `node` as the command: no shell, output streamed, environment, time-outs, missing commands. */
import { describe, expect, it } from 'vitest';
import { spawnRunner, type CommandSpec } from '../../stacks/fastapi-sqlalchemy/verify/process-runner.js';

const node = process.execPath;

function spec(script: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { command: [node, '-e', script], cwd: process.cwd(), env: {}, timeoutMs: 10_000, ...extra };
}

describe('the command runner', () => {
  it('passes arguments as they are (no shell) and hands on stdout and stderr as they arrive', async () => {
    const chunks: string[] = [];
    const script = 'console.log(JSON.stringify(process.argv.slice(1))); console.error("to stderr"); process.exitCode = 3';
    const result = await spawnRunner()({ ...spec(script), command: [node, '-e', script, '$HOME; echo hi', '*.py'] }, (text) => chunks.push(text));
    expect(result).toEqual({ exitCode: 3, timedOut: false });
    const output = chunks.join('');
    expect(output).toContain('["$HOME; echo hi","*.py"]');
    expect(output).toContain('to stderr');
  });

  it('sets and removes variables on top of the base environment', async () => {
    let output = '';
    await spawnRunner({ PATH: process.env.PATH, KEPT: 'kept', DROPPED: 'dropped' })(
      spec('console.log([process.env.KEPT, process.env.DROPPED, process.env.ADDED].join(","))', { env: { DROPPED: undefined, ADDED: 'added' } }),
      (text) => (output += text),
    );
    expect(output.trim()).toBe('kept,,added');
  });

  it('stops a command that outlives its time', async () => {
    const started = Date.now();
    const result = await spawnRunner()(spec('setTimeout(() => {}, 60_000)', { timeoutMs: 300 }), () => {});
    expect(result).toEqual({ exitCode: null, timedOut: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports a command that cannot be started', async () => {
    const result = await spawnRunner()({ ...spec(''), command: ['/nonexistent/python3', '-V'] }, () => {});
    expect(result).toEqual({ exitCode: null, timedOut: false, startError: '/nonexistent/python3 not found' });
  });
});
