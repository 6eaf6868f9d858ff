import { describe, expect, it } from 'vitest';
import { routeLiterals } from '../../stacks/fastapi-sqlalchemy/view/routers.js';

describe('the literals a router declines paths by', () => {
  it('takes each route path up to the end of its first segment or its first parameter, leaving out one that holds another', () => {
    expect(routeLiterals(['/users/{id}/photo', '/users', '/me/events', '/item{id}:download', '/users$count', '/2016-11-15/things/{thing_id:path}'])).toEqual([
      '/2016-11-15',
      '/item',
      '/me',
      '/users',
    ]);
  });

  it('gives none when a route begins with a parameter or is the root, since any path could match it', () => {
    expect(routeLiterals(['/users', '/{tenant}/users'])).toBeUndefined();
    expect(routeLiterals(['/users', '/'])).toBeUndefined();
    expect(routeLiterals([])).toBeUndefined();
  });
});
