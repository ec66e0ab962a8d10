import { describe, expect, it } from 'vitest';
import { FONT } from './cjk-fonts.ts';
import { drawModuleMatrix } from './draw-barcode.ts';
import { createPdfDocument, mm, PAGE_SIZES, pdfToBuffer } from './pdf-document.ts';
import { bilingual, drawCaptioned, fitText, wrapTokens } from './pdf-text.ts';

/** Page objects in a PDF (each page dictionary says /Type /Page; the tree says /Pages). */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('createPdfDocument and pdfToBuffer', () => {
  it('given Chinese and English text, then the PDF embeds a subset of the CJK TrueType font and stays small', async () => {
    const doc = createPdfDocument({ title: '装箱单 Packing list' });
    doc.text('一次性使用无菌注射器 Sterile syringe 注册证编号 国械注准20233140001');
    doc.font(FONT.bold).text('有效期至 EXP 2028-06-30');
    const pdf = await pdfToBuffer(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC\b/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold\b/);
    expect(pdf.length).toBeLessThan(100_000); // the fonts are 10 MB each: only used glyphs go in
    expect(pageCount(pdf)).toBe(1);
  });

  it('sizes pages in millimetres', () => {
    expect(mm(25.4)).toBe(72);
    expect(PAGE_SIZES.A4[0]).toBeCloseTo(595.28, 1);
    expect(PAGE_SIZES.A4[1]).toBeCloseTo(841.89, 1);
  });
});

describe('fitText', () => {
  it('given text that fits, then it is drawn at the largest size', () => {
    const doc = createPdfDocument();
    const height = fitText(doc, '批号', { x: 10, y: 10, width: 200, height: 40 }, { maxSize: 10, minSize: 5 });
    expect(height).toBeCloseTo(doc.fontSize(10).currentLineHeight(), 5);
  });

  it('given a long name, then it shrinks to fit the box', () => {
    const doc = createPdfDocument();
    const name = '一次性使用无菌注射器带针（含安全装置，用于皮下及肌肉注射）';
    const box = { x: 10, y: 10, width: 120, height: 12 };
    expect(doc.fontSize(10).heightOfString(name, { width: box.width })).toBeGreaterThan(box.height);
    expect(fitText(doc, name, box, { maxSize: 10, minSize: 4 })).toBeLessThanOrEqual(box.height);
  });

  it('given a box at the foot of the page, then no page is added', async () => {
    const doc = createPdfDocument({ marginMm: 0 });
    const [, pageHeight] = PAGE_SIZES.A4;
    fitText(doc, '有效期至 EXP 2028-06-30 '.repeat(20), { x: 0, y: pageHeight - 10, width: 100, height: 10 }, { maxSize: 8, minSize: 6 });
    drawCaptioned(doc, { zh: '批号', en: 'LOT' }, 'L2026A', { x: 0, y: pageHeight - 6, width: 100 }, { max: 6, min: 4 });
    expect(pageCount(await pdfToBuffer(doc))).toBe(1);
  });
});

describe('drawCaptioned', () => {
  it('given a value too wide at the largest size, then the line shrinks', () => {
    const doc = createPdfDocument();
    const wide = drawCaptioned(doc, { zh: '注册证编号', en: 'Reg. No.' }, '国械注准20233140001', { x: 0, y: 0, width: 80 }, { max: 8, min: 4 });
    const roomy = drawCaptioned(doc, { zh: '注册证编号', en: 'Reg. No.' }, '国械注准20233140001', { x: 0, y: 0, width: 500 }, { max: 8, min: 4 });
    expect(roomy).toBeCloseTo(doc.fontSize(8).currentLineHeight(), 5);
    expect(wide).toBeLessThan(roomy);
  });
});

describe('wrapTokens', () => {
  it('packs whole tokens into lines no wider than the width', () => {
    const doc = createPdfDocument().fontSize(6);
    const tokens = ['(01)06901234567892', '(17)280630', '(10)L2026A', '(21)SN000001'];
    const width = doc.widthOfString(tokens[0]! + tokens[1]!) + 1;
    expect(wrapTokens(doc, tokens, width)).toEqual(['(01)06901234567892(17)280630', '(10)L2026A(21)SN000001']);
    expect(wrapTokens(doc, tokens, 1)).toEqual(tokens);
  });
});

describe('bilingual', () => {
  it('joins both languages', () => {
    expect(bilingual({ zh: '批号', en: 'LOT' })).toBe('批号 LOT');
    expect(bilingual({ zh: '冷藏', en: 'Store at 2 °C to 8 °C' }, ' / ')).toBe('冷藏 / Store at 2 °C to 8 °C');
  });
});

describe('drawModuleMatrix', () => {
  it('given a matrix, then it draws one rectangle per run of dark modules and fills once', () => {
    const rects: number[][] = [];
    let fills = 0;
    const doc = {
      rect: (...args: number[]) => rects.push(args),
      fill: () => (fills += 1),
    } as unknown as PDFKit.PDFDocument;
    const dark = [[1, 1, 0, 1], [0, 0, 0, 0], [1, 1, 1, 1]];
    drawModuleMatrix(doc, { columns: 4, rows: 3, isDark: (c, r) => dark[r]![c] === 1 }, 100, 200, 40);
    expect(rects).toEqual([[100, 200, 20, 10], [130, 200, 10, 10], [100, 220, 40, 10]]);
    expect(fills).toBe(1);
  });
});
