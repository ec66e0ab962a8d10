import type { Database } from '../../db/types.ts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { systemActor } from '../../platform/actor.ts';
import { shippedOrder } from '../fulfillment/shipment.fixture.ts';
import { inDays, receiveReleased, type StockWorld } from '../inventory/stock.fixture.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { createBin } from '../warehouses/create-bin.ts';
import { createZone } from '../warehouses/create-zone.ts';

/**
 * Test data for returns: an order of 2 stents (serial-tracked) and 20 reagent (lot-tracked, cold
 * chain) shipped through fulfilment's real pick, pack, review and ship (shippedOrder), a returns
 * zone with an ambient bin RET-1 and a cold bin RET-C, one more stent serial of the same lot
 * still in stock, and a gauze lot in AMB-1 for repair parts.
 */
const actor = systemActor('returns-fixture');
let n = 0;

export interface ReturnWorld extends StockWorld {
  returnsBin: string;
  coldReturnsBin: string;
  stentLot: { id: string; lotNumber: string };
  reagentLot: { id: string; lotNumber: string };
  gauzeLot: { id: string; lotNumber: string };
  reagentEachGtin: string;
  /** The two stent serials shipped. */
  shippedSerials: string[];
  /** A stent serial of the same lot, never shipped. */
  inStockSerial: string;
  orderId: string;
  shipmentId: string;
}

const EXPIRY = inDays(400); // shippedOrder's lots expire then

/** A GS1 scan of one of the world's stents. */
export const stentScan = (w: ReturnWorld, serial: string, lot = w.stentLot.lotNumber): string =>
  encodeGs1({ gtin: w.stent.eachGtin, lot, expiry: EXPIRY, serial }).raw;

/** A GS1 scan of a box of 20 reagent, or of single units (`each`). */
export const reagentScan = (w: ReturnWorld, level: 'box' | 'each' = 'box', lot = w.reagentLot.lotNumber): string =>
  encodeGs1({ gtin: level === 'box' ? w.coldDevice.boxGtin : w.reagentEachGtin, lot, expiry: EXPIRY }).raw;

export async function shippedReturnWorld(db: Database, crypto: FieldCrypto): Promise<ReturnWorld> {
  const shipped = await shippedOrder(db, crypto, { lines: [{ device: 'stent', quantity: 2 }, { device: 'reagent', quantity: 20 }] });
  const world = shipped.world;
  const tag = `${process.pid % 10000}R${++n}`;
  await createZone(db, actor, world.warehouseId, { code: 'RET', nameZh: '退货区', nameEn: 'Returns', zoneType: 'returns', storageCondition: 'ambient' });
  await createZone(db, actor, world.warehouseId, { code: 'RETC', nameZh: '冷藏退货区', nameEn: 'Cold returns', zoneType: 'returns', storageCondition: '2-8C' });
  const returnsBin = (await createBin(db, actor, world.warehouseId, { code: 'RET-1', zoneCode: 'RET', pickSequence: 90 })).id;
  const coldReturnsBin = (await createBin(db, actor, world.warehouseId, { code: 'RET-C', zoneCode: 'RETC', pickSequence: 91 })).id;
  const stentLotNumber = shipped.lotNumbers[0]!;
  const inStockSerial = `SN${tag}-FREE`;
  const [, gauzeLotId] = await receiveReleased(db, [
    { deviceId: world.stent.id, lotNumber: stentLotNumber, expiresOn: EXPIRY, quantity: 1, serials: [inStockSerial], binId: world.bins['AMB-2'] },
    { deviceId: world.gauze.id, lotNumber: `GZ${tag}`, expiresOn: inDays(700), quantity: 50, binId: world.bins['AMB-1'] },
  ]);
  const { rows: [each] } = await db.query<{ gtin: string }>(`SELECT gtin FROM device_packaging WHERE device_id = $1 AND level = 'each'`, [world.coldDevice.id]);
  return {
    ...world, returnsBin, coldReturnsBin, orderId: shipped.orderId, shipmentId: shipped.shipmentId, reagentEachGtin: each!.gtin,
    shippedSerials: shipped.serials[0]!, inStockSerial,
    stentLot: { id: shipped.lotIds[0]!, lotNumber: stentLotNumber }, reagentLot: { id: shipped.lotIds[1]!, lotNumber: shipped.lotNumbers[1]! },
    gauzeLot: { id: gauzeLotId!, lotNumber: `GZ${tag}` },
  };
}
