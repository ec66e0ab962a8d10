import { FONT, type FontName } from './cjk-fonts.ts';

/** A caption or phrase in both languages of a Lotline document: Chinese first, English beside it. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** "批号 LOT": both languages on one line. */
export const bilingual = (text: Bilingual, separator = ' '): string => `${text.zh}${separator}${text.en}`;

export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitStyle {
  font?: FontName;
  /** Largest and smallest font size in points; the text shrinks in half points until it fits. */
  maxSize: number;
  minSize: number;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

const SIZE_STEP = 0.5;

/**
 * Draws text inside a box at the largest size that fits, wrapping lines. Text that does not fit
 * even at the smallest size is cut with an ellipsis rather than spilling over its neighbours.
 * Returns the height drawn.
 */
export function fitText(doc: PDFKit.PDFDocument, text: string, box: TextBox, style: FitStyle): number {
  doc.font(style.font ?? FONT.regular).fillColor(style.color ?? 'black');
  let size = style.maxSize;
  for (; size > style.minSize; size -= SIZE_STEP) {
    if (doc.fontSize(size).heightOfString(text, { width: box.width }) <= box.height) break;
  }
  doc.fontSize(Math.max(size, style.minSize));
  const height = Math.min(doc.heightOfString(text, { width: box.width }), box.height);
  // `height` keeps pdfkit from starting a new page when a box ends near the paper's edge.
  doc.text(text, box.x, box.y, { width: box.width, height: box.height, ellipsis: true, align: style.align ?? 'left' });
  return height;
}

/**
 * "批号 LOT  L2026A" on one line: the caption in grey, the value in bold, both shrunk together
 * until the line fits the width. Returns the line's height.
 */
export function drawCaptioned(
  doc: PDFKit.PDFDocument,
  caption: Bilingual,
  value: string,
  at: { x: number; y: number; width: number },
  size: { max: number; min: number },
): number {
  const captionText = `${bilingual(caption)}  `;
  let fontSize = size.max;
  const widthAt = (s: number): number =>
    doc.font(FONT.regular).fontSize(s).widthOfString(captionText) + doc.font(FONT.bold).fontSize(s).widthOfString(value);
  while (fontSize > size.min && widthAt(fontSize) > at.width) fontSize -= SIZE_STEP;
  const lineHeight = doc.font(FONT.regular).fontSize(fontSize).currentLineHeight();
  const captionWidth = doc.widthOfString(captionText);
  const single = { lineBreak: false, height: lineHeight };
  doc.fillColor('#555555').text(captionText, at.x, at.y, single);
  doc
    .font(FONT.bold)
    .fillColor('black')
    .text(value, at.x + captionWidth, at.y, { ...single, width: Math.max(at.width - captionWidth, 1), ellipsis: true });
  return lineHeight;
}

/**
 * Packs unbreakable tokens (the element strings of a barcode's human-readable text) into lines no
 * wider than `width` at the document's current font and size. A token wider than a line gets a
 * line of its own.
 */
export function wrapTokens(doc: PDFKit.PDFDocument, tokens: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const token of tokens) {
    const last = lines.at(-1);
    if (last !== undefined && doc.widthOfString(last + token) <= width) lines[lines.length - 1] = last + token;
    else lines.push(token);
  }
  return lines;
}
