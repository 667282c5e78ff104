import { browser } from '$app/environment';
import { CONTACT_TABLE_COLUMNS, DEFAULT_TABLE_COLUMNS, type ContactTableColumn } from '$domain/contact-list';

/**
 * The table's columns, remembered per user in this browser's localStorage (keyed by the account, so two people
 * sharing a computer keep their own). Not on the server yet: a user-preferences API is future work.
 */
const keyFor = (userId: string) => `contacts.columns.${userId}`;

/** Known columns only, in the table's order, always with the name. */
export function normaliseColumns(columns: readonly string[]): ContactTableColumn[] {
  const chosen = new Set(['name', ...columns]);
  return CONTACT_TABLE_COLUMNS.filter((c) => chosen.has(c));
}

export function readColumns(userId: string): ContactTableColumn[] {
  if (!browser) return [...DEFAULT_TABLE_COLUMNS];
  try {
    const stored = localStorage.getItem(keyFor(userId));
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    return Array.isArray(parsed) ? normaliseColumns(parsed.filter((c) => typeof c === 'string')) : [...DEFAULT_TABLE_COLUMNS];
  } catch {
    return [...DEFAULT_TABLE_COLUMNS];
  }
}

export function saveColumns(userId: string, columns: readonly ContactTableColumn[]): void {
  try {
    localStorage.setItem(keyFor(userId), JSON.stringify(columns));
  } catch {
    // Private browsing without storage: the choice lasts until the page is reloaded.
  }
}

/** The custom-field columns (`cf:<key>`, by field key) are remembered beside the fixed ones, in the fields' order. */
const customKeyFor = (userId: string) => `contacts.customColumns.${userId}`;

export function readCustomColumns(userId: string): string[] {
  if (!browser) return [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(customKeyFor(userId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export function saveCustomColumns(userId: string, keys: readonly string[]): void {
  try {
    localStorage.setItem(customKeyFor(userId), JSON.stringify(keys));
  } catch {
    // As above: without storage the choice lasts until the page is reloaded.
  }
}
