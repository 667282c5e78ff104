import type { ReportPeriod } from './report-period.js';

/**
 * Where each figure of a donor report leads in the app: the list behind it. People figures open the report's own
 * people list (the directory's list has no programme or period filter), events open the event, contacts the contact.
 * Pure: the server puts these in the report and the page renders them as links.
 */

/** `none` stands for "no governorate" and `unknown` for "no gender recorded", so both can be followed as filters. */
export const NO_GOVERNORATE = 'none';
export const UNKNOWN_GENDER = 'unknown';

export interface PeopleFilter {
  governorate?: string | null;
  kind?: string;
  gender?: string | null;
  /** Only activists whose first attendance in the programme falls in the period. */
  newActivists?: boolean;
}

export function peopleLink(programmeId: string, period: ReportPeriod, filter: PeopleFilter = {}): string {
  const query = new URLSearchParams({ from: period.from, to: period.to });
  if (filter.governorate !== undefined) query.set('governorate', filter.governorate ?? NO_GOVERNORATE);
  if (filter.kind !== undefined) query.set('kind', filter.kind);
  if (filter.gender !== undefined) query.set('gender', filter.gender ?? UNKNOWN_GENDER);
  if (filter.newActivists) query.set('newActivists', 'true');
  return `/programmes/${programmeId}/report/people?${query.toString()}`;
}

export const eventLink = (eventId: string) => `/events/${eventId}`;

/** The directory's list of who attended one event (the contacts list's `attended` filter). */
export const eventAttendeesLink = (eventId: string) => `/contacts?attended=${eventId}`;

export const contactLink = (contactId: string) => `/contacts/${contactId}`;

/** The links of a row of gender counts: each gender column, and the row's total. */
export function genderLinks(programmeId: string, period: ReportPeriod, filter: Omit<PeopleFilter, 'gender'>) {
  return {
    female: peopleLink(programmeId, period, { ...filter, gender: 'female' }),
    male: peopleLink(programmeId, period, { ...filter, gender: 'male' }),
    unknown: peopleLink(programmeId, period, { ...filter, gender: null }),
    total: peopleLink(programmeId, period, filter),
  };
}
