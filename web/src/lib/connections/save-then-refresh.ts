import { flash } from '$lib/flash.svelte';

/**
 * The one shape of every change made on the contact page: save, close whatever asked for it, say so, reload the
 * section. Returns the error instead of throwing, so the caller shows it where it belongs (beside a field, in the
 * dialog); null when all went well.
 */
export async function saveThenRefresh(
  save: () => Promise<unknown>,
  done: { close: () => void; message: string; onchanged: () => Promise<void> },
): Promise<unknown> {
  try {
    await save();
    done.close();
    flash.show(done.message);
    await done.onchanged();
    return null;
  } catch (error) {
    return error;
  }
}
