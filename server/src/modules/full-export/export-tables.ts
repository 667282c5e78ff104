/**
 * What the full export holds: one file per table, its columns (database names, so the files join on them) and a line
 * in Arabic, English and Sorani Kurdish for README.txt. Internal columns (search keys, password hashes, tokens) are left out.
 * A column is its database name, or [name, SQL expression] for a value joined in from another table.
 */
import type { Language } from '../../domain/language.js';

export type ExportColumnSpec = string | readonly [name: string, expression: string];

export interface ExportTableSpec {
  file: string;
  from: string;
  columns: readonly ExportColumnSpec[];
  orderBy: string;
  about: Record<Language, string>;
}

export const EXPORT_TABLES: readonly ExportTableSpec[] = [
  {
    file: 'contacts',
    from: 'contact',
    columns: [
      'id',
      'kind',
      'subtype',
      'name',
      'name_latin',
      'name_ku',
      'name_first',
      'name_father',
      'name_grandfather',
      'name_family',
      'gender',
      'phones',
      'emails',
      'tags',
      [
        'governorates',
        '(SELECT array_agg(g.governorate_code ORDER BY g.governorate_code) FROM contact_governorate g WHERE g.contact_id = contact.id)',
      ],
      'notes',
      'sensitivity',
      'source',
      'consent_note',
      'custom_values',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
      'version',
    ],
    orderBy: 'created_at, id',
    about: {
      ar: 'جهات الاتصال (أشخاص ومنظمات وفرق). الهواتف والبريد والوسوم والمحافظات قوائم مفصولة بفاصلة منقوطة؛ consent_note هي ملاحظة الموافقة القديمة، وآخر حالة موافقة لكل نطاق في أعمدة consent_*.',
      en: 'Contacts (people, organisations, teams). phones, emails, tags and governorates are lists separated by semicolons; consent_note is the earlier free-text consent line; the current consent per scope is in the consent_* columns.',
      ku: 'پەیوەندیکاران (کەس، ڕێکخراو، تیم). تەلەفۆن و ئیمەیڵ و تاگ و پارێزگاکان لیستن و بە خاڵبۆر جیا کراونەتەوە؛ consent_note تێبینیی کۆنی ڕەزامەندییە، و دوایین دۆخی ڕەزامەندی بۆ هەر بوارێک لە ستوونەکانی consent_*دایە.',
    },
  },
  {
    file: 'contact_governorates',
    from: 'contact_governorate',
    columns: ['contact_id', 'governorate_code'],
    orderBy: 'contact_id, governorate_code',
    about: {
      ar: 'ربط جهات الاتصال بالمحافظات (contact_id ← contacts.id، governorate_code ← governorates.code).',
      en: 'Contacts and their governorates (contact_id → contacts.id, governorate_code → governorates.code).',
      ku: 'بەستنەوەی پەیوەندیکاران بە پارێزگاکانەوە (contact_id ← contacts.id، governorate_code ← governorates.code).',
    },
  },
  {
    file: 'contact_tags',
    from: 'contact CROSS JOIN LATERAL unnest(contact.tags) AS t(tag)',
    columns: [
      ['contact_id', 'contact.id'],
      ['tag', 't.tag'],
    ],
    orderBy: 'contact.id, t.tag',
    about: { ar: 'ربط جهات الاتصال بالوسوم.', en: 'Contacts and their tags.', ku: 'بەستنەوەی پەیوەندیکاران بە تاگەکانەوە.' },
  },
  {
    file: 'tags',
    from: '(SELECT unnest(tags) AS tag FROM contact) AS t GROUP BY t.tag',
    columns: [
      ['tag', 't.tag'],
      ['contact_count', 'count(*)'],
    ],
    orderBy: 't.tag',
    about: {
      ar: 'الوسوم المستعملة وعدد جهات الاتصال لكل وسم.',
      en: 'The tags in use and how many contacts carry each.',
      ku: 'ئەو تاگانەی بەکاردێن و ژمارەی پەیوەندیکاران بۆ هەر تاگێک.',
    },
  },
  {
    file: 'governorates',
    from: 'governorate',
    columns: ['code', 'pcode', 'name_ar', 'name_en', 'name_ku', 'kurdistan_region', 'sort_order'],
    orderBy: 'sort_order',
    about: { ar: 'المحافظات الثماني عشرة وما يلحق بها.', en: 'The governorates.', ku: 'پارێزگاکان.' },
  },
  {
    file: 'positions',
    from: 'position',
    columns: [
      'id',
      'person_id',
      'organization_id',
      'title',
      'is_focal_point',
      'start_date',
      'end_date',
      'note',
      'created_at',
      'updated_at',
      'version',
    ],
    orderBy: 'created_at, id',
    about: {
      ar: 'مناصب الأشخاص في المنظمات (person_id وorganization_id ← contacts.id).',
      en: 'People’s positions in organisations (person_id and organization_id → contacts.id).',
      ku: 'پۆستی کەسەکان لە ڕێکخراوەکاندا (person_id و organization_id ← contacts.id).',
    },
  },
  {
    file: 'custom_fields',
    from: 'custom_field',
    columns: ['id', 'key', 'type', 'kinds', 'label_ar', 'label_en', 'options', 'restricted', 'position', 'archived_at', 'created_at'],
    orderBy: 'position, key',
    about: {
      ar: 'الحقول المخصصة لجهات الاتصال؛ قيمها في العمود custom_values من ملف contacts (JSON بمفتاح الحقل key).',
      en: 'Custom fields of contacts; their values are in the custom_values column of contacts (JSON by the field key).',
      ku: 'خانە تایبەتەکانی پەیوەندیکاران؛ بەهاکانیان لە ستوونی custom_values ی فایلی contacts دایە (JSON بە کلیلی خانەکە key).',
    },
  },
  {
    file: 'relationship_types',
    from: 'relationship_type',
    columns: ['id', 'key', 'label_forward_ar', 'label_forward_en', 'label_reverse_ar', 'label_reverse_en', 'symmetric', 'created_at'],
    orderBy: 'key',
    about: { ar: 'أنواع العلاقات.', en: 'Relationship types.', ku: 'جۆرەکانی پەیوەندی.' },
  },
  {
    file: 'relationships',
    from: 'relationship',
    columns: [
      'id',
      'type_id',
      'from_contact_id',
      'to_contact_id',
      'start_date',
      'end_date',
      'strength',
      'note',
      'created_by',
      'created_at',
      'updated_at',
      'version',
    ],
    orderBy: 'created_at, id',
    about: {
      ar: 'العلاقات بين جهات الاتصال (type_id ← relationship_types.id).',
      en: 'Relationships between contacts (type_id → relationship_types.id).',
      ku: 'پەیوەندییەکانی نێوان پەیوەندیکاران (type_id ← relationship_types.id).',
    },
  },
  {
    file: 'interactions',
    from: 'interaction',
    columns: ['id', 'kind', 'occurred_on', 'summary', 'follow_up_on', 'follow_up_done', 'logged_by', 'created_at', 'updated_at', 'version'],
    orderBy: 'occurred_on, id',
    about: {
      ar: 'التفاعلات (اجتماعات، مكالمات، رسائل…).',
      en: 'Interactions (meetings, calls, messages…).',
      ku: 'کارلێکەکان (کۆبوونەوە، پەیوەندیی تەلەفۆنی، نامە…).',
    },
  },
  {
    file: 'interaction_participants',
    from: 'interaction_participant',
    columns: ['interaction_id', 'contact_id'],
    orderBy: 'interaction_id, contact_id',
    about: {
      ar: 'من شارك في كل تفاعل (interaction_id ← interactions.id).',
      en: 'Who took part in each interaction (interaction_id → interactions.id).',
      ku: 'کێ لە هەر کارلێکێکدا بەشداری کرد (interaction_id ← interactions.id).',
    },
  },
  {
    file: 'events',
    from: 'event',
    columns: [
      'id',
      'title',
      'type',
      'starts_at',
      'ends_at',
      'governorate_code',
      'venue',
      'capacity',
      'description',
      'contact_phone',
      'created_by',
      'created_at',
      'updated_at',
      'version',
    ],
    orderBy: 'starts_at, id',
    about: { ar: 'الفعاليات.', en: 'Events.', ku: 'چالاکییەکان.' },
  },
  {
    file: 'event_groups',
    from: 'event_group',
    columns: ['id', 'event_id', 'name', 'facilitator_id', 'size', 'sort_order', 'created_at', 'updated_at', 'version'],
    orderBy: 'event_id, sort_order, id',
    about: {
      ar: 'مجموعات العمل في الفعاليات (facilitator_id ← contacts.id).',
      en: 'Working groups of events (facilitator_id → contacts.id).',
      ku: 'گرووپەکانی کار لە چالاکییەکاندا (facilitator_id ← contacts.id).',
    },
  },
  {
    file: 'invitations',
    from: 'invitation',
    columns: [
      'id',
      'event_id',
      'contact_id',
      'representative_id',
      'role',
      'status',
      'group_id',
      'walk_in',
      'quota_governorate',
      'status_changed_at',
      'status_changed_by',
      'created_by',
      'created_at',
      'updated_at',
      'version',
    ],
    orderBy: 'event_id, created_at, id',
    about: {
      ar: 'الدعوات إلى الفعاليات وحالتها الحالية (group_id ← event_groups.id).',
      en: 'Invitations to events and their current status (group_id → event_groups.id).',
      ku: 'بانگهێشتەکان بۆ چالاکییەکان و دۆخی ئێستایان (group_id ← event_groups.id).',
    },
  },
  {
    file: 'invitation_status_changes',
    from: 'invitation_status_change',
    columns: ['id', 'invitation_id', 'from_status', 'to_status', 'changed_at', 'changed_by', 'source', 'note'],
    orderBy: 'invitation_id, changed_at, id',
    about: { ar: 'سجل تغيّر حالة كل دعوة.', en: 'The status history of each invitation.', ku: 'مێژووی گۆڕانی دۆخی هەر بانگهێشتێک.' },
  },
  {
    file: 'consent_records',
    from: 'consent_record LEFT JOIN consent_file f ON f.record_id = consent_record.id',
    columns: [
      'id',
      'contact_id',
      'kind',
      'basis',
      'scopes',
      ['recorded_on', 'consent_record.recorded_on'],
      'note',
      'recorded_by',
      'created_at',
      [
        'file_name',
        "CASE WHEN f.record_id IS NULL THEN NULL ELSE 'consent_files/' || consent_record.id || CASE f.mime WHEN 'application/pdf' THEN '.pdf' WHEN 'image/png' THEN '.png' ELSE '.jpg' END END",
      ],
      ['file_mime', 'f.mime'],
      ['file_size', 'f.size'],
      ['file_sha256', 'f.sha256'],
    ],
    orderBy: 'consent_record.contact_id, consent_record.recorded_on, consent_record.created_at',
    about: {
      ar: 'سجلات الموافقة (منح أو سحب لكل نطاق؛ السحب سجل جديد). النسخ الممسوحة في مجلد consent_files.',
      en: 'Consent records (given or withdrawn per scope; a withdrawal is a new record). Attached scans are in consent_files/.',
      ku: 'تۆمارەکانی ڕەزامەندی (دان یان کشانەوە بۆ هەر بوارێک؛ کشانەوە تۆمارێکی نوێیە). وێنە سکانکراوەکان لە بوخچەی consent_files دان.',
    },
  },
  {
    file: 'users',
    from: 'app_user',
    columns: ['id', 'name', 'email', 'role', 'active', 'governorates', 'last_login_at', 'created_at'],
    orderBy: 'created_at, id',
    about: {
      ar: 'حسابات المستخدمين (لربط created_by وrecorded_by وغيرها)، بلا كلمات المرور.',
      en: 'User accounts (for created_by, recorded_by and the like), without passwords.',
      ku: 'هەژمارەکانی بەکارهێنەران (بۆ بەستنەوەی created_by و recorded_by و هاوشێوەکانیان)، بەبێ وشەی نهێنی.',
    },
  },
];

export const columnName = (c: ExportColumnSpec) => (typeof c === 'string' ? c : c[0]);
