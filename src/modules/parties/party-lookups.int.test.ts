import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../platform/crypto/field-crypto.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { checkMayReceive } from './check-may-receive.ts';
import { createParty } from './create-party.ts';
import { getCustomerOrderFacts } from './customer-order-facts.ts';
import { setPartyActive } from './set-party-active.ts';
import { updateCarrierService } from './carrier-services.ts';
import { findPartyByIdentifier } from './find-party-by-identifier.ts';
import { addItemXref } from './item-xrefs.ts';
import { addLicence } from './party-licences.ts';
import { resolvePartnerItem } from './resolve-partner-item.ts';
import { createTestDevice, distributorInput, hospitalInput, testGln, uniqueCode } from './test-fixtures.ts';

let db: TestDatabase;
const crypto = createFieldCrypto(parseKeyring(generateKeyLine('test')));
const actor = systemActor('test');

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('findPartyByIdentifier', () => {
  it('finds a party by GLN, DUNS or partner id, and by the GLN of one of its sites', async () => {
    const [gln, siteGln, partner] = [testGln(), testGln(), uniqueCode('KM')];
    const party = await createParty(db, crypto, actor, distributorInput({
      identifiers: [{ scheme: 'GLN', value: gln }, { scheme: 'DUNS', value: '654321987' }, { scheme: 'PARTNER', value: partner }],
      addresses: [{ code: 'DC', kind: 'ship_to', name: 'DC', line1: 'l', gln: siteGln }],
    }));
    await readTx(db, async (tx) => {
      expect(await findPartyByIdentifier(tx, 'GLN', gln)).toMatchObject({ id: party.id, code: party.code, kind: 'customer', active: true, addressId: null });
      expect((await findPartyByIdentifier(tx, 'DUNS', '654321987'))?.id).toBe(party.id);
      expect((await findPartyByIdentifier(tx, 'PARTNER', ` ${partner} `))?.id).toBe(party.id);
      const site = await findPartyByIdentifier(tx, 'GLN', siteGln);
      expect(site).toMatchObject({ id: party.id, addressId: expect.any(String) });
      expect(await findPartyByIdentifier(tx, 'GLN', testGln())).toBeNull();
      expect(await findPartyByIdentifier(tx, 'PARTNER', gln)).toBeNull();
    });
  });
});

describe('resolvePartnerItem', () => {
  it("maps a partner's item code to our device and packaging level, per partner", async () => {
    const device = await createTestDevice(db, { deviceClass: 'II' });
    const a = await createParty(db, crypto, actor, distributorInput());
    const b = await createParty(db, crypto, actor, distributorInput());
    await addItemXref(db, actor, a.id, { partnerItemCode: 'KM-001', deviceId: device.id, packagingLevel: 'box' });
    await readTx(db, async (tx) => {
      expect(await resolvePartnerItem(tx, a.id, 'KM-001')).toEqual({ xrefId: expect.any(String), deviceId: device.id, packagingLevel: 'box' });
      expect(await resolvePartnerItem(tx, a.id, ' KM-001 ')).not.toBeNull();
      expect(await resolvePartnerItem(tx, b.id, 'KM-001')).toBeNull();
      expect(await resolvePartnerItem(tx, a.id, 'km-001')).toBeNull();
    });
  });
});

describe('checkMayReceive', () => {
  it('judges each device against the customer licences, for the order module', async () => {
    const [classI, classII, classIII, expired] = [
      await createTestDevice(db, { deviceClass: 'I' }),
      await createTestDevice(db, { deviceClass: 'II' }),
      await createTestDevice(db, { deviceClass: 'III', categoryCode: '08-01-02' }),
      await createTestDevice(db, { deviceClass: 'II', registrationExpiresOn: '2025-03-31' }),
    ];
    const customer = await createParty(db, crypto, actor, distributorInput());
    await addLicence(db, actor, customer.id, { licenceType: 'class2_filing', number: uniqueCode('粤械备'), validFrom: '2024-01-01' });
    await addLicence(db, actor, customer.id, { licenceType: 'class3_distribution', number: uniqueCode('粤械经营许'), validFrom: '2024-01-01', validTo: '2025-12-31', categoryCodes: ['07'] });
    const verdict = await readTx(db, (tx) => checkMayReceive(tx, customer.id, [classI.id, classII.id, classIII.id, expired.id, classII.id], '2025-06-30'));
    expect(verdict.allowed).toBe(false);
    expect(verdict.devices.map((d) => [d.deviceCode, d.allowed, d.allowed ? null : d.code])).toEqual([
      [classI.code, true, null], [classII.code, true, null], [classIII.code, false, 'LICENCE_SCOPE'], [expired.code, false, 'REGISTRATION_EXPIRED'],
    ]);
    const ok = await readTx(db, (tx) => checkMayReceive(tx, customer.id, [classI.id, classII.id], '2025-06-30'));
    expect(ok.allowed).toBe(true);
  });

  it('takes the destination country from the ship-to: a foreign ship-to needs a foreign registration', async () => {
    const device = await createTestDevice(db, { deviceClass: 'III' });
    const party = await createParty(db, crypto, actor, hospitalInput({
      addresses: [
        { code: 'CN', kind: 'ship_to', name: '北京', line1: 'l', isDefault: true },
        { code: 'HK', kind: 'ship_to', name: '香港', line1: 'l', country: 'HK' },
      ],
    }));
    await addLicence(db, actor, party.id, { licenceType: 'hospital_practice', number: uniqueCode('PDY'), validFrom: '2020-01-01' });
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM party_addresses WHERE party_id = $1 AND code = 'HK'`, [party.id]);
    await readTx(db, async (tx) => {
      expect((await checkMayReceive(tx, party.id, [device.id], '2025-06-30')).allowed).toBe(true);
      const abroad = await checkMayReceive(tx, party.id, [device.id], '2025-06-30', { shipToId: rows[0]!.id });
      expect(abroad.devices[0]).toMatchObject({ allowed: false, code: 'LICENCE_MISSING' });
    });
  });

  it('refuses unknown devices, unknown parties, non-customers and foreign ship-tos', async () => {
    const device = await createTestDevice(db, { deviceClass: 'I' });
    const customer = await createParty(db, crypto, actor, distributorInput());
    const other = await createParty(db, crypto, actor, hospitalInput());
    const supplier = await createParty(db, crypto, actor, { code: uniqueCode('S'), kind: 'supplier', nameZh: '供应商' });
    const { rows } = await db.query<{ id: string }>('SELECT id FROM party_addresses WHERE party_id = $1', [other.id]);
    await readTx(db, async (tx) => {
      await expect(checkMayReceive(tx, customer.id, ['0190aaaa-0000-7000-8000-000000000000'], '2025-01-01')).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'deviceId' });
      await expect(checkMayReceive(tx, '0190aaaa-0000-7000-8000-000000000000', [device.id], '2025-01-01')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(checkMayReceive(tx, supplier.id, [device.id], '2025-01-01')).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(checkMayReceive(tx, customer.id, [device.id], '2025-01-01', { shipToId: rows[0]!.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'shipToId' });
    });
  });
});

describe('getCustomerOrderFacts', () => {
  const addressIds = async (partyId: string) =>
    new Map((await db.query<{ id: string; code: string }>('SELECT id, code FROM party_addresses WHERE party_id = $1', [partyId])).rows.map((r) => [r.code, r.id]));

  it('gives the customer terms, the default ship-to and bill-to, and the chosen carrier service', async () => {
    const customer = await createParty(db, crypto, actor, hospitalInput({
      currency: 'CNY', priorityTier: 1, creditLimitMinor: 100_000_00, minShelfLifePct: 60, requiresSerialCapture: true,
      addresses: [
        { code: 'A', kind: 'ship_to', name: 'a', line1: 'l' },
        { code: 'B', kind: 'ship_to', name: 'b', line1: 'l', isDefault: true, coldChainCapable: true },
        { code: 'BILL', kind: 'bill_to', name: 'bill', line1: 'l' },
      ],
    }));
    const carrier = await createParty(db, crypto, actor, { code: uniqueCode('C'), kind: 'carrier', nameZh: '顺丰', carrierServices: [{ code: 'COLD', name: '冷运', transitDays: 2, coldChainCapable: true }] });
    const { rows: [service] } = await db.query<{ id: string }>('SELECT id FROM carrier_services WHERE party_id = $1', [carrier.id]);
    const ids = await addressIds(customer.id);
    const facts = await readTx(db, (tx) => getCustomerOrderFacts(tx, { customerId: customer.id, carrierServiceId: service!.id }));
    expect(facts.customer).toMatchObject({ id: customer.id, customerType: 'hospital', priorityTier: 1, minShelfLifePct: 60, requiresSerialCapture: true });
    expect(facts.shipTo).toMatchObject({ id: ids.get('B'), coldChainCapable: true, country: 'CN' });
    expect(facts.billToId).toBe(ids.get('BILL'));
    expect(facts.carrierService).toEqual({ id: service!.id, transitDays: 2, coldChainCapable: true });
    const chosen = await readTx(db, (tx) => getCustomerOrderFacts(tx, { customerId: customer.id, shipToId: ids.get('A')! }));
    expect(chosen.shipTo.id).toBe(ids.get('A'));
    expect(chosen.carrierService).toBeNull();
    await updateCarrierService(db, actor, carrier.id, service!.id, { active: false });
    await expect(readTx(db, (tx) => getCustomerOrderFacts(tx, { customerId: customer.id, carrierServiceId: service!.id })))
      .rejects.toMatchObject({ field: 'carrierServiceId', message: expect.stringContaining('inactive') });
  });

  it('refuses what an order cannot use, naming the field', async () => {
    const customer = await createParty(db, crypto, actor, distributorInput({
      addresses: [{ code: 'A', kind: 'ship_to', name: 'a', line1: 'l' }, { code: 'B', kind: 'ship_to', name: 'b', line1: 'l' }, { code: 'BILL', kind: 'bill_to', name: 'b', line1: 'l' }],
    }));
    const billOnly = await createParty(db, crypto, actor, distributorInput({ addresses: [{ code: 'BILL', kind: 'bill_to', name: 'b', line1: 'l' }] }));
    const ids = await addressIds(customer.id);
    const supplier = await createParty(db, crypto, actor, { code: uniqueCode('S'), kind: 'supplier', nameZh: '供应商' });
    const inactive = await createParty(db, crypto, actor, distributorInput());
    await setPartyActive(db, actor, inactive.id, false, { version: 1 });
    const unknown = '0190aaaa-0000-7000-8000-000000000000';
    await readTx(db, async (tx) => {
      await expect(getCustomerOrderFacts(tx, { customerId: billOnly.id })).rejects.toMatchObject({ field: 'shipToId' });
      await expect(getCustomerOrderFacts(tx, { customerId: customer.id, shipToId: ids.get('BILL')! })).rejects.toMatchObject({ field: 'shipToId' });
      await expect(getCustomerOrderFacts(tx, { customerId: customer.id, shipToId: ids.get('A')!, billToId: ids.get('B')! })).rejects.toMatchObject({ field: 'billToId' });
      await expect(getCustomerOrderFacts(tx, { customerId: customer.id, shipToId: ids.get('A')!, carrierServiceId: unknown })).rejects.toMatchObject({ field: 'carrierServiceId' });
      await expect(getCustomerOrderFacts(tx, { customerId: unknown })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
      await expect(getCustomerOrderFacts(tx, { customerId: supplier.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
      await expect(getCustomerOrderFacts(tx, { customerId: inactive.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
    });
  });
});
