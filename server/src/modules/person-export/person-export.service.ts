import type { Db } from '../../db/database.js';
import type { Actor } from '../../access/actor.js';
import { AppError } from '../../errors.js';
import { hiddenContactIds, loadVisibleContact } from '../../access/contact-access.js';
import { hidesRestrictedDetails } from '../../access/restricted-details.js';
import { CONSENT_SCOPES, currentConsent } from '../../domain/consent.js';
import type { Sheet, SheetCell } from '../../spreadsheets/table.js';
import { toXlsx } from '../../spreadsheets/xlsx.js';
import { recordAudit } from '../audit/audit.repository.js';
import { listConsentRecords } from '../consent/consent.repository.js';
import { toFact } from '../consent/consent.service.js';
import { toCell } from '../full-export/full-export.service.js';
import * as repo from './person-export.repository.js';

/** Headers in both languages: the file is handed to the person, who may read either. */
const sheet = (name: string, headers: string[], rows: SheetCell[][]): Sheet => ({
  name,
  rightToLeft: true,
  columns: headers.map((header) => ({ header, width: 22 })),
  rows,
});
const cells = (values: unknown[]) => values.map((v) => (v instanceof Date ? v.toISOString() : toCell(v)));

const HIDDEN = 'مخفي · hidden';

/**
 * Everything held about one contact as one workbook, for the person's request to see their data: the contact's
 * fields, positions, relationships, interactions they took part in, invitations with their history, consent records,
 * and the audit entries about them (who viewed, changed or exported them, when). Only for roles that may see the
 * contact's details; names of other contacts outside a scoped caller's governorates are withheld. Audited.
 */
export async function exportPerson(db: Db, actor: Actor, contactId: string, now = new Date()): Promise<{ file: Buffer; baseName: string }> {
  const data = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const contact = await loadVisibleContact(trx, actor, contactId);
      if (hidesRestrictedDetails(actor, contact)) throw new AppError(403, 'FORBIDDEN', "Your role may not export this contact's details");
      const [positions, relationships, interactions, invitations, consents, audit] = await Promise.all([
        repo.positionsOf(trx, contactId),
        repo.relationshipsOf(trx, contactId),
        repo.interactionsOf(trx, contactId),
        repo.invitationsOf(trx, contactId),
        listConsentRecords(trx, [contactId]),
        repo.auditAbout(trx, contactId),
      ]);
      const history = await repo.invitationHistoryOf(
        trx,
        invitations.map((i) => i.id),
      );
      const others = [
        ...positions.flatMap((p) => [p.person_id, p.organization_id]),
        ...relationships.flatMap((r) => [r.from_contact_id, r.to_contact_id]),
        ...interactions.flatMap((i) => i.others),
        ...invitations.flatMap((i) => [i.contact_id, i.representative_id ?? i.contact_id]),
      ].filter((id) => id !== contactId);
      const hidden = await hiddenContactIds(trx, actor, others);
      const names = await repo.contactNames(trx, [...new Set(interactions.flatMap((i) => i.others))]);
      return { contact, positions, relationships, interactions, invitations, history, consents, audit, hidden, names };
    });
  const { contact, hidden } = data;
  const nameOf = (id: string, name: string | null | undefined) =>
    id === contactId ? contact.name : hidden.has(id) ? HIDDEN : (name ?? id);
  const consent = currentConsent(data.consents.map(toFact));
  const fields: [string, unknown][] = [
    ['id', contact.id],
    ['الاسم · name', contact.name],
    ['name_latin', contact.name_latin],
    ['name_ku', contact.name_ku],
    ['name_first', contact.name_first],
    ['name_father', contact.name_father],
    ['name_grandfather', contact.name_grandfather],
    ['name_family', contact.name_family],
    ['النوع · kind', contact.kind],
    ['subtype', contact.subtype],
    ['الجنس · gender', contact.gender],
    ['المحافظات · governorates', contact.governorates],
    ['الهواتف · phones', contact.phones],
    ['البريد · emails', contact.emails],
    ['الوسوم · tags', contact.tags],
    ['ملاحظات · notes', contact.notes],
    ['الحساسية · sensitivity', contact.sensitivity],
    ['المصدر · source', contact.source],
    ['ملاحظة الموافقة السابقة · earlier consent note', contact.consent_note],
    // Every stored custom value, archived fields' too: the person's request covers all that is held.
    ...Object.entries(contact.custom_values).map(([key, value]): [string, unknown] => [`custom.${key}`, value]),
    ...CONSENT_SCOPES.map((s): [string, unknown] => [`consent_${s}`, consent[s].answer]),
    ['created_at', contact.created_at],
    ['updated_at', contact.updated_at],
  ];
  const sheets: Sheet[] = [
    sheet(
      'جهة الاتصال · contact',
      ['الحقل · field', 'القيمة · value'],
      fields.map(([k, v]) => cells([k, v])),
    ),
    sheet(
      'المناصب · positions',
      [
        'id',
        'person_id',
        'person',
        'organization_id',
        'organization',
        'title',
        'is_focal_point',
        'start_date',
        'end_date',
        'note',
        'created_at',
      ],
      data.positions.map((p) =>
        cells([
          p.id,
          p.person_id,
          nameOf(p.person_id, p.person_name),
          p.organization_id,
          nameOf(p.organization_id, p.organization_name),
          p.title,
          p.is_focal_point,
          p.start_date,
          p.end_date,
          p.note,
          p.created_at,
        ]),
      ),
    ),
    sheet(
      'العلاقات · relationships',
      [
        'id',
        'type',
        'label_ar',
        'label_en',
        'from_contact_id',
        'from',
        'to_contact_id',
        'to',
        'start_date',
        'end_date',
        'strength',
        'note',
        'created_at',
      ],
      data.relationships.map((r) =>
        cells([
          r.id,
          r.type,
          r.label_forward_ar,
          r.label_forward_en,
          r.from_contact_id,
          nameOf(r.from_contact_id, r.from_name),
          r.to_contact_id,
          nameOf(r.to_contact_id, r.to_name),
          r.start_date,
          r.end_date,
          r.strength,
          r.note,
          r.created_at,
        ]),
      ),
    ),
    sheet(
      'التفاعلات · interactions',
      ['id', 'kind', 'occurred_on', 'summary', 'follow_up_on', 'follow_up_done', 'logged_by', 'other_participants'],
      data.interactions.map((i) =>
        cells([
          i.id,
          i.kind,
          i.occurred_on,
          i.summary,
          i.follow_up_on,
          i.follow_up_done,
          i.logged_by,
          i.others.map((id) => nameOf(id, data.names.get(id))),
        ]),
      ),
    ),
    sheet(
      'الدعوات · invitations',
      ['id', 'event_id', 'event', 'starts_at', 'as', 'role', 'status', 'group', 'walk_in', 'created_at'],
      data.invitations.map((i) =>
        cells([
          i.id,
          i.event_id,
          i.event_title,
          i.starts_at,
          i.contact_id === contactId ? 'invitee' : 'representative',
          i.role,
          i.status,
          i.group_name,
          i.walk_in,
          i.created_at,
        ]),
      ),
    ),
    sheet(
      'سجل الدعوات · invitation history',
      ['invitation_id', 'from_status', 'to_status', 'changed_at', 'changed_by', 'source', 'note'],
      data.history.map((h) => cells([h.invitation_id, h.from_status, h.to_status, h.changed_at, h.changed_by, h.source, h.note])),
    ),
    sheet(
      'الموافقة · consent',
      ['id', 'kind', 'basis', 'scopes', 'recorded_on', 'note', 'recorded_by', 'created_at', 'file_mime', 'file_sha256'],
      data.consents.map((c) =>
        cells([c.id, c.kind, c.basis, c.scopes, c.recorded_on, c.note, c.recorded_by_name, c.created_at, c.file_mime, c.file_sha256]),
      ),
    ),
    sheet(
      'سجل الوصول · audit',
      ['at', 'user', 'action', 'entity_type', 'entity_id', 'changed_fields', 'details'],
      data.audit.map((a) => cells([a.at, a.user_name, a.action, a.entity_type, a.entity_id, a.changed_fields, a.details])),
    ),
  ];
  const file = await toXlsx(sheets);
  await recordAudit(db, {
    userId: actor.id,
    action: 'export',
    entityType: 'contact',
    entityId: contactId,
    details: { kind: 'person', counts: Object.fromEntries(sheets.slice(1).map((s) => [s.name.split(' · ')[1], s.rows.length])) },
  });
  return { file, baseName: `person-${contactId.slice(0, 8)}-${now.toISOString().slice(0, 10)}` };
}
