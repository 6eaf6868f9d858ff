import { describe, expect, it } from 'vitest';
import { PathTrie } from '../../stacks/fastapi-sqlalchemy/view/path-trie.js';

const split = (path: string) => path.split('/');

function trieOf(...paths: string[]): PathTrie {
  const trie = new PathTrie();
  for (const path of paths) trie.add(split(path));
  return trie;
}

describe('PathTrie.rivalsAt: the paths that could take a request meant for a parameter', () => {
  it('finds the literals at the parameter, of the same length, matching elsewhere', () => {
    const trie = trieOf('/services/{slug}', '/services/asana', '/services/jira', '/services/asana/hooks', '/teams/asana', '/services/{slug}');
    expect(trie.rivalsAt(split('/services/{slug}'), 2, '').map((p) => p.join('/')).sort()).toEqual(['/services/asana', '/services/jira']);
  });

  it('keeps a literal only where it ends in the parameter segment suffix, and is longer than it', () => {
    const trie = trieOf('/files/{name}.json', '/files/index.json', '/files/index.xml', '/files/.json');
    expect(trie.rivalsAt(split('/files/{name}.json'), 2, '.json').map((p) => p.join('/'))).toEqual(['/files/index.json']);
  });

  it('counts a segment of text around a parameter as a rival, a bare parameter or one of the suffix alone not', () => {
    const trie = trieOf("/books/{id}", "/books/filterByUser(on='{on}')", '/books/{other}', '/files/{name}.json', '/files/{stem}.json');
    expect(trie.rivalsAt(split('/books/{id}'), 2, '').map((p) => p.join('/'))).toEqual(["/books/filterByUser(on='{on}')"]);
    expect(trie.rivalsAt(split('/files/{name}.json'), 2, '.json')).toEqual([]);
  });

  it('reads left to right: before the parameter, a path with a parameter where this one has a literal gives way', () => {
    // `/{any}/…` has a parameter where `/sites/…` has a literal: it is the less specific one.
    const trie = trieOf('/sites/{id}/zones/{zone_id}', '/sites/{id}/{zone_type}/count', '/sites/{site}/zones/count', '/{any}/{id}/zones/count');
    expect(trie.rivalsAt(split('/sites/{id}/{zone_type}/count'), 3, '').map((p) => p.join('/'))).toEqual(['/sites/{id}/zones/{zone_id}', '/sites/{site}/zones/count']);
    // Nor does the zone path's `{zone_id}` give way to the count: `zones` is literal before it where the count path has `{zone_type}`.
    expect(trie.rivalsAt(split('/sites/{id}/zones/{zone_id}'), 4, '').map((p) => p.join('/'))).toEqual(['/sites/{site}/zones/count']);
  });

  it('after the parameter, a parameter segment of the other path matches any text', () => {
    const trie = trieOf('/hubs/{hubId}/ports/{portId}', '/hubs/{hubId}/{portKind}/count');
    expect(trie.rivalsAt(split('/hubs/{hubId}/{portKind}/count'), 3, '').map((p) => p.join('/'))).toEqual(['/hubs/{hubId}/ports/{portId}']);
  });
});
