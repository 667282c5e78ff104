/**
 * Sorani letters and spellings that Arabic writes in more than one way. The search key folds each Kurdish letter into
 * the Arabic letter most writers use (گ → ك, ژ → ز, ڤ → ف, چ → ج), which loses the others: Arabic also writes the
 * hard g of گ as ج, ژ as ج, ڤ as و, and چ as تش. And Sorani spells the Arabic compounds of names its own way
 * (نەجمەدین for نجم الدين, عەبدوڵڵا for عبد الله, عەبدولڕەحمان for عبد الرحمن). A name with such letters is indexed
 * under these second spellings too, and a query with them is also searched as its second spelling, so a contact
 * stored in either script is found by the other. Pure: the web app bundles it.
 */

// Letters Arabic writes a second way, beside the search key's fold. (غ for گ needs no rule: its skeleton is ك's.)
const SECOND_LETTERS: [letter: string, arabic: string][] = [
  ['گ', 'ج'],
  ['ژ', 'ج'],
  ['ڤ', 'و'],
  ['چ', 'تش'],
];

// The article of a compound melts into a Sorani vowel: ـەدین / ـەددین is الدين (صلاح الدين, سەلاحەدین), عەبدوڵڵا is
// عبدالله and عەبدول… is عبدال…. Every rule needs the Sorani ە, so Arabic spellings are untouched.
const COMPOUND_RULES: [pattern: RegExp, arabic: string][] = [
  [/(?<=\p{L}{2})ەد{1,2}[یي]ن$/u, 'الدين'],
  [/^عەبدو[ڵل]{1,2}ا[هە]?$/u, 'عبدالله'],
  [/^عەبدول(?=\p{L}{2})/u, 'عبدال'],
];

/** Every second letter is a choice per word; a name word rarely has more than two such letters. */
const MAX_SPELLINGS = 8;

/** The other ways Arabic writes one written word that has Sorani letters or spellings; [] for any other word. */
export function kurdishSpellings(token: string): string[] {
  let spellings = [token];
  for (const [pattern, arabic] of COMPOUND_RULES) {
    if (pattern.test(token)) spellings = spellings.map((s) => s.replace(pattern, arabic));
  }
  for (const [letter, arabic] of SECOND_LETTERS) {
    if (!token.includes(letter)) continue;
    const replaced = spellings.map((s) => s.replaceAll(letter, arabic));
    spellings = [...new Set([...spellings, ...replaced])].slice(0, MAX_SPELLINGS);
  }
  return spellings.filter((s) => s !== token);
}

// The last word of a query still being typed, ending in ە: the search key reads it as a final ە (ة), but it may be
// the inner vowel of a word not finished yet (محەمە… of محەمەد).
const TYPED_INNER_E = /(?<=\p{L})ە$/u;

/**
 * The other readings of a query with Sorani letters or spellings, [] when it has none: its second Arabic spelling
 * (every rule at once: گۆران → جۆران finds a contact stored as جوران), and, while its last word ends in ە, the query
 * without that ە (محەمەد عە → محەمەد ع, a prefix of علي).
 */
export function kurdishQueryVariants(query: string): string[] {
  const second = query.replace(/\S+/gu, (token) => kurdishSpellings(token).at(-1) ?? token);
  const typed = query.replace(TYPED_INNER_E, '');
  return [...new Set([second, typed])].filter((variant) => variant !== query);
}
