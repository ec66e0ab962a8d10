import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { LotDocumentInput } from './inventory-schemas.ts';
import { loadLotHead } from './lot-records.ts';

export interface LotDocumentView {
  id: string;
  kind: LotDocumentInput['kind'];
  reference: string;
  issuedOn: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Files a document of a lot (certificate of conformity, inspection report …): release needs one. */
export function addLotDocument(db: Database, actor: Actor, lotId: string, input: LotDocumentInput, requestId: string | null = null): Promise<LotDocumentView> {
  return writeTx(db, { actor, requestId }, (w) => fileLotDocument(w, lotId, input));
}

/** addLotDocument inside the caller's transaction (incoming inspection files its report with its result). */
export async function fileLotDocument(w: Work, lotId: string, input: LotDocumentInput): Promise<LotDocumentView> {
  const lot = await loadLotHead(w.tx, lotId, { forUpdate: true });
  const id = uuidv7();
  const { rows } = await w.tx.query<LotDocumentView>(
    `INSERT INTO lot_documents (id, lot_id, kind, reference, issued_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (lot_id, kind, reference) DO NOTHING
     RETURNING id, kind, reference, issued_on AS "issuedOn", created_by AS "createdBy", created_at AS "createdAt"`,
    [id, lot.id, input.kind, input.reference, input.issuedOn ?? null, w.actor.name],
  );
  if (!rows[0]) throw new DomainError('DUPLICATE', `lot ${lot.lotNumber} already has the ${input.kind} ${input.reference}`, { field: 'reference' });
  w.audit({ entityType: 'lot', entityId: lot.id, action: 'document.added', changes: { document: { new: { kind: input.kind, reference: input.reference, issuedOn: input.issuedOn ?? null } } } });
  w.emit({ topic: 'inventory.lot_document_added', entityType: 'lot', entityId: lot.id, payload: { lotNumber: lot.lotNumber, kind: input.kind } });
  return rows[0];
}
