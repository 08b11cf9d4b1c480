/** The UI fixture folder (test/fixtures/ui) served by a fetch stand-in, for sync tests in Node. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const UI_FIXTURE_DIR = join(__dirname, '../fixtures/ui');
export const uiFixtureBytes = readFileSync(join(UI_FIXTURE_DIR, 'graph.json'));
export const uiFixtureText = (id: string) => readFileSync(join(UI_FIXTURE_DIR, 'texts', `${id}.txt`), 'utf8');

/**
 * A fetch serving graph.json (a network failure when `graph` gives null) and the fixture's texts;
 * anything else is a 404. `requests` lists every URL asked for.
 */
export function fixtureServer(graph: () => Uint8Array | null = () => uiFixtureBytes) {
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    if (url.endsWith('/data/graph.json')) {
      const b = graph();
      if (!b) throw new TypeError('Failed to fetch');
      return new Response(b.slice().buffer as ArrayBuffer);
    }
    const m = /\/data\/texts\/(.+)\.txt$/.exec(url);
    if (m) {
      try {
        return new Response(uiFixtureText(decodeURIComponent(m[1])));
      } catch {
        return new Response('', { status: 404 });
      }
    }
    return new Response('', { status: 404 });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}
