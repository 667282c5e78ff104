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
  TwoStepUsersDto,
} from '$api';
import { apiRequest, type Fetch } from '$lib/api';

export type TwoStepStatus = TwoStepStatusDto;
export type TwoStepSetup = TwoStepSetupDto;
export type ApiToken = ApiTokenDto;
export type TwoStepPolicy = TwoStepPolicyDto;
export type SignedIn = SignedInDto;

export function loginSecondStep(body: TwoStepLoginInput): Promise<SignedIn> {
  return apiRequest('POST', '/auth/login/two-step', { body });
}

export function getTwoStepStatus(fetch?: Fetch): Promise<TwoStepStatus> {
  return apiRequest('GET', '/auth/totp', { fetch });
}

export function startTwoStepSetup(): Promise<TwoStepSetup> {
  return apiRequest('POST', '/auth/totp/setup');
}

/** Turns two-step on; the server ends the other sessions and renews this one's cookie. */
export function confirmTwoStep(code: string): Promise<RecoveryCodesDto> {
  return apiRequest('POST', '/auth/totp/confirm', { body: { code } });
}

export function renewRecoveryCodes(code: string): Promise<{ recoveryCodes: string[] }> {
  return apiRequest('POST', '/auth/totp/recovery-codes', { body: { code } });
}

export function disableTwoStep(password: string): Promise<void> {
  return apiRequest('POST', '/auth/totp/disable', { body: { password } });
}

export async function listApiTokens(fetch?: Fetch): Promise<ApiToken[]> {
  const { items } = await apiRequest<{ items: ApiToken[] }>('GET', '/auth/tokens', { fetch });
  return items;
}

export function createApiToken(body: CreateApiTokenInput): Promise<CreatedApiTokenDto> {
  return apiRequest('POST', '/auth/tokens', { body });
}

export function revokeApiToken(id: string): Promise<void> {
  return apiRequest('DELETE', `/auth/tokens/${id}`);
}

export function getTwoStepPolicy(fetch?: Fetch): Promise<TwoStepPolicy> {
  return apiRequest('GET', '/settings/two-step', { fetch });
}

export function updateTwoStepPolicy(requiredForAdminsAndCoordinators: boolean, version: number): Promise<TwoStepPolicy> {
  return apiRequest('PUT', '/settings/two-step', { body: { requiredForAdminsAndCoordinators, version } });
}

/** Admin only: who has two-step on, so the users page offers a reset for them. */
export async function listUsersWithTwoStep(fetch?: Fetch): Promise<Set<string>> {
  const { userIds } = await apiRequest<TwoStepUsersDto>('GET', '/users/two-step', { fetch });
  return new Set(userIds);
}

export function resetTwoStep(userId: string): Promise<void> {
  return apiRequest('DELETE', `/users/${userId}/two-step`);
}
