import { createPdfDocument, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { bilingual, type Bilingual } from '../../platform/pdf/pdf-text.ts';
import { DOCUMENT_TITLES } from './document-kinds.ts';
import {
  addressText, drawBlocks, drawFields, drawParagraph, drawSignatures, drawTitle, names, partyText, runningHead,
} from './doc-layout.ts';
import { WORDS } from './doc-words.ts';
import { formatMinorAmount, invoiceModel, originModel, type InvoiceLine, type OriginRow } from './export-model.ts';
import { drawTable, type Column } from './pdf-table.ts';
import type { Permit, ShipmentDocData } from './shipment-doc-data.ts';

const permitText = (permits: readonly Permit[], kind: Permit['kind']): string => {
  const found = permits.filter((p) => p.kind === kind);
  if (found.length === 0) return bilingual(WORDS.noPermit);
  return found.map((p) => [p.reference, p.authority, p.validTo ? `→ ${p.validTo}` : ''].filter(Boolean).join(' ')).join('; ');
};

function startExportDocument(data: ShipmentDocData, title: Bilingual) {
  const doc = createPdfDocument({ marginMm: 12, title: `${bilingual(title)} ${data.shipment.number}` });
  const continued = runningHead(doc, title, data);
  drawTitle(doc, title, data);
  drawFields(doc, [
    [WORDS.shipmentNo, data.shipment.number], [WORDS.orderNo, data.order.number],
    [WORDS.poNo, data.order.externalPo ?? ''], [WORDS.shipDate, data.shipment.shipDate],
    [WORDS.incoterms, data.order.incoterms ?? ''], [WORDS.destination, data.shipTo?.country ?? ''],
    [WORDS.exportPermit, permitText(data.permits, 'export')], [WORDS.importPermit, permitText(data.permits, 'import')],
  ]);
  drawBlocks(doc, [
    { caption: WORDS.exporter, text: addressText({ ...data.shipFrom, name: names({ nameZh: data.shipFrom.name, nameEn: data.shipFrom.nameEn }) }) },
    { caption: WORDS.importer, text: `${partyText(data.customer)}${data.shipTo ? `\n${addressText(data.shipTo)}` : ''}` },
  ]);
  return { doc, continued };
}

/** The commercial invoice of an export: HS code, origin, lots, quantities and values per line, and the total. */
export function renderCommercialInvoice(data: ShipmentDocData): Promise<Buffer> {
  const { doc, continued } = startExportDocument(data, DOCUMENT_TITLES.commercial_invoice);
  const model = invoiceModel(data);
  const money = (minor: bigint | number): string => formatMinorAmount(minor, model.currency);
  const columns: ReadonlyArray<Column<InvoiceLine>> = [
    { title: WORDS.line, weight: 4, cell: (l) => String(l.lineNo) },
    { title: WORDS.device, weight: 24, cell: (l) => `${l.deviceCode}\n${names(l)}` },
    { title: WORDS.hsCode, weight: 10, cell: (l) => l.hsCode ?? '—' },
    { title: WORDS.origin, weight: 7, cell: (l) => l.countryOfOrigin ?? '—' },
    { title: WORDS.lots, weight: 14, cell: (l) => l.lots.join('\n') },
    { title: WORDS.quantity, weight: 8, cell: (l) => `${l.quantity} ${l.baseUnit}`, align: 'right' },
    { title: WORDS.unitPrice, weight: 11, cell: (l) => money(l.unitPriceMinor), align: 'right' },
    { title: WORDS.amount, weight: 13, cell: (l) => money(l.amountMinor), align: 'right' },
  ];
  drawTable(doc, columns, model.lines, continued);
  drawFields(doc, [[WORDS.totals, `${model.currency} ${money(model.totalMinor)}`], [WORDS.quantity, String(model.totalQuantity)]]);
  drawSignatures(doc, [WORDS.exporter], continued);
  return pdfToBuffer(doc);
}

/** The data a certificate of origin is filled from: goods by HS code and origin, with the permits. */
export function renderOriginDataSheet(data: ShipmentDocData): Promise<Buffer> {
  const { doc, continued } = startExportDocument(data, DOCUMENT_TITLES.certificate_of_origin);
  const columns: ReadonlyArray<Column<OriginRow>> = [
    { title: WORDS.hsCode, weight: 12, cell: (r) => r.hsCode ?? '—' },
    { title: WORDS.origin, weight: 8, cell: (r) => r.countryOfOrigin ?? '—' },
    { title: WORDS.device, weight: 40, cell: (r) => r.devices.map((d) => `${d.deviceCode} ${names(d)}`).join('\n') },
    { title: WORDS.lots, weight: 24, cell: (r) => r.lots.join(', ') },
    { title: WORDS.quantity, weight: 10, cell: (r) => String(r.quantity), align: 'right' },
  ];
  drawTable(doc, columns, originModel(data), continued);
  drawParagraph(doc, `${WORDS.declaration.zh}\n${WORDS.declaration.en}`, continued);
  drawSignatures(doc, [WORDS.exporter], continued);
  return pdfToBuffer(doc);
}
