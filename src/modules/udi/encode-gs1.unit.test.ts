import bwipjs from 'bwip-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../platform/errors.ts';
import { encodeGs1 } from './encode-gs1.ts';
import type { Gs1Label } from './encode-gs1.ts';
import { gs1LabelArbitrary } from '../../../test/fixtures/udi/arbitraries.ts';

const now = new Date('2025-06-15T12:00:00Z');
const withoutParentheses = (label: Gs1Label): boolean =>
  !/[()]/.test(`${label.lot ?? ''}${label.serial ?? ''}`);
const rejection = (code: ErrorCode, field?: string) =>
  expect.objectContaining(field === undefined ? { code } : { code, field });

describe('encodeGs1', () => {
  it('writes the UDI fields as element strings, predefined-length ones first', () => {
    const encoded = encodeGs1(
      {
        gtin: '00643169007222',
        lot: 'A213B1',
        serial: '1234',
        expiry: '2016-01-28',
        productionDate: '2015-01-28',
      },
      { now },
    );
    expect(encoded.hri).toBe('(01)00643169007222(11)150128(17)160128(10)A213B1(21)1234');
    expect(encoded.raw).toBe('01006431690072221115012817160128' + '10A213B1\x1d' + '211234');
  });

  it('adds other AIs and ends every variable-length element but the last with GS', () => {
    const encoded = encodeGs1(
      { sscc: '106141411234567897', ais: { '02': '19506000134359', '37': '24', '400': 'PO-1' } },
      { now },
    );
    expect(encoded.raw).toBe('00106141411234567897' + '0219506000134359' + '3724\x1d' + '400PO-1');
    expect(encoded.hri).toBe('(00)106141411234567897(02)19506000134359(37)24(400)PO-1');
  });

  it('refuses what the parser would refuse, with the same error', () => {
    expect(() => encodeGs1({ gtin: '09506000134353' }, { now })).toThrow(
      rejection('SCAN_BAD_CHECK_DIGIT', 'ai.01'),
    );
    expect(() => encodeGs1({ lot: 'A' }, { now })).toThrow(rejection('SCAN_PAIRING', 'ai.10'));
    expect(() => encodeGs1({ gtin: '09506000134352', lot: 'A\x1d21B' }, { now })).toThrow(
      rejection('SCAN_BAD_CHARSET', 'ai.10'),
    );
    expect(() => encodeGs1({ gtin: '09506000134352', ais: { '05': '1' } }, { now })).toThrow(
      rejection('SCAN_UNKNOWN_AI', 'ai.05'),
    );
    expect(() => encodeGs1({}, { now })).toThrow(rejection('SCAN_EMPTY'));
  });

  it('refuses a field given both by name and by AI with different data', () => {
    expect(() => encodeGs1({ gtin: '09506000134352', ais: { '01': '00643169007222' } }, { now })).toThrow(
      rejection('SCAN_PAIRING', 'ai.01'),
    );
  });

  it('refuses dates that do not exist or that YYMMDD cannot carry at `now`', () => {
    expect(() => encodeGs1({ gtin: '09506000134352', expiry: '2026-02-30' }, { now })).toThrow(
      rejection('SCAN_BAD_DATE', 'ai.17'),
    );
    expect(() => encodeGs1({ gtin: '09506000134352', expiry: '2080-01-01' }, { now })).toThrow(
      rejection('SCAN_BAD_DATE', 'ai.17'),
    );
  });

  it('produces strings bwip-js (BWIPP and its GS1 syntax checks) accepts for GS1 DataMatrix', () => {
    fc.assert(
      // BWIPP wants literal parentheses in bracketed input escaped; labels with them are left out.
      fc.property(gs1LabelArbitrary(now).filter(withoutParentheses), (label) => {
        const { hri } = encodeGs1(label, { now });
        expect(() => bwipjs.toSVG({ bcid: 'gs1datamatrix', text: hri })).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with bwip-js on what is invalid', () => {
    for (const text of ['(01)09506000134353', '(01)09506000134352(17)260230', '(10)ABC']) {
      expect(() => bwipjs.toSVG({ bcid: 'gs1datamatrix', text })).toThrow();
    }
  });
});
