import type { Db } from '../server/src/db/database.js';
import type { Actor } from '../server/src/access/actor.js';
import type { ContactDto } from '../server/src/modules/contacts/contacts.schemas.js';
import { createInteraction } from '../server/src/modules/interactions/interactions.service.js';
import { createPosition } from '../server/src/modules/positions/positions.service.js';
import { createRelationship } from '../server/src/modules/relationships/relationships.service.js';
import { DEMO_CONTACTS } from './demo-contacts.js';

/**
 * Who holds which office, who belongs to which team, and a few meetings, so the partnerships page, the network, the
 * follow-ups and the dashboard have something to show. The offices of the people named in the article are the public
 * roles the article gives them; every meeting and follow-up involves invented contacts only.
 */
const OFFICES: { person: string; body: string; title: string; focal: boolean }[] = [
  // Al-Amal's own people, in the roles the article gives them, so they are linked to their organisation in the network.
  { person: 'jamal-al-jawahiri', body: 'al-amal', title: 'المدير التنفيذي', focal: false },
  { person: 'faten-saleh', body: 'al-amal', title: 'مديرة مشروع تعزيز الديمقراطية', focal: false },
  { person: 'mahmoud-al-hiti', body: 'al-amal', title: 'منسق المشروع', focal: false },
  { person: 'buland', body: 'al-amal', title: 'من كادر الجمعية', focal: false },
  { person: 'qasim-al-obaidi', body: 'bg-citizens-affairs', title: 'ممثل قسم شؤون المواطنين', focal: true },
  { person: 'qasim-al-obaidi', body: 'bg-volunteer-committee', title: 'عضو لجنة العمل التطوعي', focal: false },
  { person: 'inas-abdulmohsen', body: 'bg-womens-affairs', title: 'مديرة قسم شؤون المرأة', focal: true },
  { person: 'abrar-al-ani', body: 'an-ngo-affairs', title: 'مديرة قسم شؤون المنظمات', focal: true },
  { person: 'abrar-al-ani', body: 'an-joint-coordination-centre', title: 'مديرة المركز المشترك للتنسيق والرصد', focal: true },
  { person: 'ruaa-al-darwish', body: 'na-ngo-affairs', title: 'مديرة قسم شؤون المنظمات', focal: true },
  { person: 'hassan-al-musawi', body: 'na-citizens-affairs', title: 'مسؤول الشكاوى', focal: true },
  { person: 'wafaa-al-shammari', body: 'bb-ngo-affairs', title: 'مسؤولة وحدة تسجيل المبادرات', focal: true },
  { person: 'khalid-al-mohammadi', body: 'an-youth-sports', title: 'مدير قسم النشاطات الشبابية', focal: true },
  { person: 'salwa-al-azzawi', body: 'bg-rusafa-youth-sports', title: 'مسؤولة برامج الشابات', focal: true },
];

/** Days ago, with a summary: recent, cooling and dormant partnerships side by side; one follow-up already overdue. */
const MEETINGS: { with: string[]; daysAgo: number; kind: 'meeting' | 'call' | 'visit'; summary: string; followUpInDays?: number }[] = [
  {
    with: ['hassan-al-musawi', 'na-citizens-affairs'],
    daysAgo: 20,
    kind: 'meeting',
    summary: 'تنسيق آلية إحالة شكاوى المواطنين من فرق الكوفة',
  },
  {
    with: ['salwa-al-azzawi', 'bg-rusafa-youth-sports'],
    daysAgo: 12,
    kind: 'call',
    summary: 'ترشيح شابات لورشة القيادة المجتمعية',
    followUpInDays: -4,
  },
  { with: ['wafaa-al-shammari', 'bb-ngo-affairs'], daysAgo: 125, kind: 'visit', summary: 'متابعة تسجيل مبادرات فرق الحلة التطوعية' },
  {
    with: ['khalid-al-mohammadi', 'an-youth-sports'],
    daysAgo: 260,
    kind: 'meeting',
    summary: 'الاتفاق على استخدام قاعة المديرية لأنشطة الفرق',
  },
  {
    with: ['ramadi-youth-team', 'sara-al-fahdawi'],
    daysAgo: 6,
    kind: 'meeting',
    summary: 'تحضير عرض الفريق للجلسة الختامية',
    followUpInDays: 10,
  },
];

const isoDay = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);

export async function loadDemoConnections(db: Db, admin: Actor, contacts: ContactDto[]): Promise<void> {
  const byKey = new Map(DEMO_CONTACTS.map((demo, i) => [demo.key, contacts[i]]));
  const id = (key: string) => {
    const contact = byKey.get(key);
    if (!contact) throw new Error(`demo data has no contact "${key}"`);
    return contact.id;
  };
  for (const office of OFFICES) {
    await createPosition(db, admin, {
      personId: id(office.person),
      organizationId: id(office.body),
      title: office.title,
      isFocalPoint: office.focal,
      startDate: isoDay(-400),
    });
  }
  // Each invented activist joins the first invented team of their governorate.
  const teams = DEMO_CONTACTS.filter((demo) => demo.fictional && demo.kind === 'volunteer_team');
  for (const activist of DEMO_CONTACTS.filter((demo) => demo.fictional && demo.kind === 'activist')) {
    const team = teams.find((t) => t.governorates.some((g) => activist.governorates.includes(g)));
    if (team) await createRelationship(db, admin, { type: 'member_of', fromContactId: id(activist.key), toContactId: id(team.key) });
  }
  for (const meeting of MEETINGS) {
    await createInteraction(db, admin, {
      kind: meeting.kind,
      occurredOn: isoDay(-meeting.daysAgo),
      summary: meeting.summary,
      contactIds: meeting.with.map(id),
      ...(meeting.followUpInDays === undefined ? {} : { followUpOn: isoDay(meeting.followUpInDays) }),
    });
  }
}
