import type { Role } from './roles.js';
import { canSeeRestrictedDetails, canSetSensitivity, canWriteContacts } from './roles.js';
import { canManageEvents } from './events/vocabulary.js';

/** What POST /api/contacts/bulk does to a selection of contacts (docs/api-bulk-actions.md). */
export const BULK_ACTIONS = [
  'addTags',
  'removeTags',
  'addGovernorate',
  'setSensitivity',
  'addToEvent',
  'assignTask',
  'export',
  'moveToTrash',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** One action touches at most this many contacts; a larger filter is refused, to be narrowed down. */
export const MAX_BULK_CONTACTS = 10_000;
/** Above this many contacts the web app shows the preview before asking to confirm. */
export const PREVIEW_ABOVE = 50;
/** How many before → after lines a preview carries. */
export const PREVIEW_SAMPLE = 20;
/** A contact carries at most this many tags, as the contact form allows. */
export const MAX_TAGS = 30;

/** Whether the role may run the action at all; per-contact rules (scope, restricted contacts) come on top. */
export function mayRunBulkAction(role: Role, action: BulkAction): boolean {
  switch (action) {
    case 'export':
      return true;
    case 'setSensitivity':
      return canSetSensitivity(role);
    case 'addToEvent':
      return canManageEvents(role);
    default:
      return canWriteContacts(role);
  }
}

/** Moving a restricted contact to the trash takes it out of every list: only roles that may see its details may. */
export const mayTrashRestricted = (role: Role) => canSeeRestrictedDetails(role);

/** Tags typed by a person: trimmed, empty ones dropped, each once, in the order given. */
export const cleanTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))];

/** The tags after adding: the existing ones in their order, then the new ones the contact lacks. */
export const withTagsAdded = (tags: readonly string[], added: readonly string[]) => [...tags, ...added.filter((t) => !tags.includes(t))];

export const withTagsRemoved = (tags: readonly string[], removed: readonly string[]) => tags.filter((t) => !removed.includes(t));
