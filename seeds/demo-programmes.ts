import type { Db } from '../server/src/db/database.js';
import type { Actor } from '../server/src/access/actor.js';
import type { ContactDto } from '../server/src/modules/contacts/contacts.schemas.js';
import { createProgramme } from '../server/src/modules/programmes/programmes.service.js';
import { addParticipant } from '../server/src/modules/programmes/participants.service.js';

/**
 * The demo's programmes, through the programmes service: the democracy programme of the article (its international
 * partner as donor, its four governorates), to which the demo's closing session is attributed, and the small-grants
 * fund's programme for volunteer teams with its teams marked as beneficiaries. Answers the democracy programme's id.
 */
export async function loadDemoProgrammes(db: Db, admin: Actor, contacts: ContactDto[]): Promise<string> {
  const byName = (name: string) => contacts.find((c) => c.name === name);
  const idsOf = (...names: string[]) => names.flatMap((n) => byName(n)?.id ?? []);
  const year = new Date().getUTCFullYear();
  const democracy = await createProgramme(db, admin, {
    nameAr: 'برنامج تعزيز الديمقراطية',
    nameEn: 'Strengthening Democracy Programme',
    nameKu: 'بەرنامەی بەهێزکردنی دیموکراسی',
    startsOn: `${year - 2}-01-01`,
    endsOn: `${year}-12-31`,
    goals: 'ثلاث سنوات في أربع محافظات: مشاركة الشباب والنساء في الحياة العامة والحوار مع الجهات الحكومية.',
    governorates: ['IQ-BG', 'IQ-AN', 'IQ-NA', 'IQ-BB'],
    donorIds: idsOf('منظمة مساعدات الشعب النرويجية'),
  });
  const grants = await createProgramme(db, admin, {
    nameAr: 'منح المبادرات التطوعية',
    nameEn: 'Volunteer Initiatives Grants',
    startsOn: `${year}-01-01`,
    governorates: ['IQ-BG', 'IQ-AN', 'IQ-NA', 'IQ-BB'],
    donorIds: idsOf('صندوق المبادرات المدنية الصغيرة'),
  });
  for (const team of contacts.filter((c) => c.kind === 'volunteer_team')) {
    await addParticipant(db, admin, grants.id, { contactId: team.id, role: 'beneficiary', startsOn: `${year}-01-01` });
  }
  return democracy.id;
}
