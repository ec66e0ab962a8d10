import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import type { PartyInput } from '../../src/modules/parties/party-schemas.ts';
import { createTestDevice, distributorInput, hospitalInput, uniqueCode } from '../../src/modules/parties/test-fixtures.ts';

let t: TestApp;
let admin: HttpClient;
let sales: HttpClient;
let device: { id: string; code: string };

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.userClient('admin');
  sales = await t.userClient('sales');
  device = await createTestDevice(t.db, { deviceClass: 'II' });
});
afterAll(() => t.close());

const newParty = async (input: PartyInput = distributorInput()) => (await sales.post('/api/v1/parties', input)).body.id as string;
const base = (id: string) => `/api/v1/parties/${id}/item-xrefs`;

describe('item cross-references', () => {
  it('maps a partner item code to a device and level, then changes and deletes it with audit records', async () => {
    const id = await newParty();
    const created = await sales.post(base(id), { partnerItemCode: 'KM-10086', deviceId: device.id, packagingLevel: 'box', description: '输液器 10支/盒' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ partyId: id, partnerItemCode: 'KM-10086', deviceId: device.id, packagingLevel: 'box', version: 1 });
    const xid = created.body.id;
    expect((await sales.get(`${base(id)}/${xid}`)).body.partnerItemCode).toBe('KM-10086');
    expect((await sales.get(`${base(id)}?q=10086`)).body).toMatchObject({ total: 1, items: [{ id: xid }] });
    expect((await sales.get(`${base(id)}?deviceId=${device.id}`)).body.total).toBe(1);
    expect((await sales.get(`${base(id)}?q=nothing`)).body.total).toBe(0);

    const changed = await sales.request('PATCH', `${base(id)}/${xid}`, { version: 1, packagingLevel: 'each', description: null });
    expect(changed.body).toMatchObject({ packagingLevel: 'each', description: null, version: 2 });
    expect((await sales.request('PATCH', `${base(id)}/${xid}`, { version: 1, packagingLevel: 'box' })).body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await sales.request('DELETE', `${base(id)}/${xid}`)).status).toBe(204);
    const trail = (await admin.get(`/api/v1/audit?entity=party_item_xref&id=${xid}`)).body.items;
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['created', 'updated', 'deleted']);
    expect(trail[1].changes).toEqual({ packagingLevel: { old: 'box', new: 'each' }, description: { old: '输液器 10支/盒', new: null }, version: { old: 1, new: 2 } });
  });

  it.each([
    ['an unknown device', { deviceId: '0190aaaa-0000-7000-8000-000000000000' }, 400, 'deviceId'],
    ['a level the device is not packed at', { packagingLevel: 'pallet' }, 400, 'packagingLevel'],
    ['an unknown level', { packagingLevel: 'crate' }, 400, 'packagingLevel'],
    ['an item code with leading spaces', { partnerItemCode: ' X' }, 400, 'partnerItemCode'],
    ['a malformed device id', { deviceId: 'dev-1' }, 400, 'deviceId'],
  ])('refuses %s naming the field', async (_what, change, status, field) => {
    const id = await newParty();
    const res = await sales.post(base(id), { partnerItemCode: uniqueCode('X'), deviceId: device.id, packagingLevel: 'each', ...change });
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
  });

  it('refuses an item code mapped twice for one party (409) but allows it for another party', async () => {
    const a = await newParty();
    const b = await newParty();
    const body = { partnerItemCode: 'SAME-CODE', deviceId: device.id, packagingLevel: 'each' };
    await sales.post(base(a), body);
    expect((await sales.post(base(a), body)).body.error).toMatchObject({ code: 'DUPLICATE', field: 'partnerItemCode' });
    expect((await sales.post(base(b), body)).status).toBe(201);
  });

  it('refuses cross-references for a carrier (409) and writes without parties.write (403)', async () => {
    const carrier = await newParty({ code: uniqueCode('C'), kind: 'carrier', nameZh: '承运' });
    expect((await sales.post(base(carrier), { partnerItemCode: 'X', deviceId: device.id, packagingLevel: 'each' })).body.error.code).toBe('INVALID_STATE');
    const id = await newParty();
    const reader = await t.userClient('customer_service');
    expect((await reader.post(base(id), { partnerItemCode: 'X', deviceId: device.id, packagingLevel: 'each' })).status).toBe(403);
    expect((await reader.get(base(id))).status).toBe(200);
  });

  it("shows a portal user its own organisation's cross-references only (404 otherwise)", async () => {
    const own = await newParty(hospitalInput());
    const other = await newParty(hospitalInput());
    const mine = (await sales.post(base(own), { partnerItemCode: 'MINE', deviceId: device.id, packagingLevel: 'each' })).body;
    const theirs = (await sales.post(base(other), { partnerItemCode: 'THEIRS', deviceId: device.id, packagingLevel: 'each' })).body;
    const portal = await t.userClient('hospital_portal', { organisationId: own });
    expect((await portal.get(base(own))).body.items.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await portal.get(`${base(own)}/${mine.id}`)).status).toBe(200);
    expect((await portal.get(base(other))).status).toBe(404);
    expect((await portal.get(`${base(other)}/${theirs.id}`)).status).toBe(404);
    expect((await portal.get(`${base(own)}/${theirs.id}`)).status).toBe(404);
  });
});
