import { createPdfDocument, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { bilingual } from '../../platform/pdf/pdf-text.ts';
import { DOCUMENT_TITLES } from './document-kinds.ts';
import {
  addressText, dataMatrixCell, drawBlocks, drawFields, drawHeading, drawSignatures, drawSsccBarcode, drawTitle, names, partyText,
  runningHead,
} from './doc-layout.ts';
import { WORDS } from './doc-words.ts';
import { packingListModel, type PackingRow } from './packing-list-model.ts';
import { drawTable, type Column } from './pdf-table.ts';
import type { ShipmentDocData } from './shipment-doc-data.ts';

const COLUMNS: ReadonlyArray<Column<PackingRow>> = [
  { title: WORDS.line, weight: 4, cell: (r) => String(r.lineNo) },
  { title: WORDS.device, weight: 22, cell: (r) => `${r.deviceCode}\n${names(r)}` },
  { title: WORDS.registration, weight: 14, cell: (r) => r.registrationNumber ?? '—' },
  { title: WORDS.lot, weight: 10, cell: (r) => r.lotNumber },
  { title: WORDS.manufactured, weight: 8, cell: (r) => r.manufacturedOn ?? '—' },
  { title: WORDS.expiry, weight: 8, cell: (r) => r.expiresOn },
  { title: WORDS.serial, weight: 10, cell: (r) => r.serial ?? '—' },
  { title: WORDS.quantity, weight: 6, cell: (r) => `${r.quantity} ${r.baseUnit}`, align: 'right' },
  { title: WORDS.udi, weight: 18, cell: (r) => dataMatrixCell(r.udi, '—') },
];

/**
 * The packing list / delivery note (装箱单 / 送货单): header, consignee and shipper, then per
 * package its SSCC as GS1-128 and the lots, serials and UDIs inside, totals, and the lines for the
 * shipper's and the receiver's signatures.
 */
export async function renderPackingList(data: ShipmentDocData): Promise<Buffer> {
  const title = DOCUMENT_TITLES.packing_list;
  const doc = createPdfDocument({ layout: 'landscape', marginMm: 12, title: `${bilingual(title)} ${data.shipment.number}` });
  const continued = runningHead(doc, title, data);
  drawTitle(doc, title, data);
  drawFields(doc, [
    [WORDS.shipmentNo, data.shipment.number], [WORDS.orderNo, data.order.number],
    [WORDS.poNo, data.order.externalPo ?? ''], [WORDS.shipDate, data.shipment.shipDate],
    [WORDS.carrier, data.shipment.carrier], [WORDS.tracking, data.shipment.trackingNumber],
  ]);
  drawBlocks(doc, [
    { caption: WORDS.consignee, text: partyText(data.customer) },
    { caption: WORDS.shipTo, text: data.shipTo ? addressText(data.shipTo) : '' },
    { caption: WORDS.shipper, text: addressText(data.shipFrom) },
  ]);
  const model = packingListModel(data);
  for (const group of model.groups) {
    const caption = group.sscc
      ? { zh: `${WORDS.package.zh} SSCC ${group.sscc}`, en: `${WORDS.package.en} · ${group.quantity}` }
      : WORDS.notPacked;
    drawHeading(doc, caption, continued);
    if (group.mark) await drawSsccBarcode(doc, group.mark, continued);
    drawTable(doc, COLUMNS, group.rows, continued);
  }
  drawFields(doc, [[WORDS.totals, String(model.totalQuantity)], [WORDS.packages, String(model.packageCount)]]);
  drawSignatures(doc, [WORDS.shippedBy, WORDS.receivedBy], continued);
  return pdfToBuffer(doc);
}
