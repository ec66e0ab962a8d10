import { FONT } from '../../platform/pdf/cjk-fonts.ts';
import { mm } from '../../platform/pdf/pdf-document.ts';
import type { Bilingual } from '../../platform/pdf/pdf-text.ts';

/** A cell drawn by the caller (a barcode with its text): its height at a width, then the drawing. */
export interface DrawnCell {
  height(doc: PDFKit.PDFDocument, width: number): number;
  draw(doc: PDFKit.PDFDocument, x: number, y: number, width: number): void;
}

export interface Column<R> {
  title: Bilingual;
  /** Share of the table's width. */
  weight: number;
  cell(row: R): string | DrawnCell;
  align?: 'left' | 'right' | 'center';
}

const PAD = mm(1.2);
const SIZE = 7.5;
const HEADER_SIZE = 6.5;
const RULE = '#999999';

const isText = (c: string | DrawnCell): c is string => typeof c === 'string';

function widths<R>(columns: readonly Column<R>[], total: number): number[] {
  const sum = columns.reduce((n, c) => n + c.weight, 0);
  return columns.map((c) => (c.weight / sum) * total);
}

function drawHeader<R>(doc: PDFKit.PDFDocument, columns: readonly Column<R>[], w: number[], x: number, y: number): number {
  doc.font(FONT.bold).fontSize(HEADER_SIZE);
  const texts = columns.map((c) => `${c.title.zh}\n${c.title.en}`);
  const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: w[i]! - 2 * PAD }))) + 2 * PAD;
  doc.rect(x, y, w.reduce((a, b) => a + b, 0), height).fill('#eeeeee').fillColor('black');
  let cx = x;
  texts.forEach((t, i) => {
    doc.text(t, cx + PAD, y + PAD, { width: w[i]! - 2 * PAD, align: columns[i]!.align ?? 'left' });
    cx += w[i]!;
  });
  return height;
}

/**
 * Draws rows under a bilingual header, starting at doc.y. A row never splits: one that does not
 * fit goes to a new page, where `continued` draws the running head and the header repeats.
 * Leaves doc.y below the table.
 */
export function drawTable<R>(
  doc: PDFKit.PDFDocument,
  columns: readonly Column<R>[],
  rows: readonly R[],
  continued: () => void,
): void {
  const x = doc.page.margins.left;
  const w = widths(columns, doc.page.width - doc.page.margins.left - doc.page.margins.right);
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  let y = doc.y;
  y += drawHeader(doc, columns, w, x, y);
  for (const row of rows) {
    const cells = columns.map((c) => c.cell(row));
    doc.font(FONT.regular).fontSize(SIZE);
    const height = Math.max(...cells.map((c, i) => (isText(c) ? doc.heightOfString(c || ' ', { width: w[i]! - 2 * PAD }) : c.height(doc, w[i]! - 2 * PAD)))) + 2 * PAD;
    if (y + height > bottom()) {
      doc.addPage();
      continued();
      y = doc.y;
      y += drawHeader(doc, columns, w, x, y);
    }
    let cx = x;
    cells.forEach((c, i) => {
      doc.font(FONT.regular).fontSize(SIZE).fillColor('black');
      if (isText(c)) doc.text(c, cx + PAD, y + PAD, { width: w[i]! - 2 * PAD, align: columns[i]!.align ?? 'left' });
      else c.draw(doc, cx + PAD, y + PAD, w[i]! - 2 * PAD);
      cx += w[i]!;
    });
    doc.moveTo(x, y + height).lineTo(cx, y + height).lineWidth(0.4).strokeColor(RULE).stroke();
    y += height;
  }
  doc.x = x;
  doc.y = y + mm(2);
}
