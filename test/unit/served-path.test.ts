import { describe, expect, it } from 'vitest';
import { servedPathOf } from '../../core/model/served-path.js';

describe('servedPathOf: the prefix a router matches for a server URL', () => {
  it.each([
    ['https://api.example.test/v1', '/v1'],
    ['https://api.example.test/v1/', '/v1'],
    ['https://api.example.test', ''],
    ['https://api.example.test/', ''],
    ['/api/v2/', '/api/v2'],
    ['api/v2', '/api/v2'],
    // A server matches the decoded path; an encoded `?` starts a query written into the path by mistake.
    ['https://hydramovies.com/api-v2/%3Fsource=http:/hydramovies.com/api-v2', '/api-v2'],
    ['https://api.example.test/caf%C3%A9/v1', '/café/v1'],
    ['https://api.example.test//v1//items', '/v1/items'],
    ['https://api.example.test/v1#section', '/v1'],
    ['https://api.example.test/100%', '/100%'],
    [',', ''],
    ['  ', ''],
    ['https://', ''],
  ])('%s serves under %j', (url, expected) => {
    expect(servedPathOf(url)).toBe(expected);
  });
});
