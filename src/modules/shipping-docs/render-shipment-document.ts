import type { DocumentKind } from './document-kinds.ts';
import { renderComplianceBundle } from './render-compliance-bundle.ts';
import { renderCommercialInvoice, renderOriginDataSheet } from './render-export-documents.ts';
import { renderPackingList } from './render-packing-list.ts';
import type { ShipmentDocData } from './shipment-doc-data.ts';

const RENDERERS: Readonly<Record<DocumentKind, (data: ShipmentDocData) => Promise<Buffer>>> = {
  packing_list: renderPackingList,
  compliance_bundle: renderComplianceBundle,
  commercial_invoice: renderCommercialInvoice,
  certificate_of_origin: renderOriginDataSheet,
};

/** Draws one document of a shipment from its loaded data. */
export const renderShipmentDocument = (kind: DocumentKind, data: ShipmentDocData): Promise<Buffer> => RENDERERS[kind](data);
