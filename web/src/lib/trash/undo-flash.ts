import type { Role } from '$domain/roles';
import { canRestoreFromTrash } from '$domain/trash/vocabulary';
import { flash } from '$lib/flash.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import { restoreDeleted, undoMerge } from './trash-api';
import { describeTrashError } from './trash-messages';

/**
 * After a delete: "moved to the trash", with an "Undo" for the roles that may restore (others only get the message).
 * `reopen` goes back to the thing once it is restored.
 */
export function flashMovedToTrash(message: string, entityId: string, name: string, role: Role, reopen: () => Promise<void>): void {
  if (!canRestoreFromTrash(role)) {
    flash.show(message);
    return;
  }
  flash.show(message, {
    label: t('trash.undo'),
    run: async () => {
      try {
        await restoreDeleted(entityId);
        flash.show(t('trash.undone', { name }));
        await reopen();
      } catch (error) {
        flash.show(t('trash.undoFailed', { reason: describeTrashError(error) }));
      }
    },
  });
}

/** After a merge: the merge's message with "Undo merge" for coordinators and administrators. */
export function flashMerged(message: string, undoId: string, role: Role, reload: () => Promise<void>): void {
  if (!canRestoreFromTrash(role)) {
    flash.show(message);
    return;
  }
  flash.show(message, {
    label: t('trash.undoMerge'),
    run: async () => {
      try {
        await undoMerge(undoId);
        flash.show(t('trash.mergeUndone'));
        await reload();
      } catch (error) {
        flash.show(t('trash.undoFailed', { reason: describeTrashError(error) }));
      }
    },
  });
}
