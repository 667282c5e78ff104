const DEFAULT_PAGE = '/contacts';

/** Where to go after login: only a path on this site, so `?next=` cannot send anyone elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return DEFAULT_PAGE;
  if (next === '/login' || next.startsWith('/login?')) return DEFAULT_PAGE;
  return next;
}
