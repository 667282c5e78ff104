import { describe, expect, it } from 'vitest';
import {
  assertMayChangeSettings,
  assertMayFileIn,
  assertMayWriteContacts,
  coversGovernorate,
  isContactVisible,
  mayFileIn,
} from '../../../server/src/access/actor-access.js';
import { hidesRestrictedDetails, seesRestrictedDetails } from '../../../server/src/access/restricted-details.js';
import { AppError } from '../../../server/src/errors.js';
import { ROLES, type Role } from '../../../server/src/domain/roles.js';
import type { Actor } from '../../../server/src/access/actor.js';

const actor = (role: Role, governorates: string[] | null = null): Actor => ({ id: 'u', role, governorates });
const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    return error instanceof AppError ? { status: error.status, code: error.code, message: error.message } : error;
  }
  return null;
};

describe('governorate scope', () => {
  const scoped = actor('staff', ['IQ-BA', 'IQ-NI']);

  it('shows a scoped user a contact sharing any governorate, an unscoped one every contact', () => {
    expect(isContactVisible(scoped, ['IQ-BG', 'IQ-BA'])).toBe(true);
    expect(isContactVisible(scoped, ['IQ-BG'])).toBe(false);
    expect(isContactVisible(scoped, [])).toBe(false);
    expect(isContactVisible(actor('staff'), ['IQ-BG'])).toBe(true);
  });

  it('lets a scoped user file only under governorates all covered', () => {
    expect(mayFileIn(scoped, ['IQ-BA', 'IQ-NI'])).toBe(true);
    expect(mayFileIn(scoped, ['IQ-BA', 'IQ-BG'])).toBe(false);
    expect(mayFileIn(actor('staff'), ['IQ-BG'])).toBe(true);
    expect(refusal(() => assertMayFileIn(scoped, ['IQ-BG']))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message: 'You may only file contacts under the governorates your account covers',
    });
    expect(refusal(() => assertMayFileIn(scoped, ['IQ-BA']))).toBeNull();
  });

  it('says whether a governorate filter lies within the scope', () => {
    expect(coversGovernorate(scoped, 'IQ-NI')).toBe(true);
    expect(coversGovernorate(scoped, 'IQ-BG')).toBe(false);
    expect(coversGovernorate(actor('viewer'), 'IQ-BG')).toBe(true);
  });
});

describe('roles', () => {
  it('lets admins, coordinators and staff write the directory, naming the part refused', () => {
    for (const role of ROLES) {
      expect(refusal(() => assertMayWriteContacts(actor(role)))).toEqual(
        role === 'viewer' ? { status: 403, code: 'FORBIDDEN', message: 'Your role can read contacts but not change them' } : null,
      );
    }
    expect(refusal(() => assertMayWriteContacts(actor('viewer'), 'positions'))).toMatchObject({
      message: 'Your role can read positions but not change them',
    });
  });

  it('lets only administrators change settings', () => {
    for (const role of ROLES) {
      expect(refusal(() => assertMayChangeSettings(actor(role), 'no'))).toEqual(
        role === 'admin' ? null : { status: 403, code: 'FORBIDDEN', message: 'no' },
      );
    }
  });
});

describe('restricted details', () => {
  it('are hidden from staff and viewers, and only on restricted contacts', () => {
    for (const role of ROLES) {
      const sees = role === 'admin' || role === 'coordinator';
      expect(seesRestrictedDetails(actor(role))).toBe(sees);
      expect(hidesRestrictedDetails(actor(role), { sensitivity: 'restricted' })).toBe(!sees);
      expect(hidesRestrictedDetails(actor(role), { sensitivity: 'normal' })).toBe(false);
    }
  });
});
