/** The corpus files build-graph would read: .txt/.md/.htm(l) under a folder, in a stable order. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const EXTENSIONS = /\.(txt|md|markdown|html?)$/i;

export async function listCorpus(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
