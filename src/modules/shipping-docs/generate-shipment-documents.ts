import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { readTx, type Work } from '../../platform/unit-of-work.ts';
import { nothingToWrite, writeIfNeeded } from '../notifications/write-if-needed.ts';
import { availableKinds, type DocumentKind } from './document-kinds.ts';
import { sha256 } from './get-shipment-documents.ts';
import { loadShipmentDocData } from './load-shipment-doc-data.ts';
import { renderShipmentDocument } from './render-shipment-document.ts';

export interface GenerateOptions {
  source: 'trigger' | 'api' | 'cli';
  sourceRef?: string;
  requestId?: string | null;
  /** Draw only the kinds not on record yet (a trigger's event delivered again draws nothing). */
  onlyMissing?: boolean;
}

export interface GeneratedDocument {
  kind: DocumentKind;
  sha256: string;
  sizeBytes: number;
}

export interface RenderedDocuments {
  shipmentId: string;
  shipmentNumber: string;
  orderId: string;
  documents: Array<GeneratedDocument & { pdf: Buffer }>;
}

export interface GenerationResult {
  shipmentId: string;
  shipmentNumber: string;
  documents: GeneratedDocument[];
}

/** Draws the documents to record, outside any transaction: rendering takes a while and holds no lock. */
export async function renderDocumentsToRecord(db: Database, actor: Actor, shipmentId: string, onlyMissing: boolean): Promise<RenderedDocuments> {
  const { data, recorded } = await readTx(db, async (tx) => ({
    data: await loadShipmentDocData(tx, actor, shipmentId),
    recorded: (await tx.query<{ kind: DocumentKind }>('SELECT kind FROM shipment_documents WHERE shipment_id = $1', [shipmentId])).rows,
  }));
  const kinds = availableKinds(data, false).filter((k) => !onlyMissing || !recorded.some((r) => r.kind === k));
  const documents = await Promise.all(kinds.map(async (kind) => {
    const pdf = await renderShipmentDocument(kind, data);
    return { kind, pdf, sha256: sha256(pdf), sizeBytes: pdf.length };
  }));
  return { shipmentId, shipmentNumber: data.shipment.number, orderId: data.order.id, documents };
}

/**
 * Records drawn documents as the documents of record (bytes, SHA-256, size, who and when),
 * replacing an earlier generation of the same kind — or, with `onlyMissing`, leaving a kind
 * another worker recorded meanwhile as it is. Nothing left to record rolls the write back.
 */
export async function recordDocuments(w: Work, r: RenderedDocuments, o: GenerateOptions): Promise<GenerationResult> {
  const before = await w.tx.query<{ kind: DocumentKind; sha256: string }>(
    'SELECT kind, sha256 FROM shipment_documents WHERE shipment_id = $1 FOR UPDATE', [r.shipmentId]);
  const onConflict = o.onlyMissing ? 'DO NOTHING' : `DO UPDATE SET sha256 = EXCLUDED.sha256, size_bytes = EXCLUDED.size_bytes,
         content = EXCLUDED.content, source = EXCLUDED.source, source_ref = EXCLUDED.source_ref,
         generated_by = EXCLUDED.generated_by, generated_at = now()`;
  const stored: DocumentKind[] = [];
  for (const d of r.documents) {
    const { rows } = await w.tx.query<{ kind: DocumentKind }>(
      `INSERT INTO shipment_documents (id, shipment_id, kind, sha256, size_bytes, content, source, source_ref, generated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (shipment_id, kind) ${onConflict} RETURNING kind`,
      [uuidv7(), r.shipmentId, d.kind, d.sha256, d.sizeBytes, d.pdf, o.source, o.sourceRef ?? null, w.actor.name]);
    stored.push(...rows.map((x) => x.kind));
  }
  if (stored.length === 0) nothingToWrite();
  const documents = r.documents.filter((d) => stored.includes(d.kind)).map(({ kind, sha256: hash, sizeBytes }) => ({ kind, sha256: hash, sizeBytes }));
  w.audit({ entityType: 'shipment', entityId: r.shipmentId, action: 'documents_generated', changes: {
    documents: { old: before.rows.filter((b) => stored.includes(b.kind)), new: documents.map(({ kind, sha256: hash }) => ({ kind, sha256: hash })) },
    source: { new: o.source } } });
  w.emit({ topic: 'shipment.documents_generated', entityType: 'shipment', entityId: r.shipmentId,
    payload: { shipmentId: r.shipmentId, number: r.shipmentNumber, orderId: r.orderId, kinds: stored } });
  return { shipmentId: r.shipmentId, shipmentNumber: r.shipmentNumber, documents };
}

/** Draws a shipment's documents and records them; an empty list when there was nothing to record. */
export async function generateShipmentDocuments(db: Database, actor: Actor, shipmentId: string, o: GenerateOptions): Promise<GenerationResult> {
  const rendered = await renderDocumentsToRecord(db, actor, shipmentId, o.onlyMissing ?? false);
  const written = await writeIfNeeded(db, { actor, requestId: o.requestId ?? null }, (w) => recordDocuments(w, rendered, o));
  return written ?? { shipmentId, shipmentNumber: rendered.shipmentNumber, documents: [] };
}
