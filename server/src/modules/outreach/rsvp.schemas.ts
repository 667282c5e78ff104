import { Type, type Static } from 'typebox';
import { DateTime, literalUnion } from '../../http/common.schemas.js';
import { REPLY_TOKEN_PATTERN } from './reply-link-tokens.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** The same words in each interface language: the page switches language without asking the server again. */
const InEveryLanguage = Type.Object({ ar: Type.String(), en: Type.String(), ku: Type.String() });

export const RsvpParams = Type.Object({ token: Type.String({ pattern: REPLY_TOKEN_PATTERN }) }, { additionalProperties: false });

/** What the invitee has answered so far, in their words rather than the staff vocabulary. */
export const RSVP_ANSWERS = ['awaiting', 'attending', 'declined', 'attended', 'no_show'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

/** Only what the invitation itself says: no ids, no other people, no organisation data. */
export const RsvpViewSchema = Type.Object(
  {
    name: Type.String({ description: 'the invitee (the representative when one attends in their place)' }),
    event: Type.Object({
      title: Type.String(),
      startsAt: DateTime,
      endsAt: DateTime,
      date: InEveryLanguage,
      time: InEveryLanguage,
      venue: Nullable(Type.String()),
      governorate: Nullable(InEveryLanguage),
      contactPhone: Nullable(Type.String({ description: "the organiser's phone, E.164" })),
    }),
    answer: literalUnion(RSVP_ANSWERS),
    note: Nullable(Type.String({ description: 'the note the invitee sent with their latest answer' })),
    canAnswer: Type.Boolean({ description: 'false once the event has started' }),
    checkInCode: Nullable(Type.String({ description: 'the code for the QR shown at the door; only once the invitee will attend' })),
  },
  { additionalProperties: false },
);
export type RsvpViewDto = Static<typeof RsvpViewSchema>;

export const RSVP_NOTE_MAX = 300;

export const RsvpAnswerBody = Type.Object(
  {
    response: literalUnion(['attend', 'decline'] as const),
    note: Type.Optional(Nullable(Type.String({ maxLength: RSVP_NOTE_MAX }))),
  },
  { additionalProperties: false },
);
export type RsvpAnswerInput = Static<typeof RsvpAnswerBody>;
