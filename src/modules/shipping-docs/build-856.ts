import { invalid } from '../../platform/errors.ts';
import { ccyymmddFromIso, envelopeStamp } from '../edi/shared/dates.ts';
import type { X12ControlVersion } from '../edi/x12/read-isa.ts';
import { containsDelimiter, writeInterchange, x12Segment } from '../edi/x12/write-x12.ts';
import type { AsnInput, AsnItem, AsnParty } from './asn-input.ts';

/**
 * The X12 856 ship notice (004010): BSN, then the hierarchy shipment (S) → order (O) → pack (P,
 * MAN*GM with the SSCC) → item (I: LIN with GTIN, lot and serial, SN1 quantity, DTM*036 expiry).
 * Items that left outside any package hang under the order. Pure: control number and `now` come
 * from the caller.
 */

const CONTROL_VERSION: Readonly<Record<string, X12ControlVersion>> = { '004010': '00401', '005010': '00501' };
const PURPOSE_ORIGINAL = '00';
const STRUCTURE_SOPI = '0001'; // BSN05: shipment, order, packaging, item
const SHIPPED = '011';
const EXPIRATION = '036';

/** Free text (names, carrier) loses what X12 would read as a delimiter; identifiers are refused instead. */
const text = (value: string): string => [...value].map((c) => (containsDelimiter(c) ? ' ' : c)).join('').trim();

function date(iso: string, field: string): string {
  const value = ccyymmddFromIso(iso);
  if (value === null) throw invalid(field, `${iso} is not a date YYYY-MM-DD`);
  return value;
}

const partySegment = (code: string, p: AsnParty): string =>
  x12Segment('N1', code, text(p.name), p.gln ? 'UL' : undefined, p.gln ?? undefined);

function itemSegments(item: AsnItem, index: number): string[] {
  const ids: string[] = [];
  if (item.gtin) ids.push('UK', item.gtin);
  ids.push('LT', item.lot);
  if (item.serial) ids.push('SN', item.serial);
  ids.push('VP', item.vendorItem);
  if (item.buyerItem) ids.push('BP', item.buyerItem);
  return [
    x12Segment('LIN', item.lineNo, ...ids),
    x12Segment('SN1', '', String(item.quantity), item.uom),
    x12Segment('DTM', EXPIRATION, date(item.expiry, `packages.items[${index}].expiry`)),
  ];
}

export function generate856(input: AsnInput): string {
  const version = input.version ?? '004010';
  const controlVersion = CONTROL_VERSION[version];
  if (!controlVersion) throw invalid('version', `X12 ${version} is not 004010 or 005010`);
  if (input.packages.every((p) => p.items.length === 0)) throw invalid('packages', 'an ASN lists at least one item');
  const stamp = envelopeStamp(input.now);
  let hl = 0;
  const body: string[] = [
    x12Segment('BSN', PURPOSE_ORIGINAL, input.shipmentNumber, stamp.ccyymmdd, stamp.hhmm, STRUCTURE_SOPI),
    x12Segment('HL', String(++hl), '', 'S'),
    x12Segment('TD5', '', '', '', '', text(input.carrier)),
    x12Segment('REF', 'CN', input.trackingNumber),
    x12Segment('DTM', SHIPPED, date(input.shipDate, 'shipDate')),
    partySegment('ST', input.shipTo),
    partySegment('SF', input.shipFrom),
  ];
  const orderHl = ++hl;
  body.push(x12Segment('HL', String(orderHl), '1', 'O'), x12Segment('PRF', input.poNumber, '', '', date(input.poDate, 'poDate')));
  let itemIndex = 0;
  for (const pkg of input.packages) {
    let parent = orderHl;
    if (pkg.sscc !== null) {
      parent = ++hl;
      body.push(x12Segment('HL', String(parent), String(orderHl), 'P'), x12Segment('MAN', 'GM', pkg.sscc));
    }
    for (const item of pkg.items) {
      body.push(x12Segment('HL', String(++hl), String(parent), 'I'), ...itemSegments(item, itemIndex++));
    }
  }
  body.push(x12Segment('CTT', String(hl)));
  return writeInterchange(
    { sender: input.sender, receiver: input.receiver, version: controlVersion, controlNumber: input.controlNumber, now: input.now,
      test: input.test ?? false },
    { group: { functionalId: 'SH', appSender: input.sender.id, appReceiver: input.receiver.id, version, sets: [{ id: '856', body }] } },
  );
}
