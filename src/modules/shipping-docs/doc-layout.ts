import { FONT } from '../../platform/pdf/cjk-fonts.ts';
import { drawModuleMatrix } from '../../platform/pdf/draw-barcode.ts';
import { mm } from '../../platform/pdf/pdf-document.ts';
import { bilingual, drawCaptioned, wrapTokens, type Bilingual } from '../../platform/pdf/pdf-text.ts';
import { dataMatrixModules, renderBarcodePng } from '../../platform/pdf/render-barcode.ts';
import type { GsMark } from './packing-list-model.ts';
import type { DrawnCell } from './pdf-table.ts';
import type { DocAddress, DocParty, ShipmentDocData } from './shipment-doc-data.ts';

const left = (doc: PDFKit.PDFDocument): number => doc.page.margins.left;
const contentWidth = (doc: PDFKit.PDFDocument): number => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** "冠脉支架 Coronary stent": the Chinese name, the English one beside it when there is one. */
export const names = (p: { nameZh: string; nameEn: string | null }): string => (p.nameEn ? `${p.nameZh} ${p.nameEn}` : p.nameZh);

export const addressText = (a: DocAddress): string =>
  [a.name, a.line1, [a.postcode, a.city, a.province].filter(Boolean).join(' '), a.country, a.gln ? `GLN ${a.gln}` : '']
    .filter(Boolean).join(', ');

export const partyText = (p: DocParty): string => `${names(p)} (${p.code})`;

/** Starts a new page when fewer than `height` points are left. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number, continued: () => void): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
    doc.addPage();
    continued();
  }
}

export function drawTitle(doc: PDFKit.PDFDocument, title: Bilingual, data: ShipmentDocData): void {
  const x = left(doc);
  const width = contentWidth(doc);
  doc.font(FONT.bold).fontSize(15).fillColor('black').text(title.zh, x, doc.y, { width });
  doc.font(FONT.regular).fontSize(10).fillColor('#333333').text(title.en, x, doc.y, { width });
  const below = doc.y;
  doc.font(FONT.bold).fontSize(10).fillColor('black')
    .text(`${data.shipment.number}`, x, doc.page.margins.top, { width, align: 'right' });
  doc.y = below + mm(2);
}

/** A small head on every following page: which document of which shipment this is. */
export const runningHead = (doc: PDFKit.PDFDocument, title: Bilingual, data: ShipmentDocData) => (): void => {
  doc.font(FONT.regular).fontSize(7).fillColor('#555555')
    .text(`${bilingual(title)} · ${data.shipment.number} · ${data.order.number}（续 continued）`, left(doc), doc.page.margins.top, { width: contentWidth(doc) });
  doc.fillColor('black');
  doc.y += mm(1.5);
};

/** Captioned values in two columns. */
export function drawFields(doc: PDFKit.PDFDocument, fields: ReadonlyArray<readonly [Bilingual, string]>): void {
  const half = contentWidth(doc) / 2;
  const pitch = 8 * 1.5;
  const top = doc.y;
  fields.forEach(([caption, value], i) => {
    const at = { x: left(doc) + (i % 2) * half, y: top + Math.floor(i / 2) * pitch, width: half - mm(3) };
    drawCaptioned(doc, caption, value || '—', at, { max: 8, min: 5 });
  });
  doc.x = left(doc);
  doc.y = top + Math.ceil(fields.length / 2) * pitch + mm(2);
}

/** Blocks of wrapped text side by side (consignee, shipper …), each under its bilingual caption. */
export function drawBlocks(doc: PDFKit.PDFDocument, blocks: ReadonlyArray<{ caption: Bilingual; text: string }>): void {
  const width = contentWidth(doc) / blocks.length;
  const top = doc.y;
  let bottom = top;
  blocks.forEach((b, i) => {
    const x = left(doc) + i * width;
    doc.font(FONT.bold).fontSize(7.5).fillColor('#555555').text(bilingual(b.caption), x, top, { width: width - mm(3) });
    doc.font(FONT.regular).fontSize(8.5).fillColor('black').text(b.text || '—', x, doc.y, { width: width - mm(3) });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = left(doc);
  doc.y = bottom + mm(3);
}

export function drawHeading(doc: PDFKit.PDFDocument, caption: Bilingual, continued: () => void): void {
  ensureSpace(doc, mm(20), continued);
  doc.font(FONT.bold).fontSize(10).fillColor('black').text(bilingual(caption), left(doc), doc.y, { width: contentWidth(doc) });
  doc.y += mm(1);
}

export function drawParagraph(doc: PDFKit.PDFDocument, text: string, continued: () => void): void {
  doc.font(FONT.regular).fontSize(8);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + mm(2), continued);
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
  doc.y += mm(2);
}

/** Signature lines at the foot of a document. */
export function drawSignatures(doc: PDFKit.PDFDocument, captions: readonly Bilingual[], continued: () => void): void {
  ensureSpace(doc, mm(18), continued);
  const width = contentWidth(doc) / captions.length;
  const y = doc.y + mm(10);
  captions.forEach((c, i) => {
    const x = left(doc) + i * width;
    doc.moveTo(x, y).lineTo(x + width - mm(8), y).lineWidth(0.5).strokeColor('black').stroke();
    doc.font(FONT.regular).fontSize(7.5).fillColor('#333333').text(`${bilingual(c)} / 日期 Date`, x, y + mm(1), { width: width - mm(8) });
  });
  doc.x = left(doc);
  doc.y = y + mm(6);
}

const SYMBOL = mm(13);
const HRI_SIZE = 5.5;

/** A GS1 DataMatrix with its human-readable text under it, broken only between element strings. */
export function dataMatrixCell(mark: GsMark | null, fallback: string): string | DrawnCell {
  if (mark === null) return fallback;
  const hri = (doc: PDFKit.PDFDocument, width: number): string[] =>
    wrapTokens(doc.font(FONT.regular).fontSize(HRI_SIZE), mark.elements.map((e) => `(${e.ai})${e.data}`), width);
  const pitch = HRI_SIZE * 1.45;
  return {
    height: (doc, width) => Math.min(SYMBOL, width) + mm(1) + hri(doc, width).length * pitch,
    draw(doc, x, y, width) {
      const size = Math.min(SYMBOL, width);
      drawModuleMatrix(doc, dataMatrixModules(mark.elements), x, y, size);
      hri(doc, width).forEach((line, i) => doc.fillColor('black').text(line, x, y + size + mm(1) + i * pitch, { width, lineBreak: false }));
    },
  };
}

/** The package's SSCC as a GS1-128 symbol (its text printed under the bars by the renderer). */
export async function drawSsccBarcode(doc: PDFKit.PDFDocument, mark: GsMark, continued: () => void): Promise<void> {
  const png = await renderBarcodePng('gs1-128', mark.elements, { scale: 2, heightMm: 10 });
  const height = mm(16);
  ensureSpace(doc, height + mm(20), continued);
  doc.image(png, left(doc), doc.y, { height });
  doc.y += height + mm(1.5);
}
