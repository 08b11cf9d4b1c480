/**
 * A bounded cache for pure string → value functions called again and again on the same inputs
 * (title keys, 文号 keys: a corpus cites the same few thousand documents in every file). When the
 * cache is full it is emptied, so memory stays bounded whatever the corpus.
 */
export function memoizeString<T>(fn: (s: string) => T, maxEntries = 50_000): (s: string) => T {
  let cache = new Map<string, T>();
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const value = fn(s);
    if (cache.size >= maxEntries) cache = new Map();
    cache.set(s, value);
    return value;
  };
}

/** The same bounded cache for callers that make their own key (a name and the context it is read in). */
export class BoundedCache<T> {
  private map = new Map<string, T>();

  constructor(private readonly maxEntries = 50_000) {}

  get(key: string): T | undefined {
    return this.map.get(key);
  }

  set(key: string, value: T): void {
    if (this.map.size >= this.maxEntries) this.map = new Map();
    this.map.set(key, value);
  }
}
