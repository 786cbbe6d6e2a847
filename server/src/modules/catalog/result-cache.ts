import type { Ctx } from '../../lib/context.js';

/**
 * Catalogue answers kept per instance and keyed by the catalogue's version: any change to any entry (a
 * decision, a run, a rating, an import) moves the version, so a cached answer is never older than the data,
 * on any instance. Only answers that are the same for every caller are kept.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();
  constructor(private readonly capacity: number) {}

  get(key: string, version: number): T | undefined {
    if (this.capacity === 0) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.version !== version) return undefined;
    this.entries.set(key, hit); // most recently used last
    return hit.value;
  }

  set(key: string, version: number, value: T) {
    if (this.capacity === 0) return;
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** One cache per configuration (an instance has one; tests build several apps in a process). */
export function cacheIn<T>(caches: WeakMap<object, ResultCache<T>>, config: Ctx['config']): ResultCache<T> {
  let cache = caches.get(config);
  if (!cache) {
    cache = new ResultCache<T>(config.SEARCH_CACHE_ENTRIES);
    caches.set(config, cache);
  }
  return cache;
}
