import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.ts';
import type { AuditEntry } from '../../platform/audit/audit-record.ts';
import { invalid } from '../../platform/errors.ts';
import { APPROVE_MEANINGS, type Decision, type SignatureMeaning } from './workflow-types.ts';

/** Everything a signature is about (§11.50 and §11.70): who, when, what it means, and the record it signs. */
export interface SignatureManifest {
  signatureId: string;
  approvalId: string;
  taskId: string;
  orderId: string;
  orderVersion: number;
  holdId: string;
  decision: Decision;
  meaning: SignatureMeaning;
  signerId: string;
  signerName: string;
  onBehalfOf: string | null;
  signedAt: string;
}

/**
 * The hash that binds a signature to its record. It is also written into the signature's audit
 * record, which the hash chain protects: a signature row copied to another task no longer
 * matches its hash, and a recomputed hash no longer matches the audit record.
 */
export const bindingHash = (m: SignatureManifest): string =>
  createHash('sha256').update(canonicalJson({ binding: 'lotline.approval-signature.v1', ...m })).digest('hex');

/** The audit record that carries the signature (the `signature` field is part of its hash). */
export function signatureAuditEntry(m: SignatureManifest, binding: string, comment: string | null): AuditEntry {
  return {
    entityType: 'order',
    entityId: m.orderId,
    action: 'approval.signed',
    reason: comment,
    changes: {
      signatureId: m.signatureId, approvalId: m.approvalId, taskId: m.taskId, holdId: m.holdId, orderVersion: m.orderVersion,
      decision: m.decision, onBehalfOf: m.onBehalfOf, binding,
    },
    signature: { meaning: m.meaning, signerId: m.signerId, signerName: m.signerName, signedAt: m.signedAt },
  };
}

/** A rejection means `rejected`; an approval means approved, reviewed or released. A rejection says why. */
export function assertDecisionFits(d: { decision: Decision; meaning: SignatureMeaning; comment?: string | undefined }): void {
  if (d.decision === 'reject' && d.meaning !== 'rejected') throw invalid('meaning', 'a rejection is signed with the meaning "rejected"');
  if (d.decision === 'approve' && !APPROVE_MEANINGS.includes(d.meaning)) {
    throw invalid('meaning', `an approval is signed with the meaning ${APPROVE_MEANINGS.join(', ')}`);
  }
  if (d.decision === 'reject' && !d.comment?.trim()) throw invalid('comment', 'a rejection needs a comment saying why');
}
