/**
 * The validation gate's sequencing and outcomes with a fake command runner: a failed setup step
 * stops the gate, every check runs, each outcome says why; and what the log receives.
 */
import { describe, expect, it } from 'vitest';
import { runGate, shownCommand } from '../../stacks/fastapi-sqlalchemy/verify/gate.js';
import type { StepOutcome } from '../../core/index.js';
import type { CommandResult, CommandRunner, CommandSpec } from '../../stacks/fastapi-sqlalchemy/verify/process-runner.js';
import type { GateStep } from '../../stacks/fastapi-sqlalchemy/verify/steps.js';
import type { GateLog } from '../../stacks/fastapi-sqlalchemy/verify/workflow-log.js';

const CWD = '/work/out/backend';

function step(name: string, stage: GateStep['stage'], extra: Partial<GateStep> = {}): GateStep {
  return { name, stage, command: [`${CWD}/.venv/bin/${name}`, '.'], env: {}, timeoutMs: 1_000, ...extra };
}

const steps: GateStep[] = [
  step('venv', 'setup'),
  step('install', 'setup'),
  step('lint', 'check'),
  step('types', 'check'),
  step('tests', 'check'),
];

interface Scripted {
  output?: string;
  result?: Partial<CommandResult>;
}

/** Answers each command by the name of its executable; records what it was asked to run. */
function fakeRunner(script: Record<string, Scripted>): CommandRunner & { ran: CommandSpec[] } {
  const ran: CommandSpec[] = [];
  const runner = async (spec: CommandSpec, onOutput: (text: string) => void): Promise<CommandResult> => {
    ran.push(spec);
    const name = spec.command[0].split('/').pop() ?? '';
    const { output = `${name} says hello\n`, result = {} } = script[name] ?? {};
    for (const chunk of output.match(/[\s\S]{1,7}/g) ?? []) onOutput(chunk);
    return { exitCode: 0, timedOut: false, ...result };
  };
  return Object.assign(runner, { ran });
}

function recordingLog(): GateLog & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    stepStarted: (name, command, cwd) => events.push(`start ${name}: ${command} in ${cwd}`),
    output: (text) => events.push(`output ${JSON.stringify(text)}`),
    stepFinished: (outcome) => events.push(`end ${outcome.name} ${outcome.status}`),
  };
}

/** A clock that moves on by 250 ms each time it is read. */
function steppingClock(): () => number {
  let now = 0;
  return () => (now += 250);
}

async function gate(script: Record<string, Scripted>, plan: GateStep[] = steps) {
  const runner = fakeRunner(script);
  const log = recordingLog();
  const told: StepOutcome[] = [];
  const outcomes = await runGate(plan, { cwd: CWD, runner, log, onStep: (outcome) => told.push(outcome), now: steppingClock() });
  return { outcomes, runner, log, told };
}

describe('the validation gate', () => {
  it('runs every step in order, in the backend folder, and reports each as it ends', async () => {
    const { outcomes, runner, told } = await gate({});
    expect(runner.ran.map((spec) => spec.command[0])).toEqual(steps.map((s) => s.command[0]));
    expect(runner.ran.every((spec) => spec.cwd === CWD && spec.timeoutMs === 1_000)).toBe(true);
    expect(outcomes.map((o) => [o.name, o.status])).toEqual(steps.map((s) => [s.name, 'ok']));
    expect(told).toEqual(outcomes);
    expect(outcomes[0]).toEqual({ name: 'venv', status: 'ok', command: '.venv/bin/venv .', exitCode: 0, durationMs: 250, outputTail: [] });
  });

  it('stops at the first failed setup step: the others are skipped, naming it', async () => {
    const { outcomes, runner } = await gate({ install: { output: 'resolving\nno matching distribution for fastapi\n', result: { exitCode: 1 } } });
    expect(runner.ran.map((spec) => spec.command[0].split('/').pop())).toEqual(['venv', 'install']);
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'failed', 'skipped', 'skipped', 'skipped']);
    expect(outcomes[1]).toMatchObject({ status: 'failed', exitCode: 1, detail: 'exit code 1', outputTail: ['resolving', 'no matching distribution for fastapi'] });
    expect(outcomes[2]).toEqual({ name: 'lint', status: 'skipped', command: '.venv/bin/lint .', durationMs: 0, detail: 'not run: install failed', outputTail: [] });
  });

  it('runs every check even when some fail', async () => {
    const { outcomes, runner } = await gate({ lint: { result: { exitCode: 1 } }, types: { result: { exitCode: 2 } } });
    expect(runner.ran).toHaveLength(steps.length);
    expect(outcomes.map((o) => o.status)).toEqual(['ok', 'ok', 'failed', 'failed', 'ok']);
    expect(outcomes.map((o) => o.detail)).toEqual([undefined, undefined, 'exit code 1', 'exit code 2', undefined]);
  });

  it('says why a command failed: not started, stopped after its time, or a problem found in its output', async () => {
    const plan = [
      step('python', 'check', { inspect: (output) => (output.includes('3.9') ? { problem: 'too old' } : { detail: output.trim() }), hint: 'install a newer one' }),
      step('slow', 'check', { timeoutMs: 90_000 }),
      step('missing', 'check', { hint: 'put it on PATH' }),
      step('fine', 'check', { inspect: (output) => ({ detail: output.trim() }) }),
    ];
    const { outcomes } = await gate(
      {
        python: { output: 'Python 3.9.1\n' },
        slow: { result: { exitCode: null, timedOut: true } },
        missing: { output: '', result: { exitCode: null, startError: 'missing not found' } },
        fine: { output: 'all good\n' },
      },
      plan,
    );
    expect(outcomes.map((o) => [o.status, o.detail, o.hint])).toEqual([
      ['failed', 'too old', 'install a newer one'],
      ['failed', 'stopped after 90 s', undefined],
      ['failed', 'missing not found', 'put it on PATH'],
      ['ok', 'all good', undefined],
    ]);
    expect(outcomes[2]?.exitCode).toBeNull();
  });

  it('keeps the last 15 non-empty lines of a failed step for the report', async () => {
    const output = Array.from({ length: 40 }, (_, index) => `line ${index + 1}\n\n`).join('');
    const { outcomes } = await gate({ lint: { output, result: { exitCode: 1 } } });
    const tail = outcomes[2]?.outputTail ?? [];
    expect(tail).toHaveLength(15);
    expect(tail[0]).toBe('line 26');
    expect(tail.at(-1)).toBe('line 40');
  });

  it('streams each command and its output to the log between its start and its end', async () => {
    const { log } = await gate({ venv: { output: 'created .venv\n' }, install: { output: '' } }, steps.slice(0, 2));
    expect(log.events).toEqual([
      `start venv: .venv/bin/venv . in ${CWD}`,
      'output "created"',
      'output " .venv\\n"',
      'end venv ok',
      `start install: .venv/bin/install . in ${CWD}`,
      'end install ok',
    ]);
  });

  it('shows commands as one would type them in the backend folder', () => {
    expect(shownCommand([`${CWD}/.venv/bin/python`, '-m', 'pip', 'install', '-e', '.[dev]'], CWD)).toBe(".venv/bin/python -m pip install -e '.[dev]'");
    expect(shownCommand(['/usr/bin/uv', 'venv', `${CWD}/.venv`], CWD)).toBe('/usr/bin/uv venv .venv');
    expect(shownCommand(['python3', '-c', 'print("it\'s")'], CWD)).toBe(`python3 -c 'print("it'\\''s")'`);
    expect(shownCommand(['/work/out/other', CWD], CWD)).toBe(`/work/out/other ${CWD}`);
  });
});
