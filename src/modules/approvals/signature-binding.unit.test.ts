import { describe, expect, it } from 'vitest';
import { assertDecisionFits, bindingHash, signatureAuditEntry, type SignatureManifest } from './signature-binding.ts';

const manifest: SignatureManifest = {
  signatureId: 's1', approvalId: 'a1', taskId: 't1', orderId: 'o1', orderVersion: 1, holdId: 'h1', decision: 'approve',
  meaning: 'released', signerId: 'u1', signerName: 'Li Wei', onBehalfOf: null, signedAt: '2026-03-01T08:00:00.000Z',
};

describe('the binding of a signature to its record', () => {
  it('given the same manifest, when hashed twice, then the hash is the same', () => {
    expect(bindingHash({ ...manifest })).toBe(bindingHash(manifest));
  });

  it('given a manifest moved to another task, order version or signer, when hashed, then the hash differs', () => {
    const base = bindingHash(manifest);
    for (const change of [{ taskId: 't2' }, { orderVersion: 2 }, { signerId: 'u2' }, { meaning: 'reviewed' as const }, { signedAt: '2026-03-01T08:00:00.001Z' }]) {
      expect(bindingHash({ ...manifest, ...change })).not.toBe(base);
    }
  });

  it('given a manifest, when its audit entry is built, then it carries the signature and the binding', () => {
    const e = signatureAuditEntry(manifest, 'b', 'ok');
    expect(e).toMatchObject({ entityType: 'order', entityId: 'o1', action: 'approval.signed', reason: 'ok',
      changes: { signatureId: 's1', taskId: 't1', binding: 'b' },
      signature: { meaning: 'released', signerId: 'u1', signerName: 'Li Wei', signedAt: manifest.signedAt } });
  });
});

describe('what a decision may mean', () => {
  it('given an approval signed as rejected, when checked, then meaning is refused', () => {
    expect(() => assertDecisionFits({ decision: 'approve', meaning: 'rejected' })).toThrow(expect.objectContaining({ field: 'meaning' }));
  });

  it('given a rejection signed as approved, when checked, then meaning is refused', () => {
    expect(() => assertDecisionFits({ decision: 'reject', meaning: 'approved', comment: 'x' })).toThrow(expect.objectContaining({ field: 'meaning' }));
  });

  it('given a rejection without a comment, when checked, then comment is refused', () => {
    expect(() => assertDecisionFits({ decision: 'reject', meaning: 'rejected', comment: ' ' })).toThrow(expect.objectContaining({ field: 'comment' }));
  });

  it('given a release or a review, when checked, then it is accepted', () => {
    expect(() => assertDecisionFits({ decision: 'approve', meaning: 'released' })).not.toThrow();
    expect(() => assertDecisionFits({ decision: 'approve', meaning: 'reviewed' })).not.toThrow();
    expect(() => assertDecisionFits({ decision: 'reject', meaning: 'rejected', comment: 'licence not renewed' })).not.toThrow();
  });
});
