import { MEASURE_ROWS } from './ai-rows-measures.ts';
import { TRANSPORT_ROWS } from './ai-rows-transport.ts';
import { IDENTIFICATION_ROWS } from './ai-rows.ts';
import { defineAis } from './ai-spec.ts';
import type { AiDefinition } from './ai-spec.ts';

/**
 * Element strings of predefined length, by the first two digits of the AI: the length of AI plus
 * data (the GS1 General Specifications' table of element strings with predefined length). Only
 * these may run into the next AI without a GS; every other element string is ended by GS unless
 * it is the last, even when its length is fixed. Prefixes 04, 14, 18 and 19 are reserved for
 * future AIs.
 */
// prettier-ignore
export const PREDEFINED_LENGTHS: ReadonlyMap<string, number> = new Map([
  ['00', 20], ['01', 16], ['02', 16], ['03', 16], ['04', 18],
  ['11', 8], ['12', 8], ['13', 8], ['14', 8], ['15', 8], ['16', 8], ['17', 8], ['18', 8], ['19', 8], ['20', 4],
  ['31', 10], ['32', 10], ['33', 10], ['34', 10], ['35', 10], ['36', 10],
  ['41', 16],
]);

const DEFINITIONS: ReadonlyMap<string, AiDefinition> = buildTable();

function buildTable(): Map<string, AiDefinition> {
  const table = new Map<string, AiDefinition>();
  for (const row of [...IDENTIFICATION_ROWS, ...MEASURE_ROWS, ...TRANSPORT_ROWS]) {
    for (const definition of defineAis(row, PREDEFINED_LENGTHS)) {
      if (table.has(definition.ai)) throw new Error(`AI ${definition.ai} is defined twice`);
      table.set(definition.ai, definition);
    }
  }
  return table;
}

export function findAi(ai: string): AiDefinition | undefined {
  return DEFINITIONS.get(ai);
}

/**
 * The AI that starts at `position` of a raw element string. No AI is a prefix of another, so at
 * most one of the 2-, 3- and 4-digit readings names one.
 */
export function findAiAt(text: string, position: number): AiDefinition | undefined {
  for (let length = 2; length <= 4; length++) {
    const definition = DEFINITIONS.get(text.slice(position, position + length));
    if (definition) return definition;
  }
  return undefined;
}

export function allAis(): IterableIterator<AiDefinition> {
  return DEFINITIONS.values();
}
