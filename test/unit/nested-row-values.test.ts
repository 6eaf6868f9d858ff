import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlugins, type PluginRun } from '../../lib/testing.js';

/**
 * A row nested in another entity (the hostile fixture's album entries) travels as a JSON value: what
 * it links and what it may leave out must come back as the client sent it.
 */
describe('nested rows as values (test/fixtures/hostile, Album.entries)', () => {
  let run: PluginRun;
  let mapper: string;
  beforeAll(async () => {
    run = await runPlugins([], { api: 'test/fixtures/hostile/openapi.yaml' });
    mapper = await run.read('backend/app/infrastructure/mappers/album_entry_mapper.py');
  }, 60_000);
  afterAll(async () => {
    await run?.cleanup();
  });

  it('reads the keys and the objects the row links into its value', () => {
    expect(mapper).toContain('"trackIds": [link.track_id for link in model.track_links],');
    expect(mapper).toMatch(/"guestTracks": \[\s+track_mapper\.to_value\(link\.target\)\s+for link in model\.guest_tracks_links\s+if link\.target is not None\s+\]/);
  });

  it('writes the links from the value, by key, skipping objects sent without one', () => {
    expect(mapper).toMatch(/model\.track_links = \[\s+existing\.get\(key\) or AlbumEntryTrackLinkModel\(track_id=key\)\s+for key in dict\.fromkeys\(value\.get\("trackIds"\) or \[\]\)/);
    expect(mapper).toMatch(/for key in dict\.fromkeys\(\s+\[item\["id"\] for item in value\.get\("guestTracks"\) or \[\] if item\.get\("id"\) is not None\]/);
  });

  it('leaves out what the row never set and the document never lets be null', () => {
    expect(mapper).toContain('LEFT_OUT_WHEN_UNSET = frozenset({"trackId", "position", "note"})');
    expect(mapper).toMatch(/if item is not None or key not in LEFT_OUT_WHEN_UNSET/);
  });

  it('names the link classes of two lists of one target after their fields, in PascalCase', async () => {
    const models = await run.read('backend/app/infrastructure/models/album_entry.py');
    expect(models).toContain('class AlbumEntryTrackLinkModel(Base):');
    expect(models).toContain('class AlbumEntryGuestTracksLinkModel(Base):');
  });

  it('leaves a nested row\'s optional keys and links out of the payload the integration tests send', async () => {
    const test = await run.read('backend/tests/integration/test_album_repository.py');
    expect(test).toMatch(/for item in data\.get\("entries"\) or \[\]:\n {8}item\.pop\("trackId", None\)\n {8}item\.pop\("trackIds", None\)\n {8}item\.pop\("guestTracks", None\)/);
  });
});
