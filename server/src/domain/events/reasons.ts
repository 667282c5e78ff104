/** Why a candidate was suggested: machine codes with parameters, translated by the web app. */
import type { QuotaDimension } from './vocabulary.js';

export type SuggestionReason =
  | { code: 'fills_quota'; dimension: QuotaDimension; value: string }
  | { code: 'not_invited_recently'; months: number }
  | { code: 'never_invited' }
  | { code: 'new_face'; attended: number };

export const SUGGESTION_REASON_CODES = ['fills_quota', 'not_invited_recently', 'never_invited', 'new_face'] as const;
