import { inflateSync } from 'node:zlib';
import bwipjs from 'bwip-js';
import { describe, expect, it } from 'vitest';
import { dataMatrixModules, gs1Hri, renderBarcodePng, renderBarcodeSvg, type Gs1Element } from './render-barcode.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** RGBA of the top-left pixel of an 8-bit RGBA PNG whose first row is unfiltered (as bwip-js writes it). */
function topLeftPixel(png: Buffer): number[] {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
  }
  const rows = inflateSync(Buffer.concat(idat));
  expect(rows[0]).toBe(0);
  return [...rows.subarray(1, 5)];
}

const UDI: Gs1Element[] = [
  { ai: '01', data: '06901234567892' },
  { ai: '17', data: '280630' },
  { ai: '10', data: 'L2026A' },
];

/** The modules bwip-js draws for a raw element string given with FNC1 codes, not brackets. */
function modulesOfRaw(raw: string): number[] {
  const fnc1 = `^FNC1${raw.replaceAll('\x1d', '^FNC1')}`;
  const symbol = bwipjs.raw('datamatrix', fnc1, { parsefnc: true })[0] as { pixs: number[] };
  return symbol.pixs;
}

const modulesOf = (text: Parameters<typeof dataMatrixModules>[0]): number[] => {
  const m = dataMatrixModules(text);
  return Array.from({ length: m.rows * m.columns }, (_, i) => (m.isDark(i % m.columns, Math.floor(i / m.columns)) ? 1 : 0));
};

describe('renderBarcodePng', () => {
  it('given a UDI, when drawn as GS1 DataMatrix, then it is a square PNG', async () => {
    const png = await renderBarcodePng('gs1datamatrix', UDI);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const { width, height } = pngSize(png);
    expect(width).toBe(height);
  });

  it('given a UDI, when drawn as GS1-128, then it is a PNG wider than tall', async () => {
    const png = await renderBarcodePng('gs1-128', '(01)06901234567892(17)280630(10)L2026A');
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const { width, height } = pngSize(png);
    expect(width).toBeGreaterThan(2 * height);
  });

  it('given either symbology, then the quiet zone around it is opaque white', async () => {
    for (const kind of ['gs1datamatrix', 'gs1-128'] as const) {
      expect(topLeftPixel(await renderBarcodePng(kind, UDI))).toEqual([255, 255, 255, 255]);
      expect(renderBarcodeSvg(kind, UDI)).toContain('<rect width="100%" height="100%" fill="#FFFFFF" />');
    }
  });

  it('given bracketed text bwip-js refuses, then it is a VALIDATION_FAILED on the gs1 field, not a crash', async () => {
    await expect(renderBarcodePng('gs1datamatrix', '(01)123')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'gs1' });
    expect(() => renderBarcodeSvg('gs1-128', '(99')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'gs1' }));
  });
});

describe('renderBarcodeSvg', () => {
  it('given a UDI, then both symbologies give an SVG document', () => {
    for (const kind of ['gs1datamatrix', 'gs1-128'] as const) {
      const svg = renderBarcodeSvg(kind, UDI);
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
      expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    }
  });
});

describe('dataMatrixModules', () => {
  it('given elements, then the symbol encodes the raw element string with FNC1 where GS1 puts GS', () => {
    expect(modulesOf(UDI)).toEqual(modulesOfRaw('010690123456789217280630' + '10L2026A'));
    const withSerial = [...UDI, { ai: '21', data: 'SN1' }];
    expect(modulesOf(withSerial)).toEqual(modulesOfRaw('01069012345678921728063010L2026A\x1d21SN1'));
  });

  it('given data holding parentheses, then they are encoded as data, not read as AIs', () => {
    const lot = [{ ai: '01', data: '06901234567892' }, { ai: '10', data: 'A(21)B' }];
    expect(modulesOf(lot)).toEqual(modulesOfRaw('010690123456789210A(21)B'));
  });

  it('given plain bracketed text, then it matches the same elements', () => {
    expect(modulesOf('(01)06901234567892(17)280630(10)L2026A')).toEqual(modulesOf(UDI));
  });
});

describe('gs1Hri', () => {
  it('prints elements as "(AI)data" and passes bracketed text through', () => {
    expect(gs1Hri(UDI)).toBe('(01)06901234567892(17)280630(10)L2026A');
    expect(gs1Hri('(01)06901234567892')).toBe('(01)06901234567892');
  });
});
