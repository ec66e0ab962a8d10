import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1LabelArbitrary, hibccLabelArbitrary } from '../../../test/fixtures/udi/arbitraries.ts';
import { definedFields } from './defined-fields.ts';
import { encodeGs1 } from './encode-gs1.ts';
import type { Gs1Label } from './encode-gs1.ts';
import { encodeHibcc } from './encode-hibcc.ts';
import type { HibccLabel } from './encode-hibcc.ts';
import { daysInMonth, parseIsoDate } from './gs1-dates.ts';
import type { HibccDateFormat } from './hibcc-dates.ts';
import { joinHibccSymbols } from './join-hibcc-symbols.ts';
import { parseScan } from './parse-scan.ts';
import type { Gs1Scan, HibccScan } from './types.ts';

/** Any moment from 2000 to 2090, so the sliding window is exercised in every position. */
const nowArbitrary = fc.integer({ min: 2000, max: 2090 }).map((year) => new Date(Date.UTC(year, 5, 15)));

function expectedGs1(label: Gs1Label): Omit<Gs1Scan, 'ais'> {
  const count = label.ais?.['30'];
  return definedFields({
    scheme: 'GS1' as const,
    gtin: label.gtin,
    lot: label.lot,
    expiry: label.expiry,
    productionDate: label.productionDate,
    serial: label.serial,
    quantity: count === undefined ? undefined : Number(count),
  });
}

describe('GS1: encode then parse gives the label back', () => {
  it('in raw form, in human-readable form and with <GS> typed as text', () => {
    fc.assert(
      fc.property(
        nowArbitrary.chain((now) => fc.tuple(fc.constant(now), gs1LabelArbitrary(now))),
        ([now, label]) => {
          const { raw, hri } = encodeGs1(label, { now });
          const { ais, ...fields } = parseScan(raw, { now }) as Gs1Scan;
          expect(fields).toEqual(expectedGs1(label));
          expect(ais['10']).toBe(label.lot);
          expect(parseScan(hri, { now })).toEqual({ ...fields, ais });
          expect(parseScan(raw.replaceAll('\x1d', '<GS>'), { now })).toEqual({ ...fields, ais });
        },
      ),
      { numRuns: 300 },
    );
  });
});

const DATE_FORMATS: readonly HibccDateFormat[] = ['MMYY', 'MMDDYY', 'YYMMDD', 'YYMMDDHH', 'YYJJJ', 'YYJJJHH'];

/** MMYY carries only a month, read as its last day: move the expiry there so the label fits. */
function fitToFormat(label: HibccLabel, format: HibccDateFormat): HibccLabel {
  const date = label.expiry === undefined ? undefined : parseIsoDate(label.expiry);
  if (format !== 'MMYY' || date === undefined) return label;
  const monthEnd = daysInMonth(date.year, date.month);
  return { ...label, expiry: `${label.expiry?.slice(0, 8)}${String(monthEnd).padStart(2, '0')}` };
}

describe('HIBCC: encode then parse gives the label back', () => {
  it('as one concatenated symbol and as a linked primary and secondary', () => {
    fc.assert(
      fc.property(
        nowArbitrary.chain((now) =>
          fc.tuple(fc.constant(now), hibccLabelArbitrary(now), fc.constantFrom(...DATE_FORMATS)),
        ),
        ([now, generated, dateFormat]) => {
          const label = fitToFormat(generated, dateFormat);
          const encoded = encodeHibcc(label, { now, dateFormat });
          const scan = parseScan(encoded.concatenated, { now });
          expect(scan).toEqual(definedFields({ scheme: 'HIBCC', ...label }));
          const primary = parseScan(encoded.primary, { now }) as HibccScan;
          if (encoded.secondary === undefined) {
            expect(primary).toEqual(scan);
          } else {
            const secondary = parseScan(encoded.secondary, { now }) as HibccScan;
            expect(secondary.link).toBe(encoded.primary.slice(-1));
            expect(joinHibccSymbols(primary, secondary)).toEqual(scan);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
