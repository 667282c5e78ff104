import { Type, type Static } from 'typebox';
import { DateTime } from '../../http/common.schemas.js';
import { MAX_THRESHOLD_DAYS } from '../../domain/partnerships/status.js';

const Days = Type.Integer({ minimum: 1, maximum: MAX_THRESHOLD_DAYS });

export const PartnershipSettingsSchema = Type.Object({
  activeDays: Type.Integer({ description: 'last contact at most this many days ago: active' }),
  coolingDays: Type.Integer({ description: 'more than activeDays and at most this many: cooling; older or never: dormant' }),
  version: Type.Integer({ description: '0 while the defaults were never changed' }),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export type PartnershipSettingsDto = Static<typeof PartnershipSettingsSchema>;

export const UpdatePartnershipSettingsBody = Type.Object(
  { activeDays: Days, coolingDays: Days, version: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type UpdatePartnershipSettingsInput = Static<typeof UpdatePartnershipSettingsBody>;
