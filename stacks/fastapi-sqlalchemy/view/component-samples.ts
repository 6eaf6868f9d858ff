import type { TypedValue, TypeRef } from '../../../core/index.js';
import type { PythonImports } from '../python/imports.js';
import { pyFlat, pyValue } from '../python/layout.js';
import { genericArgument, withoutOptional } from './written-types.js';

/** A value for a test: the Python expression, and the JSON it is sent as (pydantic's `to_jsonable_python`). */
export interface PySample {
  expr: string;
  json: unknown;
}

/** A sample of a component's parameter or result; undefined for classes, which tests cannot make up. */
export function valueSample(value: TypedValue, imports: PythonImports): PySample | undefined {
  return sampleOf(value.type, withoutOptional(value.written), imports);
}

/** Samples of all the values, or undefined when one has none. */
export function valueSamples(values: readonly TypedValue[], imports: PythonImports): PySample[] | undefined {
  const samples = values.map((value) => valueSample(value, imports));
  return samples.every((sample): sample is PySample => sample !== undefined) ? samples : undefined;
}

function sampleOf(type: TypeRef, written: string, imports: PythonImports): PySample | undefined {
  const json = (value: unknown): PySample => ({ expr: pyFlat(pyValue(value)), json: value });
  switch (type.kind) {
    case 'integer':
      return json(1);
    case 'number':
      if (type.format !== 'decimal') return json(1.5);
      imports.add('decimal', 'Decimal');
      return { expr: 'Decimal("1.5")', json: '1.5' };
    case 'boolean':
      return json(true);
    case 'literal':
      return json(type.values[0] ?? '');
    case 'string':
      return stringSample(type.format, imports) ?? json('text');
    case 'binary':
      return { expr: 'b"data"', json: 'data' };
    case 'array': {
      const item = sampleOf(type.items, genericArgument(written, 0), imports);
      return item && { expr: `[${item.expr}]`, json: [item.json] };
    }
    case 'map': {
      const value = sampleOf(type.values, genericArgument(written, 1), imports);
      return value && { expr: `{"key": ${value.expr}}`, json: { key: value.json } };
    }
    case 'json':
      return /^(?:typing\.)?(?:list|List)\b/.test(written) ? json(['value']) : json({ key: 'value' });
    default:
      return undefined;
  }
}

function stringSample(format: string | undefined, imports: PythonImports): PySample | undefined {
  switch (format) {
    case 'date':
      imports.add('datetime', 'date');
      return { expr: 'date(2024, 1, 2)', json: '2024-01-02' };
    case 'date-time':
      imports.add('datetime', 'UTC', 'datetime');
      return { expr: 'datetime(2024, 1, 2, 10, 0, tzinfo=UTC)', json: '2024-01-02T10:00:00Z' };
    case 'time':
      imports.add('datetime', 'time');
      return { expr: 'time(10, 0)', json: '10:00:00' };
    case 'uuid':
      imports.add('uuid', 'UUID');
      return { expr: 'UUID("00000000-0000-4000-8000-000000000001")', json: '00000000-0000-4000-8000-000000000001' };
    case 'email':
      return { expr: '"user@example.com"', json: 'user@example.com' };
    default:
      return undefined;
  }
}
