import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { isMessageKey, t } from '$lib/i18n/i18n.svelte';

/** The tasks API's own refusals (an assignee out of scope, …) in words; everything else as elsewhere. */
export function describeTaskError(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `tasks.error.${error.code}`;
    if (isMessageKey(key)) return t(key);
  }
  return describeError(error);
}
