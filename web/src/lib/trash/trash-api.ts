import type { RestoreResultDto, TrashItemDto, TrashListDto, TrashListFilter, UndoMergeResultDto } from '$api';
import { api, type Fetch } from '$lib/api';

export function listTrash(filter: TrashListFilter = {}, fetch?: Fetch): Promise<TrashListDto> {
  return api('GET /trash', { query: { ...filter }, fetch });
}

export function restoreItem(id: string): Promise<RestoreResultDto> {
  return api('POST /trash/:id/restore', { params: { id } });
}

export function purgeItem(id: string): Promise<void> {
  return api('POST /trash/:id/purge', { params: { id } });
}

export function undoMerge(id: string): Promise<UndoMergeResultDto> {
  return api('POST /merges/:id/undo', { params: { id } });
}

/** The "Undo" right after a delete: the newest trash item of that contact or event, restored. */
export async function restoreDeleted(entityId: string): Promise<RestoreResultDto> {
  const { items } = await listTrash({ entityId });
  const item: TrashItemDto | undefined = items.find((i) => i.entityType !== 'merge');
  if (!item) throw new Error('not in the trash');
  return restoreItem(item.id);
}
