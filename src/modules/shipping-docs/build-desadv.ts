import { invalid } from '../../platform/errors.ts';
import { ccyymmddFromIso, envelopeStamp } from '../edi/shared/dates.ts';
import { edifactSegment, writeEdifactInterchange, type OutboundSegment } from '../edi/edifact/write-edifact.ts';
import type { AsnInput, AsnItem, AsnParty } from './asn-input.ts';

/**
 * The EDIFACT DESADV despatch advice (D.96A): BGM 351, dates, the order (RFF ON), the parties,
 * then the packing hierarchy: CPS 1 for the consignment, a CPS per package with PAC, PCI 33E and
 * GIN BJ (its SSCC), and per item LIN (GTIN), PIA (lot, serial, our code), QTY 12 (despatched)
 * and DTM 361 (expiry). Pure: control number and `now` come from the caller.
 */

const CCYYMMDD = '102';
const DESPATCH_ADVICE = '351';
const ORIGINAL = '9';

function date(iso: string, field: string): string {
  const value = ccyymmddFromIso(iso);
  if (value === null) throw invalid(field, `${iso} is not a date YYYY-MM-DD`);
  return value;
}

/** NAD with the GLN (code list 9) when known, else the name only. */
const nad = (qualifier: string, p: AsnParty): OutboundSegment =>
  p.gln ? edifactSegment('NAD', qualifier, [p.gln, '', '9']) : edifactSegment('NAD', qualifier, undefined, undefined, p.name);

/** X12 EA is the UN/ECE Rec. 20 piece, PCE, in EDIFACT. */
const unit = (uom: string): string => (uom === 'EA' ? 'PCE' : uom);

function itemSegments(item: AsnItem, lineNumber: number, index: number): OutboundSegment[] {
  const pia: Array<string[]> = [[item.lot, 'NB']];
  if (item.serial) pia.push([item.serial, 'SN']);
  pia.push([item.vendorItem, 'SA']);
  if (item.buyerItem) pia.push([item.buyerItem, 'IN']);
  return [
    edifactSegment('LIN', String(lineNumber), undefined, item.gtin ? [item.gtin, 'SRV'] : undefined),
    edifactSegment('PIA', '1', ...pia.slice(0, 5)),
    edifactSegment('QTY', ['12', String(item.quantity), unit(item.uom)]),
    edifactSegment('DTM', ['361', date(item.expiry, `packages.items[${index}].expiry`), CCYYMMDD]),
    edifactSegment('RFF', ['LI', item.lineNo]),
  ];
}

export function generateDesadv(input: AsnInput): string {
  const directory = input.version ?? 'D96A';
  const match = /^D(\d{2}[A-Z])$/.exec(directory);
  if (!match?.[1]) throw invalid('version', `EDIFACT directory ${directory} is not like D96A`);
  if (input.packages.every((p) => p.items.length === 0)) throw invalid('packages', 'an ASN lists at least one item');
  const body: OutboundSegment[] = [
    edifactSegment('BGM', DESPATCH_ADVICE, input.shipmentNumber, ORIGINAL),
    edifactSegment('DTM', ['137', envelopeStamp(input.now).ccyymmdd, CCYYMMDD]),
    edifactSegment('DTM', ['11', date(input.shipDate, 'shipDate'), CCYYMMDD]),
    edifactSegment('RFF', ['ON', input.poNumber]),
    edifactSegment('DTM', ['171', date(input.poDate, 'poDate'), CCYYMMDD]),
    edifactSegment('RFF', ['CN', input.trackingNumber]),
    nad('BY', input.buyer),
    nad('DP', input.shipTo),
    nad('SU', input.shipFrom),
    edifactSegment('TDT', '20', undefined, undefined, undefined, ['', '', '', input.carrier]),
    edifactSegment('CPS', '1'),
  ];
  let level = 1;
  let lineNumber = 0;
  let index = 0;
  for (const pkg of input.packages) {
    body.push(edifactSegment('CPS', String(++level), '1'));
    if (pkg.sscc !== null) {
      body.push(edifactSegment('PAC', '1', undefined, 'CT'), edifactSegment('PCI', '33E'), edifactSegment('GIN', 'BJ', pkg.sscc));
    }
    for (const item of pkg.items) body.push(...itemSegments(item, ++lineNumber, index++));
  }
  body.push(edifactSegment('CNT', ['2', String(lineNumber)]));
  return writeEdifactInterchange(
    { syntax: { identifier: 'UNOC', version: '3' }, sender: input.sender, recipient: input.receiver,
      controlReference: String(input.controlNumber), now: input.now, test: input.test ?? false },
    [{ reference: '1', identifier: ['DESADV', 'D', match[1], 'UN', 'EAN005'], body }],
  );
}
