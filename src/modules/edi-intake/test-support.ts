import { readFileSync } from 'node:fs';
import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { addItemXref } from '../parties/item-xrefs.ts';
import { addAddress } from '../parties/party-addresses.ts';
import { addIdentifier } from '../parties/party-identifiers.ts';
import { orderWorld, type OrderWorld } from '../../../test/helpers/order-fixtures.ts';

/** Shared by the EDI intake tests: master data matching the `intake-*.edi` sample files. */

export const HOSPITAL_GLN = '6901234000009';
export const DOCK_GLN = '6901234000016';
export const HOSPITAL_DUNS = '690000123';
export const HOSPITAL_PARTNER_ID = 'HOSP001EDI';

export const readIntakeFixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/edi/${name}`, import.meta.url), 'utf8');

/** The same X12 interchange under another control number (ISA13 and IEA02), i.e. a new interchange. */
export const withX12ControlNumber = (text: string, controlNumber: number): string => {
  const current = /\*(\d{9})\*[01]\*[PT]\*/.exec(text)![1]!;
  return text.replaceAll(current, String(controlNumber).padStart(9, '0'));
};

export interface EdiWorld extends OrderWorld {
  dockId: string;
}

/**
 * `orderWorld` (its first call in a test file, whose GTINs the sample files carry) plus what EDI
 * needs: the hospital's GLN, DUNS and partner id, a ship-to "DOCK2" with its own GLN, and the
 * buyer item H-STENT-CS for a case of stents.
 */
export async function ediWorld(db: Database, crypto: FieldCrypto): Promise<EdiWorld> {
  const world = await orderWorld(db, crypto);
  if (world.stent.caseGtin !== '69000010000024') throw new Error('the intake sample files need the first orderWorld of the test file');
  const actor = systemActor('edi-fixtures');
  const id = world.hospital.id;
  await addIdentifier(db, actor, id, { scheme: 'GLN', value: HOSPITAL_GLN });
  await addIdentifier(db, actor, id, { scheme: 'DUNS', value: HOSPITAL_DUNS });
  await addIdentifier(db, actor, id, { scheme: 'PARTNER', value: HOSPITAL_PARTNER_ID });
  const dock = await addAddress(db, actor, id, { code: 'DOCK2', kind: 'ship_to', name: '二号收货口', line1: '测试路2号', gln: DOCK_GLN, coldChainCapable: true });
  await addItemXref(db, actor, id, { partnerItemCode: 'H-STENT-CS', deviceId: world.stent.id, packagingLevel: 'case' });
  return { ...world, dockId: dock.id };
}
