/*
 * What a new password must not be (issue 12, item 6): short, one of the passwords every guessing list starts with,
 * one character repeated, a keyboard or digit run, or the account's own email or name. Pure: the web form shows the
 * same reasons before it sends anything.
 */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'too_common' | 'too_simple' | 'contains_identity' | 'same_as_current';

// The heads of the public breach-derived lists (SecLists "10k most common", NCSC's 100k), at least 10 characters,
// plus the obvious local ones. A short list on purpose: length and the checks below do most of the work.
const COMMON = new Set([
  '1234567890',
  '0123456789',
  '1234512345',
  '1111111111',
  '0000000000',
  '1122334455',
  '1234567891',
  '9876543210',
  'qwertyuiop',
  'asdfghjkl;',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zaq12wsxcde',
  'abcdefghij',
  'abc1234567',
  'a123456789',
  'welcome123',
  'administrator',
  'admin12345',
  'admin123456',
  'letmein123',
  'changeme123',
  'football123',
  'baseball123',
  'superman123',
  'princess123',
  'sunshine123',
  'trustno1234',
  'starwars123',
  'computer123',
  'internet123',
  'iraq123456',
  'baghdad123',
  'baghdad1234',
  'basrah1234',
  'mosul12345',
  'erbil12345',
  'kurdistan1',
  'iraq1234567',
  'password!!',
  'p@ssw0rd12',
  'p@ssword123',
  'qwertyuiop1',
  'mypassword',
  'mypassword1',
  'secret1234',
  'test123456',
]);

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', '0987654321', 'abcdefghijklmnopqrstuvwxyz'];

function isRun(password: string): boolean {
  const p = password.toLowerCase();
  if (new Set(p).size <= 2) return true;
  return ROWS.some((row) => row.includes(p) || [...row].reverse().join('').includes(p));
}

export function passwordProblems(password: string, account: { email: string; name: string }, currentPassword?: string): PasswordProblem[] {
  const lower = password.normalize('NFKC').toLowerCase();
  const problems: PasswordProblem[] = [];
  if ([...lower].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (COMMON.has(lower)) problems.push('too_common');
  else if (isRun(lower)) problems.push('too_simple');
  const local = account.email.split('@')[0].toLowerCase();
  const nameParts = account.name
    .toLowerCase()
    .split(/\s+/)
    .filter((part) => part.length >= 4);
  if ((local.length >= 4 && lower.includes(local)) || nameParts.some((part) => lower.includes(part))) problems.push('contains_identity');
  if (currentPassword !== undefined && password === currentPassword) problems.push('same_as_current');
  return problems;
}
