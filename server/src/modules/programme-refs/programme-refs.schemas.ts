import { Type } from 'typebox';
import { Uuid } from '../../http/common.schemas.js';
import { PROGRAMMES_PER_RECORD_MAX } from '../../domain/programmes/vocabulary.js';

/** The programmes an event, interaction or task is attributed to (none, one or several). */
export const ProgrammeIds = Type.Array(Uuid, {
  maxItems: PROGRAMMES_PER_RECORD_MAX,
  uniqueItems: true,
  description: 'the programmes it is attributed to; on update, replaces the ones the caller sees (others stay)',
});
