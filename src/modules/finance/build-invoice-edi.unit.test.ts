import { describe, expect, it } from 'vitest';
import { generate810, generateInvoic, type EdiInvoice } from './build-invoice-edi.ts';

const invoice: EdiInvoice = {
  number: 'INV-2026-000007', kind: 'invoice', issueDate: '2026-06-01', dueDate: '2026-07-01', poNumber: 'PO-778', creditedInvoiceNumber: null,
  currency: 'CNY', netMinor: 2_400_000, vatMinor: 312_000, totalMinor: 2_712_000,
  vatBreakdown: [{ rateBp: 1300, netMinor: 2_400_000, vatMinor: 312_000 }],
  lines: [{ lineNo: 1, quantity: 2, unitPriceMinor: 1_200_000, netMinor: 2_400_000, vatMinor: 312_000, vatRateBp: 1300, gtin: '06912345000011', deviceCode: 'STENT-1', lotNumber: 'L2026A' }],
};
const env = { sender: { qualifier: 'ZZ', id: 'LOTLINE' }, receiver: { qualifier: '14', id: '6912345000002' }, controlNumber: 42, now: new Date('2026-06-01T02:03:00Z') };

describe('EDI invoices', () => {
  it('writes an X12 810 with the invoice number, PO, due date, the line with GTIN and lot, VAT and the total in cents', () => {
    const text = generate810(invoice, env);
    const segments = text.split('~').map((s) => s.trim()).filter(Boolean);
    expect(segments[0]).toMatch(/^ISA\*/);
    expect(segments).toContain('ST*810*0001');
    expect(segments).toContain('BIG*20260601*INV-2026-000007**PO-778***DI');
    expect(segments).toContain('ITD*01*3****20260701');
    expect(segments).toContain('IT1*1*2*EA*12000.00**UK*06912345000011*VP*STENT-1*LT*L2026A');
    expect(segments).toContain('TXI*VA*3120.00*13.00');
    expect(segments).toContain('TDS*2712000');
    expect(segments).toContain('CTT*1');
    const se = segments.find((s) => s.startsWith('SE*'))!;
    const count = segments.indexOf(se) - segments.findIndex((s) => s.startsWith('ST*')) + 1;
    expect(se).toBe(`SE*${count}*0001`);
  });

  it('marks a credit note as such and writes its amounts positive with the credited invoice', () => {
    const credit: EdiInvoice = { ...invoice, number: 'CN-2026-000001', kind: 'credit_note', creditedInvoiceNumber: 'INV-2026-000007', netMinor: -1_200_000, vatMinor: -156_000, totalMinor: -1_356_000,
      vatBreakdown: [{ rateBp: 1300, netMinor: -1_200_000, vatMinor: -156_000 }], lines: [{ ...invoice.lines[0]!, quantity: 1, netMinor: -1_200_000, vatMinor: -156_000 }] };
    const x12 = generate810(credit, env);
    expect(x12).toContain('BIG*20260601*CN-2026-000001**PO-778***CR~');
    expect(x12).toContain('REF*IV*INV-2026-000007~');
    expect(x12).toContain('TDS*1356000~');
    const edifact = generateInvoic(credit, env);
    expect(edifact).toContain("BGM+381+CN-2026-000001+9'");
    expect(edifact).toContain("RFF+IV:INV-2026-000007'");
  });

  it('writes an EDIFACT INVOIC with a counted message and whose totals are the invoice’s', () => {
    const text = generateInvoic(invoice, env);
    expect(text.startsWith("UNA:+.? '")).toBe(true);
    expect(text).toContain("UNH+1+INVOIC:D:96A:UN'");
    expect(text).toContain("BGM+380+INV-2026-000007+9'");
    expect(text).toContain("DTM+13:20260701:102'");
    expect(text).toContain("LIN+1++06912345000011:SRV'");
    expect(text).toContain("PIA+1+STENT-1:SA+L2026A:NB'");
    expect(text).toContain("QTY+47:2'");
    expect(text).toContain("MOA+77:27120.00'");
    expect(text).toContain("TAX+7+VAT+++:::13.00+S'");
    const segments = text.split("'\n");
    const count = segments.findIndex((s) => s.startsWith('UNT')) - segments.findIndex((s) => s.startsWith('UNH')) + 1;
    expect(text).toContain(`UNT+${count}+1'`);
    expect(text).toContain("UNZ+1+42'");
  });
});
