import { describe, expect, it } from 'vitest';
import { maskReplyTokens } from '../../../server/src/modules/outreach/reply-token-paths.js';

describe('log paths', () => {
  it('keeps reply tokens out of the log', () => {
    expect(maskReplyTokens('/api/rsvp/AbC_12-xyzAbC_12-xyzAbC_12-xyzAb/calendar.ics')).toBe('/api/rsvp/:token/calendar.ics');
    expect(maskReplyTokens('/r/AbC_12-xyzAbC_12-xyzAbC_12-xyzAb')).toBe('/r/:token');
    expect(maskReplyTokens('/api/events/123/calendar.ics')).toBe('/api/events/123/calendar.ics');
  });
});
