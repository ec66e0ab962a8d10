import { isDomainError } from '../../platform/errors.ts';
import type { Gs1Element } from '../../platform/pdf/render-barcode.ts';
import { encodeGs1 } from '../udi/encode-gs1.ts';
import { encodeUdi } from '../labels/encode-udi.ts';
import type { DocLine, ShipmentDocData } from './shipment-doc-data.ts';

/** A GS1 symbol's content: its element strings and the text printed with it. */
export interface GsMark {
  elements: Gs1Element[];
  hri: string;
}

export interface PackingRow {
  lineNo: number;
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  registrationNumber: string | null;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  serial: string | null;
  quantity: number;
  baseUnit: string;
  /** (01)(17)(10)(21) of the unit; null when the device has no GTIN of its `each` level. */
  udi: GsMark | null;
}

export interface PackingGroup {
  /** The package's SSCC, or null for what left outside any package. */
  sscc: string | null;
  mark: GsMark | null;
  rows: PackingRow[];
  quantity: number;
}

export interface PackingListModel {
  groups: PackingGroup[];
  totalQuantity: number;
  packageCount: number;
}

/**
 * Encodes a mark with the GS1 codec. Data it refuses (a lot with a character GS1 does not allow,
 * kept from before GS1 labelling) gets no symbol: the document still lists it in plain text.
 */
function mark(encode: () => GsMark): GsMark | null {
  try {
    return encode();
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}

export function unitUdi(line: DocLine, now: Date): GsMark | null {
  const gtin = line.eachGtin;
  if (gtin === null) return null;
  return mark(() => {
    const { elements, hri } = encodeUdi({ gtin, expiry: line.expiresOn, lot: line.lotNumber, ...(line.serial ? { serial: line.serial } : {}) }, { now });
    return { elements, hri };
  });
}

export const ssccMark = (sscc: string): GsMark | null =>
  mark(() => ({ elements: [{ ai: '00', data: sscc }], hri: encodeGs1({ sscc }).hri }));

/**
 * The packing list / delivery note: per package (by SSCC), one row per lot of an order line, or
 * per unit when the device is serialised, so each row carries the UDI of what it lists.
 */
export function packingListModel(data: Pick<ShipmentDocData, 'lines' | 'packages' | 'shipment'>): PackingListModel {
  const now = new Date(`${data.shipment.shipDate}T00:00:00Z`);
  const groups = new Map<string, PackingGroup>();
  for (const p of data.packages) groups.set(p.sscc, { sscc: p.sscc, mark: ssccMark(p.sscc), rows: [], quantity: 0 });
  const rows = new Map<string, PackingRow>();
  for (const line of data.lines) {
    const groupKey = line.sscc ?? '';
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { sscc: line.sscc, mark: line.sscc ? ssccMark(line.sscc) : null, rows: [], quantity: 0 }));
    group.quantity += line.quantity;
    const key = `${groupKey}/${line.lineNo}/${line.lotId}/${line.serial ?? ''}`;
    const row = rows.get(key);
    if (row) {
      row.quantity += line.quantity;
      continue;
    }
    const created: PackingRow = {
      lineNo: line.lineNo, deviceCode: line.deviceCode, nameZh: line.nameZh, nameEn: line.nameEn,
      registrationNumber: line.registrationNumber, lotNumber: line.lotNumber, manufacturedOn: line.manufacturedOn,
      expiresOn: line.expiresOn, serial: line.serial, quantity: line.quantity, baseUnit: line.baseUnit, udi: unitUdi(line, now),
    };
    rows.set(key, created);
    group.rows.push(created);
  }
  const ordered = [...groups.values()].filter((g) => g.rows.length > 0 || g.sscc !== null)
    .sort((a, b) => (a.sscc === null ? 1 : b.sscc === null ? -1 : a.sscc.localeCompare(b.sscc)));
  return {
    groups: ordered,
    totalQuantity: data.lines.reduce((n, l) => n + l.quantity, 0),
    packageCount: ordered.filter((g) => g.sscc !== null).length,
  };
}
