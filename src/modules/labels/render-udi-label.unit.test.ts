import { describe, expect, it } from 'vitest';
import { GTIN } from './label-test-fixtures.ts';
import { renderUdiLabel } from './render-udi-label.ts';

const now = new Date('2026-06-15T00:00:00Z');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const udi = { gtin: GTIN.each, lot: 'L2026A', expiry: '2028-06-30', serial: 'SN000001' };

describe('renderUdiLabel', () => {
  it('given a UDI and no choices, then it is a GS1 DataMatrix PNG', async () => {
    const image = await renderUdiLabel(udi, { now });
    expect(image.contentType).toBe('image/png');
    expect(image.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(image.hri).toBe('(01)06901234567892(17)280630(10)L2026A(21)SN000001');
    expect(image.raw).toBe('01069012345678921728063010L2026A\x1d21SN000001');
  });

  it('given format svg, then it is SVG text for either symbology', async () => {
    for (const symbology of ['datamatrix', 'gs1-128'] as const) {
      const image = await renderUdiLabel({ ...udi, symbology, format: 'svg' }, { now });
      expect(image.contentType).toBe('image/svg+xml');
      expect(image.body.toString('utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });

  it('given GS1-128, then the PNG is a linear symbol, wider than the DataMatrix', async () => {
    const linear = await renderUdiLabel({ ...udi, symbology: 'gs1-128' }, { now });
    const matrix = await renderUdiLabel(udi, { now });
    expect(linear.body.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const width = (png: Buffer) => png.readUInt32BE(16);
    const height = (png: Buffer) => png.readUInt32BE(20);
    expect(width(linear.body) / height(linear.body)).toBeGreaterThan(2);
    expect(width(matrix.body)).toBe(height(matrix.body));
  });

  it('given a lot holding parentheses, then it is drawn', async () => {
    const image = await renderUdiLabel({ ...udi, lot: 'L(10)1' }, { now });
    expect(image.hri).toBe('(01)06901234567892(17)280630(10)L(10)1(21)SN000001');
  });

  it.each([
    [{ gtin: '06901234567893' }, 'SCAN_BAD_CHECK_DIGIT', 'gtin'],
    [{ expiry: '2027-02-29' }, 'SCAN_BAD_DATE', 'expiry'],
    [{ lot: '批号' }, 'SCAN_BAD_CHARSET', 'lot'],
    [{ serial: 'S'.repeat(21) }, 'SCAN_BAD_LENGTH', 'serial'],
  ])('given %o, then it is refused with %s on %s before anything is drawn', async (bad, code, field) => {
    await expect(renderUdiLabel({ ...udi, ...bad }, { now })).rejects.toMatchObject({ code, field });
  });
});
