import { DomainError } from '../../platform/errors.ts';
import { definedFields } from './defined-fields.ts';
import { checkAiPairing } from './gs1-pairing.ts';
import { gs1DateToIso } from './gs1-dates.ts';
import { splitHriElementString, splitRawElementString } from './split-gs1.ts';
import type { Gs1Scan } from './types.ts';
import { validateAiData } from './validate-ai-data.ts';

/**
 * Parses a GS1 element string, raw (GS-separated) or human-readable ("(01)…(17)…"), into the
 * UDI fields. Every element is checked against the AI table, then the AIs against each other;
 * the whole string must be consumed.
 */
export function parseGs1(text: string, now: Date): Gs1Scan {
  const elements = text.startsWith('(') ? splitHriElementString(text) : splitRawElementString(text);
  if (elements.length === 0) {
    throw new DomainError('SCAN_EMPTY', 'the scan holds only separators', { field: 'scan' });
  }
  const ais = new Map<string, string>();
  for (const { definition, data } of elements) {
    validateAiData(definition, data, now);
    const earlier = ais.get(definition.ai);
    // The same element twice is harmless (a label may repeat it across carriers); two values are not.
    if (earlier !== undefined && earlier !== data) {
      throw new DomainError(
        'SCAN_PAIRING',
        `AI (${definition.ai}) appears twice with different data: "${earlier}" and "${data}"`,
        { field: `ai.${definition.ai}` },
      );
    }
    ais.set(definition.ai, data);
  }
  checkAiPairing([...ais.keys()]);
  return toGs1Scan(ais, now);
}

function toGs1Scan(ais: ReadonlyMap<string, string>, now: Date): Gs1Scan {
  const date = (ai: string): string | undefined => {
    const data = ais.get(ai);
    return data === undefined ? undefined : gs1DateToIso(data.slice(0, 6), now, 'month-end');
  };
  // 37 counts the trade items in a logistic unit, 30 the pieces of a variable-count item.
  const count = ais.get('37') ?? ais.get('30');
  return definedFields<Gs1Scan>({
    scheme: 'GS1',
    gtin: ais.get('01'),
    sscc: ais.get('00'),
    lot: ais.get('10'),
    // Without (17), the date of (7003) expiry date and time is still the expiry that FEFO must respect.
    expiry: date('17') ?? date('7003'),
    productionDate: date('11'),
    serial: ais.get('21'),
    quantity: count === undefined ? undefined : Number(count),
    ais: Object.fromEntries(ais),
  });
}
