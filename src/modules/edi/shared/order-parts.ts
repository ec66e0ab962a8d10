import type { OrderParty, OrderSource, PartyIdScheme } from '../types.ts';

/** Pieces of a parsed order that X12 and EDIFACT build the same way. */

/** A party without the fields the partner left empty; the scheme only goes with an id. */
export function orderParty(fields: {
  id: string;
  qualifier: string;
  scheme: PartyIdScheme;
  name: string;
}): OrderParty {
  const party: OrderParty = {};
  if (fields.id) party.id = fields.id;
  if (fields.id && fields.qualifier) {
    party.qualifier = fields.qualifier;
    party.scheme = fields.scheme;
  }
  if (fields.name) party.name = fields.name;
  return party;
}

interface Located {
  index: number;
  start: number;
  end: number;
}

/** The raw source of one set / message: its first to its last segment. */
export function orderSource(segments: readonly Located[], text: string): OrderSource {
  const first = segments[0];
  const last = segments.at(-1);
  if (!first || !last) throw new Error('orderSource: a set has at least its header segment');
  return { firstSegment: first.index, lastSegment: last.index, text: text.slice(first.start, last.end) };
}
