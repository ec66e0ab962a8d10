import { generate855, generateOrdrsp, type EdiStandard, type LineAckStatus, type PoAckLine } from '../edi/index.ts';
import { formatMinor } from '../pricing/money.ts';
import type { AckLineBasis } from './resolve-edi-lines.ts';
import { unitCode } from './unit-codes.ts';

/** The order as confirmed: quantities in base units, prices per base unit. */
export interface ConfirmedOrder {
  currency: string;
  requestedDate: string | null;
  promisedDate: string | null;
  lines: ReadonlyArray<{
    lineNo: number;
    uom: string;
    uomQuantity: number;
    ordered: number;
    cancelled: number;
    unitPriceMinor: number;
    requestedDate: string | null;
    promisedDate: string | null;
  }>;
}

/** What the order was in the partner's terms (stored when it came in). */
export interface InboundOrderLink {
  standard: EdiStandard;
  version: string;
  poNumber: string;
  poDate: string;
  partner: { qualifier: string; id: string };
  us: { qualifier: string; id: string };
  test: boolean;
  lines: AckLineBasis[];
}

export interface OrderAck {
  messageType: '855' | 'ORDRSP';
  text: string;
}

/**
 * The 855 (X12, in the version the 850 came in) or ORDRSP (EDIFACT) for a confirmed order: per
 * line, the partner's line number and unit, the quantity accepted (ordered − cancelled, in that
 * unit), our price in that unit, and the ship date promised — the line's promise, else the
 * order's, else the date requested, else `today`. Pure.
 */
export function buildOrderAck(order: ConfirmedOrder, link: InboundOrderLink, o: { controlNumber: number; now: Date; today: string }): OrderAck {
  const lines = order.lines.map((line): PoAckLine => {
    const basis = link.lines.find((b) => b.lineNo === line.lineNo);
    const perUnit = line.ordered / line.uomQuantity;
    const acceptedQty = Math.floor((line.ordered - line.cancelled) / perUnit);
    const requested = line.requestedDate ?? order.requestedDate;
    const promised = line.promisedDate ?? order.promisedDate ?? requested ?? o.today;
    const status = lineStatus(line.uomQuantity, acceptedQty, requested, promised);
    return {
      lineNo: basis?.partnerLineNo ?? String(line.lineNo),
      orderedQty: line.uomQuantity,
      acceptedQty,
      uom: basis?.uom ?? unitCode(line.uom),
      unitPrice: formatMinor(line.unitPriceMinor * perUnit, order.currency),
      ...(status === 'rejected' ? {} : { promisedDate: promised }),
      ...(basis?.gtin ? { gtin: basis.gtin } : {}),
      status,
    };
  });
  const input = {
    poNumber: link.poNumber, poDate: link.poDate, lines, sender: link.us, receiver: link.partner,
    controlNumber: o.controlNumber, now: o.now, version: link.version, test: link.test,
  };
  return link.standard === 'X12' ? { messageType: '855', text: generate855(input) } : { messageType: 'ORDRSP', text: generateOrdrsp(input) };
}

function lineStatus(ordered: number, accepted: number, requested: string | null, promised: string): LineAckStatus {
  if (accepted === 0) return 'rejected';
  if (accepted !== ordered) return 'quantity_changed';
  return requested && promised !== requested ? 'date_rescheduled' : 'accepted';
}
