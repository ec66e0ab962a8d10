import { renderBarcodePng, renderBarcodeSvg, type BarcodeKind } from '../../platform/pdf/render-barcode.ts';
import { encodeUdi, type UdiFields } from './encode-udi.ts';
import type { ImageFormat, Symbology } from './label-schemas.ts';

export interface UdiLabelRequest extends UdiFields {
  symbology?: Symbology;
  format?: ImageFormat;
}

export interface RenderedBarcode {
  contentType: 'image/png' | 'image/svg+xml';
  body: Buffer;
  /** What the symbol encodes, as printed and as scanned. */
  hri: string;
  raw: string;
}

const KIND: Record<Symbology, BarcodeKind> = { datamatrix: 'gs1datamatrix', 'gs1-128': 'gs1-128' };

/**
 * Draws the UDI barcode of one label (GS1 DataMatrix by default, PNG by default). The fields are
 * checked by the GS1 codec first: a bad check digit, an impossible date or a character GS1 does
 * not allow is refused with its SCAN_* code and the field's name.
 */
export async function renderUdiLabel(request: UdiLabelRequest, opts: { now?: Date } = {}): Promise<RenderedBarcode> {
  const { symbology = 'datamatrix', format = 'png', ...fields } = request;
  const { raw, hri, elements } = encodeUdi(fields, opts);
  const kind = KIND[symbology];
  if (format === 'svg') {
    return { contentType: 'image/svg+xml', body: Buffer.from(renderBarcodeSvg(kind, elements), 'utf8'), hri, raw };
  }
  return { contentType: 'image/png', body: await renderBarcodePng(kind, elements), hri, raw };
}
