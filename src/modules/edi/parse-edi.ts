import { DomainError } from '../../platform/errors.ts';
import { parseEdifact } from './edifact/parse-edifact.ts';
import type { EdiParseOptions, EdiParseResult } from './types.ts';
import { parseX12 } from './x12/parse-x12.ts';

/**
 * The one entry point for inbound purchase orders: tells X12 from EDIFACT by the first segment
 * and hands over. Pure: the caller reads the file and passes the ack's control number and `now`.
 *
 * Throws a DomainError (EDI_UNKNOWN_STANDARD, EDI_ENVELOPE_INVALID, EDI_SEGMENT_INVALID) only
 * when the file cannot be acknowledged at all; every envelope or content error an ack can
 * express comes back as a rejecting ack in the result.
 */
export function parseEdi(text: string, options: EdiParseOptions): EdiParseResult {
  // A byte-order mark or blank lines before the header are editors' doing, not data.
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+/, '');
  if (body.startsWith('ISA')) return parseX12(body, options);
  if (body.startsWith('UNA') || body.startsWith('UNB')) return parseEdifact(body, options);
  throw new DomainError(
    'EDI_UNKNOWN_STANDARD',
    'the file starts with neither ISA (X12) nor UNA/UNB (EDIFACT)',
    {
      field: 'ISA/UNB',
      details: { start: body.slice(0, 20) },
    },
  );
}
