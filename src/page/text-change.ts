/** Whether an article's text changed enough to be worth a new check (pure). */

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

/**
 * True when more than `ratio` of the words differ between `before` and `after` (counted as a
 * multiset, so reordering alone is no change). Small edits (a timestamp, a like counter) are not.
 */
export function isSubstantialChange(before: string, after: string, ratio = 0.1): boolean {
  if (before === after) return false;
  const b = words(after);
  if (b.length === 0) return false;
  const a = words(before);
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let unmatched = 0;
  for (const w of b) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else unmatched++;
  }
  let removed = 0;
  for (const n of counts.values()) removed += n;
  return Math.max(unmatched, removed) / Math.max(a.length, b.length) > ratio;
}
