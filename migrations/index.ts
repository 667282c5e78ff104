import type { Migration } from 'kysely/migration';
import * as foundation from './20261129160000_foundation.js';
import * as governorates from './20261129160100_governorates.js';
import * as contactSearchKeys from './20261129170000_contact_search_keys.js';
import * as relationships from './20261129180000_relationships.js';
import * as events from './20261129190000_events.js';
import * as imports from './20261129200000_imports.js';
import * as management from './20261129210000_management.js';
import * as rateLimits from './20261202160000_rate_limits.js';
import * as invitationQuotaGovernorate from './20261202170000_invitation_quota_governorate.js';
import * as eventGroupOrder from './20261202171000_event_group_order.js';
import * as outreach from './20261203080000_outreach.js';
import * as invitationCheckInCode from './20261203081000_invitation_check_in_code.js';
import * as eventScheduleSequence from './20261203082000_event_schedule_sequence.js';
import * as outreachJob from './20261203083000_outreach_job.js';
import * as userSessionVersion from './20261203090000_user_session_version.js';
import * as twoStepAndApiTokens from './20261203100000_two_step_and_api_tokens.js';
import * as trash from './20261203110000_trash.js';
import * as consentRecords from './20261203120000_consent_records.js';
import * as recordHistory from './20261203130000_record_history.js';
import * as auditViewer from './20261203140000_audit_viewer.js';
import * as contactListAndSegments from './20261203150000_contact_list_and_segments.js';
import * as tasks from './20261203160000_tasks.js';
import * as customFields from './20261204100000_custom_fields.js';
import * as auditSubject from './20261204130000_audit_subject.js';
import * as programmes from './20261205100000_programmes.js';
import * as programmeSector from './20261205200000_programme_sector.js';
import * as userPreferences from './20261205500000_user_preferences.js';
import * as kurdishMessages from './20261205600000_kurdish_messages.js';

/**
 * Every migration, by name. Listed here rather than read from the folder at run time so the same
 * code runs under tsx, vitest and a bundler alike; a test checks no file in this folder is missing.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261129160000_foundation': foundation,
  '20261129160100_governorates': governorates,
  '20261129170000_contact_search_keys': contactSearchKeys,
  '20261129180000_relationships': relationships,
  '20261129190000_events': events,
  '20261129200000_imports': imports,
  '20261129210000_management': management,
  '20261202160000_rate_limits': rateLimits,
  '20261202170000_invitation_quota_governorate': invitationQuotaGovernorate,
  '20261202171000_event_group_order': eventGroupOrder,
  '20261203080000_outreach': outreach,
  '20261203081000_invitation_check_in_code': invitationCheckInCode,
  '20261203082000_event_schedule_sequence': eventScheduleSequence,
  '20261203083000_outreach_job': outreachJob,
  '20261203090000_user_session_version': userSessionVersion,
  '20261203100000_two_step_and_api_tokens': twoStepAndApiTokens,
  '20261203110000_trash': trash,
  '20261203120000_consent_records': consentRecords,
  '20261203130000_record_history': recordHistory,
  '20261203140000_audit_viewer': auditViewer,
  '20261203150000_contact_list_and_segments': contactListAndSegments,
  '20261203160000_tasks': tasks,
  '20261204100000_custom_fields': customFields,
  '20261204130000_audit_subject': auditSubject,
  '20261205100000_programmes': programmes,
  '20261205200000_programme_sector': programmeSector,
  '20261205500000_user_preferences': userPreferences,
  '20261205600000_kurdish_messages': kurdishMessages,
};
