import type { ModuleMatrix } from './render-barcode.ts';

/**
 * Draws a 2D symbol as filled rectangles, one per horizontal run of dark modules, in a single
 * fill: vector modules stay sharp on any printer, where a scaled bitmap would blur their edges.
 * `size` is the symbol's width in points, quiet zone excluded.
 */
export function drawModuleMatrix(doc: PDFKit.PDFDocument, matrix: ModuleMatrix, x: number, y: number, size: number): void {
  const module = size / matrix.columns;
  for (let row = 0; row < matrix.rows; row++) {
    let column = 0;
    while (column < matrix.columns) {
      if (!matrix.isDark(column, row)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.columns && matrix.isDark(column, row)) column++;
      doc.rect(x + start * module, y + row * module, (column - start) * module, module);
    }
  }
  doc.fill('black');
}
