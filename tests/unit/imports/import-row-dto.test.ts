import { describe, expect, it } from 'vitest';
import type { Role } from '../../../server/src/domain/roles.js';
import { toRowDto } from '../../../server/src/modules/imports/import-dto.js';
import type { ImportRowRow } from '../../../server/src/modules/imports/imports.repository.js';

const SECRET = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const actor = (role: Role) => ({ id: '33333333-3333-4333-8333-333333333333', role, governorates: null });

const row = (over: Partial<ImportRowRow>): ImportRowRow => ({
  row_number: 2,
  raw: ['x', '07909991111'],
  outcome: 'update',
  name: 'x',
  draft: null,
  errors: [],
  warnings: [],
  matched_contact_id: null,
  match_reasons: [],
  candidates: [],
  duplicate_of_row: null,
  decision: null,
  action: null,
  contact_id: null,
  messages: [],
  applied: false,
  ...over,
});

const candidate = (contactId: string, code: string) => ({
  contactId,
  name: contactId,
  kind: 'activist',
  governorates: ['IQ-DQ'],
  score: 0.9,
  reasons: [{ code }],
});

// A row a coordinator previewed: it names the restricted contact its phone matched, with a note listing it.
const seenByCoordinator = row({
  outcome: 'duplicate',
  matched_contact_id: null,
  match_reasons: [{ code: 'restricted_contact_details', count: 1, withheld: false, contactIds: [SECRET] }],
  candidates: [candidate(SECRET, 'same_phone'), candidate(OTHER, 'same_phone')],
  action: 'failed',
  contact_id: SECRET,
});

describe('import rows and restricted matches', () => {
  it('keeps the note out of the reasons, and shows a stored row as stored to those who may see details', () => {
    const names = new Map([[SECRET, 'سلمى']]);
    const updated = row({
      matched_contact_id: SECRET,
      match_reasons: [{ code: 'same_phone' }, { code: 'restricted_contact_details', count: 1, withheld: false, contactIds: [SECRET] }],
    });
    for (const viewer of [undefined, actor('coordinator'), actor('admin')]) {
      expect(toRowDto(updated, names, viewer)).toMatchObject({
        matchedContactId: SECRET,
        matchedContactName: 'سلمى',
        matchReason: [{ code: 'same_phone' }],
        hiddenMatches: null,
      });
    }
  });

  it('takes the restricted contacts out again for a reader who may not see them', () => {
    const names = new Map([[SECRET, 'سلمى']]);
    const updated = row({
      matched_contact_id: SECRET,
      match_reasons: [{ code: 'same_phone' }, { code: 'restricted_contact_details', count: 1, withheld: false, contactIds: [SECRET] }],
    });
    const dto = toRowDto(updated, names, actor('staff'));
    expect(dto).toMatchObject({
      matchedContactId: null,
      matchedContactName: null,
      matchReason: [],
      hiddenMatches: { count: 1, reason: 'restricted_contact_details' },
    });
    expect(JSON.stringify(dto)).not.toContain(SECRET);

    const dup = toRowDto(seenByCoordinator, new Map(), actor('staff'));
    expect(dup.candidates.map((c) => c.contactId)).toEqual([OTHER]);
    expect(dup.contactId).toBeNull();
    expect(JSON.stringify(dup)).not.toContain(SECRET);
  });

  it('reports matches withheld when the row was previewed, to every reader', () => {
    const withheld = row({
      outcome: 'duplicate',
      match_reasons: [{ code: 'restricted_contact_details', count: 2, withheld: true, contactIds: [] }],
    });
    for (const viewer of [undefined, actor('staff'), actor('coordinator')]) {
      expect(toRowDto(withheld, new Map(), viewer)).toMatchObject({ matchReason: [], hiddenMatches: { count: 2 } });
    }
  });
});
