// The values the orders API filters by (src/modules/orders: order-status.ts, the orders/holds CHECKs).
export const ORDER_STATUSES = [
  'draft',
  'submitted',
  'on_hold',
  'confirmed',
  'allocated',
  'picking',
  'packed',
  'shipped',
  'delivered',
  'invoiced',
  'closed',
  'cancelled',
] as const;
export const CHANNELS = ['console', 'api', 'edi', 'portal', 'forecast', 'quote'] as const;
export const HOLD_TYPES = ['compliance', 'credit', 'price', 'contract', 'stock', 'anomaly'] as const;
