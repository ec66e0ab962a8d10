import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-db.ts';
import { systemActor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { createDevice } from '../catalog/create-device.ts';
import { deviceInput } from './label-test-fixtures.ts';
import { renderLotLabelSheet } from './render-lot-label-sheet.ts';

let db: TestDatabase;
let deviceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  deviceId = (await createDevice(db, systemActor('test'), deviceInput())).id;
});
afterAll(async () => {
  await db.close();
});

const pages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('renderLotLabelSheet', () => {
  it('given a catalogue device and a lot, then a one-page A4 PDF with the CJK font embedded', async () => {
    const pdf = await renderLotLabelSheet(db, { deviceId, lot: 'L2026A', expiry: '2028-06-30' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.27\d* 841\.88\d*\]/);
    expect(pages(pdf)).toBe(1);
  });

  it('given 30 serials, then 30 labels over two sheets', async () => {
    const serials = Array.from({ length: 30 }, (_, i) => `SN${String(i + 1).padStart(4, '0')}`);
    const pdf = await renderLotLabelSheet(db, { deviceId, lot: 'L2026A', expiry: '2028-06-30', serials });
    expect(pages(pdf)).toBe(2);
  });

  it('given an unknown device, then NOT_FOUND names deviceId', async () => {
    await expect(renderLotLabelSheet(db, { deviceId: uuidv7(), lot: 'L1', expiry: '2028-06-30' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'deviceId',
    });
  });

  it('given a level the device has no GTIN for, then VALIDATION_FAILED names level', async () => {
    await expect(renderLotLabelSheet(db, { deviceId, lot: 'L1', expiry: '2028-06-30', level: 'case' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'level',
    });
  });
});
