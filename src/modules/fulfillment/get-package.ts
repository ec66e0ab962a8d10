import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';

export interface PackageView {
  id: string;
  sscc: string;
  orderId: string;
  orderNumber: string;
  status: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewMeaning: string | null;
  shipmentId: string | null;
  createdBy: string;
  createdAt: string;
  content: Array<{ pickId: string; lineNo: number; deviceCode: string; lotNumber: string; expiresOn: string; serial: string | null; quantity: number; pickedBy: string }>;
}

export async function getPackage(tx: Sql, actor: Actor, id: string): Promise<PackageView> {
  if (!isUuid(id)) throw notFound('package', id);
  const { rows: [pkg] } = await tx.query<Omit<PackageView, 'content'> & { customerId: string }>(
    `SELECT p.id, p.sscc, p.order_id AS "orderId", o.number AS "orderNumber", o.customer_id AS "customerId", p.status, p.weight_g AS "weightG",
            p.length_mm AS "lengthMm", p.width_mm AS "widthMm", p.height_mm AS "heightMm", p.reviewed_by AS "reviewedBy",
            p.reviewed_at AS "reviewedAt", p.review_meaning AS "reviewMeaning", p.shipment_id AS "shipmentId", p.created_by AS "createdBy",
            p.created_at AS "createdAt"
       FROM packages p JOIN orders o ON o.id = p.order_id WHERE p.id = $1`,
    [id],
  );
  if (!pkg) throw notFound('package', id);
  assertVisible(actor, pkg.customerId, 'package', id);
  const { rows: content } = await tx.query<PackageView['content'][number]>(
    `SELECT pk.id AS "pickId", pk.line_no AS "lineNo", d.code AS "deviceCode", l.lot_number AS "lotNumber", l.expires_on AS "expiresOn",
            s.serial, pk.quantity, pk.picked_by AS "pickedBy"
       FROM picks pk JOIN devices d ON d.id = pk.device_id JOIN lots l ON l.id = pk.lot_id LEFT JOIN serial_units s ON s.id = pk.serial_id
      WHERE pk.package_id = $1 ORDER BY pk.line_no, l.lot_number, s.serial, pk.picked_at`,
    [id],
  );
  const { customerId: _c, ...view } = pkg;
  return { ...view, content };
}
