import type { Sql } from '../../db/types.ts';
import { canonicalJson } from '../../platform/canonical-json.ts';
import { hashAuditRecord } from '../../platform/audit/audit-record.ts';
import { notFound } from '../../platform/errors.ts';
import { bindingHash, type SignatureManifest } from './signature-binding.ts';
import type { Decision, SignatureMeaning } from './workflow-types.ts';

export type SignatureVerdict = { ok: true; auditSeq: number } | { ok: false; reason: string };

interface Row {
  id: string; request_id: string; task_id: string; order_id: string; order_version: number; hold_id: string;
  decision: Decision; meaning: SignatureMeaning; signer_id: string; signer_name: string; on_behalf_of: string | null;
  signed_at: Date; binding_hash: string; audit_seq: number;
}

interface AuditRow {
  seq: number; at: Date; actor_type: string; actor_id: string | null; actor_name: string; entity_type: string; entity_id: string;
  action: string; changes: Record<string, unknown>; reason: string | null; request_id: string | null;
  signature: { meaning: string; signerId: string; signerName: string; signedAt: string } | null; prev_hash: string; hash: string;
}

const manifestOf = (r: Row): SignatureManifest => ({
  signatureId: r.id, approvalId: r.request_id, taskId: r.task_id, orderId: r.order_id, orderVersion: r.order_version, holdId: r.hold_id,
  decision: r.decision, meaning: r.meaning, signerId: r.signer_id, signerName: r.signer_name, onBehalfOf: r.on_behalf_of,
  signedAt: r.signed_at.toISOString(),
});

/**
 * Recomputes a signature's binding to its record and checks it against the audit record it is
 * linked to (whose own hash must hold): a signature copied or moved to another task, order or
 * signer fails here. The chain as a whole is checked by verifyAuditChain.
 */
export async function verifySignature(tx: Sql, signatureId: string): Promise<SignatureVerdict> {
  const sig = (await tx.query<Row>('SELECT * FROM approval_signatures WHERE id = $1', [signatureId])).rows[0];
  if (!sig) throw notFound('signature', signatureId);
  const m = manifestOf(sig);
  if (bindingHash(m) !== sig.binding_hash) return { ok: false, reason: 'the signature does not match the record it claims to sign' };
  const a = (await tx.query<AuditRow>('SELECT * FROM audit_log WHERE seq = $1', [sig.audit_seq])).rows[0];
  if (!a) return { ok: false, reason: 'the linked audit record is missing' };
  const recomputed = hashAuditRecord({
    seq: a.seq, at: a.at.toISOString(), actorType: a.actor_type, actorId: a.actor_id, actorName: a.actor_name, entityType: a.entity_type,
    entityId: a.entity_id, action: a.action, changes: a.changes, reason: a.reason, requestId: a.request_id, signature: a.signature, prevHash: a.prev_hash,
  });
  if (recomputed !== a.hash) return { ok: false, reason: 'the linked audit record was altered' };
  const expected = { meaning: m.meaning, signerId: m.signerId, signerName: m.signerName, signedAt: m.signedAt };
  const linked = a.action === 'approval.signed' && a.entity_type === 'order' && a.entity_id === m.orderId
    && a.changes.signatureId === m.signatureId && a.changes.taskId === m.taskId && a.changes.binding === sig.binding_hash
    && canonicalJson(a.signature) === canonicalJson(expected);
  return linked ? { ok: true, auditSeq: a.seq } : { ok: false, reason: 'the linked audit record is of another signature or record' };
}
