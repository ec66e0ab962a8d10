import type { Sql } from '../../db/types.ts';
import { loadLotHead, type LotHead } from '../inventory/lot-records.ts';

export interface GenealogyLink {
  lotId: string;
  lotNumber: string;
  deviceId: string;
  deviceCode: string;
  expiresOn: string;
  status: string;
  quantity: number;
  workOrderId: string;
  workOrderNumber: string;
  /** 1 = direct; 2 = a component of a component (or a lot made from a lot made from this one) … */
  depth: number;
}

export interface LotGenealogy {
  lot: LotHead & { deviceCode: string };
  /** What went into the lot, down every level of the bill of material. */
  components: GenealogyLink[];
  /** Where the lot went: the lots made with it, up every level. */
  usedIn: GenealogyLink[];
}

const MAX_DEPTH = 20;

const LINK = `l.id AS "lotId", l.lot_number AS "lotNumber", l.device_id AS "deviceId", d.code AS "deviceCode", l.expires_on AS "expiresOn",
  l.status, g.quantity, g.work_order_id AS "workOrderId", w.number AS "workOrderNumber", g.depth`;

/**
 * A lot's device history record both ways, each a recursive walk of lot_genealogy: the component
 * lots in it (and theirs), and the lots it went into (and what those went into) — what a recall
 * of a component must reach.
 */
export async function getLotGenealogy(tx: Sql, lotId: string): Promise<LotGenealogy> {
  const lot = await loadLotHead(tx, lotId);
  const walk = (from: 'parent_lot_id' | 'component_lot_id', to: 'parent_lot_id' | 'component_lot_id') => tx.query<GenealogyLink>(
    `WITH RECURSIVE tree AS (
       SELECT ${to} AS lot_id, quantity, work_order_id, 1 AS depth FROM lot_genealogy WHERE ${from} = $1
       UNION ALL
       SELECT g.${to}, g.quantity, g.work_order_id, t.depth + 1 FROM lot_genealogy g JOIN tree t ON g.${from} = t.lot_id WHERE t.depth < $2
     )
     SELECT ${LINK} FROM tree g JOIN lots l ON l.id = g.lot_id JOIN devices d ON d.id = l.device_id JOIN work_orders w ON w.id = g.work_order_id
      ORDER BY g.depth, d.code, l.lot_number`,
    [lot.id, MAX_DEPTH],
  );
  const [device, components, usedIn] = await Promise.all([
    tx.query<{ code: string }>('SELECT code FROM devices WHERE id = $1', [lot.deviceId]),
    walk('parent_lot_id', 'component_lot_id'),
    walk('component_lot_id', 'parent_lot_id'),
  ]);
  return { lot: { ...lot, deviceCode: device.rows[0]!.code }, components: components.rows, usedIn: usedIn.rows };
}
