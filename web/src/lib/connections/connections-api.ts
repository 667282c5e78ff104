import { api, type Fetch } from '$lib/api';
import type {
  CreateInteractionInput,
  CreatePositionInput,
  CreateRelationshipInput,
  RelationshipDto,
  ReplacePositionInput,
  ReplacePositionResultDto,
} from '$api';
import type { Connections, Interaction, InteractionPage, Position, RelationshipType } from './types';

export function getConnections(contactId: string, fetch?: Fetch): Promise<Connections> {
  return api('GET /contacts/:id/connections', { params: { id: contactId }, fetch });
}

export async function listRelationshipTypes(fetch?: Fetch): Promise<RelationshipType[]> {
  const { items } = await api('GET /relationship-types', { fetch });
  return items;
}

export type NewPosition = CreatePositionInput;

export function createPosition(input: NewPosition): Promise<Position> {
  return api('POST /positions', { body: input });
}

export function replacePosition(id: string, input: ReplacePositionInput): Promise<ReplacePositionResultDto> {
  return api('POST /positions/:id/replace', { params: { id }, body: input });
}

export type NewRelationship = CreateRelationshipInput;

export function createRelationship(input: NewRelationship): Promise<RelationshipDto> {
  return api('POST /relationships', { body: input });
}

export function endRelationship(id: string, version: number, endDate: string): Promise<RelationshipDto> {
  return api('PATCH /relationships/:id', { params: { id }, body: { version, endDate } });
}

export type NewInteraction = CreateInteractionInput;

export function createInteraction(input: NewInteraction): Promise<Interaction> {
  return api('POST /interactions', { body: input });
}

export function markFollowUpDone(id: string, version: number): Promise<Interaction> {
  return api('PATCH /interactions/:id', { params: { id }, body: { version, followUpDone: true } });
}

export interface FollowUpFilter {
  /** Only those of interactions the current user logged. */
  mine?: boolean;
  /** Only those due before today (the dashboard's overdue figure), not those due today. */
  overdue?: boolean;
  /** Only interactions with a participant in this governorate. */
  governorate?: string;
}

/** Due follow-ups, narrowed by the filter. */
export function listFollowUps(
  fetch?: Fetch,
  { mine = false, overdue = false, governorate }: FollowUpFilter = {},
): Promise<InteractionPage> {
  const query = { needsFollowUp: true, mine: mine || undefined, overdue: overdue || undefined, governorate, limit: 200 };
  return api('GET /interactions', { query, fetch });
}
