import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx, writeTx } from '../../platform/unit-of-work.ts';
import { createUser } from '../auth/create-user.ts';
import { inDays, today } from '../inventory/stock.fixture.ts';
import { addComplaint } from './add-complaint.ts';
import { changeComplaintStatus, setComplaintThreshold } from './change-complaint.ts';
import { listComplaints, lotComplaintSummary } from './list-complaints.ts';
import type { ComplaintInput } from './return-schemas.ts';
import { shippedReturnWorld, stentScan, type ReturnWorld } from './returns.fixture.ts';

let db: TestDatabase;
let world: ReturnWorld;
let qualityUserId: string;
const actor = systemActor('complaints-test');
beforeAll(async () => {
  db = await createTestDatabase();
  world = await shippedReturnWorld(db, createFieldCrypto(parseKeyring(generateKeyLine('t1'))));
  qualityUserId = (await createUser(db, actor, { username: 'qa-complaints', password: 'test-pass-12345', roles: ['quality'] })).id;
}, 180_000);
afterAll(() => db.close());

const add = (input: ComplaintInput) => writeTx(db, { actor }, (w) => addComplaint(w, input, today()));
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('not refused'); }, (e: { code: string; field?: string }) => ({ code: e.code, field: e.field }));

describe('complaints', () => {
  it('records the UDI scanned, as DI and PI, linked to device, lot and serial', async () => {
    const c = await add({ customerId: world.hospital.id, scan: stentScan(world, world.shippedSerials[0]!), description: 'balloon did not deflate', eventDate: today() });
    expect(c.number).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(c).toMatchObject({
      deviceId: world.stent.id, lotId: world.stentLot.id, serial: world.shippedSerials[0], status: 'open', udiDi: world.stent.eachGtin,
      udiPi: { lot: world.stentLot.lotNumber, serial: world.shippedSerials[0], expiry: inDays(400) },
    });
  });

  it('refuses bad input naming the field', async () => {
    const base = { customerId: world.hospital.id, description: 'x' };
    expect(await refusal(add({ ...base, customerId: world.stentLot.id, deviceId: world.gauze.id }))).toEqual({ code: 'VALIDATION_FAILED', field: 'customerId' });
    expect(await refusal(add(base))).toEqual({ code: 'VALIDATION_FAILED', field: 'deviceId' });
    expect(await refusal(add({ ...base, deviceId: world.gauze.id, lotNumber: 'NOPE' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'lotNumber' });
    expect(await refusal(add({ ...base, scan: stentScan(world, world.shippedSerials[0]!), lotNumber: 'OTHER' }))).toEqual({ code: 'VALIDATION_FAILED', field: 'lotNumber' });
    expect(await refusal(add({ ...base, scan: '01123' }))).toMatchObject({ field: 'scan' });
    expect(await refusal(add({ ...base, deviceId: world.gauze.id, rmaId: world.stentLot.id }))).toEqual({ code: 'VALIDATION_FAILED', field: 'rmaId' });
  });

  it('flags a lot once when it reaches the threshold (default 3), alerting quality', async () => {
    const about = { customerId: world.hospital.id, deviceId: world.gauze.id, lotNumber: world.gauzeLot.lotNumber };
    const first = await add({ ...about, description: 'fibres loose' });
    expect(first.lotFlag).toMatchObject({ count: 1, threshold: 3, flagged: false, newlyFlagged: false });
    await add({ ...about, description: 'fibres loose again' });
    const third = await add({ ...about, description: 'torn pack' });
    expect(third.lotFlag).toMatchObject({ count: 3, threshold: 3, flagged: true, newlyFlagged: true });
    const fourth = await add({ ...about, description: 'torn pack again' });
    expect(fourth.lotFlag).toMatchObject({ count: 4, flagged: true, newlyFlagged: false });
    const { rows: notes } = await db.query<{ message_en: string; message_zh: string }>(
      `SELECT message_en, message_zh FROM notifications WHERE user_id = $1 AND kind = 'lot_complaint_threshold'`, [qualityUserId]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message_zh).toContain(world.gauzeLot.lotNumber);
    const { rows: events } = await db.query(`SELECT 1 FROM outbox_events WHERE topic = 'lot.complaint_threshold_reached' AND entity_id = $1`, [world.gauzeLot.id]);
    expect(events).toHaveLength(1);
    const summary = await readTx(db, (tx) => lotComplaintSummary(tx, actor, world.gauzeLot.id));
    expect(summary).toMatchObject({ total: 4, byStatus: { open: 4 }, customers: 1, threshold: 3, flagged: true });
    const listed = await readTx(db, (tx) => listComplaints(tx, actor, { lotId: world.gauzeLot.id, customerId: world.hospital.id, limit: 2, offset: 0 }));
    expect(listed.total).toBe(4);
    expect(listed.items).toHaveLength(2);
  });

  it('takes a configured threshold', async () => {
    await writeTx(db, { actor }, (w) => setComplaintThreshold(w, 1));
    const c = await add({ customerId: world.hospital.id, deviceId: world.stent.id, lotNumber: world.stentLot.lotNumber, description: 'kink' });
    expect(c.lotFlag).toMatchObject({ threshold: 1, newlyFlagged: true });
  });

  it('goes open → investigating → closed with findings', async () => {
    const c = await add({ customerId: world.hospital.id, deviceId: world.gauze.id, description: 'smell' });
    const change = (status: 'investigating' | 'closed' | 'open', resolution?: string) =>
      writeTx(db, { actor }, (w) => changeComplaintStatus(w, c.id, { status, ...(resolution ? { resolution } : {}) }));
    expect((await change('investigating')).status).toBe('investigating');
    expect(await refusal(change('closed'))).toEqual({ code: 'VALIDATION_FAILED', field: 'resolution' });
    const closed = await change('closed', 'storage humidity; customer informed');
    expect(closed).toMatchObject({ status: 'closed', resolution: 'storage humidity; customer informed' });
    expect(closed.closedAt).not.toBeNull();
    expect(await refusal(change('open'))).toEqual({ code: 'INVALID_STATE', field: 'status' });
  });
});
