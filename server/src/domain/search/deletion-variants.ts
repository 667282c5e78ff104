/**
 * A word and the strings left by deleting letters from it: one letter for words of 3 to 7 letters, up to two for
 * longer ones, the same typo allowance as the word-by-word scorer. Two words within that many edits (letters
 * changed, missing, added, or neighbours swapped) share a variant, so looking variants up finds exactly the typo
 * neighbours the scorer will accept, however short the word ("symmetric delete"). Words under three letters get only
 * themselves: one typo in علي makes another name.
 */
export function deletionVariants(word: string): string[] {
  const letters = [...word];
  if (letters.length < 3) return [word];
  const variants = new Set([word]);
  const deleteOne = (from: string[]) => from.map((_, i) => [...from.slice(0, i), ...from.slice(i + 1)]);
  for (const once of deleteOne(letters)) {
    variants.add(once.join(''));
    if (letters.length >= 8) for (const twice of deleteOne(once)) variants.add(twice.join(''));
  }
  return [...variants];
}

// A record's الالوسي typed as الوسي, or الجواهري as جواهري: the article glued to a word is missing in one of them.
const GLUED_ARTICLE = /^(ال|al|el)(.{3,})$/u;

/** The word without a glued article (ال, al, el) when at least three letters remain, else the word itself. */
export function withoutGluedArticle(word: string): string {
  return GLUED_ARTICLE.exec(word)?.[2] ?? word;
}

/** The deletion variants of a word and, when it starts with a glued article, of the word without it. */
export function searchVariants(word: string): string[] {
  const bare = withoutGluedArticle(word);
  return bare !== word ? [...new Set([...deletionVariants(word), ...deletionVariants(bare)])] : deletionVariants(word);
}
