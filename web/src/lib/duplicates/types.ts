import type {
  CheckDuplicatesResultDto,
  DuplicateCandidateDto,
  DuplicateContactDto,
  DuplicateListDto,
  DuplicatePairDto,
  DuplicateReasonDto,
  HiddenMatchesDto,
  MergeCounts,
  MergeInput,
} from '$api';

/** Shapes of the duplicates and merge API, from the server's schemas. */
export type { MergeCounts, MergeInput };
export type DuplicateReason = DuplicateReasonDto;
/** An existing contact that looks like the one at hand (import row, contact form). */
export type DuplicateCandidate = DuplicateCandidateDto;
/**
 * Matches the server withheld: a restricted contact shares a phone or an email with what was checked, and the user's
 * role may not see restricted details, so it is not named. A coordinator can check it.
 */
export type HiddenMatches = HiddenMatchesDto;
export type DuplicateContact = DuplicateContactDto;
export type DuplicatePair = DuplicatePairDto;
export type DuplicatePage = DuplicateListDto;
export type DuplicateCheckResult = CheckDuplicatesResultDto;

/** The single-valued fields whose value the merge takes from one chosen contact. */
export const MERGE_FIELDS = [
  'name',
  'nameLatin',
  'nameKu',
  'nameParts',
  'kind',
  'subtype',
  'gender',
  'notes',
  'sensitivity',
  'source',
  'consentNote',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
