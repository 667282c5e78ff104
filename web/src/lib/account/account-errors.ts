import { ApiError } from '$lib/api';
import { describeError } from '$lib/error-message';
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';

/** Problem codes of two-step sign-in and API tokens with a sentence of their own. */
const MESSAGES: Record<string, MessageKey> = {
  TWO_STEP_CODE_WRONG: 'security.twoStep.codeWrong',
  CURRENT_PASSWORD_WRONG: 'security.twoStep.passwordWrong',
  RECOVERY_CODE_WRONG: 'security.login.recoveryWrong',
  TWO_STEP_CHALLENGE_INVALID: 'security.login.expired',
  TWO_STEP_SET_UP_FIRST: 'security.policy.setUpFirst',
  TOO_MANY_TOKENS: 'security.tokens.tooMany',
};

export function describeAccountError(error: unknown): string {
  const key = error instanceof ApiError ? MESSAGES[error.code] : undefined;
  return key ? t(key) : describeError(error);
}
