/**
 * `Each X has one Y`: a one-to-one only where Y holds the key to X; where X holds the key to Y
 * (`Every book has exactly one author`, `author_id` on the book), many X share a Y.
 */
import { describe, expect, it } from 'vitest';
import { modelOfDocuments } from '../support/documents.js';

const API = [
  '# Library',
  '',
  '- `POST /authors` create an author',
  '- `GET /authors/{id}` an author',
  '- `POST /books` create a book',
  '- `GET /books/{id}` a book',
  '- `POST /users` create a user',
  '- `POST /profiles` create a profile',
  '',
  'Author:',
  '',
  '| field | type | required |',
  '|---|---|---|',
  '| name | string | yes |',
  '',
  'Book:',
  '',
  '| field | type | required |',
  '|---|---|---|',
  '| title | string | yes |',
  '| author_id | integer | no |',
  '',
  'User:',
  '',
  '| field | type | required |',
  '|---|---|---|',
  '| email | string | yes |',
  '',
  'Profile:',
  '',
  '| field | type | required |',
  '|---|---|---|',
  '| user_id | integer | yes |',
  '| bio | string | no |',
  '',
].join('\n');

describe('has-one rules', () => {
  it('leave the key of the side holding it shared, and make the other side\'s key unique', async () => {
    const model = await modelOfDocuments({ 'api.md': API, 'requirements.md': '# Rules\n\n## Rules\n\n- Every book has exactly one author.\n- Each user has one profile.\n' });
    const uniques = (name: string) => model.entities.find((e) => e.name === name)!.uniques.map((u) => u.fields.join('+'));
    // A second book by the same author is allowed.
    expect(uniques('Book')).toEqual([]);
    expect(uniques('Profile')).toEqual(['user_id']);
  });
});
