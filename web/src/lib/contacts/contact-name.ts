import { i18n } from '$lib/i18n/i18n.svelte';

interface Named {
  name: string;
  nameKu?: string | null;
}

/**
 * The name a reader sees first (issue 16, item 1): in Kurdish, the contact's Kurdish name when it has one; otherwise,
 * and in Arabic and English, the name as stored (Arabic for most contacts).
 */
export const displayName = (contact: Named): string => (i18n.language === 'ku' && contact.nameKu ? contact.nameKu : contact.name);

/** The stored name under a Kurdish one, so staff still see the name the records and the other languages use. */
export const storedNameBeside = (contact: Named): string | null => (i18n.language === 'ku' && contact.nameKu ? contact.name : null);
