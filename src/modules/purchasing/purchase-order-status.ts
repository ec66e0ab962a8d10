import { DomainError } from '../../platform/errors.ts';

/**
 * A purchase order's life as a pure decision: draft → approved → sent → partially_received →
 * received; cancelled from any state before goods arrived. Receipts are taken once approved
 * (an order confirmed by phone need not be "sent" first).
 */
export type PoStatus = 'draft' | 'approved' | 'sent' | 'partially_received' | 'received' | 'cancelled';
export type PoAction = 'approve' | 'send' | 'cancel' | 'receive';

const FROM: Record<PoAction, readonly PoStatus[]> = {
  approve: ['draft'],
  send: ['approved'],
  cancel: ['draft', 'approved', 'sent'],
  receive: ['approved', 'sent', 'partially_received'],
};

const DONE: Record<PoAction, string> = { approve: 'approved', send: 'sent', cancel: 'cancelled', receive: 'received against' };

const NAMES_ZH: Record<PoStatus, string> = {
  draft: '草稿', approved: '已批准', sent: '已发送', partially_received: '部分收货', received: '已收货', cancelled: '已取消',
};

export function assertPoAction(action: PoAction, po: { number: string; status: PoStatus }): void {
  if (!FROM[action].includes(po.status)) {
    throw new DomainError('INVALID_STATE', `purchase order ${po.number} is ${po.status} (${NAMES_ZH[po.status]}): it cannot be ${DONE[action]}`, {
      details: { status: po.status, action, allowedFrom: FROM[action] },
    });
  }
}

export function decidePoStatus(action: Exclude<PoAction, 'receive'>, po: { number: string; status: PoStatus }): PoStatus {
  assertPoAction(action, po);
  switch (action) {
    case 'approve': return 'approved';
    case 'send': return 'sent';
    case 'cancel': return 'cancelled';
    default: {
      const never: never = action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

/** After a receipt: received when every line has all its units, else partially received. */
export const statusAfterReceipt = (lines: ReadonlyArray<{ quantity: number; qtyReceived: number }>): PoStatus =>
  (lines.every((l) => l.qtyReceived >= l.quantity) ? 'received' : 'partially_received');
