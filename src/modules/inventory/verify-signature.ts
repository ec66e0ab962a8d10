import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AuditEntry } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { decoyHash, verifyPassword } from '../auth/passwords.ts';

export interface SignatureInput {
  password: string;
  /** What the signature means, shown with it (e.g. "released for distribution"). */
  meaning: string;
}

export type Signature = NonNullable<AuditEntry['signature']>;

/**
 * An electronic signature (21 CFR Part 11 §11.200): the signed-in person re-enters their
 * password; API tokens do not sign. Checked before the transaction (argon2 takes ~20 ms and must
 * not hold locks). A wrong password is refused with SIGNATURE_INVALID and the refusal is itself
 * audited on the entity. The approvals module's signer check is bound to approval tasks, so
 * inventory verifies the password here and puts the signature on its own audit entry.
 */
export async function verifySignature(
  db: Database,
  actor: Actor,
  input: SignatureInput,
  subject: { entityType: string; entityId: string; requestId: string | null },
): Promise<Signature> {
  if (actor.type !== 'user' || !actor.userId) {
    throw new DomainError('FORBIDDEN', 'an electronic signature is given by a signed-in person, not by an API token or the system');
  }
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1 AND active', [actor.userId]);
  const ok = await verifyPassword(rows[0]?.password_hash ?? (await decoyHash()), input.password);
  if (!ok || !rows[0]) {
    await writeTx(db, { actor, requestId: subject.requestId }, async (w) => {
      w.audit({ entityType: subject.entityType, entityId: subject.entityId, action: 'signature.refused', reason: 'wrong password' });
    });
    throw new DomainError('SIGNATURE_INVALID', 'the signature was refused: wrong password', { field: 'password' });
  }
  return { meaning: input.meaning, signerId: actor.userId, signerName: actor.name, signedAt: new Date().toISOString() };
}
