import { inflateSync } from 'node:zlib';
import type { ShipmentDocData } from './shipment-doc-data.ts';

/**
 * The text of a PDF Lotline wrote, for tests: pdfkit writes each string as glyph ids of a font
 * subset and a ToUnicode map per font. The strings are decoded with every map found and the
 * readings joined, so text drawn in any of the document's fonts can be searched for.
 */
export function extractPdfText(pdf: Buffer): string {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      streams.push(raw.slice(start, end)); // not compressed (or an image): kept as is
    }
  }
  const maps = streams.filter((s) => s.includes('beginbfrange')).map(readToUnicode);
  const shown = streams.filter((s) => / TJ|Tj/.test(s)).flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((t) => t[1]!));
  return maps.map((map) => shown.map((array) => [...array.matchAll(/<([0-9a-fA-F]+)>/g)]
    .map((h) => h[1]!.match(/.{4}/g)!.map((gid) => map.get(parseInt(gid, 16)) ?? '').join('')).join('')).join('\n')).join('\n');
}

function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    const start = parseInt(range[1]!, 16);
    [...range[3]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, i) => {
      const units = entry[1]!.split(' ').map((u) => parseInt(u, 16));
      map.set(start + i, String.fromCharCode(...units));
    });
  }
  return map;
}

/** A shipment of two lines to a hospital abroad, as plain data: one serialised stent line in a package, one lot line outside. */
export function sampleDocData(overrides: Partial<ShipmentDocData> = {}): ShipmentDocData {
  const device = {
    deviceId: 'd1', deviceCode: 'STENT-1', nameZh: '冠脉支架', nameEn: 'Coronary stent', deviceClass: 'III' as const,
    registrationKind: 'registration' as const, registrationNumber: '国械注准20263130001', registrationExpiresOn: '2031-01-01',
    registrant: 'Lotline Medical', hsCode: '9021900090', countryOfOrigin: 'CN', baseUnit: 'EA', eachGtin: '06901234000016',
    buyerItem: null, manufacturedOn: '2026-01-10', expiresOn: '2028-06-30', unitPriceMinor: 1_200_000,
  };
  return {
    shipment: { id: 's1', number: 'SHP-2026-000001', carrier: 'SF Express', trackingNumber: 'SF123456789', status: 'shipped',
      shipDate: '2026-11-26', shippedAt: '2026-11-26T02:00:00Z', deliveredOn: null },
    order: { id: 'o1', number: 'SO-2026-000042', version: 1, externalPo: 'PO-777', orderDate: '2026-11-20', currency: 'CNY', incoterms: 'CIP' },
    customer: { id: 'c1', code: 'H-001', nameZh: '测试医院', nameEn: 'Test Hospital' },
    shipTo: { name: '库房', line1: '1 Orchard Road', city: 'Singapore', province: null, postcode: '238823', country: 'SG', gln: null },
    shipFrom: { name: '上海仓', nameEn: 'Shanghai DC', line1: '浦东新区1号', city: '上海', province: '上海', postcode: '200120', country: 'CN', gln: null },
    lines: [
      { ...device, lineNo: 1, lotId: 'l1', lotNumber: 'L2026A', serial: 'SN0001', packageId: 'p1', sscc: '069012340000000016', quantity: 1 },
      { ...device, lineNo: 1, lotId: 'l1', lotNumber: 'L2026A', serial: 'SN0002', packageId: 'p1', sscc: '069012340000000016', quantity: 1 },
      { ...device, lineNo: 2, deviceId: 'd2', deviceCode: 'GAUZE-1', nameZh: '医用纱布', nameEn: 'Medical gauze', deviceClass: 'I',
        registrationKind: 'filing', registrationNumber: '京械备2026001', registrationExpiresOn: null, hsCode: '3005901000',
        eachGtin: null, lotId: 'l2', lotNumber: 'G-77', serial: null, packageId: null, sscc: null, quantity: 30, unitPriceMinor: 350 },
    ],
    packages: [{ id: 'p1', sscc: '069012340000000016', weightG: 1200 }],
    lotDocuments: [
      { lotId: 'l1', kind: 'certificate_of_conformity', reference: 'COC-L2026A', issuedOn: '2026-01-15' },
      { lotId: 'l1', kind: 'inspection_report', reference: 'QC-L2026A', issuedOn: null },
    ],
    permits: [{ kind: 'export', reference: 'EXP-SG-01', authority: 'NMPA', validTo: '2027-12-31' }],
    ...overrides,
  };
}
