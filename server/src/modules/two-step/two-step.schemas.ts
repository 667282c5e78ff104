import { Type, type Static } from 'typebox';
import { DateTime } from '../../http/common.schemas.js';
import { UserSchema } from '../users/users.schemas.js';

const Code = Type.String({ minLength: 6, maxLength: 10, pattern: '^[0-9 ]+$', description: 'the 6 digits the authenticator app shows' });
const RecoveryCode = Type.String({ minLength: 8, maxLength: 20, description: 'one of the recovery codes, dashes optional' });

export const TwoStepStatusSchema = Type.Object({
  enabled: Type.Boolean(),
  /** A secret was set up but not confirmed with a code yet. */
  pending: Type.Boolean(),
  /** The administrator requires two-step for this account's role. */
  required: Type.Boolean(),
  enabledAt: Type.Union([DateTime, Type.Null()]),
  recoveryCodesLeft: Type.Integer(),
});
export type TwoStepStatusDto = Static<typeof TwoStepStatusSchema>;

export const TwoStepSetupSchema = Type.Object({
  otpauthUri: Type.String({ description: 'otpauth://totp/… for authenticator apps' }),
  qrDataUrl: Type.String({ description: 'the URI as a PNG QR code (data: URL)' }),
  manualKey: Type.String({ description: 'the base32 secret, for typing into an app; shown during setup only' }),
});
export type TwoStepSetupDto = Static<typeof TwoStepSetupSchema>;

export const ConfirmTwoStepBody = Type.Object({ code: Code }, { additionalProperties: false });
export type ConfirmTwoStepInput = Static<typeof ConfirmTwoStepBody>;
export const RecoveryCodesSchema = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'shown this once; each works one time' }),
  token: Type.String({ description: 'a fresh session token: other sessions of the account ended' }),
});
export type RecoveryCodesDto = Static<typeof RecoveryCodesSchema>;

export const RenewedRecoveryCodesSchema = Type.Object({
  recoveryCodes: Type.Array(Type.String(), { description: 'shown this once; each works one time; the earlier codes no longer work' }),
});

export const DisableTwoStepBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type DisableTwoStepInput = Static<typeof DisableTwoStepBody>;

export const TwoStepLoginBody = Type.Object(
  { challenge: Type.String({ minLength: 10, maxLength: 1000 }), code: Type.Optional(Code), recoveryCode: Type.Optional(RecoveryCode) },
  { additionalProperties: false },
);
export type TwoStepLoginInput = Static<typeof TwoStepLoginBody>;

export const SignedInSchema = Type.Object({
  token: Type.String(),
  user: UserSchema,
  twoStepSetupRequired: Type.Boolean({ description: 'true: the session only reaches two-step setup until it is on' }),
});
export const TwoStepChallengeSchema = Type.Object({
  twoStep: Type.Literal(true),
  challenge: Type.String({ description: 'send it with the code to POST /api/auth/login/two-step' }),
  expiresInSeconds: Type.Integer(),
});
export const LoginAnswerSchema = Type.Union([SignedInSchema, TwoStepChallengeSchema]);
export type LoginAnswerDto = Static<typeof LoginAnswerSchema>;
export type SignedInDto = Static<typeof SignedInSchema>;

export const TwoStepPolicySchema = Type.Object({
  requiredForAdminsAndCoordinators: Type.Boolean(),
  version: Type.Integer({ description: '0 while never saved' }),
  updatedAt: Type.Union([DateTime, Type.Null()]),
});
export type TwoStepPolicyDto = Static<typeof TwoStepPolicySchema>;
export const UpdateTwoStepPolicyBody = Type.Object(
  { requiredForAdminsAndCoordinators: Type.Boolean(), version: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
);
export type UpdateTwoStepPolicyInput = Static<typeof UpdateTwoStepPolicyBody>;

export const TwoStepUsersSchema = Type.Object({ userIds: Type.Array(Type.String({ format: 'uuid' })) });
export type TwoStepUsersDto = Static<typeof TwoStepUsersSchema>;
