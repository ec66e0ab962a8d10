import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid, uuidv7 } from '../../platform/ids.ts';
import type { LotStatus } from './lot-eligibility.ts';

export interface LotHead {
  id: string;
  deviceId: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  status: LotStatus;
  supplierLot: string | null;
}

export interface WantedLot {
  deviceId: string;
  lotNumber: string;
  expiresOn: string;
  manufacturedOn: string | null;
  supplierLot: string | null;
  supplierId: string | null;
}

export const LOT_HEAD = `l.id, l.device_id AS "deviceId", l.lot_number AS "lotNumber", l.manufactured_on AS "manufacturedOn",
  l.expires_on AS "expiresOn", l.status, l.supplier_lot AS "supplierLot"`;

export const lotKey = (deviceId: string, lotNumber: string): string => `${deviceId}/${lotNumber}`;

/**
 * Finds the lots named by device and lot number and creates the missing ones with the status
 * given (quarantine for goods received, released for opening stock), set-based. Two receipts of
 * the same new lot at once create it once. Returns every lot by key, and the ids created.
 */
export async function findOrCreateLots(
  tx: Sql,
  wanted: readonly WantedLot[],
  o: { status: LotStatus; actor: string; reason: string | null },
): Promise<{ lots: Map<string, LotHead>; created: Set<string> }> {
  const rows = [...new Map(wanted.map((w) => [lotKey(w.deviceId, w.lotNumber), { id: uuidv7(), ...w }])).values()];
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO lots (id, device_id, lot_number, manufactured_on, expires_on, status, supplier_id, supplier_lot, status_reason, released_by, released_at)
     SELECT r.id, r."deviceId", r."lotNumber", r."manufacturedOn", r."expiresOn", $2::text, r."supplierId", r."supplierLot", $4::text,
            CASE WHEN $2::text = 'released' THEN $3::text END, CASE WHEN $2::text = 'released' THEN now() END
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "deviceId" uuid, "lotNumber" text, "manufacturedOn" date, "expiresOn" date,
            "supplierId" uuid, "supplierLot" text)
     ON CONFLICT (device_id, lot_number) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows), o.status, o.actor, o.reason],
  );
  return { lots: await findLots(tx, rows), created: new Set(inserted.rows.map((r) => r.id)) };
}

/** The known lots among these (device, lot number) pairs, by key. */
export async function findLots(tx: Sql, keys: ReadonlyArray<{ deviceId: string; lotNumber: string }>): Promise<Map<string, LotHead>> {
  if (keys.length === 0) return new Map();
  const { rows } = await tx.query<LotHead>(
    `SELECT ${LOT_HEAD} FROM lots l JOIN jsonb_to_recordset($1::jsonb) AS r("deviceId" uuid, "lotNumber" text)
        ON l.device_id = r."deviceId" AND l.lot_number = r."lotNumber"`,
    [JSON.stringify(keys.map((k) => ({ deviceId: k.deviceId, lotNumber: k.lotNumber })))],
  );
  return new Map(rows.map((l) => [lotKey(l.deviceId, l.lotNumber), l]));
}

/** One lot's head, optionally locked; an unknown id is not found. */
export async function loadLotHead(tx: Sql, lotId: string, opts: { forUpdate?: boolean } = {}): Promise<LotHead> {
  if (!isUuid(lotId)) throw notFound('lot', lotId);
  const { rows } = await tx.query<LotHead>(`SELECT ${LOT_HEAD} FROM lots l WHERE l.id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [lotId]);
  if (!rows[0]) throw notFound('lot', lotId);
  return rows[0];
}
