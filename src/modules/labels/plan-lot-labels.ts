import { DomainError, invalid } from '../../platform/errors.ts';
import type { Bilingual } from '../../platform/pdf/pdf-text.ts';
import type { Gs1Element } from '../../platform/pdf/render-barcode.ts';
import type { DeviceFacts } from '../catalog/device-queries.ts';
import { encodeUdi } from './encode-udi.ts';
import { MAX_LABELS, type LotSheetInput } from './label-schemas.ts';
import { LABELS_PER_SHEET } from './label-sheet-layout.ts';
import { CAPTION, packWords, storageWords } from './label-words.ts';

/** Everything one printed label shows. */
export interface LotLabel {
  elements: Gs1Element[];
  hri: string;
  nameZh: string;
  nameEn: string | null;
  registration: { caption: Bilingual; number: string } | null;
  lot: string;
  expiry: string;
  productionDate: string | null;
  serial: string | null;
  /** What a box or case holds; null on a unit-of-use label. */
  pack: string | null;
  storage: Bilingual;
}

/**
 * The labels of one lot: one per serial (times `copies`), or `copies` alike without serials — a
 * full sheet unless asked otherwise. Refuses a label that would misstate the device: no UDI-DI at
 * the level, a serial-tracked unit without serials, a production date after the expiry or after
 * the registration certificate lapsed.
 */
export function planLotLabels(device: DeviceFacts, input: Omit<LotSheetInput, 'deviceId'>, now = new Date()): LotLabel[] {
  const level = input.level ?? 'each';
  const packaging = device.packaging.find((p) => p.level === level);
  if (!packaging) {
    const levels = device.packaging.map((p) => p.level).join(', ') || 'none';
    throw invalid('level', `device ${device.code} has no UDI-DI (GTIN) at the ${level} level (it has: ${levels})`);
  }
  const base = { gtin: packaging.gtin, lot: input.lot, expiry: input.expiry, productionDate: input.productionDate };
  const unserialised = encodeUdi(base, { now }); // checks lot and dates before anything compares them
  checkDates(device, input);
  const serials = input.serials ?? [];
  if (serials.length === 0 && level === 'each' && device.trackingMode !== 'lot') {
    throw invalid('serials', `device ${device.code} is tracked by serial number: give the serials to print`);
  }
  const copies = input.copies ?? (serials.length ? 1 : LABELS_PER_SHEET);
  const count = Math.max(serials.length, 1) * copies;
  if (count > MAX_LABELS) throw invalid('copies', `${count} labels asked; at most ${MAX_LABELS} per request`);

  const shared = {
    nameZh: device.nameZh,
    nameEn: device.nameEn,
    registration: device.registrationNumber === null ? null : {
      caption: device.registrationKind === 'filing' ? CAPTION.filing : CAPTION.registration,
      number: device.registrationNumber,
    },
    lot: input.lot,
    expiry: input.expiry,
    productionDate: input.productionDate ?? null,
    pack: level === 'each' ? null : packWords(level, packaging.quantity, device.baseUnit),
    storage: storageWords(device),
  };
  const seen = new Map<string, number>();
  const distinct = serials.length === 0
    ? [{ ...shared, ...unserialised, serial: null }]
    : serials.map((serial, i) => {
        const earlier = seen.get(serial);
        if (earlier !== undefined) throw invalid(`serials.${i}`, `serial ${serial} is also serials.${earlier}`);
        seen.set(serial, i);
        return { ...shared, ...encodeUdi({ ...base, serial }, { now, fieldNames: { serial: `serials.${i}` } }), serial };
      });
  return distinct.flatMap(({ raw: _raw, ...label }) => Array.from({ length: copies }, () => label));
}

function checkDates(device: DeviceFacts, input: Pick<LotSheetInput, 'expiry' | 'productionDate'>): void {
  const made = input.productionDate;
  if (made === undefined) return;
  if (made > input.expiry) throw invalid('productionDate', `production date ${made} is after the expiry ${input.expiry}`);
  const lapsed = device.registrationExpiresOn;
  if (lapsed !== null && made > lapsed) {
    throw new DomainError(
      'REGISTRATION_EXPIRED',
      `device ${device.code}: registration ${device.registrationNumber ?? ''} expired on ${lapsed}, before the production date ${made}`,
      { field: 'productionDate', details: { registrationExpiresOn: lapsed } },
    );
  }
}
