import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { invalid } from '../../errors.js';
import { seesRestrictedDetails } from '../../access/restricted-details.js';
import { loadVisibleRef } from '../../access/contact-access.js';
import { CONTACT_EXTRA_COLUMNS, type ContactExtraColumn, type ContactSort, type ContactSortKey } from '../../domain/contact-list.js';
import { rankedMatches } from '../search/search.service.js';
import { segmentFilterFor } from '../segments/segments.service.js';
import { toDto } from './contacts.service.js';
import { activeFieldDefs, toDef } from '../custom-fields/custom-fields.service.js';
import { listCustomFields } from '../custom-fields/custom-fields.repository.js';
import { resolveCustomConditions } from './contact-custom-filter.js';
import * as repo from './contact-list.repository.js';
import { filterGovernorates, type ContactFilter, type FilterScope } from './contact-list-filter.js';
import type { ContactListDto, ContactListItemDto, ListContactsFilter } from './contact-list.schemas.js';

const FILTER_FIELDS = [
  'q',
  'kind',
  'subtype',
  'governorate',
  'tags',
  'tagsMode',
  'memberOf',
  'hasPhone',
  'hasEmail',
  'lastContactAfter',
  'lastContactBefore',
  'invitedTo',
  'attended',
  'createdFrom',
  'createdTo',
  'updatedFrom',
  'updatedTo',
  'sensitivity',
  'custom',
] as const satisfies readonly (keyof ContactFilter)[];

/** The filter part of a list query, without paging, sort or columns. */
export function filterOf(query: ContactFilter): ContactFilter {
  return Object.fromEntries(FILTER_FIELDS.filter((k) => query[k] !== undefined).map((k) => [k, query[k]]));
}

const RANGES = [
  ['createdFrom', 'createdTo'],
  ['updatedFrom', 'updatedTo'],
  ['lastContactAfter', 'lastContactBefore'],
] as const;

/**
 * What the actor's account adds to a filter, after checking it: ranges in order, the organisation of `memberOf`
 * visible to the actor (404 otherwise), and the `q` search run over the directory the actor may see.
 */
export async function resolveFilterScope(db: Db, actor: Actor, f: ContactFilter): Promise<FilterScope> {
  const reversed = RANGES.filter(([from, to]) => f[from] && f[to] && f[from] > f[to]);
  if (reversed.length) {
    throw invalid(reversed.map(([from, to]) => ({ field: to, code: 'before_start', message: `${to} must not be before ${from}` })));
  }
  if (f.memberOf) await loadVisibleRef(db, actor, f.memberOf);
  const text = f.q?.trim();
  const matches = text
    ? await rankedMatches(db, actor, text, {
        kind: f.kind,
        governorate: filterGovernorates(f).length === 1 ? filterGovernorates(f)[0] : undefined,
        createdFrom: f.createdFrom,
        createdTo: f.createdTo,
      })
    : null;
  return {
    visibleGovernorates: actor.governorates,
    seesRestrictedDetails: seesRestrictedDetails(actor),
    matchedIds: matches ? matches.map((m) => m.row.id) : null,
    customConditions: f.custom?.length ? resolveCustomConditions((await listCustomFields(db, true)).map(toDef), f.custom) : [],
  };
}

function parseExtraColumns(text: string | undefined): ContactExtraColumn[] {
  const asked = (text ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = asked.filter((c) => !(CONTACT_EXTRA_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) throw invalid([{ field: 'columns', code: 'unknown', message: `unknown column(s): ${unknown.join(', ')}` }]);
  return [...new Set(asked)] as ContactExtraColumn[];
}

/** The cursor is opaque to clients: the sort it belongs to and the last row's sort tuple. */
function encodeCursor(sort: ContactSort, keys: repo.Keyset): string {
  return Buffer.from(JSON.stringify({ s: sort, k: keys })).toString('base64url');
}

function decodeCursor(cursor: string, sort: ContactSort): repo.Keyset {
  const bad = () =>
    invalid([{ field: 'cursor', code: 'invalid', message: 'the cursor does not belong to this sort; start again from the first page' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length < 2 || k.length > 3 || !k.every((v) => typeof v === 'string')) throw bad();
  return k;
}

async function withExtras(db: Db, items: ContactListItemDto[], columns: ContactExtraColumn[]): Promise<ContactListItemDto[]> {
  const ids = items.map((i) => i.id);
  const [organizations, lastContacts, attended] = await Promise.all([
    columns.includes('organization') ? repo.currentOrganizations(db, ids) : null,
    columns.includes('lastContact') ? repo.lastContactDays(db, ids) : null,
    columns.includes('eventsAttended') ? repo.eventsAttendedCounts(db, ids) : null,
  ]);
  return items.map((item) => {
    const org = organizations?.get(item.id);
    return {
      ...item,
      ...(organizations ? { organization: org ? { id: org.id, name: org.name, title: org.title } : null } : {}),
      ...(lastContacts ? { lastContact: lastContacts.get(item.id) ?? null } : {}),
      ...(attended ? { eventsAttended: attended.get(item.id) ?? 0 } : {}),
    };
  });
}

/**
 * The contacts table: every filter (combined with the ranked `q` search), any sort, offset or keyset paging.
 * With q and no sort the rows keep the search's ranking (offset paging only). Phones, emails and notes are withheld
 * by the same mapper as everywhere (toDto).
 */
export async function listContactTable(db: Db, actor: Actor, query: ListContactsFilter): Promise<ContactListDto> {
  const saved = query.segment ? await segmentFilterFor(db, actor, query.segment) : {};
  const filter: ContactFilter = { ...saved, ...filterOf(query) };
  const columns = parseExtraColumns(query.columns);
  const scope = await resolveFilterScope(db, actor, filter);
  const ranked = scope.matchedIds !== null && query.sort === undefined;
  const sort: ContactSort = query.sort ?? 'name';
  const order = ranked ? null : { key: sort.replace(/^-/, '') as ContactSortKey, descending: sort.startsWith('-') };
  const after = query.cursor && order ? decodeCursor(query.cursor, sort) : null;
  const offset = after ? 0 : query.offset;
  const [rows, total] = await Promise.all([
    repo.listContactPage(db, filter, scope, { order, ranking: ranked ? scope.matchedIds : null, after, limit: query.limit, offset }),
    repo.countContacts(db, filter, scope),
  ]);
  const fields = await activeFieldDefs(db);
  const items = await withExtras(
    db,
    rows.map((r) => toDto(r, actor, fields)),
    columns,
  );
  const last = rows.at(-1);
  const more = rows.length === query.limit && (after !== null || offset + rows.length < total);
  return {
    items,
    total,
    limit: query.limit,
    offset,
    ...(order && last && more ? { nextCursor: encodeCursor(sort, last.sort_keys) } : {}),
  };
}
