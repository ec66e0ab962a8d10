import type { ScanTrace } from './trace-views';

export const serialPath = (gtin: string, serial: string): string =>
  `/trace/serials?${new URLSearchParams({ gtin, serial }).toString()}`;

/** Where a scan leads: a serial's history, a lot's consignees, or the order a carton belongs to. */
export function scanTarget(found: ScanTrace): string {
  if (found.kind === 'serial') return serialPath(found.gtin, found.serial);
  if (found.kind === 'lot') return `/trace/lots/${found.lot.id}`;
  return `/trace/orders/${found.order.id}`;
}
