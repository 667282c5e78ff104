import type { Role } from '../roles.js';

/** Programmes and donors (issue 16, item 2): shared by the server and the web app. */

/** How a contact takes part in a programme; one contact may be both, each with its own dates. */
export const PROGRAMME_PARTICIPANT_ROLES = ['participant', 'beneficiary'] as const;
export type ProgrammeParticipantRole = (typeof PROGRAMME_PARTICIPANT_ROLES)[number];

export const PROGRAMME_NAME_MAX = 200;
export const PROGRAMME_GOALS_MAX = 5000;
/** Attribution is "one or a few programmes"; a longer list is a mistake, not a use. */
export const PROGRAMMES_PER_RECORD_MAX = 20;

/** Creating, changing and deleting programmes (and marking participants): coordinators and administrators. */
export const canManageProgrammes = (role: Role) => role === 'admin' || role === 'coordinator';

/** Attributing one's own events, interactions and tasks to a programme: whoever may write those. */
export const canAttributeToProgrammes = (role: Role) => role === 'admin' || role === 'coordinator' || role === 'staff';

/** Where an attributed event stands, for the programme page: before it starts, while it runs, after it ended. */
export const PROGRAMME_EVENT_STATUSES = ['upcoming', 'ongoing', 'held'] as const;
export type ProgrammeEventStatus = (typeof PROGRAMME_EVENT_STATUSES)[number];

export function programmeEventStatus(startsAt: string | Date, endsAt: string | Date, now: Date = new Date()): ProgrammeEventStatus {
  if (now.getTime() < new Date(startsAt).getTime()) return 'upcoming';
  return now.getTime() <= new Date(endsAt).getTime() ? 'ongoing' : 'held';
}
