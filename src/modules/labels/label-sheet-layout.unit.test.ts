import { describe, expect, it } from 'vitest';
import { mm, PAGE_SIZES } from '../../platform/pdf/pdf-document.ts';
import { A4_3X8, labelCell, LABELS_PER_SHEET } from './label-sheet-layout.ts';

describe('labelCell on the A4 3 × 8 sheet', () => {
  const [pageWidth, pageHeight] = PAGE_SIZES.A4;

  it('fills rows left to right, then the next row', () => {
    const first = labelCell(A4_3X8, 0);
    expect(labelCell(A4_3X8, 1)).toMatchObject({ page: 0, x: first.x + mm(70), y: first.y });
    expect(labelCell(A4_3X8, 3)).toMatchObject({ page: 0, x: first.x, y: first.y + mm(37) });
    expect(first).toMatchObject({ width: mm(70), height: mm(37) });
  });

  it('centres the grid on the page', () => {
    const first = labelCell(A4_3X8, 0);
    const last = labelCell(A4_3X8, LABELS_PER_SHEET - 1);
    expect(first.x).toBeCloseTo(0, 6); // 3 × 70 mm is the full width of A4
    expect(first.y).toBeCloseTo(pageHeight - (last.y + last.height), 6);
    expect(last.x + last.width).toBeCloseTo(pageWidth, 6);
  });

  it('starts a new page after 24 labels', () => {
    expect(LABELS_PER_SHEET).toBe(24);
    expect(labelCell(A4_3X8, 23).page).toBe(0);
    expect(labelCell(A4_3X8, 24)).toEqual({ ...labelCell(A4_3X8, 0), page: 1 });
    expect(labelCell(A4_3X8, 50)).toEqual({ ...labelCell(A4_3X8, 2), page: 2 });
  });
});
