import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { findDeviceIdsByCode, getDeviceFacts, resolveGtins, type GtinResolution } from '../catalog/device-queries.ts';
import type { ParsedOrderLine } from '../edi/index.ts';
import type { OrderLineInput } from '../orders/order-input.ts';
import { levelOfUnit, type PackagingLevel } from '../orders/unit-of-measure.ts';
import { resolvePartnerItem, type PartnerItem } from '../parties/resolve-partner-item.ts';
import { formatMinor } from '../pricing/money.ts';
import { isValidGtin, normaliseGtin } from '../udi/check-digit.ts';
import { decimalToMinor } from './decimal-to-minor.ts';
import { UNIT_OF_LEVEL } from './unit-codes.ts';

/** What the acknowledgement of a line echoes back to the partner. */
export interface AckLineBasis {
  /** The order line's number. */
  lineNo: number;
  partnerLineNo: string;
  uom: string;
  gtin?: string;
}

export interface EdiLines {
  lines: OrderLineInput[];
  ack: AckLineBasis[];
}

type ItemChoice =
  | { kind: 'gtin'; hit: GtinResolution }
  | { kind: 'xref'; code: string; item: PartnerItem }
  | { kind: 'code'; code: string }
  | { kind: 'unknown' };

/**
 * The items of an EDI order as order lines: a GTIN we know (device and packaging level), else the
 * partner's item cross-reference (buyer item, then vendor item), else the vendor item as our
 * device code. The partner's price per unit ordered becomes the buyer's price per base unit.
 * Throws VALIDATION_FAILED naming `lines.<i>.…` for an item the order cannot carry.
 */
export async function resolveEdiLines(tx: Sql, customerId: string, edi: readonly ParsedOrderLine[], currency: string): Promise<EdiLines> {
  const byGtin = await resolveGtins(tx, edi.flatMap((l) => (l.gtin ? [l.gtin] : [])));
  const gtinHit = (l: ParsedOrderLine) => (l.gtin && isValidGtin(l.gtin) ? byGtin.get(normaliseGtin(l.gtin)) : undefined);
  const partnerCodes = [...new Set(edi.filter((l) => !gtinHit(l)).flatMap((l) => [l.buyerItem, l.vendorItem].filter((c): c is string => !!c)))];
  const xrefs = new Map<string, PartnerItem | null>();
  for (const code of partnerCodes) xrefs.set(code, await resolvePartnerItem(tx, customerId, code)); // one connection: in turn

  const choices = edi.map((l): ItemChoice => {
    const hit = gtinHit(l);
    if (hit) return { kind: 'gtin', hit };
    for (const code of [l.buyerItem, l.vendorItem]) {
      const item = code ? xrefs.get(code) : null;
      if (code && item) return { kind: 'xref', code, item };
    }
    return l.vendorItem ? { kind: 'code', code: l.vendorItem } : { kind: 'unknown' };
  });
  const idOfCode = await findDeviceIdsByCode(tx, choices.flatMap((c) => (c.kind === 'code' ? [c.code] : [])));
  const facts = await getDeviceFacts(tx, choices.flatMap((c) =>
    c.kind === 'xref' ? [c.item.deviceId] : c.kind === 'code' && idOfCode.has(c.code) ? [idOfCode.get(c.code)!] : []));
  const perPackage = (deviceId: string | undefined, level: PackagingLevel | null): number | null =>
    level === 'each' ? 1 : (facts.get(deviceId ?? '')?.packaging.find((p) => p.level === level)?.quantity ?? null);

  const lines: OrderLineInput[] = [];
  const ack: AckLineBasis[] = [];
  edi.forEach((l, i) => {
    const choice = choices[i]!;
    let input: OrderLineInput;
    let level: PackagingLevel | null;
    let per: number | null;
    switch (choice.kind) {
      case 'gtin':
        input = { gtin: l.gtin!, quantity: l.quantity, ...(l.uom ? { uom: l.uom } : {}) };
        level = choice.hit.level;
        per = choice.hit.quantity;
        break;
      case 'xref': {
        level = choice.item.packagingLevel;
        if (l.uom && levelOfUnit(l.uom) !== level) {
          throw invalid(`lines.${i}.uom`, `unit ${l.uom} contradicts item ${choice.code}, which is ordered by the ${level}`);
        }
        input = { deviceId: choice.item.deviceId, quantity: l.quantity, uom: UNIT_OF_LEVEL[level] };
        per = perPackage(choice.item.deviceId, level);
        break;
      }
      case 'code':
        input = { deviceCode: choice.code, quantity: l.quantity, ...(l.uom ? { uom: l.uom } : {}) };
        level = l.uom ? levelOfUnit(l.uom) : 'each';
        per = perPackage(idOfCode.get(choice.code), level);
        break;
      case 'unknown':
        if (l.gtin) {
          input = { gtin: l.gtin, quantity: l.quantity }; // placing the order names the unknown GTIN
          level = null;
          per = null;
          break;
        }
        if (l.buyerItem) throw invalid(`lines.${i}.buyerItem`, `buyer item ${l.buyerItem} has no item cross-reference for this customer`);
        throw invalid(`lines.${i}`, 'the line names no item: no GTIN, buyer item or vendor item');
    }
    lines.push({ ...input, ...priceFields(l, currency, per), ...(l.requestedDate ? { requestedDate: l.requestedDate } : {}),
      ...(l.buyerItem ? { buyerItem: l.buyerItem } : {}) });
    ack.push({ lineNo: i + 1, partnerLineNo: l.lineNo, uom: l.uom?.toUpperCase() ?? UNIT_OF_LEVEL[level ?? 'each'],
      ...(l.gtin && isValidGtin(l.gtin) ? { gtin: normaliseGtin(l.gtin) } : {}) });
  });
  return { lines, ack };
}

/** The buyer's price per base unit, and a note when turning the package price into it had to round. */
function priceFields(l: ParsedOrderLine, currency: string, per: number | null): Pick<OrderLineInput, 'unitPriceMinor' | 'notes'> {
  const amount = l.unitPrice && per ? decimalToMinor(l.unitPrice, currency, per) : null;
  if (!amount) return {};
  if (amount.exact) return { unitPriceMinor: amount.minor };
  return {
    unitPriceMinor: amount.minor,
    notes: `buyer's price ${l.unitPrice} ${currency} per ${l.uom ?? 'unit'} taken as ${formatMinor(amount.minor, currency)} per base unit (rounded)`,
  };
}
