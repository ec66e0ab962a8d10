import { FONT } from '../../platform/pdf/cjk-fonts.ts';
import { createPdfDocument, mm, pdfToBuffer } from '../../platform/pdf/pdf-document.ts';
import { bpToPercent, formatMinor } from '../pricing/money.ts';
import type { InvoiceView } from './invoice-view.ts';

const money = (minor: number, currency: string): string => `${currency} ${minor < 0 ? '-' : ''}${formatMinor(Math.abs(minor), currency)}`;

const TITLE = { invoice: '发票 Invoice', credit_note: '贷项通知单 Credit note' } as const;

/** The invoice or credit note as a bilingual A4 PDF: header, lines with lot and VAT, VAT per rate, totals. */
export async function renderInvoicePdf(inv: InvoiceView): Promise<Buffer> {
  const doc = createPdfDocument({ title: inv.number, size: 'A4' });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font(FONT.bold).fontSize(18).text(TITLE[inv.kind]);
  doc.moveDown(0.5).font(FONT.regular).fontSize(10);
  const rows: Array<[string, string | null]> = [
    ['编号 Number', inv.number],
    ['客户 Customer', `${inv.customer.nameZh}${inv.customer.nameEn ? ` / ${inv.customer.nameEn}` : ''} (${inv.customer.code})`],
    ['开票日期 Issue date', inv.issueDate],
    ['到期日 Due date', inv.kind === 'invoice' ? inv.dueDate : null],
    ['订单 Order', inv.orderNumber ? `${inv.orderNumber}${inv.externalPo ? ` (PO ${inv.externalPo})` : ''}` : null],
    ['发货单 Shipment', inv.shipmentNumber],
    ['原发票 Credited invoice', inv.creditedInvoiceNumber],
    ['原因 Reason', inv.reason],
    ['币种 Currency', inv.currency],
  ];
  for (const [k, v] of rows) if (v) doc.text(`${k}：${v}`);
  doc.moveDown();

  const cols = [
    { title: '行 No.', w: 8 }, { title: '产品 Device', w: 56 }, { title: '批号 Lot', w: 26 }, { title: '数量 Qty', w: 16 },
    { title: '单价 Unit price', w: 26 }, { title: '税率 VAT', w: 14 }, { title: '金额 Net', w: 26 }, { title: '税额 VAT amt', w: 24 },
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
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  };
  drawRow(cols.map((c) => c.title), true);
  for (const l of inv.lines) {
    drawRow([String(l.lineNo), `${l.deviceNameZh}\n${l.deviceNameEn ?? ''}\n${l.deviceCode}`, l.lotNumber ?? '—', String(l.quantity),
      money(l.unitPriceMinor, inv.currency), `${bpToPercent(l.vatRateBp)}%`, money(l.netMinor, inv.currency), money(l.vatMinor, inv.currency)]);
  }
  doc.moveDown().font(FONT.regular).fontSize(9);
  for (const v of inv.vatBreakdown) {
    doc.text(`税率 VAT ${bpToPercent(v.rateBp)}% (${v.code})：金额 net ${money(v.netMinor, inv.currency)}，税额 VAT ${money(v.vatMinor, inv.currency)}`, left, doc.y, { width, align: 'right' });
  }
  doc.moveDown(0.5).font(FONT.bold).fontSize(11);
  doc.text(`不含税合计 Net total：${money(inv.netMinor, inv.currency)}`, left, doc.y, { width, align: 'right' });
  doc.text(`税额合计 VAT total：${money(inv.vatMinor, inv.currency)}`, left, doc.y, { width, align: 'right' });
  doc.text(`价税合计 Total：${money(inv.totalMinor, inv.currency)}`, left, doc.y, { width, align: 'right' });
  if (inv.kind === 'invoice') {
    doc.moveDown().font(FONT.regular).fontSize(8.5).fillColor('#333333')
      .text(`请于 ${inv.dueDate} 前付款，并在付款附言中注明发票号 ${inv.number}。 Please pay by ${inv.dueDate} and quote ${inv.number} in the remittance.`, left, doc.y, { width });
  }
  return pdfToBuffer(doc);
}
