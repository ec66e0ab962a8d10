import { FONT } from '../../platform/pdf/cjk-fonts.ts';
import { drawModuleMatrix } from '../../platform/pdf/draw-barcode.ts';
import { mm } from '../../platform/pdf/pdf-document.ts';
import { bilingual, drawCaptioned, fitText, wrapTokens, type Bilingual } from '../../platform/pdf/pdf-text.ts';
import { dataMatrixModules } from '../../platform/pdf/render-barcode.ts';
import type { LabelCell } from './label-sheet-layout.ts';
import { CAPTION } from './label-words.ts';
import type { LotLabel } from './plan-lot-labels.ts';

const PADDING = mm(2.5);
const GAP = mm(0.8);
const SYMBOL_MAX = mm(16);
/** Line pitch as a multiple of the font size: CJK glyphs fill the em, so 1.3 keeps lines apart. */
const PITCH = 1.3;
const DETAIL_SIZE = 6;
const HRI_SIZE = 6.5;
const STORAGE_SIZE = 5.5;
/** pdfkit's line height for Noto Sans SC, in font sizes (its ascender and descender). */
const LINE = 1.45;
/** The Chinese name may take two lines at 6 pt, or one line up to 8 pt; the English name one line. */
const NAME_ZH = { box: 2 * 6 * LINE, style: { font: FONT.bold, maxSize: 8, minSize: 6 } };
const NAME_EN = { box: 6 * LINE, style: { maxSize: 6, minSize: 4.5, color: '#333333' } };

/**
 * One UDI label: names on top; the GS1 DataMatrix with the regulatory details beside it; the
 * storage condition; the human-readable UDI at the foot, where GS1 puts it. Every block shrinks
 * to its share of the label, so long names and serials never run into the next label.
 */
export function drawUdiLabel(doc: PDFKit.PDFDocument, label: LotLabel, cell: LabelCell): void {
  const x = cell.x + PADDING;
  const width = cell.width - 2 * PADDING;
  let y = cell.y + PADDING;
  const bottom = cell.y + cell.height - PADDING;

  y += fitText(doc, label.nameZh, { x, y, width, height: NAME_ZH.box }, NAME_ZH.style);
  if (label.nameEn !== null) y += fitText(doc, label.nameEn, { x, y, width, height: NAME_EN.box }, NAME_EN.style);
  y += GAP;

  const hriTop = drawHri(doc, label, x, width, bottom);
  const storageTop = hriTop - GAP - STORAGE_SIZE * PITCH;
  drawCaptioned(doc, CAPTION.storage, bilingual(label.storage, ' / '), { x, y: storageTop, width }, { max: STORAGE_SIZE, min: 4 });

  const blockHeight = storageTop - GAP - y;
  const symbolSize = Math.min(SYMBOL_MAX, blockHeight);
  drawModuleMatrix(doc, dataMatrixModules(label.elements), x, y, symbolSize);
  drawDetails(doc, label, { x: x + symbolSize + mm(2), y, width: width - symbolSize - mm(2), height: blockHeight });
}

function drawDetails(doc: PDFKit.PDFDocument, label: LotLabel, box: { x: number; y: number; width: number; height: number }): void {
  const lines: Array<[Bilingual, string]> = [];
  if (label.registration) lines.push([label.registration.caption, label.registration.number]);
  lines.push([CAPTION.lot, label.lot], [CAPTION.expiry, label.expiry]);
  if (label.productionDate !== null) lines.push([CAPTION.productionDate, label.productionDate]);
  if (label.serial !== null) lines.push([CAPTION.serial, label.serial]);
  if (label.pack !== null) lines.push([CAPTION.pack, label.pack]);
  const pitch = Math.min(DETAIL_SIZE * PITCH, box.height / lines.length);
  const size = pitch / PITCH;
  lines.forEach(([caption, value], i) => {
    drawCaptioned(doc, caption, value, { x: box.x, y: box.y + i * pitch, width: box.width }, { max: size, min: Math.min(size, 4) });
  });
}

/** Draws the "(01)…(17)…" text upwards from `bottom`, breaking only between element strings; returns its top. */
function drawHri(doc: PDFKit.PDFDocument, label: LotLabel, x: number, width: number, bottom: number): number {
  doc.font(FONT.regular).fontSize(HRI_SIZE).fillColor('black');
  const lines = wrapTokens(doc, label.elements.map((e) => `(${e.ai})${e.data}`), width);
  const pitch = HRI_SIZE * PITCH;
  const top = bottom - lines.length * pitch;
  lines.forEach((line, i) => {
    fitText(doc, line, { x, y: top + i * pitch, width, height: pitch + 2 }, { maxSize: HRI_SIZE, minSize: 4 });
  });
  return top;
}
