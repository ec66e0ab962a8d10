import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Aql, InspectionLevel } from './sampling-plan.ts';

export type InspectionStatus = 'pending' | 'passed' | 'failed' | 'released' | 'rejected';

export interface InspectionView {
  id: string;
  purchaseOrderId: string;
  purchaseOrderNumber: string;
  purchaseOrderLineId: string;
  receiptId: string;
  lotId: string;
  lotNumber: string;
  lotStatus: string;
  deviceId: string;
  deviceCode: string;
  receivedQuantity: number;
  inspectionLevel: InspectionLevel;
  aql: Aql;
  sampleSize: number;
  acceptNumber: number;
  status: InspectionStatus;
  sampled: number | null;
  defects: number | null;
  reportReference: string | null;
  notes: string | null;
  inspectedBy: string | null;
  inspectedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

const COLUMNS = `i.id, i.purchase_order_id AS "purchaseOrderId", p.number AS "purchaseOrderNumber", i.purchase_order_line_id AS "purchaseOrderLineId",
  i.receipt_id AS "receiptId", i.lot_id AS "lotId", l.lot_number AS "lotNumber", l.status AS "lotStatus", i.device_id AS "deviceId",
  d.code AS "deviceCode", i.received_quantity AS "receivedQuantity", i.inspection_level AS "inspectionLevel", i.aql,
  i.sample_size AS "sampleSize", i.accept_number AS "acceptNumber", i.status, i.sampled, i.defects, i.report_reference AS "reportReference",
  i.notes, i.inspected_by AS "inspectedBy", i.inspected_at AS "inspectedAt", i.decided_by AS "decidedBy", i.decided_at AS "decidedAt"`;
const FROM = `incoming_inspections i JOIN purchase_orders p ON p.id = i.purchase_order_id JOIN lots l ON l.id = i.lot_id JOIN devices d ON d.id = i.device_id`;

export async function loadInspection(tx: Sql, id: string, opts: { forUpdate?: boolean } = {}): Promise<InspectionView> {
  if (!isUuid(id)) throw notFound('inspection', id);
  const { rows } = await tx.query<InspectionView>(`SELECT ${COLUMNS} FROM ${FROM} WHERE i.id = $1${opts.forUpdate ? ' FOR UPDATE OF i' : ''}`, [id]);
  if (!rows[0]) throw notFound('inspection', id);
  return rows[0];
}

export async function listInspections(tx: Sql, filter: { purchaseOrderId?: string; receiptId?: string; status?: InspectionStatus }): Promise<InspectionView[]> {
  const { rows } = await tx.query<InspectionView>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE ($1::uuid IS NULL OR i.purchase_order_id = $1) AND ($2::uuid IS NULL OR i.receipt_id = $2) AND ($3::text IS NULL OR i.status = $3)
      ORDER BY i.created_at, l.lot_number LIMIT 500`,
    [filter.purchaseOrderId ?? null, filter.receiptId ?? null, filter.status ?? null],
  );
  return rows;
}
