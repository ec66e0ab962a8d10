import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../platform/errors.ts';
import { parseScan } from './parse-scan.ts';

const now = new Date('2025-06-15T12:00:00Z');
const parse = (input: string) => parseScan(input, { now });
const rejection = (code: ErrorCode, field?: string) =>
  expect.objectContaining(field === undefined ? { code } : { code, field });

const GS1_HRI = '(01)09506000134352(17)261231(10)ABC(21)S1';
const GS1_RAW = '01095060001343521726123110ABC\x1d21S1';
const HIBCC = '+A99912345/$$52001510X3/16D20111212/S77DE1G45-';

describe('parseScan', () => {
  it('reads GS1 in raw and human-readable form alike', () => {
    expect(parse(GS1_RAW)).toEqual(parse(GS1_HRI));
    expect(parse(GS1_RAW).scheme).toBe('GS1');
  });

  it('takes the text <GS> for the separator', () => {
    expect(parse('01095060001343521726123110ABC<GS>21S1')).toEqual(parse(GS1_RAW));
  });

  it.each([
    [']d2', 'GS1 DataMatrix'],
    [']C1', 'GS1-128'],
    [']Q3', 'GS1 QR Code'],
    [']e0', 'GS1 DataBar'],
    [']J1', 'GS1 DotCode'],
  ])('strips the AIM symbology identifier %s (%s)', (aim) => {
    expect(parse(aim + GS1_RAW)).toEqual(parse(GS1_RAW));
  });

  it('strips an AIM identifier and a leading FNC1 together', () => {
    expect(parse(`]d2\x1d${GS1_RAW}`)).toEqual(parse(GS1_RAW));
  });

  it('reads HIBCC, also behind an AIM identifier and inside Code 39 asterisks', () => {
    const expected = parse(HIBCC);
    expect(expected).toMatchObject({ scheme: 'HIBCC', lic: 'A999', lot: '10X3' });
    expect(parse(`]d1${HIBCC}`)).toEqual(expected);
    expect(parse(`]A0${HIBCC}`)).toEqual(expected);
    expect(parse(`*${HIBCC}*`)).toEqual(expected);
  });

  it('drops the Enter a keyboard-wedge scanner sends, and spaces around GS1 data', () => {
    expect(parse(`${GS1_RAW}\r\n`)).toEqual(parse(GS1_RAW));
    expect(parse(`  ${GS1_HRI}  `)).toEqual(parse(GS1_RAW));
  });

  it('keeps a trailing space of HIBCC, where it is the check character', () => {
    // '+' 41 + 'A' 10 + '9' 27 + '1' + '2' = 81, and 81 mod 43 = 38: the space
    expect(parse('+A99912 ')).toMatchObject({ lic: 'A999', product: '1', unitOfMeasure: 2 });
    expect(parse('+A99912 \r\n')).toMatchObject({ lic: 'A999', product: '1', unitOfMeasure: 2 });
  });

  it('uses the current time when no `now` is given', () => {
    expect(parseScan('(01)09506000134352(17)301231').expiry).toBe('2030-12-31');
  });

  it.each([
    ['nothing', ''],
    ['a line end', '\r\n'],
    ['spaces', '   '],
    ['an AIM identifier alone', ']d2'],
  ])('SCAN_EMPTY for %s', (_case, input) => {
    expect(() => parse(input)).toThrow(rejection('SCAN_EMPTY', 'scan'));
  });

  it.each([
    ['words', 'hello world'],
    ['a GS1 Digital Link URI', 'https://id.gs1.org/01/09506000134352'],
    ['parentheses without an AI', '(ab)123'],
  ])('SCAN_UNKNOWN_FORMAT for %s', (_case, input) => {
    expect(() => parse(input)).toThrow(rejection('SCAN_UNKNOWN_FORMAT', 'scan'));
  });
});
