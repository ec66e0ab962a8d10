import type { EnvelopeParty } from '../edi/types.ts';
import { edifactSegment, writeEdifactInterchange, type OutboundSegment } from '../edi/edifact/write-edifact.ts';
import { writeInterchange, x12Segment } from '../edi/x12/write-x12.ts';
import { bpToPercent, formatMinor } from '../pricing/money.ts';

export interface EdiInvoiceLine {
  lineNo: number;
  quantity: number;
  unitPriceMinor: number;
  netMinor: number;
  vatMinor: number;
  vatRateBp: number;
  gtin: string | null;
  deviceCode: string;
  lotNumber: string | null;
}

export interface EdiInvoice {
  number: string;
  kind: 'invoice' | 'credit_note';
  issueDate: string;
  dueDate: string;
  poNumber: string | null;
  creditedInvoiceNumber: string | null;
  currency: string;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  vatBreakdown: ReadonlyArray<{ rateBp: number; netMinor: number; vatMinor: number }>;
  lines: readonly EdiInvoiceLine[];
}

export interface EdiEnvelope {
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  controlNumber: number;
  now: Date;
  test?: boolean;
}

const digits = (iso: string) => iso.replaceAll('-', '');
/** Amounts are written positive; a credit note says so in its document type (BIG07 CR / BGM 381). */
const amount = (minor: number, currency: string) => formatMinor(Math.abs(minor), currency);

/**
 * The X12 810 invoice (004010): BIG, CUR, ITD with the net due date, per line IT1 (GTIN, our
 * code, lot) and TXI VAT, then TDS (total in cents), the VAT per rate and CTT. Pure.
 */
export function generate810(inv: EdiInvoice, env: EdiEnvelope): string {
  const credit = inv.kind === 'credit_note';
  const body = [
    x12Segment('BIG', digits(inv.issueDate), inv.number, '', inv.poNumber ?? '', '', '', credit ? 'CR' : 'DI'),
    ...(inv.creditedInvoiceNumber ? [x12Segment('REF', 'IV', inv.creditedInvoiceNumber)] : []),
    x12Segment('CUR', 'SE', inv.currency),
    ...(credit ? [] : [x12Segment('ITD', '01', '3', '', '', '', digits(inv.dueDate))]),
    ...inv.lines.flatMap((l) => [
      x12Segment('IT1', String(l.lineNo), String(l.quantity), 'EA', amount(l.unitPriceMinor, inv.currency), '',
        ...(l.gtin ? ['UK', l.gtin] : []), 'VP', l.deviceCode, ...(l.lotNumber ? ['LT', l.lotNumber] : [])),
      x12Segment('TXI', 'VA', amount(l.vatMinor, inv.currency), bpToPercent(l.vatRateBp)),
    ]),
    x12Segment('TDS', String(Math.abs(inv.totalMinor))),
    ...inv.vatBreakdown.map((v) => x12Segment('TXI', 'VA', amount(v.vatMinor, inv.currency), bpToPercent(v.rateBp))),
    x12Segment('CTT', String(inv.lines.length)),
  ];
  return writeInterchange(
    { sender: env.sender, receiver: env.receiver, version: '00401', controlNumber: env.controlNumber, now: env.now, test: env.test ?? false },
    { group: { functionalId: 'IN', appSender: env.sender.id, appReceiver: env.receiver.id, version: '004010', sets: [{ id: '810', body }] } },
  );
}

/** The EDIFACT INVOIC (D.96A): BGM 380 / 381, dates, references, lines with LIN/PIA/QTY/MOA/PRI/TAX, then totals. Pure. */
export function generateInvoic(inv: EdiInvoice, env: EdiEnvelope): string {
  const credit = inv.kind === 'credit_note';
  const tax = (bp: number) => edifactSegment('TAX', '7', 'VAT', undefined, undefined, ['', '', '', bpToPercent(bp)], bp === 0 ? 'Z' : 'S');
  const body: OutboundSegment[] = [
    edifactSegment('BGM', credit ? '381' : '380', inv.number, '9'),
    edifactSegment('DTM', ['137', digits(inv.issueDate), '102']),
    ...(credit ? [] : [edifactSegment('DTM', ['13', digits(inv.dueDate), '102'])]),
    ...(inv.poNumber ? [edifactSegment('RFF', ['ON', inv.poNumber])] : []),
    ...(inv.creditedInvoiceNumber ? [edifactSegment('RFF', ['IV', inv.creditedInvoiceNumber])] : []),
    edifactSegment('CUX', ['2', inv.currency, '4']),
    ...inv.lines.flatMap((l) => [
      edifactSegment('LIN', String(l.lineNo), undefined, l.gtin ? [l.gtin, 'SRV'] : undefined),
      edifactSegment('PIA', '1', [l.deviceCode, 'SA'], ...(l.lotNumber ? [[l.lotNumber, 'NB']] : [])),
      edifactSegment('QTY', ['47', String(l.quantity)]),
      edifactSegment('MOA', ['203', amount(l.netMinor, inv.currency)]),
      edifactSegment('PRI', ['AAA', amount(l.unitPriceMinor, inv.currency)]),
      tax(l.vatRateBp),
      edifactSegment('MOA', ['124', amount(l.vatMinor, inv.currency)]),
    ]),
    edifactSegment('UNS', 'S'),
    edifactSegment('CNT', ['2', String(inv.lines.length)]),
    edifactSegment('MOA', ['77', amount(inv.totalMinor, inv.currency)]),
    edifactSegment('MOA', ['79', amount(inv.netMinor, inv.currency)]),
    edifactSegment('MOA', ['124', amount(inv.vatMinor, inv.currency)]),
    ...inv.vatBreakdown.flatMap((v) => [tax(v.rateBp), edifactSegment('MOA', ['124', amount(v.vatMinor, inv.currency)])]),
  ];
  const reference = String(env.controlNumber);
  return writeEdifactInterchange(
    { syntax: { identifier: 'UNOC', version: '3' }, sender: env.sender, recipient: env.receiver, controlReference: reference, now: env.now, test: env.test ?? false },
    [{ reference: '1', identifier: ['INVOIC', 'D', '96A', 'UN'], body }],
  );
}
