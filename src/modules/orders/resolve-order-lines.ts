import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { findDeviceIdsByCode, getDeviceFacts, resolveGtins, type DeviceFacts } from '../catalog/device-queries.ts';
import { isValidGtin, normaliseGtin } from '../udi/check-digit.ts';
import type { OrderLineInput } from './order-input.ts';
import { levelOfUnit, toBaseUnits, type PackagingLevel } from './unit-of-measure.ts';

export interface ResolvedLine {
  lineNo: number;
  input: OrderLineInput;
  device: DeviceFacts;
  level: PackagingLevel;
  uom: string;
  /** Quantity in base units. */
  quantity: number;
}

/**
 * Turns order lines as received (device by id, code or GTIN; a quantity in some unit) into
 * devices and base-unit quantities, with three queries for any number of lines. Every hard error
 * names its field: `lines.<i>.deviceId`, `.gtin`, `.uom` …
 */
export async function resolveOrderLines(tx: Sql, lines: readonly OrderLineInput[]): Promise<ResolvedLine[]> {
  const gtins = lines.flatMap((l) => (l.gtin && isValidGtin(l.gtin) ? [l.gtin] : []));
  const [byGtin, byCode] = await Promise.all([
    resolveGtins(tx, gtins),
    findDeviceIdsByCode(tx, lines.flatMap((l) => (l.deviceCode ? [l.deviceCode] : []))),
  ]);
  const deviceIdOf = lines.map((l, i) => {
    const field = `lines.${i}`;
    const given = [l.deviceId, l.deviceCode, l.gtin].filter(Boolean).length;
    if (given !== 1) throw invalid(`${field}.deviceId`, 'give exactly one of deviceId, deviceCode or gtin');
    if (l.deviceId) return l.deviceId;
    if (l.deviceCode) {
      const id = byCode.get(l.deviceCode);
      if (!id) throw invalid(`${field}.deviceCode`, `no device with code ${l.deviceCode}`);
      return id;
    }
    if (!isValidGtin(l.gtin!)) throw invalid(`${field}.gtin`, `${l.gtin} is not a valid GTIN (check digit)`);
    const r = byGtin.get(normaliseGtin(l.gtin!));
    if (!r) throw invalid(`${field}.gtin`, `GTIN ${l.gtin} is no packaging level of any device`);
    return r.deviceId;
  });
  const facts = await getDeviceFacts(tx, deviceIdOf);
  return lines.map((l, i) => {
    const field = `lines.${i}`;
    const device = facts.get(deviceIdOf[i]!);
    if (!device) throw invalid(`${field}.deviceId`, `no device ${deviceIdOf[i]}`);
    if (!device.active) throw invalid(`${field}.deviceId`, `device ${device.code} is inactive`);
    const gtinLevel = l.gtin ? byGtin.get(normaliseGtin(l.gtin))?.level : undefined;
    let level: PackagingLevel;
    if (l.uom) {
      const fromUnit = levelOfUnit(l.uom) ?? (l.uom.toUpperCase() === device.baseUnit.toUpperCase() ? 'each' : null);
      if (!fromUnit) throw invalid(`${field}.uom`, `unknown unit ${l.uom}; use EA, BX, CA or PL`);
      if (gtinLevel && gtinLevel !== fromUnit) throw invalid(`${field}.uom`, `unit ${l.uom} contradicts the ${gtinLevel} GTIN`);
      level = fromUnit;
    } else {
      level = gtinLevel ?? 'each';
    }
    const quantity = toBaseUnits(l.quantity, level, device.packaging);
    if (quantity === null) throw invalid(`${field}.uom`, `device ${device.code} has no ${level} packaging level`);
    return { lineNo: i + 1, input: l, device, level, uom: l.uom?.toUpperCase() ?? level.toUpperCase(), quantity };
  });
}
