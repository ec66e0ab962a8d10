import type { EnvelopeParty } from '../edi/index.ts';
import type { ShipmentDocData } from './shipment-doc-data.ts';

/** One item of the ASN: a lot (and serial) of an order line, in one package or none. */
export interface AsnItem {
  /** The partner's line number of the order line (PO101 / LIN 1082 as they sent it), else ours. */
  lineNo: string;
  gtin: string | null;
  vendorItem: string;
  buyerItem: string | null;
  lot: string;
  /** YYYY-MM-DD */
  expiry: string;
  serial: string | null;
  quantity: number;
  /** A two-character X12 unit (EA); the DESADV says PCE for it. */
  uom: string;
}

export interface AsnPackage {
  /** null: items that left outside any package. */
  sscc: string | null;
  items: AsnItem[];
}

export interface AsnParty {
  name: string;
  gln: string | null;
}

/** The neutral content of an advance ship notice, from which the 856 and the DESADV are written. */
export interface AsnInput {
  shipmentNumber: string;
  /** YYYY-MM-DD */
  shipDate: string;
  poNumber: string;
  poDate: string;
  carrier: string;
  trackingNumber: string;
  shipTo: AsnParty;
  shipFrom: AsnParty;
  buyer: AsnParty;
  packages: AsnPackage[];
  /** Us, as the partner knows us. */
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  controlNumber: number;
  now: Date;
  /** X12 GS08 (004010) or EDIFACT directory (D96A). */
  version?: string;
  test?: boolean;
}

/** How the partner trades with us: the envelope ids and their line numbers for our order lines. */
export interface AsnPartnerLink {
  partner: EnvelopeParty;
  us: EnvelopeParty;
  test: boolean;
  lineNumbers: ReadonlyMap<number, string>;
  /** The purchase order as the partner sent it, when the order came by EDI. */
  po?: { number: string; date: string };
}

const X12_UNIT = /^[A-Z0-9]{2}$/;

/**
 * The ASN's content from a shipment's data: per package (SSCC), one item per lot of an order line,
 * or per unit when serialised. Pure.
 */
export function asnFromShipment(
  data: ShipmentDocData,
  link: AsnPartnerLink,
  o: { controlNumber: number; now: Date; version?: string },
): AsnInput {
  const packages = new Map<string, AsnPackage>();
  for (const p of data.packages) packages.set(p.sscc, { sscc: p.sscc, items: [] });
  for (const l of data.lines) {
    const key = l.sscc ?? '';
    let pkg = packages.get(key);
    if (!pkg) packages.set(key, (pkg = { sscc: l.sscc, items: [] }));
    const lineNo = link.lineNumbers.get(l.lineNo) ?? String(l.lineNo);
    const same = pkg.items.find((i) => i.lineNo === lineNo && i.lot === l.lotNumber && i.serial === null && l.serial === null);
    if (same) {
      same.quantity += l.quantity;
      continue;
    }
    pkg.items.push({
      lineNo, gtin: l.eachGtin, vendorItem: l.deviceCode, buyerItem: l.buyerItem, lot: l.lotNumber, expiry: l.expiresOn,
      serial: l.serial, quantity: l.quantity, uom: X12_UNIT.test(l.baseUnit) ? l.baseUnit : 'EA',
    });
  }
  const party = (name: string, gln: string | null): AsnParty => ({ name, gln });
  return {
    shipmentNumber: data.shipment.number,
    shipDate: data.shipment.shipDate,
    poNumber: link.po?.number ?? data.order.externalPo ?? data.order.number,
    poDate: link.po?.date ?? data.order.orderDate,
    carrier: data.shipment.carrier,
    trackingNumber: data.shipment.trackingNumber,
    shipTo: party(data.shipTo?.name ?? data.customer.nameZh, data.shipTo?.gln ?? null),
    shipFrom: party(data.shipFrom.nameEn ?? data.shipFrom.name, data.shipFrom.gln),
    buyer: party(data.customer.nameEn ?? data.customer.nameZh, null),
    packages: [...packages.values()].filter((p) => p.items.length > 0),
    sender: link.us,
    receiver: link.partner,
    controlNumber: o.controlNumber,
    now: o.now,
    ...(o.version ? { version: o.version } : {}),
    test: link.test,
  };
}
