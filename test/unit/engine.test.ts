import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveDomainModel, ENGINE_PHASES, runEngine, type EnginePhase, type InfraStackPlugin } from '../../core/index.js';

const petstore = path.resolve('node_modules/@readme/oas-examples/3.0/yaml/petstore.yaml');

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'infra-stack-engine-'));
}

describe('engine lifecycle', () => {
  it('runs the hooks in order and hands each plugin the previous result', async () => {
    const calls: string[] = [];
    const recorder: InfraStackPlugin = {
      name: 'recorder',
      apply({ hooks }) {
        hooks.configure.tap('recorder', (config) => (calls.push('configure'), config));
        hooks.deriveModel.tap('recorder', (model) => (calls.push(`deriveModel:${model.entities.length}`), model));
        hooks.validateModel.tap('recorder', () => void calls.push('validateModel'));
        hooks.planFiles.tap('recorder', (plan) => {
          calls.push('planFiles');
          return { files: [...plan.files, { path: 'notes.txt', owner: 'recorder', content: 'hello' }] };
        });
        hooks.renderFile.tap('recorder', (content, file) => (file.path === 'notes.txt' ? `${content}!` : content));
        hooks.afterEmit.tap('recorder', (summary) => void calls.push(`afterEmit:${summary.created.join(',')}`));
      },
    };
    const out = await tempDir();
    const result = await runEngine({ apiFiles: [petstore], outDir: out }, [recorder]);
    expect(calls).toEqual(['configure', 'deriveModel:4', 'validateModel', 'planFiles', 'afterEmit:notes.txt']);
    expect(result.created).toEqual(['notes.txt']);
    expect(await readdir(out)).toContain('notes.txt');
  });

  it('reports the duration of each phase, in order, when asked', async () => {
    const phases: [EnginePhase, number][] = [];
    await runEngine({ apiFiles: [petstore], outDir: await tempDir(), onPhase: (phase, ms) => phases.push([phase, ms]) }, []);
    expect(phases.map(([phase]) => phase)).toEqual([...ENGINE_PHASES]);
    expect(phases.every(([, ms]) => ms >= 0)).toBe(true);
  });

  it('names the plugin and the hook when a plugin fails, and writes nothing', async () => {
    const broken: InfraStackPlugin = {
      name: 'broken',
      apply({ hooks }) {
        hooks.planFiles.tap('broken', () => {
          throw new Error('boom');
        });
      },
    };
    const out = await tempDir();
    await expect(runEngine({ apiFiles: [petstore], outDir: out }, [broken])).rejects.toThrow('plugin "broken" failed in hook "planFiles": boom');
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a planned path outside the output folder', async () => {
    const escaping: InfraStackPlugin = {
      name: 'escaping',
      apply({ hooks }) {
        hooks.planFiles.tap('escaping', () => ({ files: [{ path: '../outside.txt', owner: 'escaping', content: 'x' }] }));
      },
    };
    await expect(runEngine({ apiFiles: [petstore], outDir: await tempDir() }, [escaping])).rejects.toThrow('outside the output folder');
  });

  it('lets a later plugin refine the model derived by the core', async () => {
    const seen: string[] = [];
    const refiner: InfraStackPlugin = {
      name: 'refiner',
      apply({ hooks }) {
        // Its operations go with it: operations on an entity the model lacks are an inconsistent refinement.
        hooks.deriveModel.tap('refiner', (model) => ({ ...model, entities: model.entities.filter((e) => e.name !== 'User'), operations: model.operations.filter((op) => op.entity !== 'User') }));
        hooks.planFiles.tap('refiner', (plan, { model }) => (seen.push(...model.entities.map((e) => e.name)), plan));
      },
    };
    await runEngine({ apiFiles: [petstore], outDir: await tempDir(), dryRun: true }, [refiner]);
    expect(seen).toEqual(['Pet', 'Order', 'Tag']);
  });

  it('gives plugins hooks they can tap but not call', () => {
    const attempts: unknown[] = [];
    const sneaky: InfraStackPlugin = {
      name: 'sneaky',
      apply({ hooks }) {
        attempts.push((hooks.planFiles as unknown as { promise?: unknown }).promise);
      },
    };
    return runEngine({ apiFiles: [petstore], outDir: path.join(os.tmpdir(), 'unused'), dryRun: true }, [sneaky]).then(() => expect(attempts).toEqual([undefined]));
  });

  it('derives the model through the same hooks without planning or writing anything', async () => {
    const calls: string[] = [];
    const recorder: InfraStackPlugin = {
      name: 'recorder',
      apply({ hooks }) {
        hooks.configure.tap('recorder', (config) => (calls.push(`configure:dryRun=${String(config.dryRun)}`), config));
        hooks.deriveModel.tap('recorder', (model) => (calls.push('deriveModel'), model));
        hooks.validateModel.tap('recorder', () => void calls.push('validateModel'));
        hooks.planFiles.tap('recorder', (plan) => (calls.push('planFiles'), plan));
        hooks.afterEmit.tap('recorder', () => void calls.push('afterEmit'));
      },
    };
    const cwd = await tempDir();
    const phases: EnginePhase[] = [];
    const model = await deriveDomainModel({ apiFiles: [petstore], cwd, onPhase: (phase) => phases.push(phase) }, [recorder]);
    expect(calls).toEqual(['configure:dryRun=true', 'deriveModel', 'validateModel']);
    expect(phases).toEqual(['configure', 'parse', 'derive']);
    expect(model.entities.map((entity) => entity.name)).toEqual(['Pet', 'Order', 'User', 'Tag']);
    expect(await readdir(cwd)).toEqual([]);
  });

  it('rejects a derive call without documents', async () => {
    await expect(deriveDomainModel({ apiFiles: [] })).rejects.toThrow('no API document given');
  });
});
