import { DomainError } from '../../platform/errors.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { getReturn, type ReturnView } from './get-return.ts';

/** Cancels an RMA nothing of which has been received; its units may be authorised again. */
export async function cancelReturn(w: Work, id: string, reason: string): Promise<ReturnView> {
  const before = await getReturn(w.tx, w.actor, id);
  await w.tx.query('SELECT id FROM return_authorisations WHERE id = $1 FOR UPDATE', [id]);
  const { rows: [now] } = await w.tx.query<{ status: string }>('SELECT status FROM return_authorisations WHERE id = $1', [id]);
  if (now!.status !== 'authorised') {
    throw new DomainError('INVALID_STATE', `RMA ${before.number} is ${now!.status}: only an RMA nothing of which was received can be cancelled`, { details: { status: now!.status } });
  }
  await w.tx.query(`UPDATE return_authorisations SET status = 'cancelled', cancel_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
  w.audit({ entityType: 'return', entityId: id, action: 'cancelled', changes: { status: { old: 'authorised', new: 'cancelled' }, reason: { new: reason } } });
  w.emit({ topic: 'return.cancelled', entityType: 'return', entityId: id, payload: { number: before.number, reason } });
  return getReturn(w.tx, w.actor, id);
}
