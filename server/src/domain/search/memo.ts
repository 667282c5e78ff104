/**
 * Remembers a pure function's results by key, up to a bound (then starts afresh). Scoring asks for the keys,
 * skeletons and similarities of the same few thousand name words over and over; recomputing them was most of a
 * search's CPU time. Derived values only, so every process may keep its own.
 */
export function memoize<T>(compute: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}
