import { isValidHhmm, isoFromCcyymmdd } from '../shared/dates.ts';
import { normaliseGtin } from '../shared/gtin.ts';
import {
  NUMBER_PROBLEM_TEXT,
  readDecimal,
  readWholeQuantity,
  type NumberReading,
} from '../shared/numbers.ts';
import { orderParty } from '../shared/order-parts.ts';
import type { OrderParty, OrderPurpose, ParsedOrderLine, PartyIdScheme } from '../types.ts';
import type { ContrlErrorCode, ElementFinding } from './contrl-codes.ts';
import type { EdifactSegment } from './tokenize-edifact.ts';
import { component } from './validate-interchange.ts';

/**
 * What each ORDERS segment Lotline reads puts into the order being built, and the UCD findings
 * of its elements. Segments not named here (FTX, RFF, IMD …) carry nothing Lotline keeps.
 */

export interface OrderDraft {
  poNumber?: string;
  purpose?: OrderPurpose;
  orderDate?: string;
  requestedDate?: string;
  currency?: string;
  buyer?: OrderParty;
  shipTo?: OrderParty;
  lines: ParsedOrderLine[];
}

/** A LIN group being read: QTY+21 must come, after the identifying LIN/PIA/IMD/MEA. */
export interface OpenLine {
  line: ParsedOrderLine;
  hasQuantity: boolean;
  hasNetPrice: boolean;
  identifiedAt: number;
}

/** Heading (before the first LIN), detail (LIN groups), summary (after UNS). */
export type Area = 'heading' | 'detail' | 'summary';

/** BGM 1225 → purpose; absent means original, as EANCOM reads it. */
const PURPOSE_BY_FUNCTION: ReadonlyMap<string, OrderPurpose> = new Map([
  ['9', 'original'],
  ['1', 'cancellation'],
  ['4', 'change'],
  ['5', 'replace'],
  ['6', 'confirmation'],
  ['7', 'duplicate'],
]);
/** NAD C082 3055 (code list agency) → scheme. */
const SCHEME_BY_AGENCY: Readonly<Record<string, PartyIdScheme>> = {
  '9': 'GLN',
  '16': 'DUNS',
  '91': 'SELLER_ASSIGNED',
  '92': 'BUYER_ASSIGNED',
};
/** C212 7143 item types: GTIN (EAN.UCC, EAN, UPC); buyer's part / item; supplier's article, vendor's item / part. */
const GTIN_TYPES = new Set(['SRV', 'EN', 'UP']);
const BUYER_ITEM_TYPES = new Set(['BP', 'IN']);
const VENDOR_ITEM_TYPES = new Set(['SA', 'VN', 'VP']);
/** DTM 2379 → digits: CCYYMMDD, CCYYMMDDHHMM, CCYYMMDDHHMMSS; absent is read as 102. */
const DATE_FORMAT_DIGITS: Readonly<Record<string, number>> = { '': 8, '102': 8, '203': 12, '204': 14 };
const SHIP_TO_ROLES = new Set(['DP', 'ST']); // delivery party, ship to
/** ISO 9735 wants a digit before the decimal mark: `.5` is refused (38) though its value is plain. */
const LEADING_MARK = /^-?[.,]/;
const NUMBER_CODES = {
  'invalid-character': '37',
  'wrong-decimal-mark': '19',
  'not-whole': '12',
  negative: '12',
  'too-large': '39',
} as const satisfies Record<string, ContrlErrorCode>;

export function mapOrdersSegment(
  segment: EdifactSegment,
  draft: OrderDraft,
  area: Area,
  open: OpenLine | undefined,
  mark: '.' | ',',
): ElementFinding[] {
  const at = (element: number, position = 1): string => component(segment, element, position);
  switch (segment.tag) {
    case 'BGM': {
      const purpose = at(3) === '' ? 'original' : PURPOSE_BY_FUNCTION.get(at(3));
      if (purpose) draft.purpose = purpose;
      if (at(2)) draft.poNumber = at(2);
      return [
        ...(at(2) ? [] : [finding('13', 2, undefined, 'BGM 1004 (order number) is missing')]),
        ...(purpose
          ? []
          : [finding('14', 3, undefined, `BGM 1225 "${at(3)}" is not a purpose Lotline takes`)]),
      ];
    }
    case 'DTM':
      return mapDate(segment, draft, area, open);
    case 'CUX':
      if (area !== 'heading' || draft.currency) return [];
      if (!/^[A-Z]{3}$/.test(at(1, 2)))
        return [finding('12', 1, 2, `CUX currency "${at(1, 2)}" is not an ISO 4217 code`)];
      draft.currency = at(1, 2);
      return [];
    case 'NAD':
      return mapParty(segment, draft, area, open);
    case 'LIN':
      return open ? identify(open.line, at(3, 1), at(3, 2), 3) : [];
    case 'PIA':
      return open ? [2, 3, 4, 5, 6].flatMap((e) => identify(open.line, at(e, 1), at(e, 2), e)) : [];
    case 'QTY': {
      if (!open || at(1, 1) !== '21') return [];
      open.hasQuantity = true;
      const quantity = readWholeQuantity(at(1, 2), mark);
      const problem = numberProblem(at(1, 2), quantity, 'QTY ordered quantity');
      if (problem) return [problem];
      if (quantity.ok) open.line.quantity = quantity.value;
      if (at(1, 3)) open.line.uom = at(1, 3);
      return [];
    }
    case 'PRI': {
      // The net price (AAA) is the unit price; the gross (AAB) stands in only when no net is sent.
      const qualifier = at(1, 1);
      if (!open || (qualifier !== 'AAA' && qualifier !== 'AAB') || (qualifier === 'AAB' && open.hasNetPrice))
        return [];
      const price = readDecimal(at(1, 2), mark);
      const problem = numberProblem(at(1, 2), price, 'PRI price');
      if (problem) return [problem];
      if (price.ok) open.line.unitPrice = price.value;
      open.hasNetPrice = qualifier === 'AAA';
      return [];
    }
    default:
      return [];
  }
}

/** DTM C507: qualifier 137 (order date) or 2 (delivery requested), value, format 102/203/204. */
function mapDate(
  segment: EdifactSegment,
  draft: OrderDraft,
  area: Area,
  open: OpenLine | undefined,
): ElementFinding[] {
  const [qualifier, value, format] = [
    component(segment, 1, 1),
    component(segment, 1, 2),
    component(segment, 1, 3),
  ];
  if (qualifier !== '137' && qualifier !== '2') return [];
  const digits = DATE_FORMAT_DIGITS[format];
  if (digits === undefined)
    return [finding('14', 1, 3, `DTM date format ${format} is not taken (102, 203, 204)`)];
  const date = value.length === digits ? isoFromCcyymmdd(value.slice(0, 8)) : null;
  if (!date || (digits > 8 && !isValidHhmm(value.slice(8, 12)))) {
    return [finding('12', 1, 2, `DTM+${qualifier} "${value}" is not a date in format ${format || '102'}`)];
  }
  if (qualifier === '137' && area === 'heading') draft.orderDate = date;
  if (qualifier === '2' && area === 'heading') draft.requestedDate = date;
  if (qualifier === '2' && area === 'detail' && open) open.line.requestedDate = date;
  return [];
}

/** NAD: role 3035, C082 id : code list : agency, C080 party name in up to five parts. */
function mapParty(
  segment: EdifactSegment,
  draft: OrderDraft,
  area: Area,
  open: OpenLine | undefined,
): ElementFinding[] {
  const role = component(segment, 1);
  if (role !== 'BY' && !SHIP_TO_ROLES.has(role)) return [];
  const agency = component(segment, 2, 3);
  const name = (segment.elements[3] ?? []).slice(0, 5).filter(Boolean).join(' ');
  const party = orderParty({
    id: component(segment, 2, 1),
    qualifier: agency,
    scheme: SCHEME_BY_AGENCY[agency] ?? 'OTHER',
    name,
  });
  if (!party.id && !party.name) return [finding('13', 2, 1, `NAD+${role} names no party`)];
  if (area === 'heading' && role === 'BY') draft.buyer ??= party;
  if (area === 'heading' && role !== 'BY') draft.shipTo ??= party;
  if (area === 'detail' && role !== 'BY' && open) open.line.shipTo = party;
  return [];
}

/** An item id (C212 7140 : 7143) from LIN or PIA, put where its type says. */
function identify(line: ParsedOrderLine, id: string, type: string, element: number): ElementFinding[] {
  if (!id) return [];
  if (GTIN_TYPES.has(type)) {
    const gtin = normaliseGtin(id);
    if (!gtin) return [finding('12', element, 1, `"${id}" is not a valid GTIN`)];
    line.gtin ??= gtin;
  }
  if (BUYER_ITEM_TYPES.has(type)) line.buyerItem ??= id;
  if (VENDOR_ITEM_TYPES.has(type)) line.vendorItem ??= id;
  return [];
}

/** QTY and PRI carry their number in C186 / C509 component 2. */
function numberProblem(raw: string, reading: NumberReading<unknown>, what: string): ElementFinding | null {
  if (raw === '') return finding('13', 1, 2, `${what} is missing`);
  if (LEADING_MARK.test(raw))
    return finding('38', 1, 2, `${what} "${raw}" has no digit before the decimal mark`);
  if (!reading.ok)
    return finding(
      NUMBER_CODES[reading.problem],
      1,
      2,
      `${what} "${raw}" ${NUMBER_PROBLEM_TEXT[reading.problem]}`,
    );
  return null;
}

function finding(
  code: ContrlErrorCode,
  element: number,
  componentAt: number | undefined,
  message: string,
): ElementFinding {
  return componentAt === undefined
    ? { code, element, message }
    : { code, element, component: componentAt, message };
}
