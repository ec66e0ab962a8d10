/** The planning engine's inputs and outputs: plain data, no database. Dates are 'YYYY-MM-DD'. */

export type PegType = 'order_line' | 'forecast' | 'safety_stock' | 'planned_order' | 'work_order';

/** What a planned order (or a piece of supply) serves. */
export interface Peg {
  type: PegType;
  /** order_line: '<orderId>/<lineNo>'; forecast: forecast id; planned_order/work_order: its id; safety_stock: device id. */
  ref: string;
  date: string;
  quantity: number;
}

export interface Demand {
  deviceId: string;
  date: string;
  quantity: number;
  type: Exclude<PegType, 'work_order'> | 'work_order';
  ref: string;
  /** 1 = most urgent (planner override, else the customer's priority tier); 3 when none. */
  priority: number;
}

export type SupplyType = 'stock' | 'quarantine' | 'purchase_order' | 'work_order';

export interface Supply {
  deviceId: string;
  /** The day it can be used: today for stock, release day for quarantine, arrival + inspection, completion. */
  date: string;
  quantity: number;
  type: SupplyType;
  ref: string;
  /** Usable only for demand before this day (stock lots); absent = does not expire. */
  expiresOn?: string;
}

export interface Component {
  deviceId: string;
  quantityPer: number;
}

export interface PlanItem {
  deviceId: string;
  makeOrBuy: 'make' | 'buy';
  /** The planner's lead time (planning_parameters), which wins over everything else. */
  leadTimeOverride: number | null;
  /** devices.lead_time_days; null = unknown (taken as 0). */
  deviceLeadTimeDays: number | null;
  /** Make only: routing minutes as setup + run per unit; a make lead time is derived from it. */
  routing: { setupMinutes: number; runMinutesPerUnit: number } | null;
  /** Days from a buy order's arrival until it is released (incoming inspection). */
  inspectionDays: number;
  shelfLifeDays: number | null;
  safetyStock: number;
  minOrderQty: number;
  orderMultiple: number;
  /** Make only; absent or empty = no bill of material. */
  components: readonly Component[];
}

export interface PlannedOrder {
  id: string;
  kind: 'make' | 'buy';
  deviceId: string;
  quantity: number;
  startDate: string;
  dueDate: string;
  priority: number;
  pegging: Peg[];
}

export type ExceptionKind = 'late' | 'expedite' | 'cancel' | 'excess' | 'shelf_life' | 'no_bom' | 'no_routing';

export interface PlanException {
  kind: ExceptionKind;
  deviceId: string;
  refType: string;
  refId: string;
  en: string;
  zh: string;
  details: Record<string, unknown>;
}

export interface PlanResult {
  plannedOrders: PlannedOrder[];
  exceptions: PlanException[];
  /** Devices in low-level-code order, for the report. */
  lowLevelCodes: Record<string, number>;
}
