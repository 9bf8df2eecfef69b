/**
 * The value for the pair (a, b), made by `make` on the first ask and kept as long as both keys
 * live: the engine's models are loaded once and asked on every page, so what depends only on them
 * (prepared candidates, name starts) is worked out once per pair of models.
 */
export function perPair<A extends object, B extends object, V>(cache: WeakMap<A, WeakMap<B, V>>, a: A, b: B, make: () => V): V {
  let byB = cache.get(a);
  if (!byB) {
    byB = new WeakMap();
    cache.set(a, byB);
  }
  let value = byB.get(b);
  if (value === undefined) {
    value = make();
    byB.set(b, value);
  }
  return value;
}
