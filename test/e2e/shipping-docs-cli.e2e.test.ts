import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { createFieldCrypto, generateKeyLine, parseKeyring } from '../../src/platform/crypto/field-crypto.ts';
import { receiveInterchange } from '../../src/modules/edi-intake/receive-interchange.ts';
import { HOSPITAL_PARTNER_ID, readIntakeFixture } from '../../src/modules/edi-intake/test-support.ts';
import { shippedOrder, type ShippedOrderFixture } from '../../src/modules/fulfillment/shipment.fixture.ts';
import { stockWorld } from '../../src/modules/inventory/stock.fixture.ts';
import { addIdentifier } from '../../src/modules/parties/party-identifiers.ts';
import { writeShipmentAsn } from '../../src/modules/shipping-docs/write-shipment-asn.ts';
import { extractPdfText } from '../../src/modules/shipping-docs/test-support.ts';
import { runCli } from '../helpers/run-cli.ts';

// The CLI runs against this file's own database: a fresh PostgreSQL database in the PostgreSQL
// pass, an on-disk embedded data directory otherwise (closed before the commands run).
let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;
let edi: ShippedOrderFixture;
let plain: ShippedOrderFixture;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-shipping-docs-'));
  const dataDir = path.join(dir, 'data');
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: generateKeyLine('docs1') };
  const db = pgDb ?? (await openDatabase({ dataDir }));
  if (!pgDb) await migrate(db);
  const crypto = createFieldCrypto(parseKeyring(generateKeyLine('docs2')));
  const world = await stockWorld(db, crypto);
  await addIdentifier(db, systemActor('test'), world.hospital.id, { scheme: 'PARTNER', value: HOSPITAL_PARTNER_ID });
  await receiveInterchange(db, systemActor('test'), { text: readIntakeFixture('intake-x12-4010-850.edi'), via: 'cli' });
  edi = await shippedOrder(db, crypto, { world, lines: [{ device: 'stent', quantity: 1 }] });
  await writeShipmentAsn(db, edi.shipmentId);
  plain = await shippedOrder(db, crypto);
  if (!pgDb) await db.close();
}, 180_000);
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline shipment docs and lotline shipment asn', { timeout: 180_000 }, () => {
  it('writes a document as PDF by shipment id, and by number with --record', async () => {
    const out = path.join(dir, 'packing.pdf');
    const res = await runCli(['shipment', 'docs', plain.shipmentId, '--kind', 'packing_list', '--out', out, '--json'], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(JSON.parse(res.stdout)).toMatchObject({ out, kind: 'packing_list', bytes: pdf.length, recorded: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(extractPdfText(pdf)).toContain(plain.lotNumbers[0]);
    expect(extractPdfText(pdf)).toContain('诊断试剂');

    const bundle = path.join(dir, 'bundle.pdf');
    const recorded = await runCli(['shipment', 'docs', plain.shipmentNumber, '--kind', 'compliance_bundle', '--out', bundle, '--record'], env);
    expect(recorded.code, recorded.stdout + recorded.stderr).toBe(0);
    expect(recorded.stdout).toContain('recorded copy');
    expect(extractPdfText(fs.readFileSync(bundle))).toContain(`COC-${plain.lotNumbers[0]}`);
  });

  it('refuses bad input with exit 2 and the field, and an unknown shipment with exit 1', async () => {
    const out = path.join(dir, 'x.pdf');
    const kind = await runCli(['shipment', 'docs', plain.shipmentId, '--kind', 'invoice', '--out', out, '--json'], env);
    expect([kind.code, JSON.parse(kind.stdout).error.field]).toEqual([2, 'kind']);
    const ref = await runCli(['shipment', 'docs', 'not a shipment', '--kind', 'packing_list', '--out', out, '--json'], env);
    expect([ref.code, JSON.parse(ref.stdout).error.field]).toEqual([2, 'shipment']);
    const unknown = await runCli(['shipment', 'asn', 'SH-2099-999999', '--json'], env);
    expect([unknown.code, JSON.parse(unknown.stdout).error.code]).toEqual([1, 'NOT_FOUND']);
  });

  it('prints the ASN of an EDI customer’s shipment, and none for another customer', async () => {
    const res = await runCli(['shipment', 'asn', edi.shipmentNumber], env);
    expect(res.code, res.stdout + res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^ISA\*/);
    expect(res.stdout).toContain(`MAN*GM*${edi.ssccs[0]}~`);
    const json = await runCli(['shipment', 'asn', edi.shipmentId, '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ messageType: '856', partnerId: HOSPITAL_PARTNER_ID });
    const none = await runCli(['shipment', 'asn', plain.shipmentId, '--json'], env);
    expect([none.code, JSON.parse(none.stdout).error.code]).toEqual([1, 'NOT_FOUND']);
  });
});
