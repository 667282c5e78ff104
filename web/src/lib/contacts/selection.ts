import type { ContactFilter } from '$api';

/**
 * What the contacts table has selected, in the shape `POST /api/contacts/bulk` takes: the ticked ids, or every
 * contact matching the current filter ("select all N matching"), re-evaluated by the server when the action runs.
 */
export type ContactSelection = { ids: string[] } | { filter: ContactFilter };

export function selectionSize(selection: ContactSelection, total: number): number {
  return 'ids' in selection ? selection.ids.length : total;
}
