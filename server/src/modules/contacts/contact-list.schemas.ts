import { Type, type Static } from 'typebox';
import { GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { DateOnly } from '../../http/dates.js';
import { CONTACT_KINDS, ORGANIZATION_SUBTYPES, SENSITIVITIES } from '../../domain/contact-kinds.js';
import { CONTACT_SORTS, TAGS_MODES } from '../../domain/contact-list.js';
import { CUSTOM_FILTER_PATTERN } from '../../domain/custom-fields.js';
import { ContactSchema, CreatedDay } from './contacts.schemas.js';

const Day = (description: string) => Type.String({ ...DateOnly, description });

/**
 * The contacts list's filter: the query string of GET /api/contacts and the JSON a saved segment stores, one schema
 * for both so a segment can never hold a filter the list would refuse.
 */
export const ContactFilterSchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Arabic-tolerant name search (or phone digits)' })),
    kind: Type.Optional(literalUnion(CONTACT_KINDS)),
    subtype: Type.Optional(literalUnion(ORGANIZATION_SUBTYPES)),
    // One code (as before the table) or several, repeated: in any of them.
    governorate: Type.Optional(Type.Union([GovernorateCode, Type.Array(GovernorateCode, { maxItems: 19, uniqueItems: true })])),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20 })),
    tagsMode: Type.Optional(literalUnion(TAGS_MODES)),
    memberOf: Type.Optional(
      Type.String({ format: 'uuid', description: 'current position in, or current member_of relationship to, this contact' }),
    ),
    hasPhone: Type.Optional(Type.Boolean()),
    hasEmail: Type.Optional(Type.Boolean()),
    lastContactAfter: Type.Optional(Day('latest interaction on or after this day')),
    lastContactBefore: Type.Optional(Day('latest interaction on or before this day (contacts never met are left out)')),
    invitedTo: Type.Optional(
      Type.String({ format: 'uuid', description: 'invited to this event (any status past proposed, except cancelled)' }),
    ),
    attended: Type.Optional(Type.String({ format: 'uuid', description: 'attended this event, in person or as the representative' })),
    createdFrom: Type.Optional(CreatedDay),
    createdTo: Type.Optional(CreatedDay),
    updatedFrom: Type.Optional(CreatedDay),
    updatedTo: Type.Optional(CreatedDay),
    sensitivity: Type.Optional(literalUnion(SENSITIVITIES)),
    custom: Type.Optional(
      Type.Array(Type.String({ pattern: CUSTOM_FILTER_PATTERN, maxLength: 300 }), {
        maxItems: 20,
        description: 'custom field conditions, each <key>:<op>:<value>; op is is, any (options joined by |), min, max or has',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ContactFilter = Static<typeof ContactFilterSchema>;

export const ListContactsQuery = Type.Object(
  {
    ...ContactFilterSchema.properties,
    segment: Type.Optional(
      Type.String({ format: 'uuid', description: "a saved segment's filter; filters given here override its fields" }),
    ),
    sort: Type.Optional(literalUnion(CONTACT_SORTS)),
    columns: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated: organization, lastContact, eventsAttended' })),
    cursor: Type.Optional(Type.String({ maxLength: 2000, description: "the previous page's nextCursor; offset is then ignored" })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type ListContactsFilter = Static<typeof ListContactsQuery>;

const OrganizationRef = Type.Object({
  id: Uuid,
  name: Type.String(),
  title: Type.Union([Type.String(), Type.Null()], { description: 'the position held; null for a membership' }),
});

export const ContactListItemSchema = Type.Object({
  ...ContactSchema.properties,
  organization: Type.Optional(Type.Union([OrganizationRef, Type.Null()], { description: 'with columns=organization' })),
  lastContact: Type.Optional(Type.Union([DateOnly, Type.Null()], { description: 'with columns=lastContact' })),
  eventsAttended: Type.Optional(Type.Integer({ description: 'with columns=eventsAttended' })),
});
export type ContactListItemDto = Static<typeof ContactListItemSchema>;

export const ContactListSchema = Type.Object({
  items: Type.Array(ContactListItemSchema),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  nextCursor: Type.Optional(
    Type.String({ description: 'for the next page in this sort; absent on the last page and for a ranked search' }),
  ),
});
export type ContactListDto = Static<typeof ContactListSchema>;
