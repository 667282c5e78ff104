import { browser } from '$app/environment';
import type { PreferencesDto } from '$api';
import { CONTACT_TABLE_COLUMNS, DEFAULT_TABLE_COLUMNS, type ContactTableColumn } from '$domain/contact-list';
import { CUSTOM_FIELD_KEY_PATTERN } from '$domain/custom-fields';
import { api, type Fetch } from '$lib/api';

/**
 * The table's columns, remembered per user on the server (GET/PUT /api/me/preferences), so they follow the user to
 * another browser or computer. Earlier versions kept them in this browser's localStorage: a choice found there is
 * moved to the server once, then forgotten locally.
 */
const legacyKeys = (userId: string) => ({ fixed: `contacts.columns.${userId}`, custom: `contacts.customColumns.${userId}` });

/** Known columns only, in the table's order, always with the name. */
export function normaliseColumns(columns: readonly string[]): ContactTableColumn[] {
  const chosen = new Set(['name', ...columns]);
  return CONTACT_TABLE_COLUMNS.filter((c) => chosen.has(c));
}

export interface ColumnChoice {
  columns: ContactTableColumn[];
  /** Custom-field columns by field key. */
  customColumns: string[];
}

function readLegacy(userId: string): Partial<PreferencesDto> {
  if (!browser) return {};
  try {
    const keys = legacyKeys(userId);
    const strings = (stored: string | null): string[] | undefined => {
      const parsed: unknown = stored ? JSON.parse(stored) : null;
      return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : undefined;
    };
    const fixed = strings(localStorage.getItem(keys.fixed));
    const custom = strings(localStorage.getItem(keys.custom));
    return {
      ...(fixed && { contactColumns: normaliseColumns(fixed) }),
      ...(custom && { contactCustomColumns: [...new Set(custom)].filter((k) => new RegExp(CUSTOM_FIELD_KEY_PATTERN).test(k)) }),
    };
  } catch {
    return {};
  }
}

function forgetLegacy(userId: string): void {
  try {
    for (const key of Object.values(legacyKeys(userId))) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept there either.
  }
}

/** The user's columns; the defaults when the server cannot be asked (the table still works). */
export async function loadColumnChoice(userId: string, fetch: Fetch): Promise<ColumnChoice> {
  let stored: PreferencesDto;
  try {
    stored = await api('GET /me/preferences', { fetch });
  } catch {
    return { columns: [...DEFAULT_TABLE_COLUMNS], customColumns: [] };
  }
  const legacy = stored.contactColumns === null && stored.contactCustomColumns.length === 0 ? readLegacy(userId) : {};
  if (Object.keys(legacy).length > 0) {
    stored = await api('PUT /me/preferences', { body: legacy, fetch }).catch(() => ({ ...stored, ...legacy }));
    forgetLegacy(userId);
  }
  return {
    columns: stored.contactColumns ? normaliseColumns(stored.contactColumns) : [...DEFAULT_TABLE_COLUMNS],
    customColumns: stored.contactCustomColumns,
  };
}

export async function saveColumns(columns: readonly ContactTableColumn[]): Promise<void> {
  await api('PUT /me/preferences', { body: { contactColumns: normaliseColumns(columns) } });
}

export async function saveCustomColumns(keys: readonly string[]): Promise<void> {
  await api('PUT /me/preferences', { body: { contactCustomColumns: [...new Set(keys)] } });
}
