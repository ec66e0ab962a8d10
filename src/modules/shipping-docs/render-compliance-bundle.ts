import { createPdfDocument, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { bilingual } from '../../platform/pdf/pdf-text.ts';
import { complianceModel, type ComplianceDevice, type ComplianceLot, type DocReference } from './compliance-model.ts';
import { DOCUMENT_TITLES } from './document-kinds.ts';
import { drawBlocks, drawFields, drawHeading, drawTitle, names, partyText, runningHead } from './doc-layout.ts';
import { CLASS_WORDS, WORDS } from './doc-words.ts';
import { drawTable, type Column } from './pdf-table.ts';
import type { ShipmentDocData } from './shipment-doc-data.ts';

const MISSING = bilingual(WORDS.missing);
const quote = (refs: readonly DocReference[]): string =>
  refs.length === 0 ? MISSING : refs.map((r) => (r.issuedOn ? `${r.reference} (${r.issuedOn})` : r.reference)).join('\n');

const DEVICE_COLUMNS: ReadonlyArray<Column<ComplianceDevice>> = [
  { title: WORDS.device, weight: 30, cell: (d) => `${d.deviceCode}\n${names(d)}` },
  { title: WORDS.deviceClass, weight: 10, cell: (d) => CLASS_WORDS[d.deviceClass] },
  { title: WORDS.registration, weight: 22, cell: (d) => d.registrationNumber ?? MISSING },
  { title: WORDS.validTo, weight: 12, cell: (d) => d.registrationExpiresOn ?? (d.registrationKind === 'filing' ? '—' : MISSING) },
  { title: WORDS.registrant, weight: 20, cell: (d) => d.registrant ?? '—' },
];

const LOT_COLUMNS: ReadonlyArray<Column<ComplianceLot>> = [
  { title: WORDS.device, weight: 22, cell: (l) => `${l.deviceCode}\n${l.nameZh}` },
  { title: WORDS.lot, weight: 12, cell: (l) => l.lotNumber },
  { title: WORDS.manufactured, weight: 9, cell: (l) => l.manufacturedOn ?? '—' },
  { title: WORDS.expiry, weight: 9, cell: (l) => l.expiresOn },
  { title: WORDS.quantity, weight: 6, cell: (l) => String(l.quantity), align: 'right' },
  { title: WORDS.certificate, weight: 16, cell: (l) => quote(l.certificates) },
  { title: WORDS.inspection, weight: 16, cell: (l) => quote(l.inspections) },
  { title: WORDS.otherDocs, weight: 12, cell: (l) => (l.others.length ? quote(l.others) : '—') },
];

/**
 * The compliance bundle (随货合规文件): the registration certificate (or filing) of each device
 * shipped, and per lot the certificate of conformity and inspection report that released it.
 */
export function renderComplianceBundle(data: ShipmentDocData): Promise<Buffer> {
  const title = DOCUMENT_TITLES.compliance_bundle;
  const doc = createPdfDocument({ marginMm: 12, title: `${bilingual(title)} ${data.shipment.number}` });
  const continued = runningHead(doc, title, data);
  drawTitle(doc, title, data);
  drawFields(doc, [
    [WORDS.shipmentNo, data.shipment.number], [WORDS.orderNo, data.order.number],
    [WORDS.poNo, data.order.externalPo ?? ''], [WORDS.shipDate, data.shipment.shipDate],
  ]);
  drawBlocks(doc, [{ caption: WORDS.consignee, text: partyText(data.customer) }]);
  const model = complianceModel(data);
  drawHeading(doc, WORDS.registrations, continued);
  drawTable(doc, DEVICE_COLUMNS, model.devices, continued);
  drawHeading(doc, WORDS.lotDocuments, continued);
  drawTable(doc, LOT_COLUMNS, model.lots, continued);
  return pdfToBuffer(doc);
}
