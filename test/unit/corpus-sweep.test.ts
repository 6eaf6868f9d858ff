import { describe, expect, it } from 'vitest';
import { alembicFailures, importFailures, mypyFailures, pytestFailures, ruffFailures } from '../../dist/scripts/corpus/failure-kinds.js';
import { requirementsOf } from '../../dist/scripts/corpus/python-env.js';
import { parseSeed, seededOrder } from '../../dist/scripts/corpus/sample.js';
import { summarizeSweep } from '../../dist/scripts/corpus/sweep-report.js';
import type { SweepResult } from '../../dist/scripts/corpus/sweep.js';

describe('the seeded sample', () => {
  const items = Array.from({ length: 50 }, (_, i) => `doc-${i}`);

  it('is the same for the same seed, another for another seed, and a permutation', () => {
    expect(seededOrder(items, 42)).toEqual(seededOrder(items, 42));
    expect(seededOrder(items, 42)).not.toEqual(seededOrder(items, 43));
    expect([...seededOrder(items, 42)].sort()).toEqual([...items].sort());
    expect(items[0]).toBe('doc-0');
  });

  it('reads a seed from the command line or says what it wants', () => {
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(() => parseSeed('-1')).toThrow(/--seed wants an integer/);
    expect(() => parseSeed('4294967296')).toThrow(/--seed/);
    expect(() => parseSeed('abc')).toThrow(/"abc"/);
  });
});

describe('the shared venv', () => {
  it('installs what [project] and its extras require, not the build settings', () => {
    const pyproject = [
      '[build-system]',
      'requires = ["hatchling>=1.25"]',
      '',
      '[project]',
      'name = "x"',
      'dependencies = [',
      '    "fastapi>=0.115,<1",',
      '    "pydantic[email]>=2.7,<3",',
      ']',
      '',
      '[project.optional-dependencies]',
      'dev = [',
      '    "pytest>=8.2",',
      ']',
      '',
      '[tool.hatch.build.targets.wheel]',
      'packages = ["app"]',
    ].join('\n');
    expect(requirementsOf(pyproject)).toEqual(['fastapi>=0.115,<1', 'pydantic[email]>=2.7,<3', 'pytest>=8.2']);
  });
});

describe('kinds of failure', () => {
  it('blank the particulars of a document, so one bug counts once', () => {
    const a = pytestFailures('FAILED tests/unit/test_vault_api.py::test_get_vault_missing - assert 422 == 404\n1 failed');
    const b = pytestFailures('FAILED tests/unit/test_item_api.py::test_get_item_missing - assert 422 == 404');
    expect(a.map((f) => f.kind)).toEqual(['FAILED tests/unit/test_…_api.py: assert 422 == 404']);
    expect(b.map((f) => f.kind)).toEqual(a.map((f) => f.kind));
    expect(a[0]!.detail).toContain('test_get_vault_missing');

    const mypy = mypyFailures('app/x.py:3: error: Name "UUID" is not defined  [name-defined]\napp/y.py:9: error: Name "Decimal" is not defined  [name-defined]\nFound 2 errors');
    expect(mypy).toHaveLength(1);
    expect(mypy[0]!.kind).toBe('[name-defined] Name … is not defined');

    const ruff = ruffFailures([
      { file: 'app/a.py', line: 1, code: 'F821', message: 'Undefined name `UUID`' },
      { file: 'app/b.py', line: 2, code: 'F821', message: 'Undefined name `Decimal`' },
      { file: 'app/c.py', line: null, code: 'format', message: 'ruff format would change the file' },
    ]);
    expect(ruff.map((f) => f.kind)).toEqual(['F821 Undefined name …', 'ruff format would change the file']);
  });

  it('read the exception an import or a migration ended with', () => {
    const answer = { compile: [], imports: { 'app.main': "TypeError: 'FieldInfo' object is not subscriptable (at app/x.py:4)", 'app.infrastructure.models': null }, mappers: null };
    expect(importFailures(answer).import.map((f) => f.kind)).toEqual(['TypeError: … object is not subscriptable (…)']);
    const alembic = alembicFailures('INFO  [alembic] Running upgrade\nTraceback (most recent call last):\n  File "x"\nsqlalchemy.exc.ProgrammingError: (asyncpg.exceptions.DatatypeMismatchError) foreign key\n');
    expect(alembic[0]!.kind).toBe("sqlalchemy.exc.ProgrammingError: (…) foreign key");
  });
});

describe('the sweep summary', () => {
  it('counts each stage and groups failures by stage and kind', () => {
    const result: SweepResult = {
      complete: true,
      seed: 1,
      sample: 1,
      pg: 0,
      root: '/r',
      wallMs: 1,
      phaseMs: { generateAndLint: 1, sample: 0 },
      workDir: '/w',
      documents: [
        { file: '/r/a.json', stages: { generate: { ok: true }, compile: { ok: true }, import: { ok: false, failures: [{ kind: 'K', detail: 'd1' }] } } },
        { file: '/r/b.json', stages: { generate: { ok: true }, compile: { ok: true }, import: { ok: false, failures: [{ kind: 'K', detail: 'd2' }] } } },
        { file: '/r/c.json', rejected: 'c.json: bad', stages: {} },
      ],
    };
    const summary = summarizeSweep(result);
    expect(summary.stages.find((s) => s.stage === 'import')).toEqual({ stage: 'import', passed: 0, failed: 2 });
    expect(summary.stages.find((s) => s.stage === 'generate')).toEqual({ stage: 'generate', passed: 2, failed: 0 });
    expect(summary.kinds).toEqual([{ stage: 'import', kind: 'K', documents: 2, example: { file: 'a.json', detail: 'd1' } }]);
    expect(summary.rejected).toBe(1);
    expect(summary.failedDocuments).toBe(2);
  });
});
