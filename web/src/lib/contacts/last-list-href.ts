/** The contacts list URL last shown, with its filters, so leaving a contact goes back to the same list. */
let lastListHref = '/contacts';

export function rememberListHref(href: string): void {
  lastListHref = href;
}

export function listHrefToReturnTo(): string {
  return lastListHref;
}
