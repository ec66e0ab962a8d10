import type { Bilingual } from '../../platform/pdf/pdf-text.ts';
import type { ShipmentDocData } from './shipment-doc-data.ts';

export const DOCUMENT_KINDS = ['packing_list', 'compliance_bundle', 'commercial_invoice', 'certificate_of_origin'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Readonly<Record<DocumentKind, Bilingual>> = {
  packing_list: { zh: '装箱单 / 送货单', en: 'Packing list / Delivery note' },
  compliance_bundle: { zh: '随货合规文件', en: 'Compliance bundle' },
  commercial_invoice: { zh: '商业发票', en: 'Commercial invoice' },
  certificate_of_origin: { zh: '原产地证明数据页', en: 'Certificate of origin data sheet' },
};

/** What a hospital sees of its own shipments: the delivery note and the compliance papers, not prices or customs papers. */
export const PORTAL_KINDS: ReadonlySet<DocumentKind> = new Set(['packing_list', 'compliance_bundle']);

const EXPORT_KINDS: ReadonlySet<DocumentKind> = new Set(['commercial_invoice', 'certificate_of_origin']);

/**
 * A shipment is an export when it leaves for another country than the warehouse's it ships from
 * (for Lotline's Chinese warehouses: a ship-to outside CN). No flag to forget: the addresses say it.
 */
export const isExport = (data: Pick<ShipmentDocData, 'shipTo' | 'shipFrom'>): boolean =>
  data.shipTo !== null && data.shipTo.country !== data.shipFrom.country;

/** The documents a shipment has, as the actor may see them. */
export function availableKinds(data: Pick<ShipmentDocData, 'shipTo' | 'shipFrom'>, portal: boolean): DocumentKind[] {
  const exporting = isExport(data);
  return DOCUMENT_KINDS.filter((k) => (exporting || !EXPORT_KINDS.has(k)) && (!portal || PORTAL_KINDS.has(k)));
}
