import { isoFromCcyymmdd } from '../shared/dates.ts';
import { normaliseGtin } from '../shared/gtin.ts';
import { NUMBER_PROBLEM_TEXT, readDecimal, readWholeQuantity } from '../shared/numbers.ts';
import { orderParty } from '../shared/order-parts.ts';
import type { OrderParty, OrderPurpose, ParsedOrderLine, PartyIdScheme } from '../types.ts';
import type { ElementError } from './ack-codes.ts';
import {
  BUYER_ITEM_QUALIFIERS,
  GTIN_QUALIFIERS,
  PRODUCT_ID_PAIRS,
  PURPOSE_BY_CODE,
  VENDOR_ITEM_QUALIFIERS,
} from './rules-850.ts';
import type { X12Segment } from './tokenize-x12.ts';

/**
 * What each 850 segment Lotline reads puts into the order being built. It is called only for
 * segments whose syntax passed `checkSegment`, and returns the errors only the mapping can see
 * (a GTIN's check digit, a fraction of a unit).
 */

export interface OrderDraft {
  header?: { poNumber: string; purpose: OrderPurpose; orderDate: string };
  requestedDate?: string;
  currency?: string;
  buyer?: OrderParty;
  shipTo?: OrderParty;
  lines: ParsedOrderLine[];
}

/** Table 1 (heading), table 2 (PO1 loops), table 3 (CTT): N1 and DTM mean different things in each. */
export type Area = 'heading' | 'detail' | 'summary';

/** N103 (66) → scheme. */
const SCHEME_BY_QUALIFIER: Readonly<Record<string, PartyIdScheme>> = {
  '1': 'DUNS',
  '9': 'DUNS+4',
  UL: 'GLN',
  '91': 'SELLER_ASSIGNED',
  '92': 'BUYER_ASSIGNED',
};
const REQUESTED_DELIVERY = '002'; // DTM01 (374): delivery requested

export function map850Segment(segment: X12Segment, draft: OrderDraft, area: Area): ElementError[] {
  const el = (n: number): string => segment.elements[n - 1] ?? '';
  const currentLine = draft.lines.at(-1);
  switch (segment.id) {
    case 'BEG': {
      const purpose = PURPOSE_BY_CODE.get(el(1));
      const orderDate = isoFromCcyymmdd(el(5));
      if (purpose && orderDate) draft.header = { poNumber: el(3), purpose, orderDate };
      return [];
    }
    case 'CUR':
      if (area === 'heading') draft.currency ??= el(2);
      return [];
    case 'DTM': {
      const date = el(1) === REQUESTED_DELIVERY ? isoFromCcyymmdd(el(2)) : null;
      if (date && area === 'heading') draft.requestedDate = date;
      if (date && area === 'detail' && currentLine) currentLine.requestedDate = date;
      return [];
    }
    case 'N1': {
      const scheme = SCHEME_BY_QUALIFIER[el(3)] ?? 'OTHER';
      const party = orderParty({ name: el(2), qualifier: el(3), id: el(4), scheme });
      if (area === 'heading' && el(1) === 'BY') draft.buyer ??= party;
      if (area === 'heading' && el(1) === 'ST') draft.shipTo ??= party;
      if (area === 'detail' && el(1) === 'ST' && currentLine) currentLine.shipTo = party;
      return [];
    }
    case 'PO1':
      return mapLine(el, draft);
    default:
      return [];
  }
}

function mapLine(el: (n: number) => string, draft: OrderDraft): ElementError[] {
  const errors: ElementError[] = [];
  const quantity = readWholeQuantity(el(2), '.');
  if (!quantity.ok) {
    const message = `PO102 "${el(2)}" ${NUMBER_PROBLEM_TEXT[quantity.problem]}`;
    errors.push({
      position: 2,
      reference: '330',
      code: quantity.problem === 'too-large' ? '5' : '6',
      badValue: el(2),
      message,
    });
  }
  // With an error the set is rejected and this line is never returned; it is still added so
  // the DTM and N1 that follow attach to their own line.
  const line: ParsedOrderLine = {
    lineNo: el(1) || String(draft.lines.length + 1),
    quantity: quantity.ok ? quantity.value : 0,
  };
  if (el(3)) line.uom = el(3);
  const price = readDecimal(el(4), '.');
  if (price.ok) line.unitPrice = price.value;

  for (const [qualifierAt, idAt] of PRODUCT_ID_PAIRS) {
    const [qualifier, id] = [el(qualifierAt), el(idAt)];
    const gtin = GTIN_QUALIFIERS.has(qualifier) ? normaliseGtin(id) : undefined;
    if (gtin === null) {
      const message = `PO1${String(idAt).padStart(2, '0')} "${id}" is not a valid GTIN`;
      errors.push({ position: idAt, reference: '234', code: '7', badValue: id, message });
    }
    if (gtin) line.gtin ??= gtin;
    if (BUYER_ITEM_QUALIFIERS.has(qualifier)) line.buyerItem ??= id;
    if (VENDOR_ITEM_QUALIFIERS.has(qualifier)) line.vendorItem ??= id;
  }
  draft.lines.push(line);
  return errors;
}
