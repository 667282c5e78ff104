import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';
import { InvitationSchema } from './invitations.schemas.js';

export const ScanBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 40,
      description: 'the check-in code as scanned or typed: spaces, dashes, case and Arabic-Indic digits do not matter',
    }),
    confirmOutsideEventDays: Type.Optional(
      Type.Boolean({ description: "record the arrival although today is not one of the event's days (Baghdad time)" }),
    ),
  },
  { additionalProperties: false },
);
export type ScanInput = Static<typeof ScanBody>;

export const ScanResultSchema = Type.Object({
  result: Type.Union([Type.Literal('checked_in'), Type.Literal('already_checked_in')]),
  invitation: InvitationSchema,
  /** Said at the door with the name: which working group the person sits in. */
  group: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
});
export type ScanResultDto = Static<typeof ScanResultSchema>;
