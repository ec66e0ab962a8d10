import type { ErrorCode } from '../../platform/errors.ts';
import type { EdiIssue, EdiOutcome, EdiStandard } from '../edi/index.ts';

/** How an interchange came in. */
export type IntakeChannel = 'api' | 'cli' | 'folder';

export interface IntakeError {
  code: ErrorCode;
  message: string;
  field?: string;
}

/** One order of an accepted set: placed (with its number and status) or refused (with why). */
export interface IntakeOrderResult {
  poNumber: string;
  orderId?: string;
  number?: string;
  status?: string;
  error?: IntakeError;
}

/** The answer to a received interchange; a resent one gets the same answer with `duplicate: true`. */
export interface InterchangeResult {
  interchangeId: string;
  duplicate: boolean;
  standard: EdiStandard;
  outcome: EdiOutcome;
  /** The 997 / 999 / CONTRL to send back; null when the partner is unknown (nobody to send it to). */
  ack: string | null;
  orders: IntakeOrderResult[];
  issues: EdiIssue[];
  /** Set when Lotline refused the interchange as a whole (EDI_UNKNOWN_PARTNER). */
  error?: IntakeError;
}

/** A line or two for people (the drop folder's reason file, the CLI): what went wrong, if anything. */
export function describeProblems(r: InterchangeResult): string[] {
  return [
    ...(r.error ? [`${r.error.code}: ${r.error.message}`] : []),
    ...r.issues.map((i) => `${i.level} ${i.reference}, code ${i.code}: ${i.message}`),
    ...r.orders.flatMap((o) => (o.error ? [`PO ${o.poNumber} refused, ${o.error.code}${o.error.field ? ` (${o.error.field})` : ''}: ${o.error.message}`] : [])),
  ];
}
