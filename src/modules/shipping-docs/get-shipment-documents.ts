import { createHash } from 'node:crypto';
import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { availableKinds, DOCUMENT_TITLES, isExport, type DocumentKind } from './document-kinds.ts';
import { loadShipmentDocData } from './load-shipment-doc-data.ts';
import { renderShipmentDocument } from './render-shipment-document.ts';

export interface RecordedDocument {
  sha256: string;
  sizeBytes: number;
  generatedAt: string;
  generatedBy: string;
}

export interface DocumentFile {
  kind: DocumentKind;
  fileName: string;
  pdf: Buffer;
  sha256: string;
  /** True when these are the bytes recorded when the documents were generated; false when drawn now. */
  recorded: boolean;
}

/** Portal users see their organisation's shipments only, and of those the delivery note and compliance bundle. */
const isPortal = (actor: Actor): boolean => actor.organisationId !== null;

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The copy on record as the answer names it (DocumentList): its kind is the document's own. */
const recordedCopy = (r: (RecordedDocument & { kind: DocumentKind }) | undefined): RecordedDocument | null =>
  r ? { sha256: r.sha256, sizeBytes: r.sizeBytes, generatedAt: r.generatedAt, generatedBy: r.generatedBy } : null;

/** The documents a shipment has for this actor, with the generated copy on record when there is one. */
export async function listShipmentDocuments(db: Database, actor: Actor, shipmentId: string) {
  return readTx(db, async (tx) => {
    const data = await loadShipmentDocData(tx, actor, shipmentId);
    const { rows } = await tx.query<RecordedDocument & { kind: DocumentKind }>(
      `SELECT kind, sha256, size_bytes AS "sizeBytes", generated_at AS "generatedAt", generated_by AS "generatedBy"
         FROM shipment_documents WHERE shipment_id = $1`, [shipmentId]);
    const kinds = availableKinds(data, isPortal(actor));
    return {
      shipmentId,
      shipmentNumber: data.shipment.number,
      orderNumber: data.order.number,
      export: isExport(data),
      documents: kinds.map((kind) => ({
        kind, title: DOCUMENT_TITLES[kind], contentType: 'application/pdf',
        recorded: recordedCopy(rows.find((r) => r.kind === kind)),
      })),
    };
  });
}

/**
 * One document of a shipment as PDF: the copy recorded when the documents were generated (what
 * went with the goods), else drawn now from the current data. A kind the shipment does not have,
 * or a portal user may not see, is not found.
 */
export async function getShipmentDocument(db: Database, actor: Actor, shipmentId: string, kind: DocumentKind): Promise<DocumentFile> {
  const found = await readTx(db, async (tx) => {
    const data = await loadShipmentDocData(tx, actor, shipmentId);
    if (!availableKinds(data, isPortal(actor)).includes(kind)) throw notFound('shipment document', `${shipmentId}/${kind}`);
    const stored = await tx.query<{ content: Buffer; sha256: string }>(
      'SELECT content, sha256 FROM shipment_documents WHERE shipment_id = $1 AND kind = $2', [shipmentId, kind]);
    return { data, stored: stored.rows[0] };
  });
  const fileName = `${found.data.shipment.number}-${kind}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
  if (found.stored) return { kind, fileName, pdf: Buffer.from(found.stored.content), sha256: found.stored.sha256, recorded: true };
  const pdf = await renderShipmentDocument(kind, found.data);
  return { kind, fileName, pdf, sha256: sha256(pdf), recorded: false };
}
