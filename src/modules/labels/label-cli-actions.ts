import { writeFile } from 'node:fs/promises';
import { Type } from 'typebox';
import { withRuntime } from '../../commands/with-runtime.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { findDeviceIdsByCode } from '../catalog/device-queries.ts';
import { checkCliInput } from './check-cli-input.ts';
import { BarcodeInput, LotSheetInput } from './label-schemas.ts';
import { renderLotLabelSheet } from './render-lot-label-sheet.ts';
import { renderUdiLabel } from './render-udi-label.ts';

/** What a label command wrote. */
export interface Written {
  out: string;
  bytes: number;
  contentType: string;
  hri?: string;
}

export interface BarcodeCliOptions {
  gtin: string;
  lot?: string;
  expiry?: string;
  productionDate?: string;
  serial?: string;
  symbology: string;
  format?: string;
  out: string;
  json?: boolean;
}

export interface SheetCliOptions {
  device: string;
  lot: string;
  expiry: string;
  productionDate?: string;
  serials?: string;
  level?: string;
  copies?: string;
  out: string;
  json?: boolean;
}

/** `lotline label barcode`: the format follows the file name unless given. */
export async function writeBarcode(o: BarcodeCliOptions): Promise<Written> {
  const { out, json: _json, ...fields } = o;
  const format = o.format ?? (out.toLowerCase().endsWith('.svg') ? 'svg' : 'png');
  const image = await renderUdiLabel(checkCliInput(BarcodeInput, { ...fields, format }));
  await writeFile(out, image.body);
  return { out, bytes: image.body.length, contentType: image.contentType, hri: image.hri };
}

const SheetFields = Type.Omit(LotSheetInput, ['deviceId']);

/** `lotline label sheet`: the options are checked before the database is opened. */
export async function writeSheet(o: SheetCliOptions): Promise<Written> {
  const input = checkCliInput(SheetFields, {
    lot: o.lot,
    expiry: o.expiry,
    productionDate: o.productionDate,
    serials: o.serials?.split(',').map((s) => s.trim()).filter(Boolean),
    level: o.level,
    copies: o.copies === undefined ? undefined : Number(o.copies),
  });
  const pdf = await withRuntime(async (rt) => {
    const deviceId = (await readTx(rt.db, (tx) => findDeviceIdsByCode(tx, [o.device]))).get(o.device);
    if (deviceId === undefined) throw new DomainError('NOT_FOUND', `no device with code ${o.device}`, { field: 'device' });
    return renderLotLabelSheet(rt.db, { ...input, deviceId });
  }, { quiet: o.json });
  await writeFile(o.out, pdf);
  return { out: o.out, bytes: pdf.length, contentType: 'application/pdf' };
}
