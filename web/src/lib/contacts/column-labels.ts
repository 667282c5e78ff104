import type { ContactTableColumn } from '$domain/contact-list';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

/** One heading per contacts-table column, for the table and the column picker alike. */
const COLUMN_LABELS: Record<ContactTableColumn, MessageKey> = {
  name: 'contacts.column.name',
  nameLatin: 'directory.column.nameLatin',
  kind: 'contacts.column.kind',
  subtype: 'directory.column.subtype',
  governorates: 'contacts.column.governorates',
  organization: 'directory.column.organization',
  phone: 'directory.column.phone',
  email: 'directory.column.email',
  tags: 'directory.column.tags',
  lastContact: 'directory.column.lastContact',
  eventsAttended: 'directory.column.eventsAttended',
  createdAt: 'directory.column.createdAt',
  updatedAt: 'directory.column.updatedAt',
};

export const columnLabel = (column: ContactTableColumn) => t(COLUMN_LABELS[column]);
