import type { RestoreResultDto, TrashItemDto, TrashListDto, TrashListFilter, UndoMergeResultDto } from '$api';
import { apiRequest, type Fetch } from '$lib/api';

export function listTrash(filter: TrashListFilter = {}, fetch?: Fetch): Promise<TrashListDto> {
  return apiRequest('GET', '/trash', { query: { ...filter }, fetch });
}

export function restoreItem(id: string): Promise<RestoreResultDto> {
  return apiRequest('POST', `/trash/${encodeURIComponent(id)}/restore`);
}

export function purgeItem(id: string): Promise<void> {
  return apiRequest('POST', `/trash/${encodeURIComponent(id)}/purge`);
}

export function undoMerge(id: string): Promise<UndoMergeResultDto> {
  return apiRequest('POST', `/merges/${encodeURIComponent(id)}/undo`);
}

/** The "Undo" right after a delete: the newest trash item of that contact or event, restored. */
export async function restoreDeleted(entityId: string): Promise<RestoreResultDto> {
  const { items } = await listTrash({ entityId });
  const item: TrashItemDto | undefined = items.find((i) => i.entityType !== 'merge');
  if (!item) throw new Error('not in the trash');
  return restoreItem(item.id);
}
