import type { Role } from './roles.js';

/** Two-step sign-in and API tokens: the rules both the server and the web app use. */

/** The roles an administrator can require two-step sign-in for. */
export const TWO_STEP_REQUIRABLE_ROLES: readonly Role[] = ['admin', 'coordinator'];

export function twoStepRequiredFor(role: Role, requiredForAdminsAndCoordinators: boolean): boolean {
  return requiredForAdminsAndCoordinators && TWO_STEP_REQUIRABLE_ROLES.includes(role);
}

export const RECOVERY_CODE_COUNT = 10;
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;

/** read: GET and HEAD only; write: everything the user's role allows, except managing tokens, password and two-step. */
export const API_TOKEN_SCOPES = ['read', 'write'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_MAX_DAYS = 365;
/** The expiry choices the web app offers; the API takes any whole number of days up to the maximum. */
export const API_TOKEN_EXPIRY_CHOICES = [7, 30, 90, 365] as const;

/** What every token starts with, so scripts, logs and secret scanners can tell it from a session token. */
export const API_TOKEN_PREFIX = 'cdt_';
