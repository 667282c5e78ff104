import { valueSeparator as separatorIn } from '$domain/format/list-format';
import type { BulkResultDto } from '$api';
import type { BulkAction } from '$domain/bulk-actions';
import { MAX_BULK_CONTACTS, MAX_TAGS } from '$domain/bulk-actions';
import { SENSITIVITIES, type Sensitivity } from '$domain/contact-kinds';
import { INVITATION_STATUSES, type InvitationStatus } from '$domain/events/vocabulary';
import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { describeEventError } from '$lib/events/event-errors';
import { invitationStatusLabel } from '$lib/events/event-labels';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { governorateList, sensitivityLabel } from '$lib/i18n/labels';
import { formatNumber } from '$lib/management/format';

const isSensitivity = (value: string): value is Sensitivity => (SENSITIVITIES as readonly string[]).includes(value);
const isStatus = (value: string): value is InvitationStatus => (INVITATION_STATUSES as readonly string[]).includes(value);

/**
 * One side of a preview line in words, a word per value: tags as they are, governorates and sensitivity by name, a
 * status by its label. Kept apart so each is isolated on screen (an Arabic tag beside a Latin one keeps its order).
 */
export function valueWords(action: BulkAction, values: string[]): string[] {
  if (action === 'addGovernorate') return values.map((v) => governorateList([v]));
  if (action === 'setSensitivity') return values.map((v) => (isSensitivity(v) ? sensitivityLabel(v) : v));
  if (action === 'addToEvent') return values.map((v) => (isStatus(v) ? invitationStatusLabel(v) : v));
  return values;
}

/** Between values: a comma, not "and": a tag list is a set of labels, not a sentence. */
export const valueSeparator = () => separatorIn(i18n.language);

/** The result line after an action, agreeing with its counts. */
export function resultText(result: BulkResultDto): string {
  const unchanged = result.count - result.changed;
  const rest = unchanged > 0 ? ` ${t('bulk.done.unchanged', { n: unchanged })}` : '';
  switch (result.action) {
    case 'export':
      return t('bulk.done.exported', { n: result.count });
    case 'moveToTrash':
      return t('bulk.done.trashed', { changed: result.changed });
    case 'addToEvent':
      return t('bulk.done.added', { changed: result.changed }) + rest;
    case 'assignTask':
      return t('bulk.done.assigned', { changed: result.changed });
    default:
      return t('bulk.done.changed', { changed: result.changed, count: formatNumber(result.count) }) + rest;
  }
}

/** A refused action: the sentence, and the contacts the caller may see by name (the others only counted). */
export interface Refusal {
  text: string;
  names: string[];
}

export function describeBulkError(error: unknown): Refusal {
  if (!(error instanceof ApiError)) return { text: describeError(error), names: [] };
  if (error.code === 'BULK_REFUSED') {
    const entries = Object.entries(error.fieldErrorCodes);
    const named = entries.filter(([id]) => error.fieldErrors[id]);
    const hidden = entries.length - named.length;
    const names = named.map(([id, code]) =>
      code === 'restricted' ? t('bulk.refused.restricted', { name: error.fieldErrors[id] }) : error.fieldErrors[id],
    );
    return {
      text: t('bulk.refused', { n: entries.length }),
      names: hidden > 0 ? [...names, t('bulk.refused.hidden', { n: hidden })] : names,
    };
  }
  if (error.fieldErrorCodes['selection.filter'] === 'too_many')
    return { text: t('bulk.tooMany', { max: formatNumber(MAX_BULK_CONTACTS) }), names: [] };
  if (error.fieldErrorCodes.tags === 'too_many') return { text: t('bulk.tooManyTags', { max: formatNumber(MAX_TAGS) }), names: [] };
  if (error.fieldErrorCodes.tags === 'empty' || error.fieldErrorCodes.tags === 'required')
    return { text: t('bulk.tagsRequired'), names: [] };
  return { text: describeEventError(error), names: [] };
}
