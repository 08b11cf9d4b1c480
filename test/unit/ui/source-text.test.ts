/** The text viewer's source: the store first, the served file while a big corpus's texts are still being fetched. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadSourceText } from '../../../src/ui/state/source-text';
import { freshDbs } from '../../support/db';

const fresh = freshDbs('source-text');

function recordingFetch(body: string | null) {
  const urls: string[] = [];
  const f = (async (url: string) => {
    urls.push(url);
    return body === null ? new Response('missing', { status: 404 }) : new Response(body);
  }) as unknown as typeof fetch;
  return { f, urls };
}

describe('loadSourceText', () => {
  it('reads a stored text without any request', async () => {
    const db = await fresh();
    await db.sources.put({ id: 's1', path: 'a.txt', format: 'text', encoding: 'utf-8', sha256: 'x'.repeat(64), origin: 'corpus' } as never);
    await db.texts.put({ sourceId: 's1', text: '第一条' });
    const { f, urls } = recordingFetch('served');
    expect(await loadSourceText(db, 's1', { fetch: f, base: 'http://h/app/' })).toBe('第一条');
    expect(urls).toEqual([]);
  });

  it('fetches a corpus text not stored yet from data/texts beside the app, encoding the id', async () => {
    const db = await fresh();
    await db.sources.put({ id: '政策 1', path: 'b.txt', format: 'text', encoding: 'utf-8', sha256: 'x'.repeat(64), origin: 'corpus' } as never);
    const { f, urls } = recordingFetch('全文');
    expect(await loadSourceText(db, '政策 1', { fetch: f, base: 'http://h/app/' })).toBe('全文');
    expect(urls).toEqual([`http://h/app/data/texts/${encodeURIComponent('政策 1')}.txt`]);
    const missing = recordingFetch(null);
    expect(await loadSourceText(db, '政策 1', { fetch: missing.f, base: 'http://h/app/' })).toBeNull();
  });

  it('never fetches for an analyst file or an unknown source', async () => {
    const db = await fresh();
    await db.sources.put({ id: 'mine', path: 'c.txt', format: 'text', encoding: 'utf-8', sha256: 'x'.repeat(64), origin: 'user' } as never);
    const { f, urls } = recordingFetch('served');
    expect(await loadSourceText(db, 'mine', { fetch: f, base: 'http://h/' })).toBeNull();
    expect(await loadSourceText(db, 'nobody', { fetch: f, base: 'http://h/' })).toBeNull();
    expect(urls).toEqual([]);
  });
});
