import { Type, type Static } from 'typebox';
import { GovernorateCode, LanguageQuery, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS, SENSITIVITIES } from '../../domain/contact-kinds.js';
import { CreatedDay } from '../contacts/contacts.schemas.js';

export const EXPORT_COLUMNS = [
  'name',
  'nameLatin',
  'nameKu',
  'kind',
  'subtype',
  'gender',
  'governorates',
  'phones',
  'emails',
  'tags',
  'notes',
  'sensitivity',
  'source',
  'consentNote',
  'consentPhone',
  'consentWhatsapp',
  'consentEmail',
  'consentPhotos',
  'consentPartnerSharing',
  'createdAt',
  'updatedAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['name', 'kind', 'governorates', 'phones', 'emails', 'tags'];

export const ExportQuery = Type.Object(
  {
    format: Type.Unsafe<'csv' | 'xlsx'>({ type: 'string', enum: ['csv', 'xlsx'], default: 'csv' }),
    lang: LanguageQuery,
    kind: Type.Optional(literalUnion(CONTACT_KINDS)),
    governorate: Type.Optional(GovernorateCode),
    sensitivity: Type.Optional(literalUnion(SENSITIVITIES)),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    createdFrom: Type.Optional(CreatedDay),
    createdTo: Type.Optional(CreatedDay),
    columns: Type.Optional(
      Type.String({ maxLength: 4000, description: `comma-separated: ${EXPORT_COLUMNS.join(', ')}, or cf:<key> for a custom field` }),
    ),
  },
  { additionalProperties: false },
);
export type ExportFilter = Static<typeof ExportQuery>;
