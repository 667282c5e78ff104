import type { TrashItemDto } from '$api';

/** The linked rows a restore brings back, in the words users know; bookkeeping tables are left out. */
export const LINKED_KINDS = ['position', 'relationship', 'interaction', 'invitation', 'event_group', 'interaction_participant'] as const;
export type LinkedKind = (typeof LINKED_KINDS)[number];

/** What else comes back with the item itself, e.g. [['position', 2], ['relationship', 1]]. */
export function linkedCounts(item: TrashItemDto): [LinkedKind, number][] {
  return LINKED_KINDS.filter((kind) => kind !== item.entityType && (item.counts[kind] ?? 0) > 0).map((kind) => [kind, item.counts[kind]]);
}
