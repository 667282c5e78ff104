/*
 * vCard 3.0 (RFC 2426) for "download the selected numbers into the phone": one card per person, UTF-8 names (Arabic
 * as written), the mobile as TEL;TYPE=CELL. Pure.
 */

export interface VCardPerson {
  name: string;
  phone: string;
  /** Shown under the name in the phone's contacts, e.g. the event, so the cards are easy to find and remove. */
  note?: string;
}

/** RFC 2426 §5: backslash, comma, semicolon and newline are escaped in text values. */
const escape = (text: string) => text.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

export function vCards(people: readonly VCardPerson[]): string {
  return people
    .map((p) =>
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        `FN:${escape(p.name)}`,
        `N:${escape(p.name)};;;;`,
        `TEL;TYPE=CELL:${p.phone}`,
        ...(p.note ? [`NOTE:${escape(p.note)}`] : []),
        'END:VCARD',
      ].join('\r\n'),
    )
    .map((card) => `${card}\r\n`)
    .join('');
}
