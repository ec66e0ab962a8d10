/**
 * Order header status is derived, never stored by hand: from the lifecycle (what commands said),
 * the open holds, and how far the lines have come (DESIGN.md §4).
 */
export type Lifecycle = 'draft' | 'submitted' | 'confirmed' | 'cancelled' | 'closed';

export type OrderStatus =
  | 'draft'
  | 'submitted'
  | 'on_hold'
  | 'confirmed'
  | 'allocated'
  | 'picking'
  | 'packed'
  | 'shipped'
  | 'delivered'
  | 'invoiced'
  | 'closed'
  | 'cancelled';

export interface LineQuantities {
  ordered: number;
  cancelled: number;
  allocated: number;
  picked: number;
  packed: number;
  shipped: number;
  delivered: number;
  invoiced: number;
  returned: number;
}

/** The open quantity of a line: what is still to be delivered to the customer. */
export const openQuantity = (l: LineQuantities): number => l.ordered - l.cancelled;

const FULFILMENT_STAGES = ['invoiced', 'delivered', 'shipped', 'packed', 'picked', 'allocated'] as const;
type Stage = (typeof FULFILMENT_STAGES)[number];

const STATUS_OF_STAGE: Record<Stage, OrderStatus> = {
  invoiced: 'invoiced',
  delivered: 'delivered',
  shipped: 'shipped',
  packed: 'packed',
  picked: 'picking',
  allocated: 'allocated',
};

/** The furthest stage every live line has fully reached (partial progress does not count). */
function commonStage(lines: readonly LineQuantities[]): Stage | null {
  const live = lines.filter((l) => openQuantity(l) > 0);
  if (live.length === 0) return null;
  for (const stage of FULFILMENT_STAGES) {
    if (live.every((l) => l[stage] >= openQuantity(l))) return stage;
  }
  return null;
}

export function deriveOrderStatus(order: { lifecycle: Lifecycle; openHolds: number; lines: readonly LineQuantities[] }): OrderStatus {
  switch (order.lifecycle) {
    case 'draft':
    case 'cancelled':
    case 'closed':
      return order.lifecycle;
    case 'submitted':
      return order.openHolds > 0 ? 'on_hold' : 'submitted';
    case 'confirmed': {
      const stage = commonStage(order.lines);
      // A hold placed after confirmation (a recall, a credit stop) stops everything not yet shipped.
      if (order.openHolds > 0 && stage !== 'shipped' && stage !== 'delivered' && stage !== 'invoiced') return 'on_hold';
      if (stage) return STATUS_OF_STAGE[stage];
      return order.lines.some((l) => l.picked > 0) ? 'picking' : 'confirmed';
    }
    default: {
      const never: never = order.lifecycle;
      throw new Error(`unknown lifecycle ${String(never)}`);
    }
  }
}

/** True once any unit of the order has left the warehouse: it can no longer be cancelled. */
export const anyShipped = (lines: readonly LineQuantities[]): boolean => lines.some((l) => l.shipped > 0);
