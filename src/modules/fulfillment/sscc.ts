import { gs1CheckDigit, hasValidGs1CheckDigit } from '../udi/check-digit.ts';

/**
 * SSCC (AI 00), the 18-digit key of a logistic unit: extension digit, GS1 company prefix, serial
 * reference (zero-padded to fill 17 digits) and the GS1 mod-10 check digit.
 */
export const DEFAULT_COMPANY_PREFIX = '6901234';

/** The company prefix from LOTLINE_GS1_COMPANY_PREFIX (6–12 digits), else the documented default. */
export function companyPrefix(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.LOTLINE_GS1_COMPANY_PREFIX?.trim();
  if (!raw) return DEFAULT_COMPANY_PREFIX;
  if (!/^\d{6,12}$/.test(raw)) throw new Error(`LOTLINE_GS1_COMPANY_PREFIX must be 6–12 digits, got "${raw}"`);
  return raw;
}

export function buildSscc(extension: number, prefix: string, serialReference: number): string {
  if (!Number.isInteger(extension) || extension < 0 || extension > 9) throw new RangeError('the SSCC extension digit is 0–9');
  if (!/^\d{6,12}$/.test(prefix)) throw new RangeError('a GS1 company prefix is 6–12 digits');
  const width = 16 - prefix.length;
  if (!Number.isInteger(serialReference) || serialReference < 0 || String(serialReference).length > width) {
    throw new RangeError(`the serial reference must fit in ${width} digits for prefix ${prefix}`);
  }
  const body = `${extension}${prefix}${String(serialReference).padStart(width, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export const isValidSscc = (sscc: string): boolean => /^\d{18}$/.test(sscc) && hasValidGs1CheckDigit(sscc);
