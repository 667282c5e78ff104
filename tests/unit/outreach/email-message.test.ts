import { describe, expect, it } from 'vitest';
import { htmlBody } from '../../../server/src/modules/outreach/email-message.js';
import { isTemporary, maskAddresses } from '../../../server/src/modules/outreach/email-sender.js';

describe('email message', () => {
  it('escapes the text, keeps its lines, and makes the reply link clickable, right-to-left for Arabic', () => {
    const link = 'https://directory.example.org/r/abc_DEF-123';
    const html = htmlBody(`السلام عليكم <b>زينب</b> & أهلاً\nالرابط: ${link}`, link, 'ar');
    expect(html).toContain('<html dir="rtl" lang="ar">');
    expect(html).toContain('&lt;b&gt;زينب&lt;/b&gt; &amp; أهلاً');
    expect(html).not.toContain('<b>');
    expect(html).toContain(`<a href="${link}" dir="ltr">${link}</a>`);
    expect(html.match(/<p /g)).toHaveLength(2);
    expect(htmlBody('Dear Ali', null, 'en')).toContain('<html dir="ltr" lang="en">');
  });

  it('retries 4xx and connection errors, not 5xx; masks addresses in reasons', () => {
    expect(isTemporary({ responseCode: 451 })).toBe(true);
    expect(isTemporary({ responseCode: 550 })).toBe(false);
    expect(isTemporary({ code: 'ECONNECTION' })).toBe(true);
    expect(maskAddresses('550 5.1.1 <zainab@mail.example>: unknown user')).toBe('550 5.1.1 <address>: unknown user');
  });
});
