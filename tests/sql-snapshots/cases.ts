import type { Db } from '../../server/src/db/database.js';
import * as merge from '../../server/src/modules/merge/merge.repository.js';
import * as partnerships from '../../server/src/modules/partnerships/partnerships.repository.js';
import * as search from '../../server/src/modules/search/search.repository.js';
import * as stats from '../../server/src/modules/stats/stats.repository.js';
import * as suggestions from '../../server/src/modules/events/suggestions.repository.js';
import { DEFAULT_THRESHOLDS } from '../../server/src/domain/partnerships/status.js';
import { showValue } from './render.js';

/** One repository call with fixed arguments, and the rows each of its statements is answered with (none by default). */
export interface SnapshotCase {
  call: string;
  run: (db: Db) => Promise<unknown>;
  answers?: object[][];
}

export interface SnapshotFile {
  /** The file written in server/src/queries/. */
  file: string;
  /** The repository whose SQL it shows. */
  source: string;
  cases: SnapshotCase[];
}

function call<A extends unknown[]>(fn: (db: Db, ...args: A) => Promise<unknown>, args: A, answers?: object[][]): SnapshotCase {
  return { call: `${fn.name}(db, ${args.map(showValue).join(', ')})`, run: (db) => fn(db, ...args), answers };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const period = { from: '2026-01-01', to: '2026-06-30' };
const scope = ['IQ-BG', 'IQ-BA'];
const kindCounts = { activist: 0, volunteer_team: 0, organization: 0, government_focal_point: 0 };
const word = (strong: string[]): search.WordCondition => ({ strong, weak: [], skeletons: [], splits: [], splitSkeletons: [] });

const searchCases: SnapshotCase[] = [
  call(search.addVocabulary, [['زينب', 'علي']], [[{ word: 'زينب' }]]),
  call(search.expandWords, [
    [
      { word: 'زينب', typing: false },
      { word: 'عل', typing: true },
    ],
    5,
  ]),
  call(search.findNameCandidates, [{ words: [word(['زينب']), word(['علي'])], visibleGovernorates: null, limit: 200 }]),
  call(search.findNameCandidates, [
    {
      words: [{ strong: ['ابوكلل'], weak: ['ابوكلال'], skeletons: ['ابكلل'], splits: [['ابو', 'كلل']], splitSkeletons: [['اب', 'كلل']] }],
      kind: 'activist',
      governorate: 'IQ-BG',
      createdFrom: '2026-01-01',
      createdTo: '2026-01-31',
      visibleGovernorates: scope,
      limit: 200,
    },
  ]),
  call(search.findPhoneCandidates, [
    { digits: '7701234', includeRestricted: false, governorate: 'IQ-BG', visibleGovernorates: scope, limit: 50 },
  ]),
  call(search.rowsWithOldKeys, [3, 500]),
  call(search.writeSearchColumns, [id(1), { search_terms: ['زينب', '~زينب'], phone_digits: '9647701234567', search_version: 3 }]),
];

const statsCases: SnapshotCase[] = [
  call(stats.governorateFigures, [{ period, thresholds: DEFAULT_THRESHOLDS, codes: null }]),
  call(stats.governorateFigures, [{ period, thresholds: DEFAULT_THRESHOLDS, codes: scope }]),
  call(stats.contactsByGovernorate, [scope]),
  call(stats.contactTotals, [scope], [[{ total: 0, ...kindCounts }]]),
  call(stats.newContactsPerMonth, [period, null]),
  call(stats.eventsPerMonth, [period, scope]),
  call(stats.overdueFollowUps, [scope], [[{ total: 0 }]]),
];

const partnershipCases: SnapshotCase[] = [
  call(
    partnerships.findPartnerships,
    [
      {
        period,
        thresholds: DEFAULT_THRESHOLDS,
        scope,
        q: { text: 'وزارة', words: ['وزاره'] },
        governorate: 'IQ-BG',
        status: 'cooling',
        sort: 'lastContact',
        order: 'desc',
        limit: 50,
        offset: 0,
      },
    ],
    [[{ total: 0, items: [], by_status: { active: 0, cooling: 0, dormant: 0, vacant: 0 }, by_governorate: [] }]],
  ),
  call(partnerships.today, [], [[{ today: '2026-12-04' }]]),
];

const survivor = id(1);
const merged = [id(2), id(3)];
const mergeCases: SnapshotCase[] = [
  call(merge.movePositions, [survivor, merged]),
  call(merge.relationshipsOf, [[survivor, ...merged]]),
  call(merge.deleteRelationships, [[id(10)]]),
  call(merge.repointRelationship, [id(10), survivor, id(4)]),
  call(merge.moveParticipants, [survivor, merged], [[{ n: '2' }]]),
  call(merge.invitationsOf, [[survivor, ...merged]]),
  call(merge.deleteInvitations, [[id(20)]]),
  call(merge.repointInvitation, [id(20), survivor, null]),
  call(merge.moveFacilitators, [survivor, merged]),
  call(merge.moveSuggestionDismissals, [survivor, merged]),
  call(merge.moveDuplicateDismissals, [survivor, merged]),
  call(merge.moveAuditHistory, [survivor, merged]),
  call(merge.moveConsentRecords, [survivor, merged]),
  call(merge.moveTasks, [survivor, merged]),
  call(merge.deleteContacts, [merged]),
];

const pool: suggestions.PoolQuery = {
  eventId: id(100),
  short: [
    { dimension: 'governorate', value: 'IQ-BG' },
    { dimension: 'gender', value: 'female' },
  ],
  full: [
    { dimension: 'governorate', value: 'IQ-NI' },
    { dimension: 'kind', value: 'volunteer_team' },
  ],
  exclude: [id(1)],
  cutoff: new Date('2026-06-01T00:00:00.000Z'),
  visibleGovernorates: scope,
  perQuota: 2,
};
const suggestionCases: SnapshotCase[] = [
  // One fresh person for the first quota: both quotas run short, so the history part and the final read run too.
  call(suggestions.suggestionPool, [pool], [[{ q: 0, id: id(5) }]]),
  call(
    suggestions.suggestionPool,
    [{ ...pool, short: [], full: [], visibleGovernorates: null }],
    [
      [
        { q: 0, id: id(5) },
        { q: 0, id: id(6) },
      ],
    ],
  ),
  call(suggestions.dismissedFor, [id(100)]),
  call(suggestions.dismiss, [id(100), [id(5), id(6)], id(900)]),
];

export const SNAPSHOTS: SnapshotFile[] = [
  { file: 'search.repository.sql', source: 'server/src/modules/search/search.repository.ts', cases: searchCases },
  { file: 'stats.repository.sql', source: 'server/src/modules/stats/stats.repository.ts', cases: statsCases },
  { file: 'partnerships.repository.sql', source: 'server/src/modules/partnerships/partnerships.repository.ts', cases: partnershipCases },
  { file: 'merge.repository.sql', source: 'server/src/modules/merge/merge.repository.ts', cases: mergeCases },
  { file: 'suggestions.repository.sql', source: 'server/src/modules/events/suggestions.repository.ts', cases: suggestionCases },
];
