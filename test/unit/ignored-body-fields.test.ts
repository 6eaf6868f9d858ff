import { describe, expect, it } from 'vitest';
import { deriveModel } from '../../core/derive/derive.js';
import { parseOpenApiFile } from '../../core/parsers/openapi/index.js';
import { generatedOnce } from '../support/generated-once.js';

const FIXTURE = 'test/fixtures/ignored-body-fields/openapi.yaml';

/** A body's schema lists fields the write does not set: they are still checked as the document types them. */
describe('fields a body lists that its write does not set (test/fixtures/ignored-body-fields)', () => {
  it('takes the key the app assigns and a field read-only on the row as ignored, the rest as the input', async () => {
    const model = deriveModel(await parseOpenApiFile(FIXTURE));
    const input = (name: string) => model.operations.find((op) => op.name === name)!.input;
    expect(input('create_notebook')).toEqual({ fields: ['title', 'pages'], required: ['title'], ignored: ['id'] });
    expect(input('replace_notebook')).toEqual({ fields: ['title', 'pages'], required: ['title'], ignored: ['id', 'revision'] });
    // A field the document marks read-only in the body's own schema is not sent, so nothing checks it.
    expect(input('create_label')).toEqual({ fields: ['text'], required: ['text'] });
  });

  describe('in the generated backend', () => {
    const run = generatedOnce(FIXTURE);

    it('declares them with their type and bounds, optional, and leaves them out of the changes', async () => {
      const schemas = await run.read('backend/app/presentation/api/v1/schemas/notebook.py');
      const create = schemas.slice(schemas.indexOf('class NotebookCreate'), schemas.indexOf('class NotebookUpdate'));
      expect(create).toContain('    id: MayOmit[str] = Field(default=None, max_length=40)\n');
      expect(create).not.toContain('"id": self.id');
      const update = schemas.slice(schemas.indexOf('class NotebookUpdate'));
      expect(update).toContain('    revision: MayOmit[JsonInt] = Field(default=None, ge=-2147483648, le=2147483647)\n');
      expect(update).not.toContain('"revision": self.revision');
      expect(update).toContain('"title": self.title,');
    });
  });
});

describe('a create that leaves out required fields with defaults (test/fixtures/create-defaults)', () => {
  const run = generatedOnce('test/fixtures/create-defaults/openapi.yaml');

  it('gives the domain entity the document\'s defaults, so the row is made with them', async () => {
    const entity = await run.read('backend/app/domain/entities/pet.py');
    expect(entity).toContain('    name: str\n');
    expect(entity).toContain('    status: PetStatus = PetStatus.AVAILABLE\n');
    expect(entity).toContain('    adopted: bool = False\n');
  });
});
