/**
 * A source's decoded text for the viewer: from the store, or — while a big corpus's texts are
 * still being fetched in the background after the import (src/store/texts) — straight from the
 * served `data/texts/` beside graph.json. The analyst's own files are always in the store.
 */
import { getText, type PolicyDB } from '../../store';

export async function loadSourceText(
  db: PolicyDB,
  sourceId: string,
  opts: { fetch?: typeof fetch; base?: string } = {},
): Promise<string | null> {
  const stored = await getText(db, sourceId);
  if (stored !== null) return stored;
  const source = await db.sources.get(sourceId);
  if (!source || source.origin === 'user') return null;
  try {
    const res = await (opts.fetch ?? fetch)(new URL(`./data/texts/${encodeURIComponent(sourceId)}.txt`, opts.base ?? location.href).href);
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}
