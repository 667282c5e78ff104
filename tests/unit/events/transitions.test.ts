import { describe, expect, it } from 'vitest';
import {
  INVITATION_STATUSES,
  STATUS_TRANSITIONS,
  canCheckIn,
  canTransition,
  type InvitationStatus,
} from '../../../server/src/domain/events/vocabulary.js';

const ALLOWED: [InvitationStatus, InvitationStatus][] = [
  ['proposed', 'invited'],
  ['proposed', 'cancelled'],
  ['invited', 'confirmed'],
  ['invited', 'declined'],
  ['invited', 'attended'],
  ['invited', 'cancelled'],
  ['confirmed', 'attended'],
  ['confirmed', 'no_show'],
  ['confirmed', 'declined'],
  ['confirmed', 'cancelled'],
  ['declined', 'confirmed'],
  ['declined', 'cancelled'],
  ['no_show', 'attended'],
  ['cancelled', 'proposed'],
];

describe('invitation status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = new Set(ALLOWED.map(([a, b]) => `${a}->${b}`));
    for (const from of INVITATION_STATUSES) {
      for (const to of INVITATION_STATUSES) {
        expect(canTransition(from, to), `${from}->${to}`).toBe(allowed.has(`${from}->${to}`));
      }
    }
    expect(Object.values(STATUS_TRANSITIONS).flat()).toHaveLength(ALLOWED.length);
  });

  it('treats attended as final and lets late arrivals and walk-ins without confirmation check in', () => {
    expect(STATUS_TRANSITIONS.attended).toEqual([]);
    expect(canCheckIn('no_show')).toBe(true);
    expect(canCheckIn('invited')).toBe(true);
    expect(canCheckIn('proposed')).toBe(false);
    expect(canCheckIn('declined')).toBe(false);
  });
});
