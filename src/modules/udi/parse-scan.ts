import { DomainError } from '../../platform/errors.ts';
import { parseGs1 } from './parse-gs1.ts';
import { parseHibcc } from './parse-hibcc.ts';
import { GS } from './split-gs1.ts';
import type { ParseScanOptions, UdiScan } from './types.ts';

/**
 * AIM symbology identifier a scanner may put first: ']', the symbology, a modifier — ]d2 GS1
 * DataMatrix, ]C1 GS1-128, ]Q3 GS1 QR, ]e0 GS1 DataBar, ]d1 DataMatrix, ]A0 Code 39 …
 */
const AIM_IDENTIFIER = /^\][A-Za-z][0-9A-Za-z]/;

/** The '*' start and stop characters printed around a Code 39 HIBCC symbol's human-readable text. */
const CODE39_FRAME = /^\*(\+.*)\*$/s;

/**
 * Reads one scan, GS1 or HIBCC, into its UDI fields, or throws a DomainError with a SCAN_* code
 * naming the offending field. `now` resolves two-digit years (GS1 sliding window).
 */
export function parseScan(input: string, opts: ParseScanOptions = {}): UdiScan {
  const now = opts.now ?? new Date();
  // Keyboard-wedge scanners end a scan with Enter. Trailing spaces stay until the scheme is known:
  // an HIBCC check or link character may be a space.
  const scan = input
    .replace(/[\r\n]+$/, '')
    .trimStart()
    .replace(AIM_IDENTIFIER, '');
  if (scan.trim() === '') throw new DomainError('SCAN_EMPTY', 'the scan holds no data', { field: 'scan' });

  const hibcc = CODE39_FRAME.exec(scan)?.[1] ?? scan;
  if (hibcc.startsWith('+')) return parseHibcc(hibcc, now);

  // GS1 data never holds spaces, and `<GS>` is how a GS is typed where ASCII 29 cannot be.
  const gs1 = scan.trim().replaceAll('<GS>', GS);
  if (/^[\d(]/.test(gs1) || gs1.startsWith(GS)) return parseGs1(gs1, now);
  throw new DomainError(
    'SCAN_UNKNOWN_FORMAT',
    `the scan is neither a GS1 element string nor HIBCC: "${truncate(scan)}"`,
    { field: 'scan' },
  );
}

function truncate(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}
