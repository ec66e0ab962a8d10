import { levelOfUnit, type PackagingLevel } from '../orders/unit-of-measure.ts';

/** The X12 355 / UN/ECE Rec. 20 code of each packaging level, for units the partner did not send. */
export const UNIT_OF_LEVEL: Readonly<Record<PackagingLevel, string>> = { each: 'EA', box: 'BX', case: 'CA', pallet: 'PL' };

/** An order line's unit ('CASE', 'BX', 'PCE' …) as a two-letter code an 855 can carry. */
export const unitCode = (uom: string): string => UNIT_OF_LEVEL[levelOfUnit(uom) ?? 'each'];
