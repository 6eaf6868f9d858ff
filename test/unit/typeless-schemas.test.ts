import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generatedOnce } from '../support/generated-once.js';

const FIXTURE = 'test/fixtures/typeless-schemas/openapi.yaml';

/** JSON Schema's `properties` and `additionalProperties` apply to objects only: a schema naming no type takes any JSON value. */
describe('schemas that name no type (test/fixtures/typeless-schemas)', () => {
  it('takes null in a property naming no type, and marks the writes whose body names none', async () => {
    const model = deriveModel(await parseOpenApiFile(FIXTURE));
    const schedule = model.entities.find((e) => e.name === 'Schedule')!;
    const nullable = Object.fromEntries(schedule.fields.map((f) => [f.name, f.nullable]));
    expect(nullable).toMatchObject({ tags: true, interval: true, frequency: false, start_time: false });
    expect(schedule.fields.filter((f) => f.typeless).map((f) => f.name)).toEqual(['tags']);
    expect(model.operations.filter((op) => op.body?.nullable).map((op) => op.name)).toEqual(['schedules_create_or_update', 'schedules_update']);
  });

  describe('in the generated backend', () => {
    const run = generatedOnce(FIXTURE);

    it('reads a body that is no object as one sending no fields, and a property\'s value that is no object as none', async () => {
      const router = await run.read('backend/app/presentation/api/v1/routers/schedule.py');
      expect(router).toContain('payload: Annotated[ScheduleUpdateSchema, BeforeValidator(object_or_empty), Body()],');
      expect(router).toContain('payload: Annotated[SchedulePatch, BeforeValidator(object_or_empty), Body()],');
      const common = await run.read('backend/app/presentation/api/v1/schemas/common.py');
      expect(common).toContain('def object_or_empty(value: object) -> object:');
      expect(common).toContain('return value if isinstance(value, dict) else {}');
      const schemas = await run.read('backend/app/presentation/api/v1/schemas/schedule.py');
      expect(schemas).toContain('    tags: Annotated[dict[str, str] | None, BeforeValidator(object_or_none)] = None\n');
      expect(schemas).toContain('    interval: Any | None = None\n');
    });
  });
});
