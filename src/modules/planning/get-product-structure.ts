import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';

export interface ProductStructure {
  deviceId: string;
  bom: { id: string; revision: string; lines: Array<{ lineNo: number; componentDeviceId: string; componentCode: string; quantityPer: number }> } | null;
  routing: { id: string; revision: string; operations: Array<{ seq: number; workCentreId: string; workCentreCode: string; setupMinutes: number; runMinutesPerUnit: number }> } | null;
}

/** The active BOM and routing of a device. */
export async function getProductStructure(tx: Sql, deviceId: string): Promise<ProductStructure> {
  if (!isUuid(deviceId)) throw notFound('device', deviceId);
  const { rows } = await tx.query<Omit<ProductStructure, 'deviceId'> & { found: boolean }>(
    `SELECT true AS found,
       (SELECT json_build_object('id', b.id, 'revision', b.revision, 'lines', (SELECT json_agg(json_build_object('lineNo', l.line_no,
               'componentDeviceId', l.component_device_id, 'componentCode', c.code, 'quantityPer', l.quantity_per) ORDER BY l.line_no)
               FROM bom_lines l JOIN devices c ON c.id = l.component_device_id WHERE l.bom_id = b.id))
          FROM boms b WHERE b.device_id = d.id AND b.active) AS bom,
       (SELECT json_build_object('id', r.id, 'revision', r.revision, 'operations', (SELECT json_agg(json_build_object('seq', o.seq,
               'workCentreId', o.work_centre_id, 'workCentreCode', w.code, 'setupMinutes', o.setup_minutes,
               'runMinutesPerUnit', o.run_minutes_per_unit::float8) ORDER BY o.seq)
               FROM routing_operations o JOIN work_centres w ON w.id = o.work_centre_id WHERE o.routing_id = r.id))
          FROM routings r WHERE r.device_id = d.id AND r.active) AS routing
       FROM devices d WHERE d.id = $1`,
    [deviceId],
  );
  const row = rows[0];
  if (!row) throw notFound('device', deviceId);
  return { deviceId, bom: row.bom, routing: row.routing };
}
