import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { addIdentifier } from '../../src/modules/parties/party-identifiers.ts';
import { x12Interchange } from '../../src/modules/edi/test-support.ts';
import { ediWorld, readIntakeFixture, withX12ControlNumber, type EdiWorld } from '../../src/modules/edi-intake/test-support.ts';

let t: TestApp;
let world: EdiWorld;
let cs: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await ediWorld(t.db, t.crypto);
  cs = await t.userClient('customer_service');
});
afterAll(() => t.close());

const X12 = { 'content-type': 'application/edi-x12' };
const post = (text: string, headers: Record<string, string> = X12, client = cs) => client.post('/api/v1/edi/inbound', text, headers);
const lineFacts = (order: any) => order.lines.map((l: any) => [l.deviceCode, l.uom, l.uomQuantity, l.ordered, l.unitPriceMinor]);

describe('POST /api/v1/edi/inbound: orders from valid interchanges', () => {
  it('takes an X12 4010 850: customer by GLN, ship-to by GLN, GTIN and vendor-item lines in base units at the agreed prices', async () => {
    const res = await post(readIntakeFixture('intake-x12-4010-850.edi'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ duplicate: false, standard: 'X12', outcome: 'accepted', issues: [] });
    expect(res.body.ack).toContain('AK1*PO*701');
    expect(res.body.orders).toEqual([{ poNumber: 'H1-4010-0001', orderId: expect.any(String), number: expect.stringMatching(/^SO-/), status: 'confirmed' }]);
    const order = (await cs.get(`/api/v1/orders/${res.body.orders[0].orderId}`)).body;
    expect(order).toMatchObject({
      customerId: world.hospital.id, shipToId: world.dockId, channel: 'edi', externalPo: 'H1-4010-0001', currency: 'CNY',
      requestedDate: '2030-06-15', sourceType: 'edi_interchange', sourceRef: res.body.interchangeId, alerts: [],
    });
    expect(lineFacts(order)).toEqual([
      [world.stent.code, 'CA', 2, 20, 1_200_000],
      [world.coldDevice.code, 'BX', 3, 60, 8_000],
      [world.gauze.code, 'EA', 5, 5, 350],
    ]);
  });

  it('takes an X12 5010 850: customer by the DUNS sender, default ship-to, buyer item through the cross-reference', async () => {
    const res = await post(readIntakeFixture('intake-x12-5010-850.edi'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ standard: 'X12', outcome: 'accepted', orders: [{ poNumber: 'H1-5010-0001', status: 'confirmed' }] });
    expect(res.body.ack).toContain('IK5*A');
    const order = (await cs.get(`/api/v1/orders/${res.body.orders[0].orderId}`)).body;
    expect(order).toMatchObject({ customerId: world.hospital.id, shipToId: world.hospital.shipToId, requestedDate: '2030-06-20' });
    expect(lineFacts(order)).toEqual([
      [world.stent.code, 'CA', 1, 10, 1_200_000],
      [world.coldDevice.code, 'EA', 10, 10, 8_000],
    ]);
    expect(order.lines[0].buyerItem).toBe('H-STENT-CS');
  });

  it('takes an EDIFACT ORDERS: GLN sender, NAD+DP ship-to, a GTIN line without a unit ordered at its packaging level', async () => {
    const res = await post(readIntakeFixture('intake-edifact-d96a-orders.edi'), { 'content-type': 'application/edifact' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ standard: 'EDIFACT', outcome: 'accepted', orders: [{ poNumber: 'H1-EF-0001', status: 'confirmed' }] });
    expect(res.body.ack).toContain('UCI+H1EF0001+6901234000009:14+LOTLINE:ZZZ+7');
    const order = (await cs.get(`/api/v1/orders/${res.body.orders[0].orderId}`)).body;
    expect(order).toMatchObject({ customerId: world.hospital.id, shipToId: world.dockId, alerts: [] });
    expect(lineFacts(order)).toEqual([
      [world.stent.code, 'PCE', 4, 4, 1_200_000],
      [world.coldDevice.code, 'BOX', 2, 40, 8_000],
    ]);
  });
});

describe('one order per interchange (invariant 6)', () => {
  it('answers a resent interchange with the stored ack and order numbers, creating nothing', async () => {
    const text = withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 710);
    const first = await post(text);
    const again = await post(text, { 'content-type': 'text/plain' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const stored = await cs.get(`/api/v1/edi/interchanges?sender=HOSP001EDI&limit=500`);
    expect(stored.body.items.filter((i: any) => i.controlNumber === '000000710')).toHaveLength(1);
  });

  it('creates one set of orders when the same interchange arrives five times at once', async () => {
    const text = withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 711);
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(text, { 'content-type': 'application/octet-stream' })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => !a.body.duplicate)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.orders[0].number)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.ack)).size).toBe(1);
    const { rows } = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE source_ref IN (SELECT id::text FROM edi_interchanges WHERE control_number = '000000711')`);
    expect(rows[0]!.n).toBe(1);
  });
});

describe('interchanges Lotline refuses in part or whole', () => {
  it('places the good order of a file and refuses the bad one naming its field', async () => {
    const res = await post(readIntakeFixture('intake-x12-4010-one-bad-order.edi'));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('accepted');
    expect(res.body.orders).toEqual([
      { poNumber: 'H1-GOOD-0001', orderId: expect.any(String), number: expect.any(String), status: 'confirmed' },
      { poNumber: 'H1-BAD-0002', error: { code: 'VALIDATION_FAILED', field: 'lines.1.gtin', message: expect.stringContaining('69000099999998') } },
    ]);
    expect((await cs.get('/api/v1/orders?q=H1-BAD-0002')).body.total).toBe(0);
    const stored = (await cs.get(`/api/v1/edi/interchanges/${res.body.interchangeId}`)).body;
    expect(stored.errorSummary).toContain('PO H1-BAD-0002 refused');
  });

  it('refuses orders whose purpose, items or units Lotline cannot take, naming the field', async () => {
    const base4010 = readIntakeFixture('intake-x12-4010-850.edi');
    const base5010 = readIntakeFixture('intake-x12-5010-850.edi');
    const cases: Array<[string, string]> = [
      [base4010.replace('BEG*00*SA*', 'BEG*01*SA*'), 'purpose'],
      [base5010.replace('PO1*1*1*CA*120000.00**IN*H-STENT-CS', 'PO1*1*10*EA*12000.00**IN*H-STENT-CS'), 'lines.0.uom'],
      [base5010.replace('IN*H-STENT-CS', 'IN*H-NO-SUCH'), 'lines.0.buyerItem'],
      [base4010.replace('VP*GAUZE-001', 'VP*NO-SUCH-CODE'), 'lines.2.deviceCode'],
    ];
    for (const [i, [text, field]] of cases.entries()) {
      const res = await post(withX12ControlNumber(text, 720 + i));
      expect(res.status).toBe(200);
      expect(res.body.orders[0].error, field).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('takes a ship-to GLN not on file as the default ship-to, saying so, and rounds a package price into a base-unit price', async () => {
    const text = readIntakeFixture('intake-x12-4010-850.edi').replace('UL*6901234000016', 'UL*6901234000023').replace('*BX*1600.00*', '*BX*1600.01*');
    const res = await post(withX12ControlNumber(text, 730));
    const order = (await cs.get(`/api/v1/orders/${res.body.orders[0].orderId}`)).body;
    expect(order.shipToId).toBe(world.hospital.shipToId);
    expect(order.notes).toContain('6901234000023');
    expect(order.lines[1]).toMatchObject({ unitPriceMinor: 8_000, notes: expect.stringContaining('1600.01 CNY per BX taken as 80.00 per base unit') });
  });

  it('stores a broken envelope with its rejecting ack and creates no order', async () => {
    const before = (await cs.get('/api/v1/orders')).body.total;
    const res = await post(readIntakeFixture('intake-x12-4010-broken-iea02.edi'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'rejected', orders: [] });
    expect(res.body.ack).toMatch(/TA1\*000000704\*\d{6}\*\d{4}\*R\*001/);
    expect((await cs.get('/api/v1/orders')).body.total).toBe(before);
    const stored = (await cs.get(`/api/v1/edi/interchanges/${res.body.interchangeId}`)).body;
    expect(stored).toMatchObject({ outcome: 'rejected', raw: readIntakeFixture('intake-x12-4010-broken-iea02.edi'), ack: res.body.ack });
  });

  it('answers an unknown partner 422, stores it, and takes the resend once the partner is set up', async () => {
    const text = readIntakeFixture('intake-x12-4010-unknown-partner.edi');
    const res = await post(text);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'EDI_UNKNOWN_PARTNER', field: 'sender' });
    const stored = (await cs.get(`/api/v1/edi/interchanges/${res.body.error.details.interchangeId}`)).body;
    expect(stored).toMatchObject({ outcome: 'rejected', errorCode: 'EDI_UNKNOWN_PARTNER', orders: [], ack: null, raw: text });

    await addIdentifier(t.db, systemActor('test'), world.hospital.id, { scheme: 'PARTNER', value: 'NOBODY' });
    const resend = await post(text);
    expect(resend.status, JSON.stringify(resend.body)).toBe(200);
    expect(resend.body).toMatchObject({ duplicate: false, orders: [{ poNumber: 'NB-0001', status: 'confirmed' }] });
    expect((await post(text)).body.duplicate).toBe(true);
  });

  it('places the orders of an unknown sender (a hub) whose buyer is known, and refuses those whose buyer is not', async () => {
    const order = (po: string, gln: string) => [`BEG*00*SA*${po}**20261120`, 'CUR*BY*CNY', `N1*BY*HOSPITAL*UL*${gln}`, 'PO1*1*2*EA*3.50**VP*GAUZE-001', 'CTT*1'];
    const res = await post(x12Interchange([order('HUB-1', '6901234000009'), order('HUB-2', '6909999000005')]));
    expect(res.status).toBe(200);
    expect(res.body.orders).toEqual([
      expect.objectContaining({ poNumber: 'HUB-1', status: 'confirmed' }),
      { poNumber: 'HUB-2', error: expect.objectContaining({ code: 'EDI_UNKNOWN_PARTNER', field: 'buyer' }) },
    ]);
  });

  it('refuses a file that is no EDI with 400 and stores nothing', async () => {
    const before = (await cs.get('/api/v1/edi/interchanges')).body.total;
    const csv = await post('code,quantity\nGAUZE-001,5\n', { 'content-type': 'text/plain' });
    expect(csv.status).toBe(400);
    expect(csv.body.error).toMatchObject({ code: 'EDI_UNKNOWN_STANDARD', field: 'ISA/UNB' });
    expect((await post('', { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await cs.get('/api/v1/edi/interchanges')).body.total).toBe(before);
  });

  it('takes bodies past the general limit up to 10 MB, refuses larger ones, and only EDI content types', async () => {
    const big = await post(`X${' '.repeat(2 * 1024 * 1024)}`, { 'content-type': 'text/plain' });
    expect(big.body.error.code).toBe('EDI_UNKNOWN_STANDARD');
    const huge = await post(' '.repeat(11 * 1024 * 1024), { 'content-type': 'text/plain' });
    expect(huge.status).toBe(413);
    const json = await post(JSON.stringify({ text: 'ISA' }), { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
  });
});

describe('who may send and read interchanges', () => {
  it('needs edi.receive to send; orders.read is enough to read', async () => {
    const warehouse = await t.userClient('warehouse');
    expect((await post(readIntakeFixture('intake-x12-4010-850.edi'), X12, warehouse)).status).toBe(403);
    expect((await warehouse.get('/api/v1/edi/interchanges')).status).toBe(200);
    expect((await t.anonymous().get('/api/v1/edi/interchanges')).status).toBe(401);
  });

  it('shows a hospital portal user its own organisation’s interchanges only', async () => {
    const own = await t.userClient('hospital_portal', { organisationId: world.hospital.id });
    const mine = (await own.get('/api/v1/edi/interchanges?limit=500')).body;
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((i: any) => i.customerId === world.hospital.id)).toBe(true);
    const unknown = (await cs.get('/api/v1/edi/interchanges?outcome=rejected')).body.items.find((i: any) => i.errorCode === 'EDI_UNKNOWN_PARTNER');
    expect((await own.get(`/api/v1/edi/interchanges/${unknown.id}`)).status).toBe(404);
  });
});

describe('GET /api/v1/edi/interchanges', () => {
  it('filters by sender, outcome, channel and day, newest first, with paging', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const all = (await cs.get(`/api/v1/edi/interchanges?date=${today}&limit=500`)).body;
    expect(all.total).toBeGreaterThanOrEqual(8);
    expect(all.items.map((i: any) => i.receivedAt)).toEqual([...all.items.map((i: any) => i.receivedAt)].sort().reverse());
    const edifact = (await cs.get('/api/v1/edi/interchanges?sender=6901234000009')).body;
    expect(edifact.items.map((i: any) => i.standard)).toEqual(['EDIFACT']);
    const rejected = (await cs.get('/api/v1/edi/interchanges?outcome=rejected&via=api')).body;
    expect(rejected.items.every((i: any) => i.outcome === 'rejected')).toBe(true);
    expect((await cs.get('/api/v1/edi/interchanges?date=2001-01-01')).body.total).toBe(0);
    const page = (await cs.get('/api/v1/edi/interchanges?limit=2&offset=1')).body;
    expect(page).toMatchObject({ limit: 2, offset: 1, total: all.total });
    expect(page.items.map((i: any) => i.id)).toEqual(all.items.slice(1, 3).map((i: any) => i.id));
  });

  it('refuses bad filters naming the field, and an unknown id with 404', async () => {
    for (const [query, field] of [['outcome=maybe', 'outcome'], ['date=2026-02-30x', 'date'], ['via=fax', 'via'], ['limit=0', 'limit']]) {
      const res = await cs.get(`/api/v1/edi/interchanges?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field).toContain(field);
    }
    expect((await cs.get('/api/v1/edi/interchanges/01890000-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await cs.get('/api/v1/edi/interchanges/not-a-uuid')).status).toBe(400);
  });
});
