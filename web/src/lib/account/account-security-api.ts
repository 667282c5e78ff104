import type {
  ApiTokenDto,
  CreateApiTokenInput,
  CreatedApiTokenDto,
  RecoveryCodesDto,
  SignedInDto,
  TwoStepLoginInput,
  TwoStepPolicyDto,
  TwoStepSetupDto,
  TwoStepStatusDto,
} from '$api';
import type { ResponseOf } from '$api';
import { api, type Fetch } from '$lib/api';

export type TwoStepStatus = TwoStepStatusDto;
export type TwoStepSetup = TwoStepSetupDto;
export type ApiToken = ApiTokenDto;
export type TwoStepPolicy = TwoStepPolicyDto;
export type SignedIn = SignedInDto;

export function loginSecondStep(body: TwoStepLoginInput): Promise<SignedIn> {
  return api('POST /auth/login/two-step', { body });
}

export function getTwoStepStatus(fetch?: Fetch): Promise<TwoStepStatus> {
  return api('GET /auth/totp', { fetch });
}

export function startTwoStepSetup(): Promise<TwoStepSetup> {
  return api('POST /auth/totp/setup');
}

/** Turns two-step on; the server ends the other sessions and renews this one's cookie. */
export function confirmTwoStep(code: string): Promise<RecoveryCodesDto> {
  return api('POST /auth/totp/confirm', { body: { code } });
}

export function renewRecoveryCodes(code: string): Promise<ResponseOf<'POST /auth/totp/recovery-codes'>> {
  return api('POST /auth/totp/recovery-codes', { body: { code } });
}

export function disableTwoStep(password: string): Promise<void> {
  return api('POST /auth/totp/disable', { body: { password } });
}

export async function listApiTokens(fetch?: Fetch): Promise<ApiToken[]> {
  const { items } = await api('GET /auth/tokens', { fetch });
  return items;
}

export function createApiToken(body: CreateApiTokenInput): Promise<CreatedApiTokenDto> {
  return api('POST /auth/tokens', { body });
}

export function revokeApiToken(id: string): Promise<void> {
  return api('DELETE /auth/tokens/:id', { params: { id } });
}

export function getTwoStepPolicy(fetch?: Fetch): Promise<TwoStepPolicy> {
  return api('GET /settings/two-step', { fetch });
}

export function updateTwoStepPolicy(requiredForAdminsAndCoordinators: boolean, version: number): Promise<TwoStepPolicy> {
  return api('PUT /settings/two-step', { body: { requiredForAdminsAndCoordinators, version } });
}

/** Admin only: who has two-step on, so the users page offers a reset for them. */
export async function listUsersWithTwoStep(fetch?: Fetch): Promise<Set<string>> {
  const { userIds } = await api('GET /users/two-step', { fetch });
  return new Set(userIds);
}

export function resetTwoStep(userId: string): Promise<void> {
  return api('DELETE /users/:id/two-step', { params: { id: userId } });
}
