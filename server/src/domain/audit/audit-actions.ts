import type { Role } from '../roles.js';

/** Every action an audit row can record. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'view',
  'export',
  'login',
  'login_failed',
  'import',
  'undo',
  'merge',
  'dismiss',
  'restore',
  'purge',
  'undo_merge',
  /** One action over many contacts (POST /contacts/bulk): one row, the ids in its details. */
  'bulk_update',
  'bulk_delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What the audit viewer filters by: the questions people ask ("who exported?", "failed sign-ins?"), each a set of
 * actions, except settings, which is every entry about the settings whatever the action.
 */
export const AUDIT_ACTION_GROUPS = [
  'view',
  'export',
  'sign_in',
  'failed_sign_in',
  'change',
  'delete',
  'merge',
  'import',
  'settings',
] as const;
export type AuditActionGroup = (typeof AUDIT_ACTION_GROUPS)[number];

export const GROUP_ACTIONS: Record<Exclude<AuditActionGroup, 'settings'>, readonly AuditAction[]> = {
  view: ['view'],
  export: ['export'],
  sign_in: ['login'],
  failed_sign_in: ['login_failed'],
  change: ['create', 'update', 'undo', 'dismiss', 'restore', 'bulk_update'],
  delete: ['delete', 'purge', 'bulk_delete'],
  merge: ['merge', 'undo_merge'],
  import: ['import'],
};

/** The kinds of record audit rows are about; the viewer's entity filter offers these. */
export const AUDIT_ENTITY_TYPES = [
  'contact',
  'user',
  'position',
  'relationship',
  'relationship_type',
  'interaction',
  'event',
  'event_group',
  'invitation',
  'reply_link',
  'outreach_message',
  'import',
  'duplicate',
  'partnership',
  'settings',
  'stats',
  'api_token',
  'consent_record',
  'task',
  'segment',
  'custom_field',
  'programme',
  'directory',
] as const;

/** Admins read the whole log; coordinators the part about their governorates (the server applies the scope). */
export function canViewAudit(role: Role): boolean {
  return role === 'admin' || role === 'coordinator';
}
