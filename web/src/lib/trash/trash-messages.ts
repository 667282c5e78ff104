import { formatList } from '$domain/format/list-format';
import type { TrashItemDto } from '$api';
import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { i18n, t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { linkedCounts } from './counts';

/** The item's name as shown; a restricted contact's stays hidden from roles that may not see it. */
export const itemLabel = (item: TrashItemDto) => item.label ?? t('trash.hiddenLabel');

export const kindLabel = (item: TrashItemDto) => t(`trash.kind.${item.entityType}` as MessageKey);

/** "2 positions, 1 relationship" in the current language, or '' when nothing else comes back. */
export function linkedList(item: TrashItemDto): string {
  const parts = linkedCounts(item).map(([kind, n]) => t(`trash.linked.${kind}` as MessageKey, { n }));
  return parts.length ? formatList(parts, i18n.language) : '';
}

/** The refusals of restore and undo, in words; the parent's name comes from the problem's detail. */
export function describeTrashError(error: unknown): string {
  if (!(error instanceof ApiError)) return describeError(error);
  if (error.code === 'TRASH_PARENT_GONE') {
    const name = /“([^”]+)”/.exec(error.detail)?.[1];
    return name ? t('trash.parentInTrash', { name }) : t('trash.parentPurged');
  }
  if (error.code === 'TRASH_ID_TAKEN') return t('trash.idTaken');
  if (error.code === 'MERGE_CHANGED_SINCE') return t('trash.mergeChanged');
  return describeError(error);
}
