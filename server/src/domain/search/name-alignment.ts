import { gluesToNext, searchWords, secondSpellingWords, splitCompound } from './search-key.js';
import { wordSimilarity, type PreparedQuery } from './name-match.js';
import { memoize } from './memo.js';

/**
 * Ranking a name the way a person means a query. Word-by-word similarity (name-match) says whether and how well each
 * query word is in the name, wherever it is; but people type names from the start — the given name first, then the
 * father's name or straight on to the family name — so «قاسم الهي» means قاسم … الهيتي, not بيداء قاسم الهيتي (whose
 * father is قاسم). The aligned score weighs each query word by where in the name it matched: the first query word on
 * the given name, the last on the family name (the name's last word), and words in the name's order.
 */

/** The first query word matched the name's first word (the given name). */
const GIVEN_NAME_BONUS = 0.15;
/** The last query word matched the name's last word (the family name). */
const FAMILY_NAME_BONUS = 0.1;
/**
 * A query of one word, on the given name, or (smaller) on the family name: less than the article costs (ARTICLE_WEIGHT), so «الحكيم» still finds the family
 * الحكيم before the given name حكيم.
 */
const LONE_WORD_GIVEN_BONUS = 0.04;
const LONE_WORD_FAMILY_BONUS = 0.02;
/** The last query word is the name word right after the one before it (first name + father's name). */
const NEXT_WORD_BONUS = 0.05;
/** Every query word after the one before it in the name. */
const IN_ORDER_BONUS = 0.05;
/**
 * The query names every word of the name (in any order), so a name typed whole keeps its place beside longer names
 * that contain its words; scaled by the weakest word's similarity, so a name a typo away does not overtake one
 * spelled right.
 */
const WHOLE_NAME_BONUS = 0.1;
/** The family name typed first, then the given name (الهيتي قاسم), in a name of three words or more. */
const FAMILY_FIRST_BONUS = 0.1;
/** Past this many query words the alignment search is skipped (the plain sum ranks them). */
const MAX_ALIGNED_WORDS = 6;
/** And past this many name words (an organisation's long name), where the given name and family name mean little. */
const MAX_SLOTS = 12;

/**
 * The name's words in order (its search-key words, compounds glued), each with every form it can be typed in: the
 * word, a glued compound split (عبدالرزاق: عبد, الرزاق), each written word of it, its second Arabic spellings when
 * it has Sorani letters (گۆران: جوران), and the word glued to the next one (نور الهدى: نورالهدى, kept with نور).
 * Together the forms are nameWordForms(name).
 */
export const nameSlots = memoize((name: string): string[][] => {
  const words = searchWords(name);
  if (words.length === 0) return [];
  const slots = words.map((word) => new Set([word, ...splitCompound(word)]));
  const written = name.split(/\s+/u).map((token) => ({ words: searchWords(token), second: secondSpellingWords(token) }));
  const tokens = written.flatMap(({ words }) => words);
  // A written word's second spellings (Sorani letters) belong to its slot when it is one key word, as it is in names.
  const seconds = written.flatMap(({ words, second }) => words.map(() => (words.length === 1 ? second : [])));
  let slot = 0;
  let joined = '';
  tokens.forEach((token, i) => {
    const forms = slots[Math.min(slot, slots.length - 1)];
    for (const form of [token, ...seconds[i]]) {
      forms.add(form);
      for (const part of splitCompound(form)) forms.add(part);
    }
    const next = tokens[i + 1];
    if (gluesToNext(token, next)) forms.add(token + next);
    joined += token;
    if (joined === words[slot] || !words[slot]?.startsWith(joined)) {
      slot++;
      joined = '';
    }
  });
  return slots.map((forms) => [...forms]);
}, 20_000);

/**
 * The score of a name for a query, position-aware: 0 when some query word matches no word of the name (as
 * preparedMatchScore), otherwise the best over the ways to place each query word on a name word it matches, of the
 * similarities weighted by the place. Never below the plain sum, so a name the query fits only out of order keeps
 * its rank among names that fit the same way.
 */
export function alignedMatchScore(query: PreparedQuery, slots: readonly (readonly string[])[]): number {
  const words = query.words;
  if (words.length === 0 || slots.length === 0) return 0;
  // A form that glues a name word to the next (نورالهدي of نور الهدى) covers both words.
  const glued = slots.map((forms, slot) => (slot + 1 < slots.length ? forms[0] + slots[slot + 1][0] : ''));
  const matches = words.map(({ word, typing }) =>
    slots.map((forms, slot) => {
      let similarity = 0;
      let spans = false;
      for (const form of forms) {
        const s = wordSimilarity(word, form, typing);
        if (s > similarity || (s === similarity && s > 0 && form === glued[slot])) [similarity, spans] = [s, form === glued[slot]];
      }
      return { similarity, spans };
    }),
  );
  const bestOf = matches.map((row) => Math.max(...row.map((m) => m.similarity)));
  if (bestOf.some((s) => s === 0)) return 0;
  const plain = bestOf.reduce((sum, s) => sum + s, 0);
  if (words.length > MAX_ALIGNED_WORDS || slots.length > MAX_SLOTS) return plain;

  const last = words.length - 1;
  const lastSlot = slots.length - 1;
  const allSlots = 2 ** slots.length - 1;
  const whole = WHOLE_NAME_BONUS * Math.min(...bestOf);
  // In a name of two words the last is the father's name, unless it has the article (جمال الجواهري).
  const familyLast = slots.length > 2 || (lastSlot > 0 && slots[lastSlot][0].startsWith('ال'));
  let best = plain;
  const place = (i: number, first: number, previous: number, inOrder: boolean, used: number, total: number) => {
    if (i > last) {
      best = Math.max(best, total + (inOrder && last > 0 ? IN_ORDER_BONUS : 0) + (used === allSlots ? whole : 0));
      return;
    }
    matches[i].forEach(({ similarity, spans }, slot) => {
      if (similarity === 0) return;
      let bonus = 0;
      if (last === 0 && slot === 0) bonus += LONE_WORD_GIVEN_BONUS;
      else if (last === 0 && slot === lastSlot && familyLast) bonus += LONE_WORD_FAMILY_BONUS;
      else if (i === 0 && slot === 0) bonus += GIVEN_NAME_BONUS;
      if (i === 1 && slot === 0 && first === lastSlot && slots.length > 2) bonus += FAMILY_FIRST_BONUS;
      if (last > 0 && i === last && slot === lastSlot && slot > 0) bonus += FAMILY_NAME_BONUS;
      else if (last > 0 && i === last && slot === previous + 1) bonus += NEXT_WORD_BONUS;
      const end = spans ? slot + 1 : slot;
      const covered = used | (2 ** slot) | (2 ** end);
      place(i + 1, i === 0 ? slot : first, end, inOrder && slot > previous, covered, total + similarity * (1 + bonus));
    });
  };
  place(0, -1, -1, true, 0, 0);
  return best;
}
