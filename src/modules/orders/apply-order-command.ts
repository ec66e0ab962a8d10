import type { Work } from '../../platform/unit-of-work.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { decide, evolve, type OrderCommand, type OrderEvent, type OrderState } from './order-machine.ts';
import { deriveOrderStatus } from './order-status.ts';
import { loadOrderState, type OrderHead } from './load-order-state.ts';
import { saveVersion, versionCte } from './order-snapshot.ts';
import { openApproval } from '../approvals/open-approval.ts';
import { addToOpenOrders, recountingUpdate, type OpenOrderChange } from './open-order-value.ts';

export type HoldOrigin = Record<string, unknown>;

/**
 * Events that only move the header's lifecycle and stamp its time: their UPDATE is left to the
 * end of the batch, where it goes with the derived status in one statement (nothing read in
 * between looks at the lifecycle, and now() is the transaction's time either way).
 */
const STAMPED: Partial<Record<OrderEvent['type'], 'submitted_at' | 'confirmed_at'>> = {
  'order.submitted': 'submitted_at',
  'order.confirmed': 'confirmed_at',
};

/** Events that change what an order's version snapshot holds (a version pending before them is saved first). */
const CHANGES_CONTENT = new Set<OrderEvent['type']>(['order.cancelled', 'order.line_cancelled', 'order.amended']);

/**
 * Writes one event's effect on the order's tables (for STAMPED events, all but the header UPDATE;
 * a submitted order's version is saved by the caller, with the header when it can).
 */
async function persist(w: Work, head: OrderHead, e: OrderEvent, origin: HoldOrigin): Promise<void> {
  const q = (sql: string, params: unknown[]) => w.tx.query(sql, params);
  switch (e.type) {
    case 'order.submitted':
      return;
    case 'order.hold_placed':
      await q('INSERT INTO order_holds (id, order_id, hold_type, reason, origin, placed_by) VALUES ($1, $2, $3, $4, $5, $6)', [
        e.holdId, head.id, e.holdType, e.reason, JSON.stringify(origin), w.actor.name,
      ]);
      await openApproval(w, { orderId: head.id, holdId: e.holdId, holdType: e.holdType, origin });
      return;
    case 'order.hold_released':
      await q(`UPDATE order_holds SET status = 'released', released_at = now(), released_by = $2, release_note = $3 WHERE id = $1`, [
        e.holdId, w.actor.name, e.comment ?? null,
      ]);
      return;
    case 'order.confirmed':
      return;
    case 'order.cancelled':
      await q(`UPDATE orders SET lifecycle = 'cancelled', cancel_reason = $2 WHERE id = $1`, [head.id, e.reason]);
      await q('UPDATE order_lines SET qty_cancelled = qty_ordered - qty_shipped WHERE order_id = $1', [head.id]);
      return;
    case 'order.line_cancelled':
      await q('UPDATE order_lines SET qty_cancelled = qty_cancelled + $3 WHERE order_id = $1 AND line_no = $2', [head.id, e.lineNo, e.quantity]);
      return;
    case 'order.amended':
      return; // the amend use case rewrites the lines and saves the version itself
    case 'order.closed':
      await q(`UPDATE orders SET lifecycle = 'closed' WHERE id = $1`, [head.id]);
      return;
    default: {
      const never: never = e;
      throw new Error(`unhandled event ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The shell around the pure state machine: lock and load the order, decide, write each event's
 * effect with its audit record and outbox event, store the derived status. Returns the new state.
 */
export async function applyOrderCommands(
  w: Work,
  orderId: string,
  commands: ReadonlyArray<OrderCommand & { origin?: HoldOrigin; reason?: string }>,
): Promise<{ head: OrderHead; state: OrderState; events: OrderEvent[] }> {
  return applyCommandsTo(w, await loadOrderState(w.tx, w.actor, orderId), commands);
}

/**
 * The same on an order this transaction has already locked and loaded (the head and state a
 * previous call returned), so a use case applying commands in steps reads the order once.
 * The header is written once at the end. A status change is announced for the batch as a whole,
 * or with `eachStatus` after every command, as if each were applied alone (an order submitted
 * and confirmed at once still announces draft → submitted → confirmed).
 */
export async function applyCommandsTo(
  w: Work,
  loaded: { head: OrderHead; state: OrderState },
  commands: ReadonlyArray<OrderCommand & { origin?: HoldOrigin; reason?: string }>,
  o: { eachStatus?: boolean } = {},
): Promise<{ head: OrderHead; state: OrderState; events: OrderEvent[] }> {
  const { head } = loaded;
  const orderId = head.id;
  let state = loaded.state;
  let announced = head.status;
  const announce = (): string => {
    const status = deriveOrderStatus({ lifecycle: state.lifecycle, openHolds: state.holds.filter((h) => h.open).length, lines: state.lines });
    if (status !== announced) {
      w.audit({ entityType: 'order', entityId: orderId, action: 'status', changes: { status: { old: announced, new: status } } });
      w.emit({ topic: 'order.status_changed', entityType: 'order', entityId: orderId, payload: { number: head.number, from: announced, to: status } });
      announced = status;
    }
    return status;
  };
  const all: OrderEvent[] = [];
  const stamps = new Set<string>();
  // The version a submission saves goes with the header update, unless an event after it changes the order's content.
  let pendingVersion = false;
  for (const command of commands) {
    const events = decide(command, state);
    for (const e of events) {
      if (pendingVersion && CHANGES_CONTENT.has(e.type)) {
        await saveVersion(w.tx, head.id, head.version, 'submitted', w.actor.name);
        pendingVersion = false;
      }
      if (e.type === 'order.submitted') pendingVersion = true;
      await persist(w, head, e, command.origin ?? {});
      const stamp = STAMPED[e.type];
      if (stamp) stamps.add(stamp);
      state = evolve(state, e);
      w.audit({ entityType: 'order', entityId: orderId, action: e.type.slice('order.'.length), changes: eventChanges(e) });
      w.emit({ topic: e.type, entityType: 'order', entityId: orderId, payload: { number: head.number, ...eventChanges(e) } });
    }
    all.push(...events);
    if (o.eachStatus) announce();
  }
  const status = announce();
  // The header and what the order now adds to its customer's open orders (credit exposure), in one statement;
  // the customer's total moves when the transaction commits.
  const params: unknown[] = [[orderId], state.lifecycle];
  const set = (column: string, value: unknown): string => `${column} = $${params.push(value)}`;
  const columns = stamps.size ? ['lifecycle = $2', ...[...stamps].map((c) => `${c} = now()`)] : [];
  if (status !== head.status) columns.push(set('status', status), 'updated_at = now()', set('updated_by', w.actor.name));
  const version = pendingVersion ? [versionCte('($1::uuid[])[1]', { version: head.version, reason: 'submitted', by: w.actor.name }, (v) => `$${params.push(v)}`)] : [];
  addToOpenOrders(w, (await w.tx.query<OpenOrderChange>(recountingUpdate(columns, '$2::text', version), params)).rows);
  return { head: { ...head, lifecycle: state.lifecycle, status }, state, events: all };
}

const eventChanges = (e: OrderEvent): Record<string, unknown> => {
  const { type: _t, ...rest } = e;
  return rest;
};

export const newHoldId = (): string => uuidv7();
