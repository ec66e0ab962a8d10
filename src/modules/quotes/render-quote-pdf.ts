import { createPdfDocument, mm, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { FONT } from '../../platform/pdf/cjk-fonts.ts';
import type { QuoteView } from './get-quote.ts';

/** Minor units as printed money, with integer arithmetic only (two decimals: CNY, USD, EUR). */
const money = (minor: number, currency: string): string => {
  const units = String(Math.trunc(Math.abs(minor) / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${minor < 0 ? '-' : ''}${units}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
};

/** The quotation as a bilingual A4 PDF (Chinese first, English beneath), one table of lines. */
export async function renderQuotePdf(q: QuoteView): Promise<Buffer> {
  const doc = createPdfDocument({ title: `${q.number} rev ${q.revision}`, size: 'A4' });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.bold).fontSize(18).text('报价单 Quotation', { align: 'left' });
  doc.moveDown(0.5).font(FONT.regular).fontSize(10);
  const rows: Array<[string, string]> = [
    ['报价单号 Number', `${q.number}  (修订 rev. ${q.revision})`],
    ['客户 Customer', `${q.customerNameZh}${q.customerNameEn ? ` / ${q.customerNameEn}` : ''} (${q.customerCode})`],
    ['报价日期 Date', q.quoteDate],
    ['有效期至 Valid until', q.validUntil],
    ['币种 Currency', q.currency],
  ];
  for (const [k, v] of rows) doc.text(`${k}：${v}`);
  doc.moveDown();

  const cols = [
    { title: '行 No.', w: 8 }, { title: '产品 Device', w: 62 }, { title: '注册证 Reg. no.', w: 38 },
    { title: '数量 Qty', w: 20 }, { title: '单价 Unit price', w: 26 }, { title: '金额 Amount', w: 26 },
  ];
  const scale = width / mm(cols.reduce((s, c) => s + c.w, 0));
  const drawRow = (cells: string[], bold = false) => {
    const y = doc.y;
    let x = left;
    let height = 0;
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(8.5);
    cells.forEach((cell, i) => {
      const w = mm(cols[i]!.w) * scale;
      height = Math.max(height, doc.heightOfString(cell, { width: w - 4 }));
      doc.text(cell, x + 2, y, { width: w - 4 });
      x += w;
    });
    doc.y = y + height + 4;
    doc.moveTo(left, doc.y - 2).lineTo(left + width, doc.y - 2).lineWidth(0.3).stroke('#999999');
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
  };
  drawRow(cols.map((c) => c.title), true);
  for (const l of q.lines) {
    drawRow([
      String(l.lineNo),
      `${l.nameZh}\n${l.nameEn ?? ''}\n${l.deviceCode}`,
      l.registrationNumber ?? '—',
      `${l.uomQuantity} ${l.uom}\n(${l.quantity})`,
      money(l.unitPriceMinor, q.currency),
      money(l.amountMinor, q.currency),
    ]);
  }
  doc.moveDown().font(FONT.bold).fontSize(11).text(`合计 Total：${money(q.totalMinor, q.currency)}`, left, doc.y, { width, align: 'right' });
  doc.moveDown().font(FONT.regular).fontSize(8.5).fillColor('#333333');
  doc.text('价格说明 Price basis：', left, doc.y, { width });
  for (const l of q.lines) {
    const e = l.explanation as { zh?: string; en?: string };
    doc.text(`${l.lineNo}. ${e.zh ?? ''} — ${e.en ?? ''}`, { width });
  }
  if (q.notes) doc.moveDown().text(`备注 Notes：${q.notes}`, { width });
  doc.moveDown().text('本报价在有效期内有效，订单按报价价格执行。 Prices hold until the date above; an order placed from this quotation keeps them.', { width });
  return pdfToBuffer(doc);
}
