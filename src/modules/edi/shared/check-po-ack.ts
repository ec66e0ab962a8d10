import { invalid } from '../../../platform/errors.ts';
import type { LineAckStatus, PoAckInput, PoAckLine } from '../types.ts';
import { ccyymmddFromIso } from './dates.ts';
import { normaliseGtin } from './gtin.ts';

/**
 * Checks the neutral purchase-order acknowledgement before it is written as an 855 or ORDRSP,
 * and gives its dates in CCYYMMDD. The input comes from Lotline itself, so a failure here is a
 * caller's mistake, thrown as VALIDATION_FAILED naming the field.
 */

export interface CheckedPoAckLine extends PoAckLine {
  /** CCYYMMDD; absent only on a rejected line. */
  promisedOn?: string;
}

export interface CheckedPoAck {
  poDate: string;
  lines: CheckedPoAckLine[];
}

/** What each status says about the accepted quantity; a contradiction is refused. */
const QUANTITY_RULE: Readonly<Record<LineAckStatus, (line: PoAckLine) => boolean>> = {
  accepted: (l) => l.acceptedQty === l.orderedQty,
  date_rescheduled: (l) => l.acceptedQty === l.orderedQty,
  quantity_changed: (l) => l.acceptedQty !== l.orderedQty,
  rejected: (l) => l.acceptedQty === 0,
};

export function checkPoAck(input: PoAckInput): CheckedPoAck {
  if (!input.poNumber) throw invalid('poNumber', 'is empty');
  const poDate = ccyymmddFromIso(input.poDate);
  if (!poDate) throw invalid('poDate', `"${input.poDate}" is not a YYYY-MM-DD date`);
  if (input.lines.length === 0) throw invalid('lines', 'an acknowledgement has at least one line');
  return { poDate, lines: input.lines.map((line, i) => checkLine(line, `lines[${i}]`)) };
}

function checkLine(line: PoAckLine, field: string): CheckedPoAckLine {
  if (!line.lineNo) throw invalid(`${field}.lineNo`, 'is empty');
  for (const key of ['orderedQty', 'acceptedQty'] as const) {
    if (!Number.isSafeInteger(line[key]) || line[key] < 0)
      throw invalid(`${field}.${key}`, 'is not a whole number of units');
  }
  if (!QUANTITY_RULE[line.status](line)) {
    throw invalid(
      `${field}.acceptedQty`,
      `${line.acceptedQty} of ${line.orderedQty} contradicts status ${line.status}`,
    );
  }
  if (!/^\d+(\.\d+)?$/.test(line.unitPrice))
    throw invalid(`${field}.unitPrice`, `"${line.unitPrice}" is not a decimal`);
  if (!line.uom) throw invalid(`${field}.uom`, 'is empty');

  const checked: CheckedPoAckLine = { ...line };
  if (line.gtin !== undefined) {
    const gtin = normaliseGtin(line.gtin);
    if (!gtin) throw invalid(`${field}.gtin`, `"${line.gtin}" is not a valid GTIN`);
    checked.gtin = gtin;
  }
  if (line.status !== 'rejected') {
    const promisedOn = line.promisedDate === undefined ? null : ccyymmddFromIso(line.promisedDate);
    if (!promisedOn)
      throw invalid(`${field}.promisedDate`, 'a line not rejected needs a YYYY-MM-DD promised date');
    checked.promisedOn = promisedOn;
  }
  return checked;
}
