/** Why the reply page cannot show an invitation: unknown link (also a malformed one), no longer valid, rate limited, offline. */
export type RsvpFailure = 'unknown' | 'gone' | 'limited' | 'failed';

export function failureOf(status: number): RsvpFailure {
  if (status === 400 || status === 404) return 'unknown';
  if (status === 410) return 'gone';
  if (status === 429) return 'limited';
  return 'failed';
}
