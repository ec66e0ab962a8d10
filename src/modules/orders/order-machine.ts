import { DomainError } from '../../platform/errors.ts';
import { anyShipped, deriveOrderStatus, openQuantity, type LineQuantities, type Lifecycle } from './order-status.ts';

/**
 * The order lifecycle as a pure decision: `decide(command, state)` returns the events the command
 * causes, or throws INVALID_STATE saying why not. The shell loads the state, decides, then writes
 * the events' effects with their audit records and outbox events in one transaction.
 */
export type HoldType = 'credit' | 'compliance' | 'price' | 'contract' | 'stock' | 'anomaly';
export const HOLD_TYPES: readonly HoldType[] = ['credit', 'compliance', 'price', 'contract', 'stock', 'anomaly'];

export interface OrderState {
  lifecycle: Lifecycle;
  holds: ReadonlyArray<{ id: string; type: HoldType; open: boolean }>;
  lines: ReadonlyArray<LineQuantities & { lineNo: number }>;
}

export type OrderCommand =
  | { type: 'submit' }
  | { type: 'place_hold'; holdId: string; holdType: HoldType; reason: string }
  | { type: 'release_hold'; holdId: string; comment?: string }
  | { type: 'confirm' }
  | { type: 'cancel'; reason: string }
  | { type: 'cancel_line'; lineNo: number; reason: string }
  | { type: 'amend'; reason: string }
  | { type: 'close' };

export type OrderEvent =
  | { type: 'order.submitted' }
  | { type: 'order.hold_placed'; holdId: string; holdType: HoldType; reason: string }
  | { type: 'order.hold_released'; holdId: string; holdType: HoldType; comment?: string }
  | { type: 'order.confirmed' }
  | { type: 'order.cancelled'; reason: string }
  | { type: 'order.line_cancelled'; lineNo: number; quantity: number; reason: string }
  | { type: 'order.amended'; reason: string }
  | { type: 'order.closed' };

const refuse = (command: OrderCommand, why: string): never => {
  throw new DomainError('INVALID_STATE', `cannot ${command.type.replace('_', ' ')}: ${why}`, {
    details: { command: command.type },
  });
};

export function decide(command: OrderCommand, state: OrderState): OrderEvent[] {
  const openHolds = state.holds.filter((h) => h.open);
  const status = deriveOrderStatus({ lifecycle: state.lifecycle, openHolds: openHolds.length, lines: state.lines });
  const finished = state.lifecycle === 'cancelled' || state.lifecycle === 'closed';
  switch (command.type) {
    case 'submit':
      if (state.lifecycle !== 'draft') refuse(command, `the order is already ${status}`);
      if (!state.lines.some((l) => openQuantity(l) > 0)) refuse(command, 'the order has no line to deliver');
      return [{ type: 'order.submitted' }];

    case 'place_hold':
      if (finished || state.lifecycle === 'draft') refuse(command, `the order is ${status}`);
      if (state.lines.every((l) => l.shipped >= openQuantity(l))) refuse(command, 'everything has shipped');
      if (openHolds.some((h) => h.type === command.holdType)) return []; // one open hold per type is enough
      return [{ type: 'order.hold_placed', holdId: command.holdId, holdType: command.holdType, reason: command.reason }];

    case 'release_hold': {
      const hold = state.holds.find((h) => h.id === command.holdId);
      if (!hold) return refuse(command, 'no such hold on this order');
      if (!hold.open) refuse(command, 'the hold is already released');
      return [{ type: 'order.hold_released', holdId: hold.id, holdType: hold.type, ...(command.comment ? { comment: command.comment } : {}) }];
    }

    case 'confirm':
      if (state.lifecycle !== 'submitted') refuse(command, `the order is ${status}`);
      if (openHolds.length) refuse(command, `open holds: ${openHolds.map((h) => h.type).join(', ')}`);
      return [{ type: 'order.confirmed' }];

    case 'cancel':
      if (finished) refuse(command, `the order is ${status}`);
      if (anyShipped(state.lines)) refuse(command, 'goods have shipped; cancel the open lines or raise a return');
      return [{ type: 'order.cancelled', reason: command.reason }];

    case 'cancel_line': {
      if (finished) refuse(command, `the order is ${status}`);
      const line = state.lines.find((l) => l.lineNo === command.lineNo);
      if (!line) return refuse(command, `no line ${command.lineNo}`);
      const cancellable = openQuantity(line) - line.shipped;
      if (cancellable <= 0) refuse(command, `line ${command.lineNo} has nothing left to cancel`);
      return [{ type: 'order.line_cancelled', lineNo: command.lineNo, quantity: cancellable, reason: command.reason }];
    }

    case 'amend':
      if (finished) refuse(command, `the order is ${status}`);
      if (anyShipped(state.lines)) refuse(command, 'goods have shipped; amend by cancelling lines or adding an order');
      return [{ type: 'order.amended', reason: command.reason }];

    case 'close':
      if (state.lifecycle !== 'confirmed' || (status !== 'invoiced' && status !== 'delivered')) {
        refuse(command, `the order is ${status}; it closes once delivered or invoiced`);
      }
      return [{ type: 'order.closed' }];

    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }
}

/** Applies events to the state (the same evolution the shell persists), for chains of commands. */
export function evolve(state: OrderState, event: OrderEvent): OrderState {
  switch (event.type) {
    case 'order.submitted':
      return { ...state, lifecycle: 'submitted' };
    case 'order.hold_placed':
      return { ...state, holds: [...state.holds, { id: event.holdId, type: event.holdType, open: true }] };
    case 'order.hold_released':
      return { ...state, holds: state.holds.map((h) => (h.id === event.holdId ? { ...h, open: false } : h)) };
    case 'order.confirmed':
      return { ...state, lifecycle: 'confirmed' };
    case 'order.cancelled':
      return { ...state, lifecycle: 'cancelled' };
    case 'order.line_cancelled':
      return {
        ...state,
        lines: state.lines.map((l) => (l.lineNo === event.lineNo ? { ...l, cancelled: l.cancelled + event.quantity } : l)),
      };
    case 'order.amended':
      return state;
    case 'order.closed':
      return { ...state, lifecycle: 'closed' };
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}
