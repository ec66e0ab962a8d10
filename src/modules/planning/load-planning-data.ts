import type { Sql } from '../../db/types.ts';
import { BUSINESS_TIME_ZONE } from '../orders/business-day.ts';
import { openForecastDemand } from '../forecasts/open-forecast-demand.ts';
import { INSPECTION_DAYS } from '../inventory/store-line-promises.ts';
import { addDays } from './lot-sizing.ts';
import type { Demand, PlanItem, Supply } from './planning-types.ts';

/** Forecasts rank after every customer order of the same day. */
const FORECAST_PRIORITY = 5;

/**
 * Independent demand, set-based: the open quantity of confirmed orders' lines (ordered − cancelled
 * − what is allocated or shipped already) on the requested date (a past date stays: it is late), ranked by the planner's override
 * else the order's priority; forecasts not yet consumed by orders, from the start of their period;
 * and the components still owed to planned (not yet released) work orders.
 */
async function loadDemand(tx: Sql, today: string, horizonEnd: string): Promise<Demand[]> {
  const lines = await tx.query<Demand>(
    `SELECT l.device_id AS "deviceId", coalesce(l.requested_date, o.requested_date, $1::date)::text AS date,
            l.qty_ordered - l.qty_cancelled - greatest(l.qty_allocated, l.qty_shipped) AS quantity,
            'order_line' AS type, o.id || '/' || l.line_no AS ref, coalesce(p.priority, o.priority) AS priority
       FROM orders o JOIN order_lines l ON l.order_id = o.id LEFT JOIN planning_priority_overrides p ON p.order_id = o.id
      WHERE o.lifecycle = 'confirmed' AND l.qty_ordered - l.qty_cancelled - greatest(l.qty_allocated, l.qty_shipped) > 0`,
    [today],
  );
  const components = await tx.query<Demand>(
    `SELECT bl.component_device_id AS "deviceId", coalesce((w.scheduled_start AT TIME ZONE $1)::date, w.due_date)::text AS date,
            (w.quantity - w.qty_completed) * bl.quantity_per AS quantity, 'work_order' AS type, w.id::text AS ref, w.priority
       FROM work_orders w JOIN bom_lines bl ON bl.bom_id = w.bom_id
      WHERE w.status = 'planned' AND w.quantity > w.qty_completed`,
    [BUSINESS_TIME_ZONE],
  );
  const { rows: devices } = await tx.query<{ id: string }>(`SELECT DISTINCT device_id AS id FROM forecasts WHERE quantity > consumed AND period_end >= $1::date`, [today]);
  const forecasts = await openForecastDemand(tx, { deviceIds: devices.map((d) => d.id), from: today, to: horizonEnd });
  return [
    ...lines.rows,
    ...components.rows,
    ...forecasts.map((f): Demand => ({
      deviceId: f.deviceId, date: f.periodStart > today ? f.periodStart : today, quantity: f.remaining, type: 'forecast', ref: f.forecastId, priority: FORECAST_PRIORITY,
    })),
  ];
}

/**
 * Supply, set-based: free released stock by lot (not expired, its expiry kept), quarantine stock
 * on its expected release day, open purchase order lines on arrival + inspection, purchase
 * requisitions not yet ordered on their need date, and open work orders on their completion.
 */
async function loadSupply(tx: Sql, today: string): Promise<Supply[]> {
  const { rows } = await tx.query<Supply & { expiresOn: string | null }>(
    `WITH insp AS (SELECT device_id, inspection_days FROM planning_parameters)
     SELECT b.device_id AS "deviceId", $1::text AS date, sum(b.on_hand - b.allocated)::int AS quantity, 'stock' AS type, l.id::text AS ref, l.expires_on::text AS "expiresOn"
       FROM stock_balances b JOIN lots l ON l.id = b.lot_id
      WHERE l.status = 'released' AND l.expires_on > $1::date AND b.on_hand > b.allocated GROUP BY b.device_id, l.id
     UNION ALL
     SELECT b.device_id, ($1::date + coalesce(i.inspection_days, $2))::text, sum(b.on_hand)::int, 'quarantine', l.id::text, l.expires_on::text
       FROM stock_balances b JOIN lots l ON l.id = b.lot_id LEFT JOIN insp i ON i.device_id = b.device_id
      WHERE l.status = 'quarantine' AND l.expires_on > $1::date AND b.on_hand > 0 GROUP BY b.device_id, l.id, i.inspection_days
     UNION ALL
     SELECT pl.device_id, greatest(pl.expected_date + coalesce(i.inspection_days, $2), $1::date)::text, pl.quantity - pl.qty_received, 'purchase_order', p.number, NULL
       FROM purchase_order_lines pl JOIN purchase_orders p ON p.id = pl.purchase_order_id LEFT JOIN insp i ON i.device_id = pl.device_id
      WHERE p.status IN ('approved', 'sent', 'partially_received') AND pl.quantity > pl.qty_received
     UNION ALL
     SELECT r.device_id, greatest(r.need_date, $1::date)::text, r.quantity, 'purchase_order', r.number, NULL
       FROM purchase_requisitions r WHERE r.status IN ('open', 'approved')
     UNION ALL
     SELECT w.device_id, greatest(coalesce((w.scheduled_end AT TIME ZONE $3)::date, w.due_date), $1::date)::text, w.quantity - w.qty_completed, 'work_order', w.number, NULL
       FROM work_orders w WHERE w.status IN ('planned', 'released', 'in_progress') AND w.quantity > w.qty_completed`,
    [today, INSPECTION_DAYS, BUSINESS_TIME_ZONE],
  );
  return rows.map(({ expiresOn, ...s }) => (expiresOn ? { ...s, expiresOn } : s));
}

/** Every device the plan touches, and all below them in any active BOM, with their planning facts. */
async function loadItems(tx: Sql, deviceIds: readonly string[]): Promise<Map<string, PlanItem>> {
  const { rows } = await tx.query<PlanItem>(
    `WITH RECURSIVE tree(id) AS (
       SELECT unnest($1::uuid[]) UNION SELECT id FROM (SELECT device_id AS id FROM planning_parameters WHERE safety_stock > 0) s
       UNION SELECT bl.component_device_id FROM tree t JOIN boms b ON b.device_id = t.id AND b.active JOIN bom_lines bl ON bl.bom_id = b.id)
     SELECT d.id AS "deviceId", d.make_or_buy AS "makeOrBuy", p.lead_time_days AS "leadTimeOverride", d.lead_time_days AS "deviceLeadTimeDays",
            (SELECT json_build_object('setupMinutes', sum(o.setup_minutes), 'runMinutesPerUnit', sum(o.run_minutes_per_unit)::float8)
               FROM routings r JOIN routing_operations o ON o.routing_id = r.id WHERE r.device_id = d.id AND r.active HAVING count(*) > 0) AS routing,
            coalesce(p.inspection_days, $2) AS "inspectionDays", d.shelf_life_days AS "shelfLifeDays",
            coalesce(p.safety_stock, 0) AS "safetyStock", coalesce(p.min_order_qty, 0) AS "minOrderQty", coalesce(p.order_multiple, 1) AS "orderMultiple",
            coalesce((SELECT json_agg(json_build_object('deviceId', bl.component_device_id, 'quantityPer', bl.quantity_per))
                        FROM boms b JOIN bom_lines bl ON bl.bom_id = b.id WHERE b.device_id = d.id AND b.active), '[]'::json) AS components
       FROM devices d JOIN tree t ON t.id = d.id LEFT JOIN planning_parameters p ON p.device_id = d.id`,
    [[...new Set(deviceIds)], INSPECTION_DAYS],
  );
  return new Map(rows.map((r) => [r.deviceId, r]));
}

export async function loadPlanningData(tx: Sql, o: { today: string; horizonDays: number }): Promise<{ items: Map<string, PlanItem>; demands: Demand[]; supplies: Supply[] }> {
  const demands = await loadDemand(tx, o.today, addDays(o.today, o.horizonDays));
  const supplies = await loadSupply(tx, o.today);
  const items = await loadItems(tx, [...demands.map((d) => d.deviceId), ...supplies.filter((s) => s.type !== 'stock' && s.type !== 'quarantine').map((s) => s.deviceId)]);
  return { items, demands, supplies };
}
