import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { resolveRecipients } from '../notifications/resolve-recipients.ts';
import { reachesThreshold, thresholdMessage } from './complaint-rules.ts';
import { getComplaint, type ComplaintView } from './get-complaint.ts';
import { resolveReturnScan } from './resolve-return-scan.ts';
import type { ComplaintInput } from './return-schemas.ts';

interface Subject { deviceId: string; deviceCode: string; lotId: string | null; lotNumber: string | null; serialId: string | null; udiDi: string | null; udiPi: Record<string, string> }

/** The device, lot and serial a complaint is about: from the UDI scan (stored as DI and PI) or typed. */
async function subjectOf(tx: Sql, input: ComplaintInput): Promise<Subject> {
  let udiDi: string | null = null;
  const udiPi: Record<string, string> = {};
  let { deviceId, lotNumber, serial } = input;
  if (input.scan !== undefined) {
    const s = await resolveReturnScan(tx, input.scan);
    const agree = (field: string, typed: string | undefined, scanned: string | null) => {
      if (typed !== undefined && scanned !== null && typed !== scanned) throw invalid(field, `differs from the scan (${scanned})`);
    };
    agree('deviceId', deviceId, s.deviceId);
    agree('lotNumber', lotNumber, s.lot);
    agree('serial', serial, s.serial);
    udiDi = s.gtin;
    for (const [k, v] of Object.entries({ lot: s.lot, serial: s.serial, expiry: s.expiry, productionDate: s.productionDate })) if (v !== null) udiPi[k] = v;
    deviceId = s.deviceId;
    lotNumber = s.lot ?? lotNumber;
    serial = s.serial ?? serial;
  }
  if (deviceId === undefined) throw invalid('deviceId', 'give the UDI scan or the device');
  const { rows: [device] } = await tx.query<{ code: string }>('SELECT code FROM devices WHERE id = $1', [deviceId]);
  if (!device) throw invalid('deviceId', `no device ${deviceId}`);
  let lotId: string | null = null;
  if (lotNumber !== undefined) {
    const { rows: [lot] } = await tx.query<{ id: string }>('SELECT id FROM lots WHERE device_id = $1 AND lot_number = $2', [deviceId, lotNumber]);
    if (!lot) throw invalid(input.scan ? 'scan' : 'lotNumber', `no lot ${lotNumber} of ${device.code}`);
    lotId = lot.id;
  }
  let serialId: string | null = null;
  if (serial !== undefined) {
    const { rows: [unit] } = await tx.query<{ id: string; lotId: string | null }>('SELECT id, lot_id AS "lotId" FROM serial_units WHERE device_id = $1 AND serial = $2', [deviceId, serial]);
    if (!unit) throw invalid(input.scan ? 'scan' : 'serial', `no serial ${serial} of ${device.code}`);
    serialId = unit.id;
    lotId ??= unit.lotId;
  }
  return { deviceId, deviceCode: device.code, lotId, lotNumber: lotNumber ?? null, serialId, udiDi, udiPi };
}

/** When this complaint brings its lot to the threshold: flag the lot once, tell quality, announce it. */
async function flagLot(w: Work, s: Subject, complaintId: string, threshold: number) {
  if (s.lotId === null) return null;
  const { rows: [c] } = await w.tx.query<{ n: number; flagged: boolean; lotNumber: string }>(
    `SELECT (SELECT count(*)::int FROM complaints WHERE lot_id = $1) AS n, EXISTS (SELECT 1 FROM lot_complaint_flags WHERE lot_id = $1) AS flagged,
            (SELECT lot_number FROM lots WHERE id = $1) AS "lotNumber"`, [s.lotId]);
  const flag = { lotId: s.lotId, count: c!.n, threshold, flagged: c!.flagged, newlyFlagged: false };
  if (!reachesThreshold(c!.n, threshold, c!.flagged)) return flag;
  await w.tx.query('INSERT INTO lot_complaint_flags (lot_id, complaint_count, threshold) VALUES ($1, $2, $3)', [s.lotId, c!.n, threshold]);
  w.audit({ entityType: 'lot', entityId: s.lotId, action: 'complaint_flagged', changes: { complaints: { new: c!.n }, threshold: { new: threshold } } });
  const payload = { lotId: s.lotId, lotNumber: c!.lotNumber, deviceCode: s.deviceCode, count: c!.n, threshold, complaintId };
  w.emit({ topic: 'lot.complaint_threshold_reached', entityType: 'lot', entityId: s.lotId, payload });
  const recipients = await resolveRecipients(w.tx, { roles: ['quality'] });
  await notifyUsers(w, recipients, { sourceKey: `lot-complaints:${s.lotId}`, kind: 'lot_complaint_threshold', message: thresholdMessage(payload), entityType: 'lot', entityId: s.lotId, data: payload });
  return { ...flag, flagged: true, newlyFlagged: true };
}

/**
 * Records a complaint (21 CFR 820.198) linked to the customer, device, lot and serial, with the UDI
 * as scanned and its DI and PI. Complaints are serialised on the settings row, so the count that
 * flags a lot at the threshold is exact under concurrent complaints.
 */
export async function addComplaint(w: Work, input: ComplaintInput, today: string): Promise<ComplaintView & { lotFlag: Awaited<ReturnType<typeof flagLot>> }> {
  const { rows: [customer] } = await w.tx.query(`SELECT 1 FROM parties WHERE id = $1 AND kind = 'customer'`, [input.customerId]);
  if (!customer) throw invalid('customerId', `no customer ${input.customerId}`);
  assertVisible(w.actor, input.customerId, 'customer', input.customerId);
  const s = await subjectOf(w.tx, input);
  if (input.rmaId !== undefined) {
    const { rows } = await w.tx.query('SELECT 1 FROM return_authorisations WHERE id = $1 AND customer_id = $2', [input.rmaId, input.customerId]);
    if (rows.length === 0) throw invalid('rmaId', `no RMA ${input.rmaId} of this customer`);
  }
  const { rows: [settings] } = await w.tx.query<{ threshold: number }>('SELECT lot_threshold AS threshold FROM complaint_settings FOR UPDATE');
  const id = uuidv7();
  const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('complaint_number_seq') AS n`)).rows[0]!.n;
  const number = `CMP-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  await w.tx.query(
    `INSERT INTO complaints (id, number, customer_id, device_id, lot_id, serial_id, rma_id, udi_scan, udi_di, udi_pi, event_date, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [id, number, input.customerId, s.deviceId, s.lotId, s.serialId, input.rmaId ?? null, input.scan ?? null, s.udiDi, JSON.stringify(s.udiPi),
      input.eventDate ?? null, input.description, w.actor.name]);
  w.audit({ entityType: 'complaint', entityId: id, action: 'created', changes: {
    number: { new: number }, customerId: { new: input.customerId }, deviceId: { new: s.deviceId }, lotId: { new: s.lotId }, serialId: { new: s.serialId }, udiDi: { new: s.udiDi },
  } });
  w.emit({ topic: 'complaint.created', entityType: 'complaint', entityId: id, payload: { number, customerId: input.customerId, lotId: s.lotId } });
  const lotFlag = await flagLot(w, s, id, settings!.threshold);
  return { ...(await getComplaint(w.tx, w.actor, id)), lotFlag };
}
