/**
 * Phone numbers are stored in E.164. Iraqi numbers arrive as 07xx…, +964…, 00964…, 964…,
 * with spaces, dashes, dots or brackets, and often in Arabic-Indic or Persian digits.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

export function toAsciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (ch) => {
    const code = ch.charCodeAt(0);
    const base = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - base);
  });
}

/** Iraqi national significant numbers: mobiles 7x xxxx xxxx (10 digits), landlines area code + 7 or 8 digits. */
function isIraqiNationalNumber(digits: string): boolean {
  if (digits.startsWith('7')) return /^7[3-9]\d{8}$/.test(digits);
  return /^[1-6]\d{7,8}$/.test(digits);
}

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'invalid' };

export function normalizePhone(raw: string): PhoneResult {
  const ascii = toAsciiDigits(raw).trim();
  if (ascii === '') return { ok: false, reason: 'empty' };
  if (/[^\d+\s\-.()\u200e\u200f\u202a-\u202e]/.test(ascii)) return { ok: false, reason: 'invalid' };
  const hasPlus = ascii.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '').startsWith('+');
  if ((ascii.match(/\+/g) ?? []).length > (hasPlus ? 1 : 0)) return { ok: false, reason: 'invalid' };
  let digits = ascii.replace(/\D/g, '');
  if (!hasPlus && digits.startsWith('00')) digits = digits.slice(2);
  else if (!hasPlus && digits.startsWith('0')) digits = `964${digits.slice(1)}`;
  else if (!hasPlus && !digits.startsWith('964')) digits = `964${digits}`;

  if (digits.startsWith('964')) {
    const national = digits.slice(3).replace(/^0/, '');
    return isIraqiNationalNumber(national) ? { ok: true, e164: `+964${national}` } : { ok: false, reason: 'invalid' };
  }
  return /^[1-9]\d{7,14}$/.test(digits) ? { ok: true, e164: `+${digits}` } : { ok: false, reason: 'invalid' };
}

/** For display: +964 770 123 4567 for Iraqi mobiles, E.164 as stored otherwise. */
export function formatPhone(e164: string): string {
  const m = /^\+964(7\d{2})(\d{3})(\d{4})$/.exec(e164);
  return m ? `+964 ${m[1]} ${m[2]} ${m[3]}` : e164;
}

/**
 * The digits to look for when a search query is a phone number (only digits and phone punctuation, in any script):
 * 07xx…, +964…, 00964… and a bare national number all become digits found inside the stored E.164 numbers.
 * Null when the query is not a phone number or has fewer than four digits.
 */
export function phoneSearchDigits(query: string): string | null {
  const ascii = toAsciiDigits(query).trim();
  if (!/^[+\d\s\-().]+$/.test(ascii)) return null;
  const digits = ascii.replace(/\D/g, '').replace(/^00/, '').replace(/^0/, '');
  return digits.length >= 4 ? digits : null;
}
