import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { createDevice } from '../catalog/create-device.ts';
import { gs1CheckDigit } from '../udi/check-digit.ts';
import type { PartyInput } from './party-schemas.ts';

/** Test data shared by the parties module's database and HTTP tests (not used by the application). */
let seq = 0;
export const uniqueCode = (prefix: string): string => `${prefix}-${process.pid}-${++seq}`;

/** A GLN with a correct GS1 check digit, distinct per call. */
export function testGln(): string {
  const body = `690${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(6, '0')}`;
  return body + String(gs1CheckDigit(body));
}

export const hospitalInput = (more: Partial<PartyInput> = {}): PartyInput => ({
  code: uniqueCode('H'), kind: 'customer', customerType: 'hospital', nameZh: '测试医院',
  addresses: [{ code: 'MAIN', kind: 'ship_to', name: '设备科', line1: '测试路1号', city: '北京', isDefault: true, coldChainCapable: true }],
  ...more,
});

export const distributorInput = (more: Partial<PartyInput> = {}): PartyInput => ({
  code: uniqueCode('D'), kind: 'customer', customerType: 'distributor', nameZh: '测试医疗器械有限公司', ...more,
});

/** A GTIN-14 with a correct check digit, distinct per call. */
function testGtin(): string {
  const body = `0690${String(process.pid % 10000).padStart(4, '0')}${String(++seq).padStart(5, '0')}`;
  return body + String(gs1CheckDigit(body));
}

/** A device in the catalogue, made through the catalogue's own use case. */
export async function createTestDevice(
  db: Database,
  opts: { deviceClass: 'I' | 'II' | 'III'; categoryCode?: string; registrationExpiresOn?: string },
): Promise<{ id: string; code: string }> {
  const registered = opts.deviceClass !== 'I';
  const device = await createDevice(db, systemActor('test'), {
    code: uniqueCode('DEV'),
    nameZh: '测试器械',
    deviceClass: opts.deviceClass,
    categoryCode: opts.categoryCode ?? '07-03-01',
    registrationKind: registered ? 'registration' : 'filing',
    registrationNumber: registered ? `国械注准2023307${String(++seq).padStart(4, '0')}` : `京械备2023${String(++seq).padStart(4, '0')}`,
    ...(registered ? { registrationIssuedOn: '2023-01-01', registrationExpiresOn: opts.registrationExpiresOn ?? '2028-12-31' } : {}),
    storageCondition: 'ambient',
    trackingMode: 'lot',
    packaging: [{ level: 'each', gtin: testGtin(), quantity: 1 }, { level: 'box', gtin: testGtin(), quantity: 10 }],
  });
  return { id: device.id, code: device.code };
}
