import { api } from '$lib/api';
import type { CreateRelationshipTypeInput } from '$api';
import type { RelationshipType } from '$lib/connections/types';

/** The body of POST /api/relationship-types; a symmetric type needs no reverse label (it reads the same both ways). */
export type NewRelationshipType = CreateRelationshipTypeInput;

export function createRelationshipType(input: NewRelationshipType): Promise<RelationshipType> {
  return api('POST /relationship-types', { body: input });
}

export const RELATIONSHIP_TYPE_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
