import { Type, type Static } from 'typebox';
import { GovernorateCode, Uuid, literalUnion } from '../../http/common.schemas.js';
import { CONTACT_KINDS } from '../../domain/contact-kinds.js';

const Label = Type.Object({ ar: Type.String(), en: Type.String() });

export const NetworkQuery = Type.Object(
  {
    contact: Type.Optional(Uuid),
    governorate: Type.Optional(GovernorateCode),
    depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, default: 1 })),
    includeEnded: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type NetworkQueryInput = Static<typeof NetworkQuery>;

export const NetworkNodeSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: literalUnion(CONTACT_KINDS),
  governorates: Type.Array(Type.String()),
});

export const NetworkEdgeSchema = Type.Object({
  id: Uuid,
  source: Uuid,
  target: Type.String({ format: 'uuid', description: 'for positions: the organisation (source is the person)' }),
  type: Type.String({ description: 'relationship type key, or "position"' }),
  label: Label,
  active: Type.Boolean(),
});

export const NetworkSchema = Type.Object({
  nodes: Type.Array(NetworkNodeSchema),
  edges: Type.Array(NetworkEdgeSchema),
  figures: Type.Object({
    connections: Type.Integer({ description: 'contact view: edges at the centre contact; governorate view: all edges' }),
    organisationsReached: Type.Integer({ description: 'organisations and volunteer teams in the graph, the centre excepted' }),
    governoratesReached: Type.Integer({ description: 'distinct governorates of the nodes' }),
  }),
  bridges: Type.Array(Type.Object({ id: Uuid, name: Type.String(), score: Type.Number() }), {
    description: 'governorate view: top 10 by betweenness centrality; empty in the contact view',
  }),
  truncated: Type.Boolean({ description: 'true when the graph had more than 500 nodes and was cut' }),
});
export type NetworkDto = Static<typeof NetworkSchema>;
export type NetworkEdgeDto = Static<typeof NetworkEdgeSchema>;
export type NetworkNodeDto = Static<typeof NetworkNodeSchema>;
