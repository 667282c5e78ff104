/**
 * A word and each string left by deleting one of its letters. Two words within one edit (a letter changed, missing,
 * added, or two neighbours swapped) always share one of these, so looking variants up finds one-typo neighbours
 * exactly, however short the word. Words under three letters get only themselves: one typo in علي makes another name.
 */
export function deletionVariants(word: string): string[] {
  const letters = [...word];
  if (letters.length < 3) return [word];
  const variants = new Set([word]);
  letters.forEach((_, i) => variants.add([...letters.slice(0, i), ...letters.slice(i + 1)].join('')));
  return [...variants];
}
