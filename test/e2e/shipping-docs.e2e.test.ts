import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/platform/actor.ts';
import { addLotDocument } from '../../src/modules/inventory/add-lot-document.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { updateAddress } from '../../src/modules/parties/party-addresses.ts';
import { extractPdfText } from '../../src/modules/shipping-docs/test-support.ts';
import { loginCookie, startTestApp, TEST_PASSWORD, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let domestic: ShippedOrderFixture;
let abroad: ShippedOrderFixture;
let sales: HttpClient;
const cookies = new Map<string, string>();

beforeAll(async () => {
  t = await startTestApp();
  domestic = await shippedOrder(t.db, t.crypto, { lines: [{ device: 'stent', quantity: 2 }, { device: 'reagent', quantity: 20 }] });
  await addLotDocument(t.db, systemActor('test'), domestic.lotIds[0]!, { kind: 'inspection_report', reference: `QC-${domestic.lotNumbers[0]}` });
  // A second customer, whose ship-to is abroad: its shipment is an export.
  abroad = await shippedOrder(t.db, t.crypto);
  await updateAddress(t.db, systemActor('test'), abroad.world.hospital.id, abroad.world.hospital.shipToId, { country: 'SG', city: 'Singapore' });
  sales = await t.userClient('sales');
}, 180_000);
afterAll(() => t?.close());

/** A GET whose body is kept as bytes (the JSON client reads text), signed in as the client's user. */
async function getBytes(client: HttpClient, path: string): Promise<{ status: number; body: Buffer; headers: Headers }> {
  let cookie = cookies.get(client.username);
  if (!cookie) cookies.set(client.username, (cookie = await loginCookie(t.url, client.username, TEST_PASSWORD)));
  const res = await fetch(`${t.url}${path}`, { headers: { cookie } });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

const docs = (shipmentId: string) => `/api/v1/shipments/${shipmentId}/documents`;

describe('shipment documents over HTTP', { timeout: 180_000 }, () => {
  it('lists the delivery note and compliance bundle of a domestic shipment, and the export papers of one abroad', async () => {
    const home = await sales.get(docs(domestic.shipmentId));
    expect(home.status, JSON.stringify(home.body)).toBe(200);
    expect(home.body).toMatchObject({ shipmentNumber: domestic.shipmentNumber, export: false });
    expect(home.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['packing_list', 'compliance_bundle']);
    expect(home.body.documents[0]).toMatchObject({ title: { zh: '装箱单 / 送货单', en: 'Packing list / Delivery note' }, recorded: null });
    const away = await sales.get(docs(abroad.shipmentId));
    expect(away.body.export).toBe(true);
    expect(away.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['packing_list', 'compliance_bundle', 'commercial_invoice', 'certificate_of_origin']);
  });

  it('downloads the packing list: a PDF with lots, serials, SSCC, UDI text and the Chinese names', async () => {
    const res = await getBytes(sales, `${docs(domestic.shipmentId)}/packing_list`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`${domestic.shipmentNumber}-packing_list.pdf`);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(res.body);
    for (const lot of domestic.lotNumbers) expect(text).toContain(lot);
    for (const serial of domestic.serials[0]!) expect(text).toContain(serial);
    expect(text).toContain(domestic.ssccs[0]);
    expect(text).toContain(`(01)${domestic.world.stent.eachGtin}`);
    expect(text).toContain('冠脉支架');
    expect(text).toContain('诊断试剂');
  });

  it('downloads the compliance bundle: registration numbers, each lot’s certificate and inspection report, what is missing', async () => {
    const res = await getBytes(sales, `${docs(domestic.shipmentId)}/compliance_bundle`);
    expect(res.status).toBe(200);
    const text = extractPdfText(res.body);
    expect(text).toContain('国械注准');
    expect(text).toContain(`COC-${domestic.lotNumbers[0]}`);
    expect(text).toContain(`QC-${domestic.lotNumbers[0]}`);
    expect(text).toContain(`COC-${domestic.lotNumbers[1]}`);
    expect(text).toContain('缺失 MISSING'); // the reagent lot has no inspection report
  });

  it('downloads the commercial invoice and origin sheet of an export, quoting the permits on file', async () => {
    const permit = await (await t.userClient('sales')).post('/api/v1/export-permits', {
      country: 'SG', kind: 'export', reference: 'EXP-SG-2026-01', authority: 'NMPA', validFrom: '2026-01-01',
    });
    expect(permit.status, JSON.stringify(permit.body)).toBe(201);
    const invoice = await getBytes(sales, `${docs(abroad.shipmentId)}/commercial_invoice`);
    expect(invoice.status).toBe(200);
    const text = extractPdfText(invoice.body);
    expect(text).toContain(abroad.lotNumbers[0]);
    expect(text).toContain('EXP-SG-2026-01');
    expect(text).toContain('1600.00'); // 20 reagents at 80.00 CNY
    const origin = extractPdfText((await getBytes(sales, `${docs(abroad.shipmentId)}/certificate_of_origin`)).body);
    expect(origin).toContain('诊断试剂');
    expect(origin).toContain('EXP-SG-2026-01');
  });

  it('answers 404 for the export papers of a domestic shipment and for an unknown shipment; 400 naming the field for bad input', async () => {
    expect((await sales.get(`${docs(domestic.shipmentId)}/commercial_invoice`)).status).toBe(404);
    expect((await sales.get(docs('0196b9e0-0000-7000-8000-000000000000'))).body.error.code).toBe('NOT_FOUND');
    const badKind = await sales.get(`${docs(domestic.shipmentId)}/invoice`);
    expect([badKind.status, badKind.body.error.field]).toEqual([400, 'params.kind']);
    const badId = await sales.get('/api/v1/shipments/not-a-uuid/documents');
    expect([badId.status, badId.body.error.field]).toEqual([400, 'params.id']);
  });

  it('records the documents on request (fulfillment.ship), and then serves the recorded bytes with their hash', async () => {
    expect((await sales.post(`${docs(domestic.shipmentId)}/generate`)).status).toBe(403);
    const warehouse = await t.userClient('warehouse');
    const generated = await warehouse.post(`${docs(domestic.shipmentId)}/generate`);
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    expect(generated.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['packing_list', 'compliance_bundle']);
    const listed = await sales.get(docs(domestic.shipmentId));
    const recorded = listed.body.documents[0].recorded;
    expect(recorded).toMatchObject({ sha256: generated.body.documents[0].sha256, generatedBy: warehouse.username });
    const res = await getBytes(sales, `${docs(domestic.shipmentId)}/packing_list`);
    expect(res.headers.get('x-document-recorded')).toBe('true');
    expect(res.headers.get('x-document-sha256')).toBe(recorded.sha256);
    expect(res.body.length).toBe(recorded.sizeBytes);
    const audit = async () => (await t.db.query(`SELECT 1 FROM audit_log WHERE entity_type = 'shipment' AND entity_id = $1 AND action = 'documents_generated'`, [domestic.shipmentId])).rows.length;
    expect(await audit()).toBe(1);

    // With an Idempotency-Key, a retried request gets the first answer and records nothing again.
    const key = { 'idempotency-key': `docs-${domestic.shipmentId}` };
    const once = await warehouse.post(`${docs(domestic.shipmentId)}/generate`, undefined, key);
    const twice = await warehouse.post(`${docs(domestic.shipmentId)}/generate`, undefined, key);
    expect([once.status, twice.status, twice.headers.get('idempotent-replayed')]).toEqual([200, 200, 'true']);
    expect(twice.body).toEqual(once.body);
    expect(await audit()).toBe(2);
    expect((await sales.get(docs(domestic.shipmentId))).body.documents[0].recorded.sha256).toBe(once.body.documents[0].sha256);
  });
});

describe('shipment documents in the hospital portal', { timeout: 180_000 }, () => {
  it('gives a hospital its own delivery note and compliance bundle, and 404 for another hospital’s shipment or the export papers', async () => {
    const buyer = await t.userClient('hospital_portal', { organisationId: abroad.world.hospital.id });
    const list = await buyer.get(`/api/v1/portal/shipments/${abroad.shipmentId}/documents`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['packing_list', 'compliance_bundle']);
    const note = await getBytes(buyer, `/api/v1/portal/shipments/${abroad.shipmentId}/documents/packing_list`);
    expect(note.status).toBe(200);
    expect(extractPdfText(note.body)).toContain(abroad.lotNumbers[0]);
    expect((await buyer.get(`/api/v1/portal/shipments/${abroad.shipmentId}/documents/commercial_invoice`)).status).toBe(404);
    expect((await buyer.get(`/api/v1/portal/shipments/${domestic.shipmentId}/documents/packing_list`)).status).toBe(404);
    expect((await buyer.get(`/api/v1/shipments/${domestic.shipmentId}/documents`)).status).toBe(404);
    expect((await buyer.get(`/api/v1/shipments/${abroad.shipmentId}/documents/compliance_bundle`)).status).toBe(200);
    expect((await sales.get(`/api/v1/portal/shipments/${abroad.shipmentId}/documents`)).status).toBe(403);
  });
});
