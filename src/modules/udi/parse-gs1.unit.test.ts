import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../platform/errors.ts';
import { parseGs1 } from './parse-gs1.ts';

const GS = '\x1d';
const now = new Date('2025-06-15T12:00:00Z');
const parse = (text: string) => parseGs1(text, now);
const rejection = (code: ErrorCode, field?: string) =>
  expect.objectContaining(field === undefined ? { code } : { code, field });

describe('parseGs1: valid element strings', () => {
  it('reads the FDA UDI example (GTIN, expiry, lot, serial)', () => {
    expect(parse('(01)00643169007222(17)160128(10)A213B1(21)1234')).toEqual({
      scheme: 'GS1',
      gtin: '00643169007222',
      lot: 'A213B1',
      expiry: '2016-01-28',
      serial: '1234',
      ais: { '01': '00643169007222', '17': '160128', '10': 'A213B1', '21': '1234' },
    });
  });

  it('reads the raw form exactly as the human-readable one', () => {
    const hri = parse('(01)09506000134352(17)261231(10)ABC123(21)XYZ');
    const raw = parse(`01095060001343521726123110ABC123${GS}21XYZ`);
    expect(raw).toEqual(hri);
    expect(raw).toMatchObject({ gtin: '09506000134352', expiry: '2026-12-31', lot: 'ABC123', serial: 'XYZ' });
  });

  it('leaves fields absent when the label does not carry them', () => {
    const scan = parse('(01)09506000134352');
    expect(Object.keys(scan)).toEqual(['scheme', 'gtin', 'ais']);
  });

  it('reads expiry day 00 as the last day of the month', () => {
    expect(parse('(01)09506000134352(17)260200').expiry).toBe('2026-02-28');
    expect(parse('(01)09506000134352(17)280200').expiry).toBe('2028-02-29');
  });

  it('reads production and expiry dates, resolving the century by the sliding window', () => {
    const scan = parse('(01)09506000134352(11)991115(17)300101');
    expect(scan).toMatchObject({ productionDate: '1999-11-15', expiry: '2030-01-01' });
    expect(scan.ais['11']).toBe('991115');
  });

  it('accepts a leading FNC1, a GS after a predefined-length element and a GS at the end', () => {
    const expected = parse('(01)09506000134352(10)A1');
    expect(parse(`${GS}0109506000134352${GS}10A1${GS}`)).toEqual(expected);
  });

  it('needs no GS after predefined-length AIs, whatever follows', () => {
    const scan = parse(`0109506000134352112501011726123110LOT-7${GS}21S/N.1`);
    expect(scan).toMatchObject({
      productionDate: '2025-01-01',
      expiry: '2026-12-31',
      lot: 'LOT-7',
      serial: 'S/N.1',
    });
  });

  it('ends a variable-length element at GS and reads a predefined one after it', () => {
    expect(parse(`10ABC${GS}0109506000134352`)).toMatchObject({ lot: 'ABC', gtin: '09506000134352' });
  });

  it('reads a pallet label: SSCC, contained GTIN, count, lot and expiry', () => {
    const scan = parse('(00)106141411234567897(02)19506000134359(37)24(10)LOT1(17)270630');
    expect(scan).toEqual({
      scheme: 'GS1',
      sscc: '106141411234567897',
      lot: 'LOT1',
      expiry: '2027-06-30',
      quantity: 24,
      ais: { '00': '106141411234567897', '02': '19506000134359', '37': '24', '10': 'LOT1', '17': '270630' },
    });
  });

  it('takes a variable count (30) as quantity', () => {
    expect(parse('(01)09506000134352(30)12').quantity).toBe(12);
  });

  it('reads the expiry from (7003) expiry date and time when (17) is absent', () => {
    expect(parse('(01)09506000134352(7003)2612311430').expiry).toBe('2026-12-31');
    expect(parse('(01)09506000134352(17)261130(7003)2612311430').expiry).toBe('2026-11-30');
  });

  it.each([
    ['measure with decimals', '(01)09506000134352(3103)001250', '3103', '001250'],
    ['production date and time', '(01)09506000134352(8008)2601011230', '8008', '2601011230'],
    [
      'GLNs with check digits',
      '(00)106141411234567897(410)9506000134376(414)9506000134383',
      '414',
      '9506000134383',
    ],
    ['GDTI with its optional serial', '(253)9506000134376DOC-1', '253', '9506000134376DOC-1'],
    ['GRAI', '(8003)09506000134376XYZ', '8003', '09506000134376XYZ'],
    [
      'GMN with its check character pair',
      '(8013)1987654Ad4X4bL5ttr2310c2K',
      '8013',
      '1987654Ad4X4bL5ttr2310c2K',
    ],
    ['GSRN', '(8017)950600013438123458', '8017', '950600013438123458'],
    ['ITIP with lot', '(8006)195060001343590102(10)A', '8006', '195060001343590102'],
    ['additional product id', '(01)09506000134352(240)REF-99', '240', 'REF-99'],
    ['clinical trial protocol', '(01)09506000134352(7240)PROT1', '7240', 'PROT1'],
    ['negative temperature', '(00)106141411234567897(4331)000440-', '4331', '000440-'],
    ['company internal', '(01)09506000134352(91)anything%goes', '91', 'anything%goes'],
    ['CPID in set 39', '(8010)95060001#A-1/B(8011)123', '8010', '95060001#A-1/B'],
  ])('reads a %s', (_case, text, ai, data) => {
    expect(parse(text).ais[ai]).toBe(data);
  });

  it('accepts the same element twice with the same data', () => {
    expect(parse('(01)09506000134352(10)A(01)09506000134352').gtin).toBe('09506000134352');
  });

  it('splits a long scan in linear time (no rescanning per element)', () => {
    const started = performance.now();
    expect(parse('0109506000134352'.repeat(60_000)).gtin).toBe('09506000134352');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('ignores whitespace around the parentheses of the human-readable form', () => {
    expect(parse('(01) 09506000134352 (17) 261231 (10) ABC')).toMatchObject({
      lot: 'ABC',
      expiry: '2026-12-31',
    });
  });
});

describe('parseGs1: invalid element strings', () => {
  it.each([
    ['an unknown AI (raw)', '010950600013435205123', 'ai'],
    ['an unknown AI (human-readable)', '(01)09506000134352(05)123', 'ai.05'],
    ['an AI of the wrong number of digits', '(01)09506000134352(1)A', 'ai.1'],
    ['a measure AI past its decimal range', '(01)09506000134352(3106)000100', 'ai.3106'],
  ])('SCAN_UNKNOWN_AI for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_UNKNOWN_AI', field));
  });

  it.each([
    ['GTIN', '(01)09506000134353', 'ai.01'],
    ['SSCC', '(00)106141411234567898', 'ai.00'],
    ['contained GTIN', '(00)106141411234567897(02)19506000134358(37)1', 'ai.02'],
    ['GLN', '(414)9506000134384', 'ai.414'],
    ['GSRN', '(8017)950600013438123459', 'ai.8017'],
    ['GMN check pair', '(8013)1987654Ad4X4bL5ttr2310cXK', 'ai.8013'],
    ['GRAI', '(8003)09506000134377', 'ai.8003'],
  ])('SCAN_BAD_CHECK_DIGIT for a wrong %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_CHECK_DIGIT', field));
  });

  it.each([
    ['month 13', '(01)09506000134352(17)261301', 'ai.17'],
    ['30 February', '(01)09506000134352(17)260230', 'ai.17'],
    ['29 February of a common year', '(01)09506000134352(11)250229', 'ai.11'],
    ['day 32', '(01)09506000134352(11)250132', 'ai.11'],
    ['day 00 where the AI forbids it', '(01)09506000134352(7006)260100', 'ai.7006'],
    ['hour 24', '(01)09506000134352(8008)2601012400', 'ai.8008'],
    ['minute 60', '(01)09506000134352(7003)2612311260', 'ai.7003'],
  ])('SCAN_BAD_DATE for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_DATE', field));
  });

  it.each([
    ['a GTIN cut short at the end', '010950600013435', 'ai.01'],
    ['a GTIN cut short by GS', `01095060001343${GS}10A`, 'ai.01'],
    ['a lot of 21 characters', '(01)09506000134352(10)ABCDEFGHIJKLMNOPQRSTU', 'ai.10'],
    ['a date of 5 digits', '(01)09506000134352(17)26123', 'ai.17'],
    ['a GTIN of 15 digits', '(01)095060001343520', 'ai.01'],
    ['an empty lot', `010950600013435210${GS}21X`, 'ai.10'],
    ['a time cut inside its minutes', '(01)09506000134352(8008)260101123', 'ai.8008'],
  ])('SCAN_BAD_LENGTH for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_LENGTH', field));
  });

  it.each([
    ['a letter in a GTIN', '(01)0950600013435X', 'ai.01'],
    ['a space in a lot', '(01)09506000134352(10)AB C', 'ai.10'],
    ['a character outside set 82', '(01)09506000134352(10)AB#C', 'ai.10'],
    ['lower case in a set-39 CPID', '(8010)abc', 'ai.8010'],
    ['a GRAI not starting with 0', '(8003)19506000134376', 'ai.8003'],
    ['a temperature flag other than -', '(00)106141411234567897(4330)000440+', 'ai.4330'],
    ['a yes/no field of 2', '(00)106141411234567897(4321)2', 'ai.4321'],
    ['a CPID serial with a leading zero', '(8010)ABC(8011)0123', 'ai.8011'],
    ['a MUDI of digits only (valid check pair 64)', '(01)09506000134352(8014)950600012364', 'ai.8014'],
  ])('SCAN_BAD_CHARSET for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_BAD_CHARSET', field));
  });

  it('SCAN_MISSING_SEPARATOR when a fixed-length AI outside the predefined table runs into the next AI', () => {
    expect(() => parse('010950600013435242284010ABC')).toThrow(rejection('SCAN_MISSING_SEPARATOR', 'ai.422'));
    expect(() => parse('01095060001343527003261231143010A')).toThrow(
      rejection('SCAN_MISSING_SEPARATOR', 'ai.7003'),
    );
  });

  it.each([
    ['a lot without a GTIN', '(10)ABC', 'ai.10'],
    ['an expiry without a GTIN', '(17)261231', 'ai.17'],
    ['a serial without a GTIN', '(21)123', 'ai.21'],
    ['a contained GTIN without its count', '(00)106141411234567897(02)19506000134359', 'ai.02'],
    ['a count with a GTIN (01)', '(01)09506000134352(37)5', 'ai.01'],
    ['a count without an SSCC', '(02)19506000134359(37)5', 'ai.37'],
    ['two net weights', '(01)09506000134352(3102)001250(3103)001250', 'ai.3102'],
    ['a secondary serial without a serial', '(01)09506000134352(250)X', 'ai.250'],
    ['a GTIN twice with different data', '(01)09506000134352(01)00643169007222', 'ai.01'],
    ['a lot twice with different data', `010950600013435210A${GS}10B`, 'ai.10'],
  ])('SCAN_PAIRING for %s', (_case, text, field) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_PAIRING', field));
  });

  it.each([
    ['letters after a predefined-length element', '0109506000134352ABC'],
    ['two GS in a row', `10A${GS}${GS}0109506000134352`],
  ])('SCAN_TRAILING_DATA for %s', (_case, text) => {
    expect(() => parse(text)).toThrow(rejection('SCAN_TRAILING_DATA', 'ai'));
  });

  it('SCAN_EMPTY for a string of separators only', () => {
    expect(() => parse(GS)).toThrow(rejection('SCAN_EMPTY'));
  });

  it('reads "(digits)" inside human-readable data as the next AI, so it never slips into a lot', () => {
    expect(() => parse('(01)09506000134352(10)AB(12)C')).toThrow(rejection('SCAN_BAD_LENGTH', 'ai.12'));
    expect(() => parse('(01)09506000134352(10)AB(5)C')).toThrow(rejection('SCAN_UNKNOWN_AI', 'ai.5'));
  });
});
