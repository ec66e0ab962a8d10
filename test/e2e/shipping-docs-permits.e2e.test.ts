import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type OrderWorld } from '../helpers/order-fixtures.ts';
import { startTestApp, type HttpClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let world: OrderWorld;
let other: OrderWorld;
let sales: HttpClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await orderWorld(t.db, t.crypto);
  other = await orderWorld(t.db, t.crypto);
  sales = await t.userClient('sales');
}, 120_000);
afterAll(() => t?.close());

const permit = { country: 'SG', kind: 'import', reference: 'HSA-IMP-2026-7', authority: 'HSA Singapore', validFrom: '2026-01-01', validTo: '2027-12-31' };

describe('export and import permits', { timeout: 120_000 }, () => {
  it('records a permit for one customer with an audit entry, and lists it', async () => {
    const res = await sales.post('/api/v1/export-permits', { ...permit, customerId: world.hospital.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ ...permit, customerId: world.hospital.id });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'export_permit' AND entity_id = $1`, [res.body.id]);
    expect(audit.rows).toEqual([{ action: 'created' }]);
    const listed = await sales.get('/api/v1/export-permits?country=SG');
    expect(listed.body.items.map((p: { reference: string }) => p.reference)).toEqual(['HSA-IMP-2026-7']);
  });

  it('refuses the same permit twice with 409, and bad input with 400 naming the field', async () => {
    const again = await sales.post('/api/v1/export-permits', { ...permit, customerId: world.hospital.id });
    expect([again.status, again.body.error.code, again.body.error.field]).toEqual([409, 'DUPLICATE', 'reference']);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...permit, country: 'sg' }, 'country'],
      [{ ...permit, kind: 'transit' }, 'kind'],
      [{ ...permit, reference: '   ' }, 'reference'],
      [{ ...permit, validFrom: '2026-13-01' }, 'validFrom'],
      [{ ...permit, validTo: '2025-12-31' }, 'validTo'],
      [{ ...permit, customerId: '0196b9e0-0000-7000-8000-000000000000' }, 'customerId'],
      [{ ...permit, customerId: 'someone' }, 'customerId'],
      [{ ...permit, note: 'x' }, 'note'],
      [{ country: 'SG', kind: 'export', validFrom: '2026-01-01' }, 'reference'],
    ];
    for (const [body, field] of cases) {
      const res = await sales.post('/api/v1/export-permits', body);
      expect([res.status, res.body.error?.field], JSON.stringify(body)).toEqual([400, field]);
    }
  });

  it('shows a hospital only the permits issued for it; the planner may not record one', async () => {
    await sales.post('/api/v1/export-permits', { ...permit, reference: 'HSA-IMP-OTHER', customerId: other.hospital.id });
    const buyer = await t.userClient('hospital_portal', { organisationId: world.hospital.id });
    const seen = await buyer.get('/api/v1/export-permits');
    expect(seen.body.items.map((p: { reference: string }) => p.reference)).toEqual(['HSA-IMP-2026-7']);
    const planner = await t.userClient('planner');
    expect((await planner.post('/api/v1/export-permits', { ...permit, reference: 'P-1' })).status).toBe(403);
  });
});
