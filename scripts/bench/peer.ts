/**
 * The peer the bench measures against, in the same run: fastapi-code-generator, which writes a
 * FastAPI app's models and route stubs from an OpenAPI document, installed by the bench into a
 * virtualenv of its own (`.cache/bench/fastapi-code-generator`, through uv and its wheel cache).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, SharedVenv, uvEnv, uvPath } from '../corpus/python-env.js';
import { run } from '../corpus/run.js';
import { withTempDir } from './temp-dir.js';

export const PEER = 'fastapi-code-generator';
const PEER_VERSION = '0.8.1';
/** Past this, a peer's run counts as failed: minutes per document would make the bench useless. */
const PEER_TIMEOUT_MS = 10 * 60 * 1000;

export interface PeerMeasurement {
  wallMs?: number;
  /** Why there is no time: the peer refused the document or ran past its time. */
  failed?: string;
}

/** The peer's command, installing it first when the bench's virtualenv lacks it. */
export async function peerCommand(): Promise<string> {
  const venv = new SharedVenv(path.join(REPO_ROOT, '.cache/bench/fastapi-code-generator'));
  const command = venv.bin('fastapi-codegen');
  if (existsSync(command)) return command;
  await venv.create();
  const installed = await run(uvPath(), ['pip', 'install', '--python', venv.bin('python'), `${PEER}==${PEER_VERSION}`], { cwd: REPO_ROOT, env: uvEnv() });
  if (installed.code !== 0) throw new Error(`installing ${PEER} failed:\n${installed.stderr}`);
  return command;
}

/** One run of the peer on the document, into a fresh folder, timed from outside. */
export async function measurePeer(command: string, document: string): Promise<PeerMeasurement> {
  return withTempDir(async (dir) => {
    const started = performance.now();
    const result = await run(command, ['--input', path.resolve(document), '--output', path.join(dir, 'app')], { cwd: dir, timeoutMs: PEER_TIMEOUT_MS });
    const wallMs = performance.now() - started;
    if (result.code === 0) return { wallMs };
    const reason = result.code === 124 ? `ran past ${PEER_TIMEOUT_MS / 60_000} minutes` : (result.stderr.trim().split('\n').at(-1) ?? `exit ${result.code}`);
    return { failed: reason.slice(0, 120) };
  });
}
