import PDFDocument from 'pdfkit';
import { cjkFontData, FONT } from './cjk-fonts.ts';

/** Millimetres to PDF points (1/72 inch): layouts are drawn on paper, so they are written in mm. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** Page sizes in points, width × height, portrait. */
export const PAGE_SIZES = {
  A4: [mm(210), mm(297)],
  A5: [mm(148), mm(210)],
  /** Thermal shipping label, 4 × 6 inch. */
  label100x150: [mm(100), mm(150)],
  /** Thermal product label. */
  label100x60: [mm(100), mm(60)],
  label70x37: [mm(70), mm(37)],
} as const satisfies Record<string, readonly [number, number]>;
export type PageSize = keyof typeof PAGE_SIZES;

export interface PdfOptions {
  size?: PageSize;
  layout?: 'portrait' | 'landscape';
  /** Page margin in mm; 0 for label sheets, whose labels reach the paper's edge. */
  marginMm?: number;
  title?: string;
  /** The document's language, for screen readers and text extraction. */
  lang?: 'zh-CN' | 'en';
}

/**
 * A pdfkit document with the CJK fonts registered (FONT.regular, FONT.bold) and the regular one
 * selected. Draw on it, then pass it to `pdfToBuffer`.
 */
export function createPdfDocument(opts: PdfOptions = {}): PDFKit.PDFDocument {
  const [width, height] = PAGE_SIZES[opts.size ?? 'A4'];
  const doc = new PDFDocument({
    size: [width, height],
    layout: opts.layout ?? 'portrait',
    margin: mm(opts.marginMm ?? 15),
    lang: opts.lang ?? 'zh-CN',
    info: { Title: opts.title ?? 'Lotline', Creator: 'Lotline', Producer: 'Lotline' },
    displayTitle: opts.title !== undefined,
  });
  for (const [name, data] of cjkFontData()) doc.registerFont(name, data);
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
