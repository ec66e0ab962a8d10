import { describe, expect, it } from 'vitest';
import { complianceModel } from './compliance-model.ts';
import { availableKinds, DOCUMENT_KINDS, isExport } from './document-kinds.ts';
import { formatMinorAmount, invoiceModel, originModel } from './export-model.ts';
import { packingListModel } from './packing-list-model.ts';
import { renderShipmentDocument } from './render-shipment-document.ts';
import { extractPdfText, sampleDocData } from './test-support.ts';

describe('packingListModel', () => {
  it('given two serials in a package and a lot outside, then a group per package with a UDI per serial', () => {
    const model = packingListModel(sampleDocData());
    expect(model.packageCount).toBe(1);
    expect(model.totalQuantity).toBe(32);
    const [pkg, loose] = model.groups;
    expect(pkg!.sscc).toBe('069012340000000016');
    expect(pkg!.mark?.hri).toBe('(00)069012340000000016');
    expect(pkg!.rows.map((r) => [r.serial, r.quantity, r.udi?.hri])).toEqual([
      ['SN0001', 1, '(01)06901234000016(17)280630(10)L2026A(21)SN0001'],
      ['SN0002', 1, '(01)06901234000016(17)280630(10)L2026A(21)SN0002'],
    ]);
    expect(loose).toMatchObject({ sscc: null, mark: null, quantity: 30 });
    expect(loose!.rows[0]).toMatchObject({ lotNumber: 'G-77', udi: null }); // no GTIN of the each level
  });

  it('given two rows of one lot in one package, then one row with their sum', () => {
    const data = sampleDocData();
    const gauze = data.lines[2]!;
    const model = packingListModel({ ...data, lines: [gauze, { ...gauze, quantity: 5 }] });
    expect(model.groups.find((g) => g.sscc === null)!.rows.map((r) => r.quantity)).toEqual([35]);
  });

  it('given a lot GS1 cannot carry, then the row has no symbol but keeps its text', () => {
    const data = sampleDocData();
    const model = packingListModel({ ...data, lines: [{ ...data.lines[0]!, lotNumber: 'LOT 1' }] });
    expect(model.groups[0]!.rows[0]).toMatchObject({ lotNumber: 'LOT 1', udi: null });
  });
});

describe('complianceModel', () => {
  it('given one lot with its papers and one without, then the second is listed as incomplete', () => {
    const model = complianceModel(sampleDocData());
    expect(model.devices.map((d) => [d.deviceCode, d.registrationNumber])).toEqual([
      ['STENT-1', '国械注准20263130001'], ['GAUZE-1', '京械备2026001'],
    ]);
    expect(model.lots).toMatchObject([
      { lotNumber: 'L2026A', quantity: 2, complete: true, certificates: [{ reference: 'COC-L2026A', issuedOn: '2026-01-15' }],
        inspections: [{ reference: 'QC-L2026A' }] },
      { lotNumber: 'G-77', quantity: 30, complete: false, certificates: [], inspections: [] },
    ]);
  });
});

describe('invoiceModel and originModel', () => {
  it('given the order prices, then amounts and total in exact minor units', () => {
    const model = invoiceModel(sampleDocData());
    expect(model.lines.map((l) => [l.lineNo, l.quantity, l.amountMinor, l.lots])).toEqual([
      [1, 2, 2_400_000n, ['L2026A']], [2, 30, 10_500n, ['G-77']],
    ]);
    expect(formatMinorAmount(model.totalMinor, 'CNY')).toBe('24105.00');
  });

  it('formats minor units by the currency exponent, large amounts without loss', () => {
    expect(formatMinorAmount(5n, 'CNY')).toBe('0.05');
    expect(formatMinorAmount(1234, 'JPY')).toBe('1234');
    expect(formatMinorAmount(9_007_199_254_740_993n, 'USD')).toBe('90071992547409.93');
  });

  it('groups the origin sheet by HS code and origin', () => {
    expect(originModel(sampleDocData()).map((r) => [r.hsCode, r.countryOfOrigin, r.quantity, r.lots])).toEqual([
      ['9021900090', 'CN', 2, ['L2026A']], ['3005901000', 'CN', 30, ['G-77']],
    ]);
  });
});

describe('document kinds', () => {
  it('given a ship-to abroad, then the export papers too; a portal user gets the delivery note and compliance bundle only', () => {
    const data = sampleDocData();
    expect(isExport(data)).toBe(true);
    expect(availableKinds(data, false)).toEqual([...DOCUMENT_KINDS]);
    expect(availableKinds(data, true)).toEqual(['packing_list', 'compliance_bundle']);
    const domestic = { ...data, shipTo: { ...data.shipTo!, country: 'CN' } };
    expect(availableKinds(domestic, false)).toEqual(['packing_list', 'compliance_bundle']);
  });
});

describe('renderShipmentDocument', () => {
  it.each(DOCUMENT_KINDS)('given the sample shipment, then %s is a PDF with the lot and the Chinese name in its text', async (kind) => {
    const pdf = await renderShipmentDocument(kind, sampleDocData());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC\b/);
    const text = extractPdfText(pdf);
    expect(text).toContain('L2026A');
    expect(text).toContain('冠脉支架');
    expect(text).toContain('SHP-2026-000001');
  }, 60_000);

  it('lists serials, UDI text and registration on the packing list, the missing papers on the bundle, permits on the invoice', async () => {
    const data = sampleDocData();
    const packing = extractPdfText(await renderShipmentDocument('packing_list', data));
    expect(packing).toContain('SN0002');
    expect(packing).toContain('(01)06901234000016');
    expect(packing).toContain('国械注准20263130001');
    const bundle = extractPdfText(await renderShipmentDocument('compliance_bundle', data));
    expect(bundle).toContain('COC-L2026A');
    expect(bundle).toContain('缺失 MISSING');
    const invoice = extractPdfText(await renderShipmentDocument('commercial_invoice', data));
    expect(invoice).toContain('EXP-SG-01');
    expect(invoice).toContain('9021900090');
    expect(invoice).toContain('24000.00');
  }, 60_000);

  it('given 200 serials, then the packing list runs over several pages with its running head', async () => {
    const data = sampleDocData();
    const unit = data.lines[0]!;
    const lines = Array.from({ length: 200 }, (_, i) => ({ ...unit, serial: `SN${String(i).padStart(4, '0')}` }));
    const pdf = await renderShipmentDocument('packing_list', { ...data, lines });
    expect(pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)!.length).toBeGreaterThan(5);
    expect(extractPdfText(pdf)).toContain('SN0199');
  }, 120_000);
});
