import { DomainError } from '../../platform/errors.ts';
import { findAi } from './ai-table.ts';

/**
 * GS1 rules on which AIs go together (GS1 General Specifications, mandatory associations and
 * invalid pairs of element strings): a lot, date or serial needs the GTIN it qualifies (10 → 01,
 * 02, 03, 8006 or 8026), a contained-items GTIN needs its count (02 → 37), and some AIs exclude
 * others (01 with 37, two net weights 3102 and 3103). GS1 evaluates the rules over everything read
 * from one item, so a caller joining several carriers of one label checks the union of their AIs.
 */
export function checkAiPairing(ais: readonly string[]): void {
  for (const ai of ais) {
    const definition = findAi(ai);
    if (!definition) continue;
    for (const group of definition.requires) {
      const satisfied = group.some((alternative) =>
        alternative.every((pattern) => ais.some((other) => matches(pattern, other))),
      );
      if (!satisfied) {
        throw new DomainError(
          'SCAN_PAIRING',
          `AI (${ai}) ${definition.title} needs ${describeGroup(group)} in the same scan`,
          { field: `ai.${ai}` },
        );
      }
    }
    for (const pattern of definition.excludes) {
      const conflict = ais.find((other) => other !== ai && matches(pattern, other));
      if (conflict !== undefined) {
        throw new DomainError(
          'SCAN_PAIRING',
          `AI (${ai}) ${definition.title} cannot appear with AI (${conflict})`,
          { field: `ai.${ai}` },
        );
      }
    }
  }
}

/** An AI pattern: digits match themselves, 'n' any digit ('310n' is 3100 to 3109). */
function matches(pattern: string, ai: string): boolean {
  if (pattern.length !== ai.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== 'n' && pattern[i] !== ai[i]) return false;
  }
  return true;
}

/** [['01'], ['02']] → "AI (01) or (02)"; [['01', '21'], ['03', '21']] → "AI (01)+(21) or (03)+(21)". */
function describeGroup(group: readonly (readonly string[])[]): string {
  return `AI ${group.map((alternative) => alternative.map((ai) => `(${ai})`).join('+')).join(' or ')}`;
}
