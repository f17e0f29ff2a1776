/**
 * Bounded memo keyed by file contents, for the WASM tools (ruff format, ruff check, tree-sitter): the same
 * text with the same settings always gives the same result, and an IDE regenerates the whole project on every
 * edit while only a few files change. Least recently used entries are evicted past `maxChars` of keys.
 * `clearContentCaches()` empties every cache (benchmarks use it to measure cold runs honestly).
 */
const caches = new Set<ContentCache<unknown>>();

export class ContentCache<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxChars: number) {
    caches.add(this as ContentCache<unknown>);
  }

  get(content: string): V | undefined {
    const value = this.entries.get(content);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Refresh: Map iteration order is insertion order, so the first key is the least recently used.
    this.entries.delete(content);
    this.entries.set(content, value);
    return value;
  }

  set(content: string, value: V): void {
    if (content.length > this.maxChars / 16) return;
    if (this.entries.has(content)) this.entries.delete(content);
    else this.chars += content.length;
    this.entries.set(content, value);
    for (const oldest of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }

  /** `get`, or compute and remember. */
  through(content: string, compute: (content: string) => V): V {
    const cached = this.get(content);
    if (cached !== undefined) return cached;
    const value = compute(content);
    this.set(content, value);
    return value;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
    this.hits = 0;
    this.misses = 0;
  }
}

export function clearContentCaches(): void {
  for (const cache of caches) cache.clear();
}

/** Hits and misses summed over every cache since the last clear. */
export function contentCacheStats(): { hits: number; misses: number } {
  let hits = 0;
  let misses = 0;
  for (const cache of caches) {
    hits += cache.hits;
    misses += cache.misses;
  }
  return { hits, misses };
}
