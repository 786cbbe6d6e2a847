import type { Ctx } from './context.js';

/**
 * Answers kept per instance, least recently used first out, each under the version of the data it was read
 * from (the catalogue's version, the dashboards' last refresh): when the data moves on, the answer is read
 * again, so a cached answer is never older than the data, on any instance. Only answers that are the same
 * for every caller are kept.
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

  delete(key: string) {
    this.entries.delete(key);
  }

  set(key: string, version: number, value: T) {
    if (this.capacity === 0) return;
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** One cache per configuration (an instance has one; tests build several apps in a process), of `capacity` answers. */
export function cacheIn<T>(
  caches: WeakMap<object, ResultCache<T>>,
  config: Ctx['config'],
  capacity = config.SEARCH_CACHE_ENTRIES,
): ResultCache<T> {
  let cache = caches.get(config);
  if (!cache) {
    cache = new ResultCache<T>(capacity);
    caches.set(config, cache);
  }
  return cache;
}
