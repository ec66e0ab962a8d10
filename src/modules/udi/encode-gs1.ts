import { DomainError } from '../../platform/errors.ts';
import type { AiDefinition } from './ai-spec.ts';
import { findAi } from './ai-table.ts';
import { checkAiPairing } from './gs1-pairing.ts';
import { isoToYymmdd } from './gs1-dates.ts';
import { GS } from './split-gs1.ts';
import { validateAiData } from './validate-ai-data.ts';

/** What to put on a GS1 label: the UDI fields by name, and any other element strings by AI. */
export interface Gs1Label {
  sscc?: string;
  gtin?: string;
  productionDate?: string;
  expiry?: string;
  lot?: string;
  serial?: string;
  ais?: Readonly<Record<string, string>>;
}

export interface EncodedGs1 {
  /** The element string a scanner sends: elements joined, GS after each variable-length one but the last. */
  raw: string;
  /** The human-readable interpretation printed under the barcode: "(01)…(17)…". */
  hri: string;
}

const FIELD_AIS = [
  ['sscc', '00'],
  ['gtin', '01'],
  ['productionDate', '11'],
  ['expiry', '17'],
  ['lot', '10'],
  ['serial', '21'],
] as const;

const DATE_AIS = new Set(['11', '17']);

/**
 * Encodes a label as a GS1 element string. Each element is checked as the parser checks it, so a
 * label Lotline would reject on scanning is refused here with the same error. Predefined-length
 * elements go first: they need no GS, which keeps the symbol short.
 */
export function encodeGs1(label: Gs1Label, opts: { now?: Date } = {}): EncodedGs1 {
  const now = opts.now ?? new Date();
  const elements = new Map<string, string>();
  const add = (ai: string, data: string): void => {
    const earlier = elements.get(ai);
    if (earlier !== undefined && earlier !== data) {
      throw new DomainError('SCAN_PAIRING', `AI (${ai}) is given twice: "${earlier}" and "${data}"`, {
        field: `ai.${ai}`,
      });
    }
    elements.set(ai, data);
  };
  for (const [field, ai] of FIELD_AIS) {
    const value = label[field];
    if (value !== undefined) add(ai, DATE_AIS.has(ai) ? toYymmdd(value, ai, now) : value);
  }
  for (const [ai, data] of Object.entries(label.ais ?? {})) add(ai, data);
  if (elements.size === 0) {
    throw new DomainError('SCAN_EMPTY', 'the label has no data to encode', { field: 'label' });
  }

  const checked = [...elements].map(([ai, data]) => ({ definition: definitionOf(ai), data }));
  for (const { definition, data } of checked) validateAiData(definition, data, now);
  checkAiPairing([...elements.keys()]);

  const ordered = [
    ...checked.filter((e) => e.definition.predefinedLength !== undefined),
    ...checked.filter((e) => e.definition.predefinedLength === undefined),
  ];
  const raw = ordered
    .map(({ definition, data }, i) => {
      const separator = definition.predefinedLength === undefined && i < ordered.length - 1 ? GS : '';
      return definition.ai + data + separator;
    })
    .join('');
  const hri = ordered.map(({ definition, data }) => `(${definition.ai})${data}`).join('');
  return { raw, hri };
}

function definitionOf(ai: string): AiDefinition {
  const definition = findAi(ai);
  if (!definition) {
    throw new DomainError('SCAN_UNKNOWN_AI', `(${ai}) is not a GS1 Application Identifier`, {
      field: `ai.${ai}`,
    });
  }
  return definition;
}

function toYymmdd(iso: string, ai: string, now: Date): string {
  const yymmdd = isoToYymmdd(iso, now);
  if (yymmdd === undefined) {
    throw new DomainError(
      'SCAN_BAD_DATE',
      `"${iso}" is not a date YYMMDD can carry (it must exist and lie within 49 years back and 50 ahead)`,
      { field: `ai.${ai}` },
    );
  }
  return yymmdd;
}
