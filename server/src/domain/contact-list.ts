/** The contacts table's vocabulary, shared by the list API's schemas and the web table. */

/** What the list sorts by; `-key` sorts descending. */
export const CONTACT_SORT_KEYS = [
  'name',
  'nameLatin',
  'kind',
  'subtype',
  'governorate',
  'lastContact',
  'eventsAttended',
  'createdAt',
  'updatedAt',
] as const;
export type ContactSortKey = (typeof CONTACT_SORT_KEYS)[number];
export type ContactSort = ContactSortKey | `-${ContactSortKey}`;
export const CONTACT_SORTS: readonly ContactSort[] = CONTACT_SORT_KEYS.flatMap((k) => [k, `-${k}` as const]);

/** Fields the list computes only when `columns=` asks for them: each costs a query over the page's rows. */
export const CONTACT_EXTRA_COLUMNS = ['organization', 'lastContact', 'eventsAttended'] as const;
export type ContactExtraColumn = (typeof CONTACT_EXTRA_COLUMNS)[number];

/** The columns a user may show in the table, in their display order; name is always shown. */
export const CONTACT_TABLE_COLUMNS = [
  'name',
  'nameLatin',
  'kind',
  'subtype',
  'governorates',
  'organization',
  'phone',
  'email',
  'tags',
  'lastContact',
  'eventsAttended',
  'createdAt',
  'updatedAt',
] as const;
export type ContactTableColumn = (typeof CONTACT_TABLE_COLUMNS)[number];
export const DEFAULT_TABLE_COLUMNS: readonly ContactTableColumn[] = [
  'name',
  'kind',
  'governorates',
  'organization',
  'phone',
  'lastContact',
];

/** The sort a table column offers, where it has one. */
export const COLUMN_SORT: Partial<Record<ContactTableColumn, ContactSortKey>> = {
  name: 'name',
  nameLatin: 'nameLatin',
  kind: 'kind',
  subtype: 'subtype',
  governorates: 'governorate',
  lastContact: 'lastContact',
  eventsAttended: 'eventsAttended',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};

/** The computed field a table column needs from the server, where it needs one. */
export const COLUMN_EXTRA: Partial<Record<ContactTableColumn, ContactExtraColumn>> = {
  organization: 'organization',
  lastContact: 'lastContact',
  eventsAttended: 'eventsAttended',
};

export const TAGS_MODES = ['any', 'all'] as const;
export type TagsMode = (typeof TAGS_MODES)[number];
