import type {
  ConnectionDto,
  ConnectionsDto,
  ContactBriefDto,
  InteractionDto,
  InteractionListDto,
  PositionDto,
  RelationshipTypeDto,
} from '$api';

/** Shapes of the positions / relationships / interactions endpoints (see docs/api.md), from the server's schemas. */
export type ContactBrief = ContactBriefDto;
export type LabelPair = RelationshipTypeDto['labels']['forward'];
export type Position = PositionDto;
export type RelationshipType = RelationshipTypeDto;
/** A relationship as one of its contacts sees it: `label` already reads from this contact's side. */
export type Connection = ConnectionDto;
export type Interaction = InteractionDto;
export type InteractionKind = InteractionDto['kind'];
export type InteractionPage = InteractionListDto;
export type Connections = ConnectionsDto;

/** The kinds in the order the form offers them. */
export const INTERACTION_KINDS = ['meeting', 'call', 'visit', 'message', 'other'] as const satisfies readonly InteractionKind[];
