/**
 * Order units map to packaging levels; a quantity in a unit becomes base units through the
 * level's content (2 CA of 10 BX of 12 EA = 240 EA). Codes from UN/ECE Rec. 20 and X12 355.
 */
export type PackagingLevel = 'each' | 'box' | 'case' | 'pallet';

const UNIT_CODES: Record<string, PackagingLevel> = {
  EA: 'each', EACH: 'each', PCE: 'each', PC: 'each', PCS: 'each', C62: 'each', H87: 'each', UN: 'each', UNIT: 'each',
  BX: 'box', BOX: 'box', BG: 'box', PK: 'box', PA: 'box',
  CA: 'case', CS: 'case', CASE: 'case', CT: 'case', CTN: 'case',
  PL: 'pallet', PLT: 'pallet', PX: 'pallet', PALLET: 'pallet',
};

export const levelOfUnit = (code: string): PackagingLevel | null => UNIT_CODES[code.trim().toUpperCase()] ?? null;

/** Base units in `quantity` of `level`, or null when the device has no such packaging level. */
export function toBaseUnits(
  quantity: number,
  level: PackagingLevel,
  packaging: ReadonlyArray<{ level: string; quantity: number }>,
): number | null {
  if (level === 'each') return quantity;
  const p = packaging.find((x) => x.level === level);
  return p ? quantity * p.quantity : null;
}
