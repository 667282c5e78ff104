/** What an interaction with a contact was: the one list behind the database CHECK, the row type and the API schema. */
export const INTERACTION_KINDS = ['meeting', 'call', 'visit', 'message', 'other'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
