/**
 * Check-in codes (issue 11, item 8): 8 characters from an alphabet with nothing to misread (no 0/O, 1/I/L), made by
 * the database for every invitation, printed on badges as a QR code and as text, and typed at the door when the
 * camera fails. Pure: shared by server and web.
 */

export const CHECK_IN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CHECK_IN_CODE_LENGTH = 8;
const WELL_FORMED = new RegExp(`^[${CHECK_IN_CODE_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`);

/** Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits, as an Arabic keyboard or phone types them. */
const toAsciiDigit = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  return ch;
};

/**
 * The code as typed or scanned, in its stored form: digits in ASCII, upper case, without the spaces and dashes people
 * type for readability (and bidi marks a right-to-left field may add). Not checked here: see isWellFormedCheckInCode.
 */
export function normaliseCheckInCode(typed: string): string {
  return [...typed.replace(/[\s\-‐-―−_\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')].map(toAsciiDigit).join('').toUpperCase();
}

export const isWellFormedCheckInCode = (code: string) => WELL_FORMED.test(code);

/** How a code is shown to people: two groups of four (ABCD-EFGH); the QR carries the plain code. */
export const formatCheckInCode = (code: string) => (code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code);

/** Problem codes of the scan endpoint. */
export const CHECK_IN_CODE_UNKNOWN = 'CHECK_IN_CODE_UNKNOWN';
export const CHECK_IN_CODE_OTHER_EVENT = 'CHECK_IN_CODE_OTHER_EVENT';
export const INVITATION_CANCELLED = 'INVITATION_CANCELLED';
