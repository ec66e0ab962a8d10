import { appendAudit } from '../../platform/audit/append-audit.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { bindingHash, signatureAuditEntry, type SignatureManifest } from './signature-binding.ts';

export interface RecordedSignature {
  id: string;
  signerName: string;
  meaning: string;
  signedAt: string;
  bindingHash: string;
  auditSeq: number;
}

/**
 * Writes the signature's audit record (with its `signature` field) and the signature row that
 * points at it, in the decision's transaction. The audit record is appended here rather than at
 * commit so its sequence number is known: the row stores it, and the link is part of what
 * verification checks. Call it last: appending locks the chain head until commit.
 */
export async function recordSignature(w: Work, m: SignatureManifest, comment: string | null): Promise<RecordedSignature> {
  const binding = bindingHash(m);
  const [auditSeq] = await appendAudit(w.tx, w.actor, w.requestId, [signatureAuditEntry(m, binding, comment)]);
  await w.tx.query(
    `INSERT INTO approval_signatures (id, request_id, task_id, order_id, order_version, hold_id, decision, meaning, signer_id,
       signer_name, on_behalf_of, signed_at, comment, binding_hash, audit_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [m.signatureId, m.approvalId, m.taskId, m.orderId, m.orderVersion, m.holdId, m.decision, m.meaning, m.signerId,
      m.signerName, m.onBehalfOf, m.signedAt, comment, binding, auditSeq],
  );
  return { id: m.signatureId, signerName: m.signerName, meaning: m.meaning, signedAt: m.signedAt, bindingHash: binding, auditSeq: auditSeq! };
}
