import { DomainError, invalid } from '../../platform/errors.ts';

/** A component of a work order: what the BOM asks for its quantity, and what was issued so far. */
export interface ComponentNeed {
  deviceId: string;
  deviceCode: string;
  quantityPer: number;
  /** quantity_per × work order quantity */
  required: number;
  issued: number;
}

export interface IssueLine {
  deviceId: string;
  quantity: number;
  field: string;
}

/**
 * Issues must be components of the work order's BOM, and never more than the BOM asks for the
 * work order's quantity (over-issue); lines of one component add up. Throws naming the line.
 */
export function checkIssues(woNumber: string, needs: ReadonlyMap<string, ComponentNeed>, lines: readonly IssueLine[]): void {
  const issued = new Map([...needs].map(([id, n]) => [id, n.issued]));
  for (const l of lines) {
    const need = needs.get(l.deviceId);
    if (!need) throw new DomainError('SCAN_WRONG_DEVICE', `${l.field}: the device is not a component of work order ${woNumber}`, { field: l.field, details: { deviceId: l.deviceId } });
    const after = issued.get(l.deviceId)! + l.quantity;
    if (after > need.required) {
      throw invalid(`${l.field}.quantity`, `over-issue: work order ${woNumber} needs ${need.required} of ${need.deviceCode}, ${issued.get(l.deviceId)} already issued`);
    }
    issued.set(l.deviceId, after);
  }
}

/**
 * Output may be reported only for units whose components were issued: after the report, every
 * component must have been issued at least quantity_per × units completed. Returns the first
 * component short, or null.
 */
export function componentShort(needs: Iterable<ComponentNeed>, completedAfter: number): (ComponentNeed & { needed: number }) | null {
  for (const n of needs) {
    const needed = n.quantityPer * completedAfter;
    if (n.issued < needed) return { ...n, needed };
  }
  return null;
}
