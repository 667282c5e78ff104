import { browser } from '$app/environment';
import { CONTACT_KINDS, type ContactKind } from '$domain/contact-kinds';
import { LocalIndex, type LocalMatch } from '$domain/search/local-index';

/**
 * The last contacts the user opened, newest first, for the quick search's "recent" group. Kept in localStorage
 * with only what a result row shows (no phones, emails or notes), tagged with the user it belongs to: another user
 * signing in on the same browser starts with an empty list, and logging out clears it.
 */
export interface RecentContact {
  id: string;
  kind: ContactKind;
  name: string;
  nameLatin: string | null;
  governorates: string[];
}

const STORAGE_KEY = 'recent-contacts';
export const MAX_RECENT_CONTACTS = 20;

interface Stored {
  userId: string;
  items: RecentContact[];
}

function isRecentContact(value: unknown): value is RecentContact {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    (CONTACT_KINDS as readonly unknown[]).includes(v.kind) &&
    (v.nameLatin === null || typeof v.nameLatin === 'string') &&
    Array.isArray(v.governorates) &&
    v.governorates.every((g) => typeof g === 'string')
  );
}

function readStored(userId: string): RecentContact[] {
  if (!browser) return [];
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Stored> | null;
    if (stored?.userId !== userId || !Array.isArray(stored.items)) return [];
    return stored.items.filter(isRecentContact).slice(0, MAX_RECENT_CONTACTS);
  } catch {
    return [];
  }
}

function writeStored(stored: Stored | null): void {
  if (!browser) return;
  try {
    if (stored) localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode or storage full: the list lasts for this page only
  }
}

/** Only the fields a result row shows: whatever else the contact carries never reaches storage. */
function toRecent(contact: RecentContact): RecentContact {
  return {
    id: contact.id,
    kind: contact.kind,
    name: contact.name,
    nameLatin: contact.nameLatin ?? null,
    governorates: [...contact.governorates],
  };
}

class RecentContacts {
  items = $state.raw<RecentContact[]>([]);
  #userId: string | null = null;
  // Twenty names: rebuilding the fuse.js index on every change is cheaper than keeping it in step.
  #index = $derived(new LocalIndex(this.items));

  /** Loads the list of the signed-in user (and drops a list another user left behind). */
  useUser(userId: string): void {
    if (this.#userId === userId) return;
    this.#userId = userId;
    this.items = readStored(userId);
  }

  /** Puts a contact the user just opened first, with its current name. */
  remember(contact: RecentContact): void {
    if (!this.#userId) return;
    this.#save([toRecent(contact), ...this.items.filter((item) => item.id !== contact.id)]);
  }

  /** Takes a deleted contact out of the list. */
  forget(id: string): void {
    if (this.items.some((item) => item.id === id)) this.#save(this.items.filter((item) => item.id !== id));
  }

  /** Logging out: nothing of this user's browsing stays in the browser. */
  clear(): void {
    this.#userId = null;
    this.items = [];
    writeStored(null);
  }

  /** Recent contacts matching the query, best first (see LocalIndex). */
  search(query: string, limit?: number): LocalMatch<RecentContact>[] {
    return this.#index.search(query, limit);
  }

  #save(items: RecentContact[]): void {
    this.items = items.slice(0, MAX_RECENT_CONTACTS);
    if (this.#userId) writeStored({ userId: this.#userId, items: this.items });
  }
}

export const recentContacts = new RecentContacts();
