import bwipjs from 'bwip-js';
import { DomainError } from '../errors.ts';

/** The GS1 symbologies Lotline prints: GS1 DataMatrix for UDI labels, GS1-128 for cartons and logistics. */
export type BarcodeKind = 'gs1datamatrix' | 'gs1-128';

/** One GS1 element string: AI and its data, exactly as encoded. */
export interface Gs1Element {
  ai: string;
  data: string;
}

/**
 * What to encode: the bracketed text "(01)…(17)…(10)…" when no data holds a parenthesis, or the
 * elements, which may hold any GS1 character.
 */
export type Gs1Text = string | readonly Gs1Element[];

export interface BarcodeOptions {
  /** Pixels per module unit (PNG) or drawing units (SVG). */
  scale?: number;
  /** Bar height of GS1-128 in mm. */
  heightMm?: number;
}

/** The human-readable interpretation printed with a symbol: "(01)06901234567892(10)A(1)". */
export const gs1Hri = (text: Gs1Text): string =>
  typeof text === 'string' ? text : text.map((e) => `(${e.ai})${e.data}`).join('');

/**
 * bwip-js reads AIs between parentheses, so a parenthesis inside the data would end the data early.
 * With `parse` on it reads ^NNN as the character of that code: data is written that way ('^' itself
 * is outside the GS1 character set, so no data needs it).
 */
function bwipText(text: Gs1Text): { text: string; parse: boolean } {
  if (typeof text === 'string') return { text, parse: false };
  const escape = (data: string): string => data.replace(/[()^]/g, (c) => `^${String(c.charCodeAt(0)).padStart(3, '0')}`);
  return { text: text.map((e) => `(${e.ai})${escape(e.data)}`).join(''), parse: true };
}

function renderOptions(kind: BarcodeKind, text: Gs1Text, opts: BarcodeOptions): bwipjs.RenderOptions {
  // White, not transparent: the quiet zones must stay light on whatever the image is placed on.
  const common = { bcid: kind, ...bwipText(text), backgroundcolor: 'FFFFFF' };
  // Quiet zones (GS1 General Specifications 5.4.4, 5.5.2.7): 1 module around a DataMatrix (a module
  // is 2 units there), 10 modules left and right of a GS1-128.
  if (kind === 'gs1datamatrix') return { ...common, scale: opts.scale ?? 5, padding: 2 };
  return {
    ...common,
    scale: opts.scale ?? 3,
    height: opts.heightMm ?? 12,
    paddingwidth: 10,
    paddingheight: 2,
    includetext: true,
    alttext: gs1Hri(text),
    textxalign: 'center',
  };
}

/** bwip-js refuses data its own GS1 rules reject: that is the caller's input, not a crash. */
function refused(e: unknown): DomainError {
  const message = e instanceof Error ? e.message.replace(/^bwipp\.\w+#\d+:\s*/, '') : String(e);
  return new DomainError('VALIDATION_FAILED', `the barcode cannot be drawn: ${message}`, { field: 'gs1' });
}

export async function renderBarcodePng(kind: BarcodeKind, text: Gs1Text, opts: BarcodeOptions = {}): Promise<Buffer> {
  try {
    return await bwipjs.toBuffer(renderOptions(kind, text, opts));
  } catch (e) {
    throw refused(e);
  }
}

export function renderBarcodeSvg(kind: BarcodeKind, text: Gs1Text, opts: BarcodeOptions = {}): string {
  try {
    return bwipjs.toSVG(renderOptions(kind, text, opts));
  } catch (e) {
    throw refused(e);
  }
}

/** A 2D symbol's modules, for drawing as vector shapes (crisp at any printer resolution). */
export interface ModuleMatrix {
  columns: number;
  rows: number;
  isDark(column: number, row: number): boolean;
}

export function dataMatrixModules(text: Gs1Text): ModuleMatrix {
  const { text: bwip, parse } = bwipText(text);
  let symbol;
  try {
    symbol = bwipjs.raw('gs1datamatrix', bwip, { parse })[0];
  } catch (e) {
    throw refused(e);
  }
  if (!symbol || !('pixs' in symbol)) throw new Error('bwip-js returned no DataMatrix modules');
  const { pixs, pixx, pixy } = symbol;
  return { columns: pixx, rows: pixy, isDark: (column, row) => pixs[row * pixx + column] === 1 };
}
