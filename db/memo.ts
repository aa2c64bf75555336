import { LRUCache } from "lru-cache";

/**
 * A cache of derived values per database connection, bounded by an estimate of the bytes it holds
 * (not only by its count: one busy week's analysis can be a thousand times a quiet one's). Least
 * recently used entries go first. `sizeOf` must be cheap — count rows, do not serialise.
 */
// LRUCache keys and values are any non-nullish value: `NonNullable<unknown>` says exactly that.
export function memoPerConnection<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(p: {
  maxBytes: number;
  sizeOf: (value: V) => number;
}) {
  const caches = new WeakMap<object, LRUCache<K, V>>();
  return (connection: object): LRUCache<K, V> => {
    let cache = caches.get(connection);
    if (!cache) {
      cache = new LRUCache<K, V>({ maxSize: p.maxBytes, sizeCalculation: (v) => Math.max(1, Math.ceil(p.sizeOf(v))) });
      caches.set(connection, cache);
    }
    return cache;
  };
}
