import { mm, PAGE_SIZES, type PageSize } from '../../platform/pdf/pdf-document.ts';

/** A sheet of adhesive labels: a grid of equal labels centred on the page. */
export interface SheetLayout {
  page: PageSize;
  columns: number;
  rows: number;
  labelWidthMm: number;
  labelHeightMm: number;
}

/** The common A4 sheet of 24 labels, 70 × 37 mm, 3 across and 8 down. */
export const A4_3X8: SheetLayout = { page: 'A4', columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 37 };
export const LABELS_PER_SHEET = A4_3X8.columns * A4_3X8.rows;

/** Where one label goes, in points from the page's top left corner. */
export interface LabelCell {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The cell of the label at `index`, filling each page row by row. */
export function labelCell(layout: SheetLayout, index: number): LabelCell {
  const perPage = layout.columns * layout.rows;
  const [pageWidth, pageHeight] = PAGE_SIZES[layout.page];
  const width = mm(layout.labelWidthMm);
  const height = mm(layout.labelHeightMm);
  const left = (pageWidth - layout.columns * width) / 2;
  const top = (pageHeight - layout.rows * height) / 2;
  const onPage = index % perPage;
  return {
    page: Math.floor(index / perPage),
    x: left + (onPage % layout.columns) * width,
    y: top + Math.floor(onPage / layout.columns) * height,
    width,
    height,
  };
}
