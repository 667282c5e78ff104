import type { Role } from '../roles.js';

/** What the trash holds: the six kinds a delete moves there, and merges kept so they can be undone. */
export const TRASH_ENTITY_TYPES = ['contact', 'event', 'position', 'relationship', 'interaction', 'merge', 'programme'] as const;
export type TrashEntityType = (typeof TRASH_ENTITY_TYPES)[number];

/** How long a deleted thing (or a merge) can be brought back, unless TRASH_DAYS says otherwise. */
export const DEFAULT_TRASH_DAYS = 30;

/** Whole days left before the purge, never negative; the web shows it and the server sorts by it. */
export function daysLeft(purgeAfter: string | Date, now: Date = new Date()): number {
  const ms = new Date(purgeAfter).getTime() - now.getTime();
  return Math.max(0, Math.ceil(ms / 86_400_000));
}

/** Seeing the trash, restoring and undoing merges: coordinators and administrators. */
export const canRestoreFromTrash = (role: Role) => role === 'admin' || role === 'coordinator';

/** Removing something for good before its time (an erasure request): administrators. */
export const canPurgeTrash = (role: Role) => role === 'admin';
