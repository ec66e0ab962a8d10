import { DomainError, isDomainError } from '../../platform/errors.ts';
import type { Gs1Element } from '../../platform/pdf/render-barcode.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { splitRawElementString } from '../udi/split-gs1.ts';

/** The UDI of one label: its device identifier and production identifiers. */
export interface UdiFields {
  gtin: string;
  lot?: string;
  expiry?: string;
  productionDate?: string;
  serial?: string;
}

export interface EncodedUdi {
  /** The element string a scanner reads from the symbol (GS as ASCII 29). */
  raw: string;
  /** The human-readable text printed with the symbol: "(01)…(17)…(10)…(21)…". */
  hri: string;
  /** The element strings in symbol order, as the barcode renderer takes them. */
  elements: Gs1Element[];
}

const FIELD_OF_AI: Readonly<Record<string, keyof UdiFields>> = {
  '01': 'gtin',
  '10': 'lot',
  '11': 'productionDate',
  '17': 'expiry',
  '21': 'serial',
};

/** GTIN-8, -12 and -13 are carried as GTIN-14 in AI (01): left zeros keep the check digit. */
const SHORT_GTIN = /^(\d{8}|\d{12,13})$/;

/**
 * Encodes a label's UDI with the in-house GS1 codec, so a label is refused exactly when Lotline
 * would refuse its scan. Errors keep their SCAN_* code and name the input field ("expiry",
 * "serial" — or the caller's name for it, such as "serials.3") rather than the AI.
 */
export function encodeUdi(
  fields: UdiFields,
  opts: { now?: Date; fieldNames?: Partial<Record<keyof UdiFields, string>> } = {},
): EncodedUdi {
  const gtin = SHORT_GTIN.test(fields.gtin) ? fields.gtin.padStart(14, '0') : fields.gtin;
  try {
    const { raw, hri } = encodeGs1({ ...fields, gtin }, opts.now ? { now: opts.now } : {});
    const elements = splitRawElementString(raw).map(({ definition, data }) => ({ ai: definition.ai, data }));
    return { raw, hri, elements };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const name = e.field?.startsWith('ai.') ? FIELD_OF_AI[e.field.slice(3)] : undefined;
    if (name === undefined) throw e;
    const field = opts.fieldNames?.[name] ?? name;
    throw new DomainError(e.code, `${field}: ${e.message}`, { field, cause: e });
  }
}
