/** Node colours by contact kind and edge colours by relationship type (colour-blind friendly Okabe–Ito hues). */
export const KIND_COLOURS: Record<string, string> = {
  activist: '#0072B2',
  volunteer_team: '#009E73',
  organization: '#D55E00',
  government_focal_point: '#CC79A7',
};

export const EDGE_COLOURS: Record<string, string> = {
  position: '#333333',
  member_of: '#56B4E9',
  leads: '#E69F00',
  funded_by: '#8C564B',
  partner_of: '#009E73',
  referred_by: '#CC79A7',
  works_with: '#999999',
};

export const OTHER_COLOUR = '#B0B0B0';

export const kindColour = (kind: string) => KIND_COLOURS[kind] ?? OTHER_COLOUR;
export const edgeColour = (type: string) => EDGE_COLOURS[type] ?? OTHER_COLOUR;
